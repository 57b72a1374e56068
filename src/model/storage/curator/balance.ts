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

export const BALANCE_BAND = 0.15
export const BALANCE_SLACK_UNITS = 2
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

/** Target usage (units) of every disk: its tier's mean fraction × its capacity; -1 for disks out of the pool. */
export function diskTargets(data: DataStore, topo: Topology, draining: Uint8Array): Float64Array {
  const spec = topo.spec
  const D = spec.disks.length
  const used = { SSD: 0, HDD: 0 }
  const cap = { SSD: 0, HDD: 0 }
  for (let d = 0; d < D; d++) {
    if (!topo.diskAvailable(d)) continue
    const t = spec.disks[d].tier
    used[t] += data.diskUnits[d]
    if (draining[d] === 0) cap[t] += data.capUnits[d]
  }
  const out = new Float64Array(D).fill(-1)
  for (let d = 0; d < D; d++) {
    if (!topo.diskAvailable(d) || draining[d] === 1) continue
    const t = spec.disks[d].tier
    out[d] = cap[t] > 0 ? (used[t] / cap[t]) * data.capUnits[d] : 0
  }
  return out
}

/** Our rule: within ±15 % of the target, or within 2 units of it. */
export function inBand(used: number, target: number): boolean {
  return Math.abs(used - target) <= band(target)
}

function band(target: number): number {
  return Math.max(BALANCE_BAND * target, BALANCE_SLACK_UNITS)
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
    if (this.clash(e, j, dst)) return false
    if (strip) data.assignStripMember(s, j, dst)
    else data.assign(e, j, dst)
    return true
  }

  private width(e: number): number {
    const { data } = this.sim
    return e < 0 ? data.stripK[-e - 1] + data.stripP[-e - 1] : data.rfOf(e)
  }

  private slot(e: number, j: number): number {
    const { data } = this.sim
    return e < 0 ? data.stripDisk[(-e - 1) * STRIP_STRIDE + j] : data.replicaDisk[e * data.rf + j]
  }

  /** Would disk d for slot j of item e share a unit of the awareness in force or a node with a sibling? */
  private clash(e: number, j: number, d: number): boolean {
    const { data } = this.sim
    const unit = data.index.diskUnit[LEVEL_OF[this.sim.effectiveAwareness]]
    const node = data.index.diskUnit[1]
    const w = this.width(e)
    for (let k = 0; k < w; k++) {
      if (k === j) continue
      const x = this.slot(e, k)
      if (x >= 0 && (unit[x] === unit[d] || node[x] === node[d])) return true
    }
    return false
  }

  /** One pass over the data: plan the moves (returns their count). */
  private planMoves(): number {
    const { data, topo, spec } = this.sim
    const D = spec.disks.length
    const target = diskTargets(data, topo, this.sim.data.closed)
    const give = new Int32Array(D)
    const take = new Int32Array(D)
    let unbalanced = false
    // per tier: is some disk below / above its band? Only then do the disks on the other side of the mean give / take,
    // so disks already in band do not churn, and the out-of-band ones are served first
    const low = { SSD: false, HDD: false }
    const high = { SSD: false, HDD: false }
    for (let d = 0; d < D; d++) {
      if (!topo.diskAvailable(d) || this.sim.data.closed[d] === 1) continue
      const used = data.diskUnits[d]
      if (inBand(used, target[d])) continue
      unbalanced = true
      if (used < target[d]) low[spec.disks[d].tier] = true
      else high[spec.disks[d].tier] = true
    }
    for (let d = 0; d < D; d++) {
      if (!topo.diskAvailable(d)) continue
      const used = data.diskUnits[d]
      if (this.sim.data.closed[d] === 1) {
        give[d] = used
        if (used > 0) unbalanced = true
        continue
      }
      const tier = spec.disks[d].tier
      const outside = !inBand(used, target[d])
      if (used > target[d] && (outside || low[tier])) give[d] = Math.ceil(used - target[d])
      if (used < target[d] && (outside || (high[tier] && !low[tier]))) take[d] = Math.ceil(target[d] - used)
    }
    // destinations: disks below target, per tier (the round-robin cursor spreads the moves)
    const dests: Record<'SSD' | 'HDD', number[]> = { SSD: [], HDD: [] }
    for (let d = 0; d < D; d++) if (take[d] > 0) dests[spec.disks[d].tier].push(d)
    const cursor = { SSD: 0, HDD: 0 }
    const pending = new Int32Array(D)
    const moves: number[] = []
    const room = (d: number) => topo.diskAvailable(d) && this.sim.data.closed[d] === 0 && data.diskUnits[d] + pending[d] < data.capUnits[d]
    // a disk that stays within half its band after taking one more copy (for sources still out of band)
    const roomInBand = (d: number) => target[d] >= 0 && data.diskUnits[d] + pending[d] + 1 <= target[d] + band(target[d]) / 2
    const tryDest = (e: number, j: number, src: number, list: number[], tier: 'SSD' | 'HDD' | null, needTake: boolean, fits?: (d: number) => boolean): boolean => {
      const len = list.length
      const start = tier ? cursor[tier] : 0
      for (let i = 0; i < len; i++) {
        const d = list[(start + i) % len]
        if (d === src || (needTake && take[d] <= 0) || !room(d) || (fits && !fits(d)) || this.clash(e, j, d)) continue
        if (tier) cursor[tier] = (start + i + 1) % len
        take[d]--
        pending[d]++
        pending[src]--
        give[src]--
        moves.push(e, j, src, d)
        return true
      }
      return false
    }
    const all: number[] = []
    for (let d = 0; d < D; d++) all.push(d)
    const unit = data.index.diskUnit[LEVEL_OF[this.sim.effectiveAwareness]]
    const node = data.index.diskUnit[1]
    const closed = data.closed
    const avail = new Uint8Array(D)
    for (let d = 0; d < D; d++) avail[d] = topo.diskAvailable(d) ? 1 : 0
    const takeLeft = { SSD: 0, HDD: 0 }
    for (let d = 0; d < D; d++) takeLeft[spec.disks[d].tier] += take[d]
    // scans of every disk for an out-of-band source that found nothing: bounded so a pass stays fast
    let fallbackMisses = 0
    const visitSlot = (e: number, j: number, src: number, shared: boolean) => {
      const tier = spec.disks[src].tier
      if (shared || closed[src] === 1) {
        if (tryDest(e, j, src, dests[tier], tier, true)) takeLeft[tier]--
        else if (!tryDest(e, j, src, all, null, false)) return
        unbalanced = true
        return
      }
      if (give[src] <= 0) return
      if (takeLeft[tier] > 0 && tryDest(e, j, src, dests[tier], tier, true)) {
        takeLeft[tier]--
        return
      }
      if (fallbackMisses > 256 || inBand(data.diskUnits[src] - pending[src], target[src])) return
      const sameTier = (d: number) => spec.disks[d].tier === tier && roomInBand(d)
      if (!tryDest(e, j, src, all, null, false, sameTier)) fallbackMisses++
    }
    const visitStrip = (e: number) => {
      const w = this.width(e)
      for (let j = 0; j < w; j++) {
        const src = this.slot(e, j)
        if (src < 0 || avail[src] === 0) continue
        let shared = false
        for (let k = 0; k < j; k++) {
          const x = this.slot(e, k)
          if (x >= 0 && (unit[x] === unit[src] || node[x] === node[src])) shared = true
        }
        visitSlot(e, j, src, shared)
      }
    }
    // the pass visits the data in a seeded rotation, so repeated rounds do not always move the same copies;
    // replicas take a tight path: most copies are neither shared nor on a disk that gives
    const U = data.units
    const start = U > 0 ? this.sim.rng.fastInt(U) : 0
    const rf = data.rf
    const rd = data.replicaDisk
    const uc = data.unitContainer
    const rfOfC = Int32Array.from(data.containers, (c) => c.rf)
    for (let i = 0; i < U; i++) {
      const u = (start + i) % U
      const base = u * rf
      const w = rfOfC[uc[u]]
      for (let j = 0; j < w; j++) {
        const src = rd[base + j]
        if (src < 0 || avail[src] === 0) continue
        let shared = false
        for (let k = 0; k < j; k++) {
          const x = rd[base + k]
          if (x >= 0 && (unit[x] === unit[src] || node[x] === node[src])) shared = true
        }
        if (!shared && closed[src] === 0 && (give[src] <= 0 || (takeLeft[spec.disks[src].tier] <= 0 && fallbackMisses > 256))) continue
        visitSlot(u, j, src, shared)
      }
    }
    for (let s = 0; s < data.strips; s++) visitStrip(-s - 1)
    if (!unbalanced) return 0
    this.moves = Int32Array.from(moves)
    this.moveLen = moves.length / 4
    this.movePos = 0
    return this.moveLen
  }
}

