/**
 * The EXTENT_GROUPS fault tolerance kept up to date as things change (resiliency.ts gives
 * the rules; `scanExtentGroups` there computes the same figures in one pass over
 * everything and serves as the reference the tests compare with).
 *
 * Every replicated extent group and EC strip has a code: its tolerance at each level
 * (disk, node, block, rack), its missing copies and its unavailable data (a lost extent
 * group, the unreadable data members of a strip). Per-level histograms of the codes give
 * the minimum at once. A group's code changes only when
 * - its copies move: DataStore tells us before it writes a slot (`unitChanging`,
 *   `stripChanging`); the group's code as counted is noted and the group recomputed at
 *   the next `scan`;
 * - a disk holding one of its copies changes availability: `scan` makes one pass over the
 *   copy table that only reads, and recomputes the groups with a copy on such a disk;
 * - it is new (data written): counted at the next scan.
 * The codes themselves are not stored: a group's counted code is its code for the
 * availability of the last scan, recomputed from its copies when needed. So nothing the
 * data does not depend on (a VM restart, a power-on, an HA invalidation) costs more than
 * comparing the disks' availability, and a node failure on a million extent groups costs
 * one read-only pass plus the ~50,000 groups with a copy there, not a full evaluation.
 * Memory: one dirty flag per group, and the dirty list.
 */
import { STRIP_STRIDE } from '../ec'
import type { CopyTables } from './availability'
import { unitCode, fullPassRf3, stripCode, BULK_SHARE, GroupSet } from './groupCodes'
export { BULK_SHARE, distinct, distinct3, smallTolerance } from './groupCodes'

/** The placement arrays the index reads; DataStore (data.ts) implements it and tells the index of every change. */
export interface PlacedData extends Omit<CopyTables, 'stripContainer'> {
  readonly index: {
    readonly diskUnit: readonly [Int32Array, Int32Array, Int32Array, Int32Array]
    readonly unitCount: readonly [number, number, number, number]
  }
  readonly containers: readonly { readonly rf: number }[]
  readonly diskUnits: Int32Array
}

/** What the model knows about surviving data, from the same pass. */
export interface DataHealth {
  /** replicated extent groups with no available replica */
  lostUnits: number
  /** data members of strips with fewer than k available members (unreadable) */
  lostStripMembers: number
  /** missing replicas of extent groups that still have one, plus missing members of recoverable strips */
  missingCopies: number
}

export class ToleranceIndex {
  private readonly units = new GroupSet()
  private readonly strips = new GroupSet()
  /** the availability of every disk at the last scan (null: never scanned) */
  private seen: Uint8Array | null = null
  /** changed[d + 1] = 1 when disk d's availability changed since the last scan (slot −1 reads changed[0] = 0) */
  private readonly changed: Uint8Array
  private readonly maps: readonly Int32Array[]
  private readonly h: Int32Array
  private readonly scratchUnits = new Int32Array(STRIP_STRIDE)
  private readonly scratchCounts = new Int32Array(STRIP_STRIDE)
  private rfOfC = new Int32Array(0)
  /**
   * A change to more than 1/bulkShare of the groups is followed by one full pass instead
   * of group by group (both give the same figures; tests set 0 to force group by group).
   */
  bulkShare = BULK_SHARE
  /** codes computed since load (a failure adds about the groups with a copy on the failed part, not every group) */
  codesComputed = 0

  constructor(private readonly data: PlacedData) {
    this.changed = new Uint8Array(data.index.unitCount[0] + 1)
    this.maps = data.index.diskUnit
    this.h = new Int32Array(Math.max(data.rf, STRIP_STRIDE))
  }

  // ---------------------------------------------------------------- told by DataStore
  /** Every slot was (re)written (initial placement): recompute every code at the next scan. */
  reset(): void {
    this.units.allDirty = true
    this.strips.allDirty = true
  }

  /** Extent group u's slots are about to be written. */
  unitChanging(u: number): void {
    if (this.units.fresh(u)) this.units.note(u, this.codeOfUnit(u, this.seen!), Math.max(4096, this.units.counted / this.bulkShare))
  }

  /** Strip s's slots are about to be written. */
  stripChanging(s: number): void {
    if (this.strips.fresh(s)) this.strips.note(s, this.codeOfStrip(s, this.seen!), Math.max(4096, this.strips.counted / this.bulkShare))
  }

  /**
   * Run the incremental path once, as a node failure and its return would, leaving every
   * figure as it was: the first real failure after load then costs what later ones do
   * (V8 has compiled the code by then). `disks`: the disks of one node.
   */
  warmUp(avail: Uint8Array, disks: readonly number[]): void {
    this.scan(avail)
    const down = avail.slice()
    for (const d of disks) down[d] = 0
    this.scan(down)
    this.scan(avail)
  }

  private codeOfUnit(u: number, avail: Uint8Array): number {
    const { data } = this
    this.codesComputed++
    return unitCode(data.replicaDisk, u * data.rf, data.rf, avail, this.maps, this.rfOfC[data.unitContainer[u]], this.h)
  }

  private codeOfStrip(s: number, avail: Uint8Array): number {
    const { data } = this
    this.codesComputed++
    return stripCode(data.stripDisk, s * STRIP_STRIDE, data.stripK[s], data.stripP[s], avail, this.maps, this.h, this.scratchUnits, this.scratchCounts)
  }

  // ---------------------------------------------------------------- the figures
  /**
   * The per-level minimum tolerance over every extent group and strip (+Infinity: no data)
   * and the data health, for the disks available per `avail` — exactly what
   * scanExtentGroups(data, avail) returns, in time proportional to what changed.
   */
  scan(avail: Uint8Array): { mins: Float64Array; health: DataHealth } {
    const { data, changed } = this
    const D = avail.length
    if (this.rfOfC.length !== data.containers.length) this.rfOfC = new Int32Array(data.containers.map((c) => c.rf))
    let seen = this.seen
    if (seen === null) {
      this.units.allDirty = true
      this.strips.allDirty = true
      seen = this.seen = avail.slice()
    }
    let nChanged = 0
    let copies = 0
    for (let d = 0; d < D; d++) {
      const c = seen[d] !== avail[d] ? 1 : 0
      changed[d + 1] = c
      nChanged += c
      if (c === 1) copies += data.diskUnits[d]
    }
    // a block or a rack: past an eighth of the groups, evaluating them all at once is cheaper
    // than each one before and after
    if (copies > (data.units + data.strips) / this.bulkShare) {
      this.units.allDirty = true
      this.strips.allDirty = true
    }
    this.refreshUnits(avail, nChanged > 0)
    this.refreshStrips(avail, nChanged > 0)
    seen.set(avail)
    const mins = new Float64Array(4)
    for (let l = 0; l < 4; l++) mins[l] = Math.min(this.units.minOf(l), this.strips.minOf(l))
    return { mins, health: { lostUnits: this.units.lost, lostStripMembers: this.strips.lost, missingCopies: this.units.missing + this.strips.missing } }
  }

  private refreshUnits(avail: Uint8Array, anyChanged: boolean): void {
    const { data, changed, maps, h, rfOfC } = this
    const set = this.units
    const S = data.rf
    const rd = data.replicaDisk
    const uc = data.unitContainer
    const count = data.units
    const seen = this.seen!
    set.ensureCapacity(count)
    let computed = 0
    if (set.allDirty) {
      set.clear()
      if (S <= 3) fullPassRf3(set, rd, S, count, avail, maps, rfOfC, uc)
      else for (let u = 0; u < count; u++) set.add(unitCode(rd, u * S, S, avail, maps, rfOfC[uc[u]], h), 1)
      set.counted = count
      this.codesComputed += count
      return
    }
    const counted = set.counted
    // the groups whose copies moved: their counted code was noted
    for (let i = 0; i < set.dirtyLen; i++) {
      const u = set.dirty[i]
      set.swap(set.dirtyOld[i], unitCode(rd, u * S, S, avail, maps, rfOfC[uc[u]], h))
      computed++
    }
    if (anyChanged) {
      // one read-only pass: the groups with a copy on a disk whose availability changed
      const flagged = set.dirtyLen > 0
      const flags = set.dirtyFlag
      const redo = (u: number): void => {
        if (flagged && flags[u] === 1) return
        const want = rfOfC[uc[u]]
        set.swap(unitCode(rd, u * S, S, seen, maps, want, h), unitCode(rd, u * S, S, avail, maps, want, h))
        computed += 2
      }
      // unrolled for RF3 and RF2: this pass is most of the cost of a failure
      if (S === 3) {
        for (let u = 0, b = 0; u < counted; u++, b += 3) if ((changed[rd[b] + 1] | changed[rd[b + 1] + 1] | changed[rd[b + 2] + 1]) !== 0) redo(u)
      } else if (S === 2) {
        for (let u = 0, b = 0; u < counted; u++, b += 2) if ((changed[rd[b] + 1] | changed[rd[b + 1] + 1]) !== 0) redo(u)
      } else {
        for (let u = 0; u < counted; u++) {
          let hit = 0
          for (let k = 0; k < S; k++) hit |= changed[rd[u * S + k] + 1]
          if (hit !== 0) redo(u)
        }
      }
    }
    set.clearDirty()
    // new groups (data written)
    for (let u = counted; u < count; u++) set.add(unitCode(rd, u * S, S, avail, maps, rfOfC[uc[u]], h), 1)
    computed += count - counted
    set.counted = count
    this.codesComputed += computed
  }

  private refreshStrips(avail: Uint8Array, anyChanged: boolean): void {
    const { data, changed, maps, h, scratchUnits, scratchCounts } = this
    const set = this.strips
    const sd = data.stripDisk
    const count = data.strips
    const seen = this.seen!
    const code = (s: number, a: Uint8Array) => stripCode(sd, s * STRIP_STRIDE, data.stripK[s], data.stripP[s], a, maps, h, scratchUnits, scratchCounts)
    set.ensureCapacity(count)
    if (set.allDirty) {
      set.clear()
      for (let s = 0; s < count; s++) set.add(code(s, avail), 1)
      set.counted = count
      this.codesComputed += count
      return
    }
    const counted = set.counted
    let computed = 0
    for (let i = 0; i < set.dirtyLen; i++) {
      set.swap(set.dirtyOld[i], code(set.dirty[i], avail))
      computed++
    }
    if (anyChanged) {
      const flagged = set.dirtyLen > 0
      for (let s = 0; s < counted; s++) {
        const base = s * STRIP_STRIDE
        let hit = 0
        for (let j = 0; j < STRIP_STRIDE; j++) hit |= changed[sd[base + j] + 1]
        if (hit === 0 || (flagged && set.dirtyFlag[s] === 1)) continue
        set.swap(code(s, seen), code(s, avail))
        computed += 2
      }
    }
    set.clearDirty()
    for (let s = counted; s < count; s++) set.add(code(s, avail), 1)
    computed += count - counted
    set.counted = count
    this.codesComputed += computed
  }
}
