/**
 * Data placement (seed 004, DOMAIN.md §2): containers, extent groups, erasure-coded
 * strips and OpLog episodes.
 *
 * - A container has a replication factor (RF2/RF3) and optionally erasure coding.
 * - One simulated extent group stands for UNIT_BYTES of logical data. A replicated extent
 *   group has RF replicas on distinct units of the awareness domain in force (distinct
 *   nodes, and distinct blocks/racks under block/rack awareness). When that is impossible
 *   (too few units with room left) the replica goes to any other node ("relaxed"), and
 *   when even that fails it stays missing ("unplaced"); both are counted, never hidden.
 * - An EC strip (see ec.ts) has k data + p parity members, each one UNIT_BYTES of raw
 *   space, every member on a distinct unit of the awareness domain.
 * - New writes choose among healthy disks only, so data written during a failure gets
 *   its full RF (seed 004).
 * - Replicas are weighted by disk capacity (every disk fills at the same pace) and keep
 *   Stargate's 5 % read-only margin free.
 *
 * Everything is in typed arrays so a million extent groups stay cheap:
 * replicaDisk[u * rf + k] is the disk of replica k of extent group u (-1 when missing),
 * stripDisk[s * STRIP_STRIDE + j] the disk of member j of strip s (data members first).
 */
import { STRIP_STRIDE } from './ec'
import { planContainers, type Container, type ContainerPlan } from './containers'
import type { Prng } from '../kernel/prng'
import type { ClusterSpec } from '../scenario/normalize'
import { ToleranceIndex } from './tolerance/toleranceIndex'
import type { Topology } from '../cluster/topology'
import type { Domain } from '../types'
import { UNIT_BYTES } from '../kernel/units'
import { DiskPicker } from './diskPicker'
import { CopySpread } from './spread'
import { CorruptionStore } from './integrity/corruption'
import { type Level, LEVEL_OF, DomainIndex } from './domainIndex'
import { grown } from '../kernel/grow'
export * from './domainIndex'
export * from './oplog'

export * from './containers'

const PICK_ATTEMPTS = 32

export class DataStore {
  /** the unit of every disk and node (rebuilt when the cluster grows: growDisks) */
  index: DomainIndex
  readonly containers: Container[]
  /** replicated extent groups */
  units = 0
  /** replica slots per extent group: the cluster RF (a container's RF may be lower: its extra slots stay -1) */
  readonly rf: number
  replicaDisk: Int32Array
  /** container of each extent group */
  unitContainer: Uint8Array
  /** EC strips */
  strips = 0
  stripDisk: Int32Array
  stripK: Uint8Array
  stripP: Uint8Array
  stripContainer: Uint8Array
  /** replicas and strip members held per disk */
  diskUnits: Int32Array
  /** capacity of each disk in units, keeping the 5 % read-only margin */
  capUnits: Int32Array
  /** raw units held per container (replicas + strip members) */
  readonly containerRaw: Float64Array
  /** extent groups or strips that could not get all their copies */
  unplaced = 0
  /** copies placed on a node that breaks the awareness (not enough units with room) */
  relaxed = 0
  version = 0
  /** disks closed to new copies: being removed (removal.ts); disk balancing drains them */
  closed: Uint8Array
  /** the EXTENT_GROUPS fault tolerance, kept up to date as copies move (toleranceIndex.ts) */
  tolerance: ToleranceIndex
  /** which groups hold two copies on one node or unit (spread.ts), for the disk balancer */
  readonly spread: CopySpread
  /** corrupt copies (integrity/corruption.ts): told of every slot written, so a mark follows its copy */
  readonly corruption: CorruptionStore
  private picker: DiskPicker
  private readonly taken = new Int32Array(STRIP_STRIDE)

  /**
   * `layout`: the containers (see planContainers), or a plain extent-group count for a
   * single replicated container of RF `rf`.
   */
  constructor(
    private readonly topo: Topology,
    layout: number | readonly ContainerPlan[],
    rf: number,
  ) {
    const plans: readonly ContainerPlan[] =
      typeof layout === 'number' ? [{ name: 'default-container', rf, erasureCoding: false, units: layout, strips: 0, shape: null }] : layout
    this.rf = Math.max(rf, ...plans.map((p) => p.rf))
    this.index = new DomainIndex(topo.spec)
    this.containers = plans.map((p, i) => ({ ...p, id: `container-${i + 1}`, index: i }))
    const units = plans.reduce((a, p) => a + p.units, 0)
    const strips = plans.reduce((a, p) => a + p.strips, 0)
    this.units = units
    this.replicaDisk = new Int32Array(units * this.rf).fill(-1)
    this.unitContainer = new Uint8Array(units)
    this.strips = strips
    this.stripDisk = new Int32Array(strips * STRIP_STRIDE).fill(-1)
    this.stripK = new Uint8Array(strips)
    this.stripP = new Uint8Array(strips)
    this.stripContainer = new Uint8Array(strips)
    let u = 0
    let s = 0
    plans.forEach((p, c) => {
      this.unitContainer.fill(c, u, u + p.units)
      u += p.units
      if (p.shape) {
        this.stripK.fill(p.shape.k, s, s + p.strips)
        this.stripP.fill(p.shape.p, s, s + p.strips)
        this.stripContainer.fill(c, s, s + p.strips)
        s += p.strips
      }
    })
    const D = topo.spec.disks.length
    this.diskUnits = new Int32Array(D)
    this.capUnits = new Int32Array(D)
    this.closed = new Uint8Array(D)
    for (let d = 0; d < D; d++) this.capUnits[d] = Math.floor((topo.spec.disks[d].capacityBytes * 0.95) / UNIT_BYTES)
    this.containerRaw = new Float64Array(plans.length)
    this.picker = new DiskPicker(D)
    this.tolerance = new ToleranceIndex(this)
    this.spread = new CopySpread(this)
    this.corruption = new CorruptionStore(this)
    this.corruption.available = (d) => topo.diskAvailable(d)
  }

  /**
   * The cluster grew (lifecycle/expansion.ts): the new disks join the storage pool empty.
   * The unit index, the disk picker and the fault-tolerance index are rebuilt (the index's
   * next scan is one full pass).
   */
  growDisks(): void {
    const spec = this.topo.spec
    const D = spec.disks.length
    const old = this.diskUnits.length
    this.diskUnits = grown(this.diskUnits, D)
    this.capUnits = grown(this.capUnits, D)
    this.closed = grown(this.closed, D)
    for (let d = old; d < D; d++) this.capUnits[d] = Math.floor((spec.disks[d].capacityBytes * 0.95) / UNIT_BYTES)
    this.index = new DomainIndex(spec)
    this.picker = new DiskPicker(D)
    this.tolerance = new ToleranceIndex(this)
    this.refreshPicker()
    this.version++
  }

  /** The data of a cluster built from its spec, with awareness `dom` in force (not yet placed). */
  static forSpec(topo: Topology, spec: ClusterSpec, dom: Domain): DataStore {
    return new DataStore(topo, planContainers(spec, topo.unitCount(dom)), spec.replicationFactor)
  }

  /** Capacity of a disk in replicas, keeping Stargate's 5 % read-only margin free. */
  diskCapacityUnits(d: number): number {
    return this.capUnits[d]
  }

  /** RF of extent group u (its container's). */
  rfOf(u: number): number {
    return this.containers[this.unitContainer[u]].rf
  }

  /** Reset the disk-pick weights from availability and free room. */
  refreshPicker(): void {
    for (let d = 0; d < this.diskUnits.length; d++) this.updatePick(d)
  }

  /** Close disk d to new copies (removal) or open it again. */
  setClosed(d: number, closed: boolean): void {
    this.closed[d] = closed ? 1 : 0
    this.updatePick(d)
  }

  private updatePick(d: number): void {
    const room = this.capUnits[d] - this.diskUnits[d]
    // weighted by capacity (equal expected fill fraction), zero when unusable
    this.picker.set(d, room > 0 && this.closed[d] === 0 && this.topo.diskAvailable(d) ? this.topo.spec.disks[d].capacityBytes / UNIT_BYTES : 0)
  }

  /**
   * A disk for a new copy whose siblings are on disks taken[0 .. nTaken − 1]: on a unit
   * of `level` none of them uses. -1 when no disk with room fits.
   */
  private pick(rng: Prng, level: Level, taken: Int32Array, nTaken: number): number {
    const unit = this.index.diskUnit[level]
    for (let attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
      const d = this.picker.sample(rng)
      if (d < 0) return -1
      const u = unit[d]
      let clash = false
      for (let j = 0; j < nTaken; j++) if (unit[taken[j]] === u) clash = true
      if (!clash) return d
    }
    // dense fallback: scan every disk in a random rotation
    const n = unit.length
    const start = rng.fastInt(n)
    for (let i = 0; i < n; i++) {
      const d = (start + i) % n
      if (this.picker.weight[d] <= 0) continue
      const u = unit[d]
      let clash = false
      for (let j = 0; j < nTaken; j++) if (unit[taken[j]] === u) clash = true
      if (!clash) return d
    }
    return -1
  }

  /** Pick with the awareness level, else relaxed to distinct nodes (counted). */
  private pickAware(rng: Prng, level: Level, taken: Int32Array, nTaken: number): number {
    let d = this.pick(rng, level, taken, nTaken)
    if (d < 0 && level > 1) {
      d = this.pick(rng, 1, taken, nTaken)
      if (d >= 0) this.relaxed++
    }
    return d
  }

  /**
   * Pick a disk for a new replica whose siblings are on units `takenUnits` of domain
   * `dom` and on nodes `takenNodes`. Returns -1 when no disk fits.
   */
  pickDisk(rng: Prng, dom: Domain, takenUnits: readonly number[], takenNodes: readonly number[]): number {
    const unit = this.index.diskUnit[LEVEL_OF[dom]]
    const node = this.index.diskUnit[1]
    const ok = (d: number) => !takenNodes.includes(node[d]) && !takenUnits.includes(unit[d])
    for (let attempt = 0; attempt < 48; attempt++) {
      const d = this.picker.sample(rng)
      if (d < 0) return -1
      if (ok(d)) return d
    }
    const n = unit.length
    const start = rng.fastInt(n)
    for (let i = 0; i < n; i++) {
      const d = (start + i) % n
      if (this.picker.weight[d] > 0 && ok(d)) return d
    }
    return -1
  }

  private addCopy(d: number, container: number): void {
    this.diskUnits[d]++
    this.containerRaw[container]++
    if (this.diskUnits[d] >= this.capUnits[d]) this.updatePick(d)
  }

  private removeCopy(d: number, container: number): void {
    this.diskUnits[d]--
    this.containerRaw[container]--
    if (this.diskUnits[d] === this.capUnits[d] - 1) this.updatePick(d)
  }

  /** Extent group u's / strip s's slots are about to be written: the indexes that follow the copies take note. */
  private unitChanging(u: number): void {
    this.tolerance.unitChanging(u)
    this.spread.unitDirty(u)
  }
  private stripChanging(s: number): void {
    this.tolerance.stripChanging(s)
    this.spread.stripDirty(s)
  }

  /** Put replica k of extent group u on disk d (-1: drop it). */
  assign(u: number, k: number, d: number): void {
    const i = u * this.rf + k
    const c = this.unitContainer[u]
    this.unitChanging(u)
    const old = this.replicaDisk[i]
    if (old >= 0) this.removeCopy(old, c)
    this.replicaDisk[i] = d
    if (d >= 0) this.addCopy(d, c)
    this.version++
    if (old >= 0) this.corruption.slotWritten(i, old, d, d >= 0 ? 'move' : 'drop')
  }

  /** Put member j of strip s on disk d (-1: drop it). */
  assignStripMember(s: number, j: number, d: number): void {
    const i = s * STRIP_STRIDE + j
    const c = this.stripContainer[s]
    this.stripChanging(s)
    const old = this.stripDisk[i]
    if (old >= 0) this.removeCopy(old, c)
    this.stripDisk[i] = d
    if (d >= 0) this.addCopy(d, c)
    this.version++
    if (old >= 0) this.corruption.slotWritten(-i - 1, old, d, d >= 0 ? 'move' : 'drop')
  }

  /**
   * Rebuild: replica k of extent group u gets a new copy on disk d. The old copy (if any)
   * stays on its (unavailable) disk and keeps counting there until Curator removes it
   * or re-admits it (curator.ts keeps track of it).
   */
  rebuildReplica(u: number, k: number, d: number): void {
    this.unitChanging(u)
    const i = u * this.rf + k
    const old = this.replicaDisk[i]
    this.replicaDisk[i] = d
    this.addCopy(d, this.unitContainer[u])
    this.version++
    this.corruption.slotWritten(i, old, d, 'rebuild')
  }

  /** Rebuild: member j of strip s is re-created (decoded) on disk d; the old copy stays as above. */
  rebuildStripMember(s: number, j: number, d: number): void {
    this.stripChanging(s)
    const i = s * STRIP_STRIDE + j
    const old = this.stripDisk[i]
    this.stripDisk[i] = d
    this.addCopy(d, this.stripContainer[s])
    this.version++
    this.corruption.slotWritten(-i - 1, old, d, 'rebuild')
  }

  /** Re-admission: slot k of u points to disk d, which already holds (and counts) that copy. */
  readmitReplica(u: number, k: number, d: number): void {
    this.unitChanging(u)
    const i = u * this.rf + k
    const old = this.replicaDisk[i]
    this.replicaDisk[i] = d
    this.version++
    this.corruption.slotWritten(i, old, d, 'readmit')
  }

  /** Re-admission of a strip member copy already counted on disk d. */
  readmitStripMember(s: number, j: number, d: number): void {
    this.stripChanging(s)
    const i = s * STRIP_STRIDE + j
    const old = this.stripDisk[i]
    this.stripDisk[i] = d
    this.version++
    this.corruption.slotWritten(-i - 1, old, d, 'readmit')
  }

  /** Delete a copy that no slot points to any more (over-replicated, or on a wiped disk). */
  dropCopy(d: number, container: number): void {
    this.removeCopy(d, container)
    this.version++
  }

  /** Place `count` copies into slots[base ..] on distinct units of `level`; returns false if some stay missing. */
  private placeCopies(rng: Prng, level: Level, slots: Int32Array, base: number, count: number, container: number): boolean {
    const taken = this.taken
    let n = 0
    let full = true
    for (let k = 0; k < count; k++) {
      const d = this.pickAware(rng, level, taken, n)
      if (d < 0) {
        full = false
        continue
      }
      taken[n++] = d
      slots[base + k] = d
      this.addCopy(d, container)
    }
    return full
  }

  /** Initial placement of every extent group and strip in domain `dom` (relaxed to nodes when impossible). */
  placeAll(rng: Prng, dom: Domain): void {
    this.refreshPicker()
    const level = LEVEL_OF[dom]
    const rfOf = this.containers.map((c) => c.rf)
    for (let u = 0; u < this.units; u++) {
      const c = this.unitContainer[u]
      if (!this.placeCopies(rng, level, this.replicaDisk, u * this.rf, rfOf[c], c)) this.unplaced++
    }
    for (let s = 0; s < this.strips; s++) {
      const width = this.stripK[s] + this.stripP[s]
      if (!this.placeCopies(rng, level, this.stripDisk, s * STRIP_STRIDE, width, this.stripContainer[s])) this.unplaced++
    }
    this.tolerance.reset()
    this.spread.reset()
    this.version++
  }

  /**
   * Write `count` new extent groups to container `container` with its full RF, on healthy
   * disks only, distinct units of `dom` (seed 004: data written during a failure keeps its
   * RF). New data is write-hot, so it is replicated even in an EC container.
   * Returns the index of the first new extent group. The caller calls sim.invalidate();
   * the replica table may be reallocated (don't keep references to replicaDisk).
   */
  write(rng: Prng, container: number, count: number, dom: Domain): number {
    const first = this.units
    this.grow(first + count)
    const rf = this.containers[container].rf
    const level = LEVEL_OF[dom]
    for (let u = first; u < first + count; u++) {
      this.unitContainer[u] = container
      if (!this.placeCopies(rng, level, this.replicaDisk, u * this.rf, rf, container)) this.unplaced++
    }
    this.containers[container].units += count
    this.units = first + count
    this.version++
    return first
  }

  private grow(units: number): void {
    if (units * this.rf <= this.replicaDisk.length) return
    const cap = Math.max(units, Math.ceil(this.unitContainer.length * 1.5), 1024)
    const rd = new Int32Array(cap * this.rf).fill(-1)
    rd.set(this.replicaDisk.subarray(0, this.units * this.rf))
    this.replicaDisk = rd
    const uc = new Uint8Array(cap)
    uc.set(this.unitContainer.subarray(0, this.units))
    this.unitContainer = uc
  }

  diskUsedBytes(d: number): number {
    return this.diskUnits[d] * UNIT_BYTES
  }

  /** Raw bytes held by all replicas and strip members. */
  rawUsedBytes(): number {
    let s = 0
    for (let d = 0; d < this.diskUnits.length; d++) s += this.diskUnits[d]
    return s * UNIT_BYTES
  }

  /** Logical bytes of a container: replicated extent groups plus the data members of its strips. */
  containerLogicalBytes(c: number): number {
    const ct = this.containers[c]
    return (ct.units + ct.strips * (ct.shape?.k ?? 0)) * UNIT_BYTES
  }
}

