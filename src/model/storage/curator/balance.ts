/**
 * Disk balancing and awareness restoration (DOMAIN.md §12; Nutanix Bible "Disk Balancing").
 *
 * Our rules:
 * - The target of a disk is its tier's mean usage fraction times its capacity (mean over
 *   the available disks of the tier that are not being removed; the data of disks being
 *   removed counts in the mean, since it must land on the others).
 * - A disk is in balance when its usage is within ±15 % of its target, or within
 *   BALANCE_SLACK_UNITS (2 GB) of it (a near-empty tier is never "unbalanced" by one copy).
 * - A balancing round starts when some available disk is out of balance, when a copy
 *   shares a unit of the awareness in force (or a node) with a sibling while another
 *   unit could take it (a rebuild had to place it there while units were down), or when a
 *   disk is being drained for removal. It plans moves in one pass over the data: copies
 *   leave disks above target for disks below target of the same tier, never onto a unit
 *   or node a sibling already uses.
 * - A move copies first, then deletes the source copy (DataStore.assign), so the
 *   replication factor never drops while data moves.
 * - Balancing runs below rebuild priority: it pauses while a Curator scan or a rebuild runs
 *   and is re-planned after; it moves BALANCE_SHARE of the rebuild bandwidth of the
 *   serving nodes. After a round it re-plans (at most MAX_ROUNDS rounds an episode).
 */
import { STRIP_STRIDE } from '../ec'
import type { Kernel } from '../../kernel/context'
import type { ScheduledEvent } from '../../kernel/eventQueue'
import type { ClusterSpec } from '../../scenario/normalize'
import type { Topology } from '../../cluster/topology'
import type { DataStore } from '../data'
import type { Domain, SimTask } from '../../types'
import { formatUnits, UNIT_BYTES } from '../../kernel/units'
import { LEVEL_OF } from '../domainIndex'
import { clashes, diskTargets, inBand, planBalanceMoves } from './balancePlan'

export { BALANCE_BAND, BALANCE_SLACK_UNITS, diskTargets, inBand } from './balancePlan'
export const BALANCE_SHARE = 0.5
const MAX_ROUNDS = 6
/** Our rule: besides after every scan, Curator checks the disk balance every 6 hours (new data drifts). */
export const BALANCE_CHECK_SECONDS = 6 * 3600
const STEPS = 50

export interface BalancerContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly effectiveAwareness: Domain
}

export class DiskBalancer {
  task: SimTask | null = null
  /** disks being drained for removal: the DataStore's closed disks (removal.ts closes them) */
  get draining(): Uint8Array {
    return this.sim.data.closed
  }
  /** planned moves: item (extent group u ≥ 0, strip −(s+1)), slot, source disk, destination disk */
  private moves = new Int32Array(0)
  private moveLen = 0
  private movePos = 0
  private rounds = 0
  private moved = 0
  private batchEvent: ScheduledEvent | null = null
  private lastMs = 0
  private carry = 0
  /** planning passes since load and the groups (extent groups, strips) they read (the benchmark reports them) */
  readonly planStats = { passes: 0, groupsRead: 0 }
  /** called after every move batch (removal.ts finishes drained disks) */
  onProgress: () => void = () => {}

  constructor(
    private readonly sim: BalancerContext,
    /** Curator is scanning or rebuilding: balancing waits */
    private readonly busy: () => boolean,
  ) {
    sim.on('balance-batch', () => this.batch())
    sim.on('balance-check', () => {
      sim.schedule(BALANCE_CHECK_SECONDS, 'balance-check', null, true)
      if (!this.busy() && !this.active && this.outOfBand()) this.plan()
    })
    sim.schedule(BALANCE_CHECK_SECONDS, 'balance-check', null, true)
  }

  /** Some available disk is outside its band (or a disk being removed still holds data). */
  outOfBand(): boolean {
    const { data, topo } = this.sim
    const t = diskTargets(data, topo, this.sim.data.closed)
    for (let d = 0; d < t.length; d++) {
      if (!topo.diskAvailable(d)) continue
      if (this.sim.data.closed[d] === 1 ? data.diskUnits[d] > 0 : !inBand(data.diskUnits[d], t[d])) return true
    }
    return false
  }

  get active(): boolean {
    return this.batchEvent !== null
  }

  /** A scan or rebuild takes over: drop the planned moves (re-planned when Curator is done). */
  pause(): void {
    if (this.batchEvent) this.sim.queue.cancel(this.batchEvent)
    this.batchEvent = null
    this.moveLen = this.movePos = 0
    if (this.task?.state === 'running') this.sim.log.describeTask(this.task, 'Disk balancing paused: Curator is scanning or rebuilding (balancing runs below rebuild priority)')
  }

  /** Curator is idle: plan a balancing round (a new episode when `fresh`). */
  plan(fresh = true): void {
    const { sim } = this
    if (fresh) this.rounds = 0
    this.pause()
    const n = this.rounds >= MAX_ROUNDS ? 0 : this.planMoves()
    this.rounds++
    if (n === 0) {
      if (this.task?.state === 'running') {
        sim.log.endTask(this.task, 'succeeded', `Disk balancing complete: ${formatUnits(this.moved)} moved; every disk is within ±15 % of its tier's mean where capacity allows`)
        sim.log.event('info', 'DiskBalancingCompleted', null, `Disk balancing complete: ${formatUnits(this.moved)} moved`)
      }
      this.task = null
      this.onProgress()
      return
    }
    if (!this.task || this.task.state !== 'running') {
      this.moved = 0
      this.task = sim.log.startTask('DiskBalancing', null, '')
      sim.log.event('info', 'DiskBalancingStarted', null, `Curator started disk balancing: ${formatUnits(n)} to move so every disk is within ±15 % of its tier's mean`)
    }
    sim.log.describeTask(this.task, `Disk balancing: ${formatUnits(n)} to move at ${Math.round(this.rate() / 1e6)} MB/s`)
    this.lastMs = sim.timeMs
    this.carry = 0
    this.schedule()
  }

  private rate(): number {
    const { spec, topo } = this.sim
    let n = 0
    for (let i = 0; i < spec.nodes.length; i++) if (topo.cvmServing(i)) n++
    return n * spec.rebuildBytesPerSecPerNode * BALANCE_SHARE
  }

  private schedule(): void {
    const rate = this.rate()
    if (rate <= 0) return
    const seconds = ((this.moveLen - this.movePos) * UNIT_BYTES) / rate
    this.batchEvent = this.sim.schedule(Math.min(60, Math.max(1, Math.ceil(seconds / STEPS))), 'balance-batch', null)
  }

  private batch(): void {
    const { sim } = this
    this.batchEvent = null
    const elapsed = (sim.timeMs - this.lastMs) / 1000
    this.lastMs = sim.timeMs
    const budget = this.carry + (elapsed * this.rate()) / UNIT_BYTES
    let n = Math.floor(budget)
    this.carry = budget - n
    const m = this.moves
    while (n > 0 && this.movePos < this.moveLen) {
      const i = this.movePos++ * 4
      if (this.apply(m[i], m[i + 1], m[i + 2], m[i + 3])) {
        n--
        this.moved++
      }
    }
    sim.faultToleranceEvaluated()
    if (this.movePos >= this.moveLen) {
      this.plan(false)
      return
    }
    if (this.task) sim.log.progressTask(this.task, this.movePos / this.moveLen)
    this.onProgress()
    this.schedule()
  }

  /** Carry out one planned move if it still holds: the slot is still on src, dst has room and no sibling's unit. */
  private apply(e: number, j: number, src: number, dst: number): boolean {
    const { data, topo } = this.sim
    const strip = e < 0
    const s = -e - 1
    const at = strip ? s * STRIP_STRIDE + j : e * data.rf + j
    const arr = strip ? data.stripDisk : data.replicaDisk
    if (arr[at] !== src || !topo.diskAvailable(dst) || data.diskUnits[dst] >= data.capUnits[dst]) return false
    if (clashes(data, data.index.diskUnit[LEVEL_OF[this.sim.effectiveAwareness]], e, j, dst)) return false
    if (strip) data.assignStripMember(s, j, dst)
    else data.assign(e, j, dst)
    return true
  }

  /** One pass over the data: plan the moves (returns their count). */
  private planMoves(): number {
    const { data, topo } = this.sim
    const stats = { groupsRead: 0 }
    const moves = planBalanceMoves(data, topo, this.sim.effectiveAwareness, this.sim.rng, { stats })
    this.planStats.passes++
    this.planStats.groupsRead += stats.groupsRead
    if (moves === null) return 0
    this.moves = moves
    this.moveLen = moves.length / 4
    this.movePos = 0
    return this.moveLen
  }
}

