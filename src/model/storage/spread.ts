/**
 * Which extent groups and EC strips hold two copies on one node or on one unit of a level
 * (block or rack awareness): the only groups whose copies the disk balancer may have to
 * move apart (curator/balance.ts, "awareness restored").
 *
 * Kept incrementally so the balancer's planning pass need not read every copy to find
 * them: DataStore tells us of every group whose slots it writes (`unitDirty`,
 * `stripDirty`), and `refresh(level)` recomputes only those (and groups written since the
 * last refresh), or every group when the level or the disk→unit index changed. A flag
 * counts every copy in a slot, available or not (the balancer checks availability).
 * Memory: one byte per group, and the list of groups written since the last refresh.
 */
import { STRIP_STRIDE } from './ec'
import type { Level } from './domainIndex'

/** The copy tables and index this reads (DataStore implements it). */
export interface SpreadData {
  readonly rf: number
  readonly units: number
  readonly replicaDisk: Int32Array
  readonly strips: number
  readonly stripDisk: Int32Array
  readonly index: { readonly diskUnit: readonly [Int32Array, Int32Array, Int32Array, Int32Array] }
}

export class CopySpread {
  /** 1: extent group u has two copies on one node or one unit of `level` */
  unitShared = new Uint8Array(0)
  /** 1: strip s has two members on one node or one unit of `level` */
  stripShared = new Uint8Array(0)
  /** groups whose flags are up to date: [0, unitsDone) and [0, stripsDone) minus the dirty lists */
  private unitsDone = 0
  private stripsDone = 0
  private dirtyUnits: number[] = []
  private dirtyStrips: number[] = []
  /** the level and index the flags were computed for (-1 / null: never) */
  private level = -1
  private indexOf: object | null = null
  /** groups with a flag set (exact after refresh) */
  sharedUnits = 0
  sharedStrips = 0

  constructor(private readonly data: SpreadData) {}

  /** Extent group u's slots were (or are about to be) written. */
  unitDirty(u: number): void {
    if (u < this.unitsDone) this.dirtyUnits.push(u)
  }

  /** Strip s's slots were (or are about to be) written. */
  stripDirty(s: number): void {
    if (s < this.stripsDone) this.dirtyStrips.push(s)
  }

  /** Every slot was rewritten (initial placement). */
  reset(): void {
    this.unitsDone = this.stripsDone = 0
    this.sharedUnits = this.sharedStrips = 0
    this.dirtyUnits = []
    this.dirtyStrips = []
  }

  /** Bring every flag up to date for awareness `level` (1 node, 2 block, 3 rack). */
  refresh(level: Level): void {
    const { data } = this
    if (level !== this.level || data.index !== this.indexOf) {
      this.level = level
      this.indexOf = data.index
      this.reset()
    }
    if (this.unitShared.length < data.units) this.unitShared = grow(this.unitShared, data.units)
    if (this.stripShared.length < data.strips) this.stripShared = grow(this.stripShared, data.strips)
    for (const u of this.dirtyUnits) this.setUnit(u)
    for (const s of this.dirtyStrips) this.setStrip(s)
    this.dirtyUnits = []
    this.dirtyStrips = []
    this.unitRange(this.unitsDone, data.units)
    for (let s = this.stripsDone; s < data.strips; s++) this.setStrip(s)
    this.unitsDone = data.units
    this.stripsDone = data.strips
  }

  /** Flags of extent groups [from, to), not counted yet (a tight loop: a million groups after load). */
  private unitRange(from: number, to: number): void {
    const { data } = this
    const rd = data.replicaDisk
    const rf = data.rf
    const node = data.index.diskUnit[1]
    const unit = data.index.diskUnit[this.level]
    const flags = this.unitShared
    let n = 0
    for (let u = from, base = from * rf; u < to; u++, base += rf) {
      let v = 0
      for (let j = 1; j < rf && v === 0; j++) {
        const x = rd[base + j]
        if (x < 0) continue
        const ux = unit[x]
        const nx = node[x]
        for (let k = 0; k < j; k++) {
          const y = rd[base + k]
          if (y >= 0 && (unit[y] === ux || node[y] === nx)) {
            v = 1
            break
          }
        }
      }
      flags[u] = v
      n += v
    }
    this.sharedUnits += n
  }

  private setUnit(u: number): void {
    const { data } = this
    const v = sharesUnit(data.replicaDisk, u * data.rf, data.rf, data.index.diskUnit[1], data.index.diskUnit[this.level]) ? 1 : 0
    const was = u < this.unitsDone ? this.unitShared[u] : 0
    this.sharedUnits += v - was
    this.unitShared[u] = v
  }

  private setStrip(s: number): void {
    const { data } = this
    const v = sharesUnit(data.stripDisk, s * STRIP_STRIDE, STRIP_STRIDE, data.index.diskUnit[1], data.index.diskUnit[this.level]) ? 1 : 0
    const was = s < this.stripsDone ? this.stripShared[s] : 0
    this.sharedStrips += v - was
    this.stripShared[s] = v
  }
}

/** Do two of slots[base .. base + n) (−1: empty) sit on one node or one unit? */
export function sharesUnit(slots: Int32Array, base: number, n: number, node: Int32Array, unit: Int32Array): boolean {
  for (let j = 1; j < n; j++) {
    const x = slots[base + j]
    if (x < 0) continue
    for (let k = 0; k < j; k++) {
      const y = slots[base + k]
      if (y >= 0 && (unit[x] === unit[y] || node[x] === node[y])) return true
    }
  }
  return false
}

function grow(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.max(n, Math.ceil(a.length * 1.5), 1024))
  out.set(a)
  return out
}
