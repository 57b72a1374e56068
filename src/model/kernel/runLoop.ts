/**
 * The run loop of the simulated clock: event handlers by type, and running the event queue
 * (ordered by time, then sequence) up to a time, until nothing is pending (settle), until a
 * condition holds (advanceUntil) or to the next event (Step). Each event runs under its
 * cause (kernel/log.ts). Periodic metric samples are not events: the loop asks its host for
 * the samples due before each event and at the end of a run (issue 21).
 */
import { SimError } from './errors'
import type { EventHandler } from './context'
import type { EventQueue } from './eventQueue'
import type { ClusterLog } from './log'

const MS = 1000
export const toMs = (s: number): number => Math.round(s * MS)

/** What the loop drives: the clock, the queue, the log's current cause, the periodic samples. */
export interface RunLoopHost {
  readonly queue: EventQueue
  readonly log: ClusterLog
  timeMs: number
  /** take the periodic metric samples due at or before `upToMs` */
  samplePeriodic(upToMs: number): void
}

/** Whether a run stopped because its condition held, and the simulated seconds it ran. */
export interface RunResult {
  met: boolean
  seconds: number
}

export class RunLoop {
  private readonly handlers = new Map<string, EventHandler>()
  /** end (ms) of the run in progress (runUntil), else the current time: quiet sources skip no further */
  private horizonMs = 0

  constructor(private readonly host: RunLoopHost) {}

  /** Register the one handler of an event type. */
  on(type: string, handler: EventHandler): void {
    if (this.handlers.has(type)) throw new Error(`handler for "${type}" already registered`)
    this.handlers.set(type, handler)
  }

  /** See Kernel.idleUntilMs: one before the next queued event, capped at the end of the current run. */
  idleUntilMs(): number {
    const next = this.host.queue.peek()?.time
    return Math.max(this.host.timeMs, next === undefined ? this.horizonMs : Math.min(next - 1, this.horizonMs))
  }

  /** Run the simulated clock exactly `seconds` forward. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new SimError(`seconds must be a finite number ≥ 0, got ${String(seconds)}`)
    this.runUntil(this.host.timeMs + toMs(seconds))
  }

  /** Run until nothing is pending (no active event), at most maxSeconds. Returns seconds run. */
  settle(maxSeconds: number): number {
    if (!Number.isFinite(maxSeconds) || maxSeconds < 0) throw new SimError(`maxSeconds must be a finite number ≥ 0, got ${String(maxSeconds)}`)
    const { host } = this
    const start = host.timeMs
    const limit = start + toMs(maxSeconds)
    for (;;) {
      const next = host.queue.nextActiveTime()
      if (next === undefined) break
      if (next > limit) {
        // still pending at the limit: run the whole maxSeconds
        this.runUntil(limit)
        break
      }
      this.runUntil(next)
    }
    return (host.timeMs - start) / MS
  }

  /** Run the clock until `met()` holds (checked now and after every event), at most `maxSeconds`. */
  runUntilMet(met: () => boolean, maxSeconds: number): RunResult {
    const start = this.host.timeMs
    const done = met() || this.runUntil(start + toMs(maxSeconds), met)
    return { met: done, seconds: (this.host.timeMs - start) / MS }
  }

  /** Jump to the next active event (else the next periodic one); returns seconds run (0 if none). */
  stepToNextEvent(): number {
    const { host } = this
    const next = host.queue.nextActiveTime() ?? host.queue.peek()?.time
    if (next === undefined) return 0
    const start = host.timeMs
    this.runUntil(Math.max(next, host.timeMs))
    return (host.timeMs - start) / MS
  }

  /** When Step would land: the next active event, else the next periodic one. */
  nextEventTime(): number | null {
    const next = this.host.queue.nextActiveTime() ?? this.host.queue.peek()?.time
    return next === undefined ? null : next / MS
  }

  /** The next non-quiet event (something visible changes), or null on a quiet cluster (the UI's Step). */
  nextActiveEventTime(): number | null {
    const next = this.host.queue.nextActiveTime()
    return next === undefined ? null : next / MS
  }

  /** Run the events due up to `targetMs`; with `stop`, end at the instant it became true (returns true then). */
  private runUntil(targetMs: number, stop?: () => boolean): boolean {
    try {
      this.horizonMs = targetMs
      return this.runEvents(targetMs, stop)
    } finally {
      this.horizonMs = this.host.timeMs
    }
  }

  private runEvents(targetMs: number, stop?: () => boolean): boolean {
    const { host } = this
    let stopAt = -1
    for (;;) {
      const ev = host.queue.peek()
      if (!ev || ev.time > targetMs) break
      if (stopAt >= 0 && ev.time > stopAt) {
        host.samplePeriodic(stopAt)
        return true
      }
      host.samplePeriodic(ev.time - 1)
      host.queue.pop()
      host.timeMs = Math.max(host.timeMs, ev.time)
      const h = this.handlers.get(ev.type)
      host.log.cause = ev.cause
      try {
        if (h) h(ev.payload, ev)
      } finally {
        host.log.cause = null
      }
      if (stop !== undefined && stopAt < 0 && stop()) this.horizonMs = stopAt = host.timeMs
    }
    if (stopAt >= 0) {
      host.samplePeriodic(stopAt)
      return true
    }
    host.samplePeriodic(targetMs)
    host.timeMs = Math.max(host.timeMs, targetMs)
    return false
  }
}
