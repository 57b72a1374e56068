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
 *
 * One alert per cause (issue 18): while a cause is current (`cause`, set by the kernel for an
 * injected fault and for every event scheduled in its wake), events carry its id; only the
 * cause's first event (the headline) may be critical, its consequences are at most warnings;
 * and the alerts it raises about components (`groupable`) are one alert, updated in place
 * to the latest description, resolved when every condition in it is gone.
 */
import type { Severity, SimAlert, SimEvent, SimTask } from '../types'

type Described = Pick<SimAlert, 'severity' | 'type' | 'entity' | 'message'>
const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 }

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

  /** the cause of what is logged now ("cause-N"), or null */
  cause: string | null = null
  private causeSeq = 0
  /** causes whose headline event was logged */
  private readonly headlined = new Set<string>()
  /** per cause: its one open alert and the description of each condition (alert key) in it */
  private readonly groups = new Map<string, { alert: SimAlert; keys: Map<string, Described> }>()
  private readonly keyCause = new Map<string, string>()
  private openCount = 0
  /** alerts about this entity join their cause's alert (components; not VMs or the whole cluster) */
  groupable: (entity: string | null) => boolean = () => false

  constructor(private readonly now: () => number) {}

  /** A new cause (an injected fault): returns its id; the caller makes it current. */
  newCause(): string {
    return `cause-${++this.causeSeq}`
  }

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
    const cause = this.cause
    if (cause !== null) {
      if (!this.headlined.has(cause)) this.headlined.add(cause)
      else if (severity === 'critical') severity = 'warning'
    }
    const ev = { time: this.now(), severity, type, entity, message: flat(message), cause }
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
    const d: Described = { severity, type, entity, message: flat(message) }
    const cause = this.cause !== null && this.groupable(entity) ? this.cause : null
    const group = cause !== null ? this.groups.get(cause) : undefined
    if (group) {
      // the cause's one alert takes the latest description (and the highest severity so far)
      group.keys.set(key, d)
      this.describe(group.alert, d)
      this.openAlerts.set(key, group.alert)
      this.keyCause.set(key, cause!)
      this.alertsVersion++
      return group.alert
    }
    const alert: SimAlert = { id: `alert-${++this.alertSeq}`, ...d, createdTime: this.now(), resolvedTime: null, acknowledged: false, cause }
    this.alertRecords.add(alert)
    this.openAlerts.set(key, alert)
    this.openCount++
    if (cause !== null) {
      this.groups.set(cause, { alert, keys: new Map([[key, d]]) })
      this.keyCause.set(key, cause)
    }
    this.alertsVersion++
    return alert
  }

  /** Resolve the condition `key` if it is open: its alert resolves when no condition of its cause remains. */
  resolve(key: string): void {
    const open = this.openAlerts.get(key)
    if (!open) return
    this.openAlerts.delete(key)
    this.alertsVersion++
    const cause = this.keyCause.get(key)
    if (cause !== undefined) {
      this.keyCause.delete(key)
      const group = this.groups.get(cause)!
      group.keys.delete(key)
      if (group.keys.size > 0) {
        // what remains of the cause: the latest condition still open
        this.describe(open, [...group.keys.values()].pop()!, false)
        return
      }
      this.groups.delete(cause)
    }
    open.resolvedTime = this.now()
    this.openCount--
    this.alertRecords.markEnded(open)
  }

  private describe(a: SimAlert, d: Described, escalate = true): void {
    if (escalate && RANK[d.severity] > RANK[a.severity]) a.acknowledged = false
    a.severity = escalate && RANK[a.severity] > RANK[d.severity] ? a.severity : d.severity
    a.type = d.type
    a.entity = d.entity
    a.message = d.message
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
    return this.openCount
  }
  get runningTasks(): number {
    let n = 0
    for (const t of this.tasks) if (t.state === 'running') n++
    return n
  }
}
