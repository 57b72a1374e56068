/**
 * Events, alerts and tasks: what the cluster tells the admin. Events are append-only;
 * alerts resolve themselves when their cause goes (by key); tasks carry progress.
 */
import type { Severity, SimAlert, SimEvent, SimTask } from './types'

export class ClusterLog {
  readonly events: SimEvent[] = []
  readonly alerts: SimAlert[] = []
  readonly tasks: SimTask[] = []
  /** open alerts by cause key, e.g. "node-down:node-2" */
  private readonly openAlerts = new Map<string, SimAlert>()
  private alertSeq = 0
  private taskSeq = 0
  /** bumped whenever alerts or tasks change (events are tracked by length) */
  alertsVersion = 0
  tasksVersion = 0

  constructor(private readonly now: () => number) {}

  event(severity: Severity, type: string, entity: string | null, message: string): SimEvent {
    const ev = { time: this.now(), severity, type, entity, message }
    this.events.push(ev)
    return ev
  }

  /** Raise (or keep) the alert for `key`; also logs an event. */
  raise(key: string, severity: Exclude<Severity, 'info'> | 'info', type: string, entity: string | null, message: string): SimAlert {
    const open = this.openAlerts.get(key)
    if (open) return open
    const alert: SimAlert = {
      id: `alert-${++this.alertSeq}`, severity, type, entity, message,
      createdTime: this.now(), resolvedTime: null, acknowledged: false,
    }
    this.alerts.push(alert)
    this.openAlerts.set(key, alert)
    this.alertsVersion++
    return alert
  }

  /** Resolve the alert for `key` if it is open: its cause went away. */
  resolve(key: string): void {
    const open = this.openAlerts.get(key)
    if (!open) return
    open.resolvedTime = this.now()
    this.openAlerts.delete(key)
    this.alertsVersion++
  }

  isOpen(key: string): boolean {
    return this.openAlerts.has(key)
  }

  acknowledge(alertId: string): boolean {
    const a = this.alerts.find((x) => x.id === alertId)
    if (!a || a.acknowledged) return false
    a.acknowledged = true
    this.alertsVersion++
    return true
  }

  startTask(type: string, entity: string | null, message: string): SimTask {
    const t: SimTask = { id: `task-${++this.taskSeq}`, type, state: 'running', progress: 0, startTime: this.now(), endTime: null, entity, message }
    this.tasks.push(t)
    this.tasksVersion++
    return t
  }

  progressTask(t: SimTask, progress: number): void {
    const p = Math.max(0, Math.min(1, progress))
    if (t.state !== 'running' || p === t.progress) return
    t.progress = p
    this.tasksVersion++
  }

  /** A running task says something new (the UI shows it). */
  describeTask(t: SimTask, message: string): void {
    if (t.message === message) return
    t.message = message
    this.tasksVersion++
  }

  endTask(t: SimTask, state: 'succeeded' | 'failed', message?: string): void {
    if (t.state !== 'running') return
    t.state = state
    if (state === 'succeeded') t.progress = 1
    t.endTime = this.now()
    if (message !== undefined) t.message = message
    this.tasksVersion++
  }

  /** events appended since load (lead's placeholder until the log is bounded: then it counts dropped ones too) */
  get eventsAppended(): number {
    return this.events.length
  }

  get unresolvedAlerts(): number {
    return this.openAlerts.size
  }
  get runningTasks(): number {
    let n = 0
    for (const t of this.tasks) if (t.state === 'running') n++
    return n
  }
}
