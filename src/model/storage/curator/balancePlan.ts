/**
 * The disk balancer's planning pass (balance.ts has the rules): which copies move where in
 * one balancing round.
 *
 * Cost (our rule for keeping it cheap, same plan as a full pass): the pass visits the data
 * in a seeded rotation, but once nothing the rest of it could visit can plan a move — no
 * disk being drained holds data, and every disk that still gives has no destination left
 * in its tier and is in band or past the fallback bound — it only visits the groups that
 * hold two copies on one node or unit (kept up to date by `DataStore.spread`, spread.ts).
 * That is checked every QUIET_CHECK_GROUPS groups (and after every move while skipping), so
 * a round costs about the copies it moves, not a read of every copy (3.1 million on
 * large-64). The plan is exactly the one a full pass makes.
 */
import { STRIP_STRIDE } from '../ec'
import type { Prng } from '../../kernel/prng'
import type { Topology } from '../../cluster/topology'
import type { DataStore } from '../data'
import type { Domain } from '../../types'
import { LEVEL_OF } from '../domainIndex'

export const BALANCE_BAND = 0.15
export const BALANCE_SLACK_UNITS = 2
/** the planning pass checks every this many groups whether the rest of it can still plan a move */
export const QUIET_CHECK_GROUPS = 4096
/** scans of every disk for an out-of-band source that found nothing, per pass (bounded so a pass stays fast) */
const FALLBACK_MISSES = 256

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

export function band(target: number): number {
  return Math.max(BALANCE_BAND * target, BALANCE_SLACK_UNITS)
}

/** Would disk d for slot j of item e (extent group ≥ 0, strip −(s+1)) share a unit of `unit` or a node with a sibling? */
export function clashes(data: DataStore, unit: Int32Array, e: number, j: number, d: number): boolean {
  const node = data.index.diskUnit[1]
  const strip = e < 0
  const base = strip ? (-e - 1) * STRIP_STRIDE : e * data.rf
  const w = strip ? data.stripK[-e - 1] + data.stripP[-e - 1] : data.rfOf(e)
  const slots = strip ? data.stripDisk : data.replicaDisk
  const ud = unit[d]
  const nd = node[d]
  for (let k = 0; k < w; k++) {
    if (k === j) continue
    const x = slots[base + k]
    if (x >= 0 && (unit[x] === ud || node[x] === nd)) return true
  }
  return false
}

/** A growable list of moves: item, slot, source disk, destination disk. */
class MoveList {
  a: Int32Array<ArrayBuffer> = new Int32Array(4096)
  n = 0
  push(e: number, j: number, src: number, dst: number): void {
    if (this.n + 4 > this.a.length) {
      const b = new Int32Array(this.a.length * 2)
      b.set(this.a)
      this.a = b
    }
    const a = this.a
    a[this.n] = e
    a[this.n + 1] = j
    a[this.n + 2] = src
    a[this.n + 3] = dst
    this.n += 4
  }
}

/** Options of a planning pass (tests and the benchmark). */
export interface PlanOptions {
  /** check for quiet every this many groups (default QUIET_CHECK_GROUPS; Infinity: a full pass) */
  checkEvery?: number
  /** filled with the groups (extent groups and strips) whose copies the pass read */
  stats?: { groupsRead: number }
}

/**
 * One balancing round's plan: moves as (item, slot, source, destination) quadruples, or
 * null when every disk is in balance and no copy needs moving apart.
 */
export function planBalanceMoves(data: DataStore, topo: Topology, awareness: Domain, rng: Prng, opts: PlanOptions = {}): Int32Array<ArrayBuffer> | null {
  const checkEvery = opts.checkEvery ?? QUIET_CHECK_GROUPS
  const spec = topo.spec
  const D = spec.disks.length
  const closed = data.closed
  const target = diskTargets(data, topo, closed)
  const give = new Int32Array(D)
  const take = new Int32Array(D)
  const tierOf = Uint8Array.from(spec.disks, (x) => (x.tier === 'SSD' ? 0 : 1))
  const avail = new Uint8Array(D)
  for (let d = 0; d < D; d++) avail[d] = topo.diskAvailable(d) ? 1 : 0
  const used = data.diskUnits
  const cap = data.capUnits
  let unbalanced = false
  // per tier (0 SSD, 1 HDD): is some disk below / above its band? Only then do the disks on the other side of the
  // mean give / take, so disks already in band do not churn, and the out-of-band ones are served first
  const low = [false, false]
  const high = [false, false]
  for (let d = 0; d < D; d++) {
    if (avail[d] === 0 || closed[d] === 1) continue
    if (inBand(used[d], target[d])) continue
    unbalanced = true
    if (used[d] < target[d]) low[tierOf[d]] = true
    else high[tierOf[d]] = true
  }
  for (let d = 0; d < D; d++) {
    if (avail[d] === 0) continue
    const u = used[d]
    if (closed[d] === 1) {
      give[d] = u
      if (u > 0) unbalanced = true
      continue
    }
    const tier = tierOf[d]
    const outside = !inBand(u, target[d])
    if (u > target[d] && (outside || low[tier])) give[d] = Math.ceil(u - target[d])
    if (u < target[d] && (outside || (high[tier] && !low[tier]))) take[d] = Math.ceil(target[d] - u)
  }
  // destinations: disks below target, per tier (the round-robin cursor spreads the moves)
  const dests: number[][] = [[], []]
  for (let d = 0; d < D; d++) if (take[d] > 0) dests[tierOf[d]].push(d)
  const cursor = [0, 0]
  const pending = new Int32Array(D)
  const moves = new MoveList()
  const unit = data.index.diskUnit[LEVEL_OF[awareness]]
  const node = data.index.diskUnit[1]
  const room = (d: number) => avail[d] === 1 && closed[d] === 0 && used[d] + pending[d] < cap[d]
  // clashes(), with the replica table read directly (nothing is written during the pass)
  const rf = data.rf
  const rd = data.replicaDisk
  const uc = data.unitContainer
  const rfOfC = Int32Array.from(data.containers, (c) => c.rf)
  const clash = (e: number, j: number, d: number): boolean => {
    if (e < 0) return clashes(data, unit, e, j, d)
    const base = e * rf
    const w = rfOfC[uc[e]]
    const ud = unit[d]
    const nd = node[d]
    for (let k = 0; k < w; k++) {
      if (k === j) continue
      const x = rd[base + k]
      if (x >= 0 && (unit[x] === ud || node[x] === nd)) return true
    }
    return false
  }
  // a disk that stays within half its band after taking one more copy (for sources still out of band)
  const roomInBand = (d: number) => target[d] >= 0 && used[d] + pending[d] + 1 <= target[d] + band(target[d]) / 2
  // moves planned and fallback misses: what `quiet` reads changed
  let changes = 0
  /** tier ≥ 0: the round-robin list of that tier; −1: the list of every disk, from the first */
  const tryDest = (e: number, j: number, src: number, list: number[], tier: number, needTake: boolean, fits?: (d: number) => boolean): boolean => {
    const len = list.length
    const start = tier >= 0 ? cursor[tier] : 0
    for (let i = 0; i < len; i++) {
      const d = list[(start + i) % len]
      if (d === src || (needTake && take[d] <= 0) || !room(d) || (fits && !fits(d)) || clash(e, j, d)) continue
      if (tier >= 0) cursor[tier] = (start + i + 1) % len
      take[d]--
      pending[d]++
      pending[src]--
      give[src]--
      moves.push(e, j, src, d)
      changes++
      return true
    }
    return false
  }
  const all: number[] = []
  for (let d = 0; d < D; d++) all.push(d)
  const takeLeft = [0, 0]
  for (let d = 0; d < D; d++) takeLeft[tierOf[d]] += take[d]
  let fallbackMisses = 0
  const visitSlot = (e: number, j: number, src: number, shared: boolean) => {
    const tier = tierOf[src]
    if (shared || closed[src] === 1) {
      if (tryDest(e, j, src, dests[tier], tier, true)) takeLeft[tier]--
      else if (!tryDest(e, j, src, all, -1, false)) return
      unbalanced = true
      return
    }
    if (give[src] <= 0) return
    if (takeLeft[tier] > 0 && tryDest(e, j, src, dests[tier], tier, true)) {
      takeLeft[tier]--
      return
    }
    if (fallbackMisses > FALLBACK_MISSES || inBand(used[src] - pending[src], target[src])) return
    const sameTier = (d: number) => tierOf[d] === tier && roomInBand(d)
    if (!tryDest(e, j, src, all, -1, false, sameTier)) {
      fallbackMisses++
      changes++
    }
  }
  // nothing the rest of the pass visits can plan a move, except in groups with two copies on one node or unit
  const quiet = (): boolean => {
    for (let d = 0; d < D; d++) {
      if (avail[d] === 0) continue
      if (closed[d] === 1) {
        if (used[d] > 0) return false
        continue
      }
      if (give[d] <= 0) continue
      if (takeLeft[tierOf[d]] > 0) return false
      if (fallbackMisses <= FALLBACK_MISSES && !inBand(used[d] - pending[d], target[d])) return false
    }
    return true
  }
  data.spread.refresh(LEVEL_OF[awareness])
  const unitShared = data.spread.unitShared
  const stripShared = data.spread.stripShared
  let skipping = false
  let countdown = checkEvery
  let read = 0
  // the pass visits the data in a seeded rotation, so repeated rounds do not always move the same copies;
  // replicas take a tight path: most copies are neither shared nor on a disk that gives
  const U = data.units
  const start = U > 0 ? rng.fastInt(U) : 0
  for (let i = 0; i < U; i++) {
    const u = (start + i) % U
    if (!skipping && --countdown === 0) {
      countdown = checkEvery
      skipping = quiet()
    }
    if (skipping && unitShared[u] === 0) continue
    read++
    const before = changes
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
      if (!shared && closed[src] === 0 && (give[src] <= 0 || (takeLeft[tierOf[src]] <= 0 && fallbackMisses > FALLBACK_MISSES))) continue
      visitSlot(u, j, src, shared)
    }
    if (skipping && changes !== before) skipping = quiet()
  }
  const sd = data.stripDisk
  for (let s = 0; s < data.strips; s++) {
    if (!skipping && --countdown === 0) {
      countdown = checkEvery
      skipping = quiet()
    }
    if (skipping && stripShared[s] === 0) continue
    read++
    const before = changes
    const base = s * STRIP_STRIDE
    const w = data.stripK[s] + data.stripP[s]
    for (let j = 0; j < w; j++) {
      const src = sd[base + j]
      if (src < 0 || avail[src] === 0) continue
      let shared = false
      for (let k = 0; k < j; k++) {
        const x = sd[base + k]
        if (x >= 0 && (unit[x] === unit[src] || node[x] === node[src])) shared = true
      }
      visitSlot(-s - 1, j, src, shared)
    }
    if (skipping && changes !== before) skipping = quiet()
  }
  if (opts.stats) opts.stats.groupsRead = read
  return unbalanced ? moves.a.slice(0, moves.n) : null
}
