/**
 * Corrupt copies (silent bit rot, DOMAIN.md §12): which replica slots and strip members
 * hold data whose checksum no longer matches. Sparse: a few marks, never a table per copy.
 *
 * A mark is a copy in a slot on a disk: key = replica slot `u * rf + k` (≥ 0) or strip
 * member `−(s * STRIP_STRIDE + j) − 1`, value = the disk the corrupt copy sits on and its
 * state (undetected, detected, being repaired). DataStore tells us of every slot it writes
 * (`slotWritten`), so a mark follows its copy (our rules):
 * - a balancing/removal move reads the copy to move it: the mismatch is found; the new copy
 *   is written from a good copy when one is online (the corruption is gone), else the
 *   corrupt data moves with it (detected);
 * - a rebuild or re-admission that replaces a slot's copy leaves that copy on its disk
 *   (Curator's detached copies): a corrupt one is remembered, and Curator's validation
 *   when the part returns finds the mismatch and deletes it instead of re-admitting it
 *   (`takeDetached`); a rebuild copies from a surviving copy: when every online one is
 *   corrupt, the new copy is corrupt too (detected);
 * - a copy dropped from its slot (a replaced disk came back empty) takes its mark along.
 *
 * What a corrupt copy means for the data (availability.ts applies it): on a disk that
 * serves, it is no copy at all (its checksum fails: the truth, found or not yet); on a disk
 * that is offline it is still an offline copy, not lost, until it can be read and judged.
 */
import { STRIP_STRIDE } from '../ec'
import type { CorruptView } from '../tolerance/availability'

export const UNDETECTED = 0
export const DETECTED = 1
export const REPAIRING = 2

export interface Mark {
  /** the disk the corrupt copy is on */
  d: number
  /** UNDETECTED, DETECTED or REPAIRING */
  st: number
  /** simulated ms from which its next read / scrub check is counted, and when that check is due (scrubber.ts) */
  from: number
  due: number
}

/** The slot tables and availability the store reads (DataStore implements it). */
export interface SlotTables {
  readonly rf: number
  readonly replicaDisk: Int32Array
  readonly stripDisk: Int32Array
  readonly stripK: Uint8Array
  readonly stripP: Uint8Array
  rfOf(u: number): number
}

export const replicaKey = (rf: number, u: number, k: number): number => u * rf + k
export const memberKey = (s: number, j: number): number => -(s * STRIP_STRIDE + j) - 1
/** The group of a key: extent group u (≥ 0) or strip −(s + 1), as Curator encodes its work items. */
export const groupOfKey = (rf: number, key: number): number => (key >= 0 ? Math.floor(key / rf) : -Math.floor((-key - 1) / STRIP_STRIDE) - 1)

export class CorruptionStore implements CorruptView {
  readonly marks = new Map<number, Mark>()
  /** corrupt copies a rebuild or re-admission took out of their slot, still on their disk: `${group}:${disk}` */
  readonly detached = new Set<string>()
  /** groups with at least one mark (extent groups, strips), with their mark count */
  readonly units = new Map<number, number>()
  readonly strips = new Map<number, number>()
  /** copies a read, a move or the scrubber found corrupt and replaced from a good copy, since load */
  repaired = 0
  /** corrupt copies found (by reads, moves, the scrubber, Curator's validation) since load */
  found = 0
  version = 0
  /** is disk d serving now (set by the composition root: the store itself knows no topology) */
  available: (d: number) => boolean = () => true
  /** a mark was found by a move (not by the scrubber or a read): the scrubber logs it */
  onFoundByMove: (key: number, repaired: boolean) => void = () => {}

  constructor(private readonly data: SlotTables) {}

  get count(): number {
    return this.marks.size
  }

  /** Is the copy in slot `key` corrupt (a mark on the disk the slot points to)? */
  isCorrupt(key: number): boolean {
    const m = this.marks.get(key)
    return m !== undefined && m.d === this.slotDisk(key)
  }

  slotDisk(key: number): number {
    return key >= 0 ? this.data.replicaDisk[key] : this.data.stripDisk[-key - 1]
  }

  /** Mark the copy in slot `key` corrupt (it must hold a copy). */
  add(key: number, from: number): void {
    const d = this.slotDisk(key)
    if (d < 0 || this.marks.has(key)) return
    this.marks.set(key, { d, st: UNDETECTED, from, due: Infinity })
    this.count1(key, 1)
    this.version++
  }

  /** The mark of slot `key` is gone: repaired (replaced from a good copy) or its copy dropped. */
  remove(key: number, repaired: boolean): void {
    if (!this.marks.delete(key)) return
    this.count1(key, -1)
    if (repaired) this.repaired++
    this.version++
  }

  private count1(key: number, delta: number): void {
    const g = groupOfKey(this.data.rf, key)
    const map = g >= 0 ? this.units : this.strips
    const id = g >= 0 ? g : -g - 1
    const n = (map.get(id) ?? 0) + delta
    if (n <= 0) map.delete(id)
    else map.set(id, n)
  }

  /** Keys of the slots of the group of `key` (extent group: its RF slots; strip: its k + p members). */
  siblings(key: number): number[] {
    const g = groupOfKey(this.data.rf, key)
    const out: number[] = []
    if (g >= 0) {
      const w = this.data.rfOf(g)
      for (let k = 0; k < w; k++) out.push(replicaKey(this.data.rf, g, k))
    } else {
      const s = -g - 1
      const w = this.data.stripK[s] + this.data.stripP[s]
      for (let j = 0; j < w; j++) out.push(memberKey(s, j))
    }
    return out
  }

  /** Good copies online of the group of `key`, other than `key` itself. */
  goodOnlineSiblings(key: number): number {
    let n = 0
    for (const x of this.siblings(key)) {
      if (x === key) continue
      const d = this.slotDisk(x)
      if (d >= 0 && this.available(d) && !this.isCorrupt(x)) n++
    }
    return n
  }

  /** Can the copy in slot `key` be rebuilt from good online copies now (a replica: one; a strip member: k others)? */
  repairable(key: number): boolean {
    const need = key >= 0 ? 1 : this.data.stripK[Math.floor((-key - 1) / STRIP_STRIDE)]
    return this.goodOnlineSiblings(key) >= need
  }

  // ---------------------------------------------------------------- told by DataStore
  /**
   * Slot `key` is written: its copy on `old` (−1: none) is replaced by one on `now` (−1: none).
   * `how`: 'move' (the old copy is read, then deleted), 'drop' (it is gone), 'rebuild'
   * (a new copy from the surviving ones; the old one stays on its disk, detached),
   * 'readmit' (a copy already on `now` takes the slot; the old one stays, detached).
   */
  slotWritten(key: number, old: number, now: number, how: 'move' | 'drop' | 'rebuild' | 'readmit'): void {
    if (this.marks.size === 0) return
    const m = this.marks.get(key)
    const marked = m !== undefined && m.d === old
    if (how === 'move') {
      if (!marked) return
      // the move reads the copy: the checksum fails; the new copy comes from a good one if any is online
      this.found++
      if (this.repairable(key)) {
        this.remove(key, true)
        this.onFoundByMove(key, true)
      } else {
        m!.d = now
        m!.st = DETECTED
        this.version++
        this.onFoundByMove(key, false)
      }
      return
    }
    if (how === 'drop') {
      if (marked) this.remove(key, false)
      return
    }
    if (marked) {
      this.remove(key, false)
      this.detached.add(`${groupOfKey(this.data.rf, key)}:${old}`)
    }
    // a rebuilt copy is copied from a surviving one: corrupt too when every online one is (found later)
    if (how === 'rebuild' && now >= 0 && this.hasMarkIn(key) && this.goodOnlineSiblings(key) === 0) {
      this.marks.set(key, { d: now, st: DETECTED, from: 0, due: Infinity })
      this.count1(key, 1)
      this.found++
      this.version++
    }
  }

  private hasMarkIn(key: number): boolean {
    const g = groupOfKey(this.data.rf, key)
    return g >= 0 ? this.units.has(g) : this.strips.has(-g - 1)
  }

  /**
   * Curator validates a copy on a part that came back (group e, disk d): true when its
   * checksum fails (it is forgotten here; Curator deletes it instead of re-admitting it).
   */
  takeDetached(e: number, d: number): boolean {
    if (this.detached.size === 0) return false
    const k = `${e}:${d}`
    if (!this.detached.delete(k)) return false
    this.found++
    this.version++
    return true
  }

  /** A slot of group e whose copy is corrupt (a good returning copy may take its place), or −1. */
  corruptSlotOf(e: number): number {
    if (this.marks.size === 0) return -1
    if (e >= 0 ? !this.units.has(e) : !this.strips.has(-e - 1)) return -1
    const keys = e >= 0 ? this.siblings(replicaKey(this.data.rf, e, 0)) : this.siblings(memberKey(-e - 1, 0))
    for (let j = 0; j < keys.length; j++) if (this.isCorrupt(keys[j])) return j
    return -1
  }

  /** A replaced disk came back empty: every corrupt copy on it, in a slot or detached, is gone. */
  diskWiped(d: number): void {
    for (const [key, m] of [...this.marks]) if (m.d === d) this.remove(key, false)
    for (const k of [...this.detached]) if (k.endsWith(`:${d}`)) this.detached.delete(k)
  }

  // ---------------------------------------------------------------- CorruptView (availability.ts)
  markedUnits(): Iterable<number> {
    return this.units.keys()
  }
  markedStrips(): Iterable<number> {
    return this.strips.keys()
  }
  hasUnit(u: number): boolean {
    return this.units.has(u)
  }
  hasStrip(s: number): boolean {
    return this.strips.has(s)
  }
}
