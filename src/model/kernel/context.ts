/**
 * The kernel services every subsystem may use: the simulated clock, the event queue
 * (schedule, handle, cancel), the one seeded PRNG and the cluster log. A subsystem's own
 * context interface extends this with the facts it reads; the Simulation (composition
 * root) is the one object that implements them all and passes itself in.
 */
import type { EventQueue, ScheduledEvent } from './eventQueue'
import type { ClusterLog } from './log'
import type { Prng } from './prng'

export type EventHandler = (payload: unknown, ev: ScheduledEvent) => void

export interface Kernel {
  /** simulated time, seconds since load */
  readonly time: number
  /** simulated time, integer milliseconds since load */
  readonly timeMs: number
  readonly rng: Prng
  readonly log: ClusterLog
  /** the event queue (subsystems cancel the events they scheduled) */
  readonly queue: EventQueue
  /** register the one handler of an event type */
  on(type: string, handler: EventHandler): void
  /** schedule an event `delaySeconds` from now; quiet events do not keep `settle` running */
  schedule<P>(delaySeconds: number, type: string, payload: P, quiet?: boolean): ScheduledEvent<P>
  /**
   * The last instant (ms) up to which nothing but quiet periodic events can run: one before the
   * next queued event, capped at the end of the current run (`timeMs` outside a run). A periodic
   * source whose next firings would change nothing may schedule its next firing past it (the
   * lazy fast-forward of issue 21: same events, same order, same Report as firing every tick).
   */
  idleUntilMs(): number
  /** something the Report summarises changed (resiliency and capacity are recomputed lazily) */
  invalidate(): void
  /** Report figures changed but not the fault tolerance inputs */
  touch(): void
  /** Curator re-evaluated the fault tolerance now; implies invalidate() */
  faultToleranceEvaluated(): void
}
