/**
 * Events, alerts and tasks: what the cluster tells the admin. Events are append-only;
 * alerts resolve themselves when their cause goes (by key); tasks carry progress.
 *
 * Bounded history (issue 9, memory), as Prism keeps a bounded event history: the log
 * keeps the latest EVENT_RETENTION events, every open alert and running task, and the
 * latest ENDED_RETENTION resolved alerts and ended tasks (latest by resolution / end).
 * `eventsAppended` counts every event ever appended, so a consumer that has seen N of
 * them knows the new ones are the last (eventsAppended − N) of `events` (when fewer than
 * the retention were appended since). Long drills at 3600× run for days of simulated time
 * in constant memory.
 */
import type { Severity, SimAlert, SimEvent, SimTask } from '../types'

/** Events the log keeps (the latest). */
export const EVENT_RETENTION = 10_000
/** Resolved alerts, and ended tasks, the log keeps (the latest of each) besides the open / running ones. */
export const ENDED_RETENTION = 1_000

/**
 * A list in creation order from which the oldest "ended" records are dropped once more
 * than `limit` have ended: dropping is decided when a record ends (deterministic), the
 * array is compacted when next read (one pass for any number of drops).
 */
class BoundedRecords<T> {
  private readonly list: T[] = []
  /** ended records, oldest end first (a queue: `head` is its start) */
  private ended: T[] = []
  private head = 0
  private readonly dropped = new Set<T>()

  constructor(private readonly limit: number) {}

  add(x: T): void {
    this.list.push(x)
  }

  /** `x` ended now; the oldest ended record past the limit leaves the history. */
  markEnded(x: T): void {
    this.ended.push(x)
    if (this.ended.length - this.head > this.limit) {
      this.dropped.add(this.ended[this.head++])
      // keep the queue's storage proportional to what it holds
      if (this.head > this.limit) {
        this.ended = this.ended.slice(this.head)
        this.head = 0
      }
    }
  }

  get items(): readonly T[] {
    if (this.dropped.size > 0) {
      let k = 0
      for (const x of this.list) if (!this.dropped.has(x)) this.list[k++] = x
      this.list.length = k
      this.dropped.clear()
    }
    return this.list
  }
}

/**
 * The same text, stored flat: messages built from template literals are trees of string
 * pieces (V8 ConsStrings, ~50 bytes more per message); reading a character flattens the
 * tree into one string and the collector drops the pieces. The history holds thousands.
 */
function flat(text: string): string {
  text.charCodeAt(0)
  return text
}

export class ClusterLog {
  /** the retained events: a ring once full, `start` = index of the oldest */
  private readonly ring: SimEvent[] = []
  private start = 0
  /** `events` as an array, oldest first (rebuilt when read after an append) */
  private view: SimEvent[] | null = null
  /** every event ever appended (retained or not) */
  eventsAppended = 0
  private readonly alertRecords = new BoundedRecords<SimAlert>(ENDED_RETENTION)
  private readonly taskRecords = new BoundedRecords<SimTask>(ENDED_RETENTION)
  /** open alerts by cause key, e.g. "node-down:node-2" */
  private readonly openAlerts = new Map<string, SimAlert>()
  private alertSeq = 0
  private taskSeq = 0
  /** bumped whenever alerts or tasks change (events are tracked by eventsAppended) */
  alertsVersion = 0
  tasksVersion = 0

  constructor(private readonly now: () => number) {}

  /** The latest EVENT_RETENTION events, oldest first (a snapshot: later events do not change it). */
  get events(): readonly SimEvent[] {
    if (this.view === null) this.view = this.start === 0 ? this.ring.slice() : this.ring.slice(this.start).concat(this.ring.slice(0, this.start))
    return this.view
  }

  /**
   * The events appended after the first `seen` (counting every event since load) that are
   * still kept: `from` is the number of the first of `items`. Reads the ring directly.
   */
  eventsSince(seen: number): { from: number; items: SimEvent[] } {
    const kept = this.ring.length
    const from = Math.max(seen, this.eventsAppended - kept)
    const items: SimEvent[] = []
    // the oldest kept event is at `start`; event number `from` sits (from − first kept) after it
    for (let i = from - (this.eventsAppended - kept); i < kept; i++) items.push(this.ring[(this.start + i) % kept])
    return { from, items }
  }

  /** Open alerts and the latest ENDED_RETENTION resolved ones, in the order they were raised. */
  get alerts(): readonly SimAlert[] {
    return this.alertRecords.items
  }

  /** Running tasks and the latest ENDED_RETENTION ended ones, in the order they started. */
  get tasks(): readonly SimTask[] {
    return this.taskRecords.items
  }

  event(severity: Severity, type: string, entity: string | null, message: string): SimEvent {
    const ev = { time: this.now(), severity, type, entity, message: flat(message) }
    if (this.ring.length < EVENT_RETENTION) this.ring.push(ev)
    else {
      this.ring[this.start] = ev
      this.start = (this.start + 1) % EVENT_RETENTION
    }
    this.eventsAppended++
    this.view = null
    return ev
  }

  /** Raise (or keep) the alert for `key`; also logs an event. */
  raise(key: string, severity: Exclude<Severity, 'info'> | 'info', type: string, entity: string | null, message: string): SimAlert {
    const open = this.openAlerts.get(key)
    if (open) return open
    const alert: SimAlert = {
      id: `alert-${++this.alertSeq}`, severity, type, entity, message: flat(message),
      createdTime: this.now(), resolvedTime: null, acknowledged: false,
    }
    this.alertRecords.add(alert)
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
    this.alertRecords.markEnded(open)
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
    const t: SimTask = { id: `task-${++this.taskSeq}`, type, state: 'running', progress: 0, startTime: this.now(), endTime: null, entity, message: flat(message) }
    this.taskRecords.add(t)
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
    t.message = flat(message)
    this.tasksVersion++
  }

  endTask(t: SimTask, state: 'succeeded' | 'failed', message?: string): void {
    if (t.state !== 'running') return
    t.state = state
    if (state === 'succeeded') t.progress = 1
    t.endTime = this.now()
    if (message !== undefined) t.message = flat(message)
    this.taskRecords.markEnded(t)
    this.tasksVersion++
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
