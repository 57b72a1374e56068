/**
 * Data growth: VMs keep writing new data, so raw usage rises over time.
 *
 * - A write rate (scenario `cluster.data.growthTBPerDay`, raw TB per day, replicas
 *   included like `usedTB`), settable at run time (`setRate`). New extent groups are
 *   written once per simulated hour, with their full RF on healthy disks (data.ts `write`,
 *   seed 004: data written during a failure keeps its RF).
 * - A one-off write of raw bytes (`write`), for drills that "raise usage".
 * - Stargate turns read-only at 95 % full (Nutanix Bible): a write never goes past the
 *   disks' 95 % room. The one-off write is refused whole when it does not fit; the hourly
 *   growth writes what fits and raises a StorageFull alert (our rule).
 */
import { rawCapacity } from './capacity'
import { SimError } from '../kernel/errors'
import { formatBytes, TB, UNIT_BYTES } from '../kernel/units'
import type { Kernel } from '../kernel/context'
import type { ClusterSpec } from '../scenario/normalize'
import type { Topology } from '../cluster/topology'
import type { DataStore } from './data'
import type { Domain } from '../types'

/** What data growth uses: kernel services and the data it writes into. */
export interface GrowthContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly effectiveAwareness: Domain
}

export const GROWTH_INTERVAL_SECONDS = 3600
/** Largest accepted growth rate (raw TB per day), to catch unit mistakes (our rule). */
export const MAX_GROWTH_TB_PER_DAY = 10_000
const FULL_ALERT = 'storage-full'


export class DataGrowth {
  /** logical bytes written so far that did not yet make a whole extent group */
  private carry = 0
  /** raw bytes per simulated day */
  private rate: number
  private scheduled = false

  constructor(private readonly sim: GrowthContext) {
    this.rate = Math.max(0, sim.spec.growthBytesPerDay)
    sim.on('data-growth', () => this.tick())
    this.ensureScheduled()
  }

  /** Raw bytes written per simulated day. */
  get bytesPerDay(): number {
    return this.rate
  }

  /** Set the write rate (raw TB per day, 0 stops growth). Validated before any change. */
  setRate(tbPerDay: number): void {
    if (typeof tbPerDay !== 'number' || !Number.isFinite(tbPerDay) || tbPerDay < 0 || tbPerDay > MAX_GROWTH_TB_PER_DAY)
      throw new SimError(`growth rate must be a number of TB per day from 0 to ${MAX_GROWTH_TB_PER_DAY}, got ${String(tbPerDay)}`)
    const bytes = Math.round(tbPerDay * TB)
    if (bytes === this.rate) return
    this.rate = bytes
    if (bytes === 0) this.carry = 0
    this.sim.log.event('info', 'DataGrowthChanged', null, bytes === 0 ? 'Data growth stopped' : `Data growth set to ${formatBytes(bytes)} (raw) per day`)
    this.ensureScheduled()
    this.sim.invalidate()
  }

  /**
   * Raw bytes that can still be written at full RF before Stargate's 95 % read-only limit:
   * each extent group needs its copies on distinct units of the awareness in force, so it
   * is raw(room per unit) (capacity.ts), in whole extent groups.
   */
  freeRawBytes(): number {
    return this.writableGroups() * this.rf() * UNIT_BYTES
  }

  /** Extent groups that can still be written with their full RF. */
  private writableGroups(): number {
    const { data, topo, spec } = this.sim
    const dom = this.sim.effectiveAwareness
    const room = new Array<number>(topo.unitCount(dom)).fill(0)
    for (let d = 0; d < spec.disks.length; d++)
      if (topo.diskAvailable(d)) room[topo.unitOf(spec.disks[d].node, dom)] += Math.max(0, data.diskCapacityUnits(d) - data.diskUnits[d])
    const rf = this.rf()
    return Math.floor(rawCapacity(room, rf) / rf + 1e-9)
  }

  /**
   * Write `tb` raw TB of new data now (replicas included). Returns the extent groups
   * written. Refused whole, with the reason, when it is not a positive number, is below
   * one extent group, or does not fit below the 95 % limit.
   */
  write(tb: number): number {
    if (typeof tb !== 'number' || !Number.isFinite(tb) || tb <= 0)
      throw new SimError(`data to write must be a positive number of TB (raw), got ${String(tb)}`)
    const rf = this.rf()
    const count = Math.floor((tb * TB) / (rf * UNIT_BYTES) + 1e-9) // whole extent groups, never more than asked (issue 21)
    if (count < 1)
      throw new SimError(`${tb} TB is less than one extent group: the smallest write is ${(rf * UNIT_BYTES) / TB} TB raw (1 GB written RF${rf})`)
    const free = this.freeRawBytes()
    if (count * rf * UNIT_BYTES > free)
      throw new SimError(
        `cannot write ${formatBytes(count * rf * UNIT_BYTES)}: the healthy disks can take only ${formatBytes(free)} more at RF${rf} (copies on distinct ${this.sim.effectiveAwareness}s) below Stargate's 95 % read-only limit`,
      )
    this.place(count)
    this.sim.log.event('info', 'DataWritten', null, `${formatBytes(count * rf * UNIT_BYTES)} of new data written (raw, RF${rf})`)
    this.sim.invalidate()
    return count
  }

  private rf(): number {
    return this.sim.data.containers[0].rf
  }

  /**
   * Write `count` extent groups (count ≤ writableGroups()). The disk picker chooses at
   * random, so near full it writes in halves of what still fits, re-measuring the room
   * in between: the groups keep landing where copies on distinct units remain possible.
   */
  private place(count: number): void {
    const sim = this.sim
    let left = count
    while (left > 0) {
      const fits = this.writableGroups()
      if (fits === 0) break
      const n = fits >= 4 * left ? left : Math.max(1, Math.min(left, Math.floor(fits / 2)))
      sim.data.write(sim.rng, 0, n, sim.effectiveAwareness)
      left -= n
    }
  }

  private ensureScheduled(): void {
    if (this.rate <= 0 || this.scheduled) return
    this.scheduled = true
    this.sim.schedule(GROWTH_INTERVAL_SECONDS, 'data-growth', null, true)
  }

  private tick(): void {
    this.scheduled = false
    const sim = this.sim
    if (this.rate <= 0) return
    const rf = this.rf()
    this.carry += (this.rate * GROWTH_INTERVAL_SECONDS) / 86400 / rf
    let count = Math.floor(this.carry / UNIT_BYTES)
    this.carry -= count * UNIT_BYTES
    const fits = this.writableGroups()
    if (count > fits) {
      if (!sim.log.isOpen(FULL_ALERT)) {
        sim.log.event('critical', 'StorageFull', null, `Storage is full: new writes are refused (Stargate is read-only above 95 % of disk capacity)`)
        sim.log.raise(FULL_ALERT, 'critical', 'StorageFull', null, 'Cluster storage is full: the disks reached the 95 % read-only limit and new writes are refused')
      }
      count = fits
    } else if (sim.log.isOpen(FULL_ALERT)) sim.log.resolve(FULL_ALERT)
    if (count > 0) {
      this.place(count)
      sim.invalidate()
    }
    this.ensureScheduled()
  }
}
