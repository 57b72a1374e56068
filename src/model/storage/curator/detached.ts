/**
 * Detached copies (seed 004, DOMAIN.md §6): the copy a rebuild replaced stays on its failed
 * part. When that part comes back, the scan that follows validates it: the copy is
 * re-admitted where its extent group (or strip) still lacks one on distinct units, else it
 * is over-replicated and deleted. A replaced disk (its old one failed SMART) comes back
 * empty: every copy on it is gone. Owned by Curator (curator.ts), which records a copy here
 * whenever it rebuilds one.
 */
import { STRIP_STRIDE } from '../ec'
import type { Kernel } from '../../kernel/context'
import type { Topology } from '../../cluster/topology'
import type { DataStore } from '../data'
import type { Domain } from '../../types'
import { formatUnits, UNIT_BYTES } from '../../kernel/units'

/** What the detached copies use: the log, the data and topology, the awareness in force. */
export interface DetachedContext extends Pick<Kernel, 'log'> {
  readonly topo: Topology
  readonly data: DataStore
  readonly effectiveAwareness: Domain
}

export function levelOf(dom: Domain): 1 | 2 | 3 {
  return dom === 'node' ? 1 : dom === 'block' ? 2 : 3
}

export class DetachedCopies {
  /** per disk: copies a rebuild replaced that still sit on it (extent group u ≥ 0, strip s as −(s + 1)) */
  private readonly lists: number[][]
  /** copies re-admitted / deleted as over-replicated since load */
  readmittedCopies = 0
  removedCopies = 0

  constructor(private readonly sim: DetachedContext, disks: number) {
    this.lists = Array.from({ length: disks }, () => [])
  }

  /** The cluster grew to `disks` disks (lifecycle/expansion.ts): the new ones hold nothing detached. */
  growDisks(disks: number): void {
    while (this.lists.length < disks) this.lists.push([])
  }

  /** The copy of work item `e` on disk d was replaced by a rebuild. */
  add(d: number, e: number): void {
    this.lists[d].push(e)
  }

  /** Copies on parts that came back: re-admit where an extent group still lacks one, else delete (over-replicated). */
  clean(): void {
    const { sim } = this
    const { data, topo } = sim
    const dom = sim.effectiveAwareness
    let readmitted = 0
    let removed = 0
    for (let d = 0; d < this.lists.length; d++) {
      const list = this.lists[d]
      if (list.length === 0 || !topo.diskAvailable(d)) continue
      this.lists[d] = []
      for (const e of list) {
        if (this.readmit(e, d, dom)) readmitted++
        else {
          data.dropCopy(d, e >= 0 ? data.unitContainer[e] : data.stripContainer[-e - 1])
          removed++
        }
      }
    }
    this.readmittedCopies += readmitted
    this.removedCopies += removed
    if (readmitted > 0) sim.log.event('info', 'DataReadmitted', null, `Curator validated and re-admitted ${formatUnits(readmitted)} of copies on components that came back`)
    if (removed > 0) sim.log.event('info', 'OverReplicatedDataRemoved', null, `Curator removed ${formatUnits(removed)} of over-replicated data (copies a rebuild had already replaced)`)
  }

  /** Put the copy on disk d back into a missing slot of its extent group / strip, if that keeps the copies on distinct units. */
  private readmit(e: number, d: number, dom: Domain): boolean {
    const { data, topo } = this.sim
    const unitOf = data.index.diskUnit[levelOf(dom)]
    const nodeOf = data.index.diskUnit[1]
    // Curator validates the copy's checksums (integrity/corruption.ts): a corrupt one is deleted, not re-admitted
    if (data.corruption.takeDetached(e, d)) return false
    if (e >= 0) {
      const base = e * data.rf
      const want = data.rfOf(e)
      let slot = -1
      for (let k = 0; k < want; k++) {
        const x = data.replicaDisk[base + k]
        if (x >= 0 && topo.diskAvailable(x)) {
          if (x === d || unitOf[x] === unitOf[d] || nodeOf[x] === nodeOf[d]) return false
        } else if (slot < 0) slot = k
      }
      // no copy missing, but one is corrupt: the good copy that came back takes its place
      if (slot < 0) slot = data.corruption.corruptSlotOf(e)
      if (slot < 0) return false
      const old = data.replicaDisk[base + slot]
      if (old >= 0) this.lists[old].push(e)
      data.readmitReplica(e, slot, d)
      return true
    }
    const s = -e - 1
    const base = s * STRIP_STRIDE
    const w = data.stripK[s] + data.stripP[s]
    // the member this copy was: the slot whose old copy it is cannot be known, any missing member will do (same data after decode)
    let slot = -1
    for (let j = 0; j < w; j++) {
      const x = data.stripDisk[base + j]
      if (x >= 0 && topo.diskAvailable(x)) {
        if (x === d || unitOf[x] === unitOf[d] || nodeOf[x] === nodeOf[d]) return false
      } else if (slot < 0) slot = j
    }
    if (slot < 0) slot = data.corruption.corruptSlotOf(e)
    if (slot < 0) return false
    const old = data.stripDisk[base + slot]
    if (old >= 0) this.lists[old].push(e)
    data.readmitStripMember(s, slot, d)
    return true
  }

  /** A replaced disk (its old one failed SMART) comes back empty: every copy on it is gone. */
  wipeDisk(d: number): void {
    const { data } = this.sim
    const rf = data.rf
    for (let i = 0; i < data.units * rf; i++) if (data.replicaDisk[i] === d) data.assign((i / rf) | 0, i % rf, -1)
    for (let s = 0; s < data.strips; s++) {
      for (let j = 0; j < STRIP_STRIDE; j++) if (data.stripDisk[s * STRIP_STRIDE + j] === d) data.assignStripMember(s, j, -1)
    }
    for (const e of this.lists[d]) data.dropCopy(d, e >= 0 ? data.unitContainer[e] : data.stripContainer[-e - 1])
    this.lists[d] = []
    data.corruption.diskWiped(d)
  }

  /** Copies waiting on parts that are back for the next scan to re-admit or delete (bytes). */
  overReplicatedBytes(): number {
    const { topo } = this.sim
    let n = 0
    for (let d = 0; d < this.lists.length; d++) if (topo.diskAvailable(d)) n += this.lists[d].length
    return n * UNIT_BYTES
  }

  /** Copies a rebuild replaced that still sit on failed parts (bytes). */
  detachedBytes(): number {
    let n = 0
    for (const l of this.lists) n += l.length
    return n * UNIT_BYTES
  }
}
