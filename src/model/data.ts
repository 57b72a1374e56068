/**
 * Extent groups: the data of the cluster. One simulated extent group stands for
 * UNIT_BYTES of logical data; its RF replicas live on distinct nodes, and on distinct
 * blocks/racks when that awareness is in force (seed 004). Stored in typed arrays so a
 * million units stay cheap: replicaDisk[u * rf + k] is the disk of replica k of unit u
 * (-1 when that replica is missing).
 */
import { Fenwick } from './fenwick'
import type { Prng } from './prng'
import type { Topology } from './topology'
import type { Domain } from './types'
import { UNIT_BYTES } from './units'

export class DataStore {
  readonly replicaDisk: Int32Array
  /** replicas held per disk */
  readonly diskUnits: Int32Array
  /** weights for picking a disk for a new replica: free room, 0 when unavailable or full */
  private readonly picker: Fenwick
  /** units that could not get all their replicas at placement time */
  unplaced = 0
  version = 0

  constructor(
    private readonly topo: Topology,
    readonly units: number,
    readonly rf: number,
  ) {
    this.replicaDisk = new Int32Array(units * rf).fill(-1)
    this.diskUnits = new Int32Array(topo.spec.disks.length)
    this.picker = new Fenwick(topo.spec.disks.length)
  }

  /** Capacity of a disk in replicas, keeping Stargate's 5 % read-only margin free. */
  diskCapacityUnits(d: number): number {
    return Math.floor((this.topo.spec.disks[d].capacityBytes * 0.95) / UNIT_BYTES)
  }

  /** Reset the disk-pick weights from availability and free room. */
  refreshPicker(): void {
    for (let d = 0; d < this.diskUnits.length; d++) this.updatePick(d)
  }

  private updatePick(d: number): void {
    const room = this.diskCapacityUnits(d) - this.diskUnits[d]
    // weighted by capacity (equal expected fill fraction), zero when unusable
    const w = room > 0 && this.topo.diskAvailable(d) ? this.topo.spec.disks[d].capacityBytes / UNIT_BYTES : 0
    this.picker.set(d, w)
  }

  /**
   * Pick a disk for a new replica of unit u whose other replicas are on `taken` units of
   * domain `dom` (and nodes `takenNodes`). Returns -1 when no disk fits.
   */
  pickDisk(rng: Prng, dom: Domain, takenUnits: readonly number[], takenNodes: readonly number[]): number {
    const total = this.picker.total()
    if (total <= 0) return -1
    const spec = this.topo.spec
    for (let attempt = 0; attempt < 48; attempt++) {
      const d = this.picker.find(rng.float() * total)
      if (this.picker.weight(d) <= 0) continue
      const node = spec.disks[d].node
      if (takenNodes.includes(node)) continue
      if (takenUnits.includes(this.topo.unitOf(node, dom))) continue
      return d
    }
    // dense fallback: scan every disk in a random rotation
    const n = spec.disks.length
    const start = rng.fastInt(n)
    for (let i = 0; i < n; i++) {
      const d = (start + i) % n
      if (this.picker.weight(d) <= 0) continue
      const node = spec.disks[d].node
      if (takenNodes.includes(node) || takenUnits.includes(this.topo.unitOf(node, dom))) continue
      return d
    }
    return -1
  }

  /** Put replica k of unit u on disk d. */
  assign(u: number, k: number, d: number): void {
    const i = u * this.rf + k
    const old = this.replicaDisk[i]
    if (old >= 0) {
      this.diskUnits[old]--
      this.updatePick(old)
    }
    this.replicaDisk[i] = d
    if (d >= 0) {
      this.diskUnits[d]++
      this.updatePick(d)
    }
    this.version++
  }

  /** Initial placement of every unit with full RF in domain `dom` (node when impossible). */
  placeAll(rng: Prng, dom: Domain): void {
    this.refreshPicker()
    const takenUnits: number[] = []
    const takenNodes: number[] = []
    const spec = this.topo.spec
    for (let u = 0; u < this.units; u++) {
      takenUnits.length = 0
      takenNodes.length = 0
      let full = true
      for (let k = 0; k < this.rf; k++) {
        let d = this.pickDisk(rng, dom, takenUnits, takenNodes)
        if (d < 0 && dom !== 'node') d = this.pickDisk(rng, 'node', takenNodes, takenNodes)
        if (d < 0) {
          full = false
          continue
        }
        const node = spec.disks[d].node
        takenNodes.push(node)
        takenUnits.push(this.topo.unitOf(node, dom))
        const i = u * this.rf + k
        this.replicaDisk[i] = d
        this.diskUnits[d]++
        this.updatePick(d)
      }
      if (!full) this.unplaced++
    }
    this.version++
  }

  diskUsedBytes(d: number): number {
    return this.diskUnits[d] * UNIT_BYTES
  }

  /** Raw bytes held by all replicas. */
  rawUsedBytes(): number {
    let s = 0
    for (let d = 0; d < this.diskUnits.length; d++) s += this.diskUnits[d]
    return s * UNIT_BYTES
  }
}
