/**
 * Checkpoints of one simulation for time travel at interactive speed (issue 20).
 *
 * Our rule: a checkpoint is the whole model state (model/kernel/checkpoint.ts, a generic walk
 * from the Simulation root) taken between commands, at most one per interval of simulated
 * time (1 hour to start with), whenever the clock — live, or replaying during a travel or an
 * import — ends a slice in an interval that has none yet. Each checkpoint remembers how many
 * of the run's entries (runLog.ts) it has applied. One is taken at load. When their memory
 * passes the cap (256 MB), every second one is dropped (never the load one) and the interval
 * doubles. A fork (an action or clock run after travelling back) drops the checkpoints after
 * the moment it forks from. A travel restores the latest checkpoint at or before the target in
 * place and replays only the run's entries after it.
 *
 * Our rule (20.7, cost-adaptive): a checkpoint costs wall time (a diff against the one before;
 * about 0.1 s on large-64). When the last one cost more than 25 ms, the next is taken only once
 * the clock has spent at least that cost again running since (wall time between checkpoint
 * chances), so live play pays at most about as much for its checkpoints as it runs, and far less on a slow, idle play; on small clusters
 * (a checkpoint of a few ms) the interval alone decides. Wall time decides only *when* a
 * checkpoint is taken, never what a travel lands on (restore + replay is exact either way).
 */
import type { Simulation } from '../model/simulation'
import { memoryOf, restore, snapshot, type Snapshot } from '../model/kernel/checkpoint'

export const CHECKPOINT_INTERVAL_MS = 1_800_000
export const CHECKPOINT_CAP_BYTES = 256 * 2 ** 20
/** a checkpoint costing more than this (ms) waits for COST_BUDGET_FACTOR × its cost of running */
export const COST_FLOOR_MS = 25
export const COST_BUDGET_FACTOR = 1

export interface Checkpoint {
  /** simulated time, ms */
  readonly timeMs: number
  /** how many run entries (past then future, runLog.ts) were applied */
  readonly applied: number
  readonly snap: Snapshot
}

export class Checkpoints {
  /** sorted by (timeMs, applied) */
  private list: Checkpoint[] = []
  intervalMs: number
  /** the wall clock the cost rule reads; null: the interval alone decides (deterministic tests) */
  static clock: (() => number) | null = () => performance.now()
  /** wall ms the last checkpoint took, and performance.now() when it ended */
  private lastCostMs = 0
  private lastTakenAt = 0

  constructor(
    readonly sim: Simulation,
    readonly capBytes = CHECKPOINT_CAP_BYTES,
    intervalMs = CHECKPOINT_INTERVAL_MS,
  ) {
    this.intervalMs = intervalMs
  }

  /** The checkpoints of a simulation just loaded: the first is the load itself. */
  static atLoad(sim: Simulation): Checkpoints {
    const c = new Checkpoints(sim)
    c.maybeTake(0)
    return c
  }

  /** memory held now, for the bench and the tests */
  get count(): number {
    return this.list.length
  }
  get times(): number[] {
    return this.list.map((c) => c.timeMs)
  }

  /** Take a checkpoint now (`applied` run entries done) if this interval has none yet. */
  maybeTake(applied: number): void {
    const t = this.sim.timeMs
    const bucket = Math.floor(t / this.intervalMs)
    let i = this.list.length
    while (i > 0 && this.list[i - 1].timeMs > t) i--
    const before = this.list[i - 1]
    const after = this.list[i]
    if (before && Math.floor(before.timeMs / this.intervalMs) === bucket) return
    if (after && Math.floor(after.timeMs / this.intervalMs) === bucket) return
    const clock = Checkpoints.clock
    const start = clock?.() ?? 0
    if (this.lastCostMs > COST_FLOOR_MS && start - this.lastTakenAt < COST_BUDGET_FACTOR * this.lastCostMs) return
    const snap = snapshot(this.sim, before?.snap)
    this.lastTakenAt = clock?.() ?? 0
    this.lastCostMs = this.lastTakenAt - start
    if (this.memory !== null) this.memory += memoryOf(before ? [before.snap, snap] : [snap]) - (before ? memoryOf([before.snap]) : 0)
    this.list.splice(i, 0, { timeMs: t, applied, snap })
    if (this.bytes() > this.capBytes) this.thin()
  }

  /** The latest checkpoint at or before `timeMs`. */
  nearest(timeMs: number): Checkpoint | undefined {
    let best: Checkpoint | undefined
    for (const c of this.list) {
      if (c.timeMs > timeMs) break
      best = c
    }
    return best
  }

  /** Put the simulation back in the state of `c` (in place). */
  restore(c: Checkpoint): void {
    restore(c.snap)
  }

  /** The run forked at `nowMs` with `applied` entries kept: drop what came after. */
  dropAfter(nowMs: number, applied: number): void {
    if (this.list.length === 0) return
    const last = this.list[this.list.length - 1]
    if (last.timeMs <= nowMs && last.applied <= applied) return
    this.list = this.list.filter((c) => c.timeMs <= nowMs && c.applied <= applied)
    this.memory = null
  }

  /** Memory held: distinct typed-array full copies, diffs and lists (model/kernel/checkpoint.ts memoryOf). */
  bytes(): number {
    this.memory ??= memoryOf(this.list.map((c) => c.snap))
    return this.memory
  }
  /** bytes(), known until a checkpoint is dropped; a new one adds about what it does not share with the one before */
  private memory: number | null = null

  /** Over the cap: drop every second checkpoint (keeping the load one) and double the interval. */
  private thin(): void {
    while (this.list.length > 2 && this.bytes() > this.capBytes) {
      this.list = this.list.filter((_, i) => i === 0 || i % 2 === 0 || i === this.list.length - 1)
      this.memory = null
      this.intervalMs *= 2
    }
  }
}
