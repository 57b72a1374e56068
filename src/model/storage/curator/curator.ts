/**
 * Curator: the scans and the rebuild (seed 004, DOMAIN.md §6).
 *
 * - Every change of component state starts a partial scan, spread evenly over the
 *   serving CVMs (each scans 1/N of the metadata): CURATOR_SCAN_OVERHEAD_SECONDS of job
 *   start-up plus CURATOR_SCAN_UNITS_PER_SECOND_PER_CVM extent groups a second per CVM
 *   (our rule). A change during a scan restarts it; until it finishes the Data
 *   Resiliency status is Computing.
 * - A failure that makes data unavailable starts a rebuild at once ("Rebuilding Data"):
 *   the scan finds the under-replicated extent groups and strips, then every healthy
 *   node re-replicates them at `rebuildMBpsPerNode` each, so the rebuild gets faster as
 *   the cluster grows. New copies go to healthy disks with room on a unit of the
 *   awareness in force that holds no other copy (relaxed to distinct nodes, counted,
 *   when impossible). A new failure during the rebuild pauses it; the scan it starts
 *   re-plans the work.
 * - The copy a rebuild replaced stays on its failed part (detached.ts). If that part comes back
 *   (validated by the scan that follows), the copy is re-admitted where its extent group
 *   still lacks one, else it is over-replicated and the scan deletes it.
 * - Data with no surviving copy cannot be rebuilt: it is counted and alerted, never
 *   hidden (report.ts, simulation.ts).
 */
import { STRIP_STRIDE } from '../ec'
import type { ScheduledEvent } from '../../kernel/eventQueue'
import type { Kernel } from '../../kernel/context'
import type { ClusterSpec } from '../../scenario/normalize'
import type { Topology as TopologyT } from '../../cluster/topology'
import type { DataStore } from '../data'
import type { StateChange } from '../../cluster/topology'
import type { Domain, Report, SimTask } from '../../types'
import { formatUnits, UNIT_BYTES } from '../../kernel/units'
import { DiskBalancer } from './balance'
import { DetachedCopies, levelOf } from './detached'
import { grown } from '../../kernel/grow'

/** What Curator uses: kernel services, the data and topology, and the composition root's resiliency checks. */
export interface CuratorContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: TopologyT
  readonly data: DataStore
  readonly effectiveAwareness: Domain
  /** raise or resolve the alerts that follow the data */
  checkResiliencyAlerts(): void
  /** OpLog episodes with a peer that no longer serves start a new episode */
  repairOplogEpisodes(): void
}

/** Curator scan model (our rule): a MapReduce job start-up, then 2,000 extent groups a second per serving CVM. */
export const CURATOR_SCAN_OVERHEAD_SECONDS = 30
export const CURATOR_SCAN_UNITS_PER_SECOND_PER_CVM = 2000
/** A rebuild reports progress in about this many steps (our rule), each 1 to 60 s of simulated time. */
export const REBUILD_STEPS = 100

/** The Report's rebuild section (types.ts documents its fields). */
export type RebuildReport = Report['resiliency']['rebuild']

export class Curator {
  // ---------------------------------------------------------------- scan
  private scanEvents: ScheduledEvent[] = []
  private scanTask: SimTask | null = null
  private scanEndMs = 0
  // ---------------------------------------------------------------- rebuild
  /** the "Rebuilding Data" task of the rebuild in progress */
  rebuildTask: SimTask | null = null
  /** work list: extent group u (≥ 0) or strip s encoded as −(s + 1) */
  private work = new Int32Array(0)
  private workLen = 0
  private workPos = 0
  /** missing copies of the planned work not made yet */
  private remaining = 0
  /** copies made since the rebuild started */
  private copied = 0
  /** copies that found no disk (space or units) in this plan */
  private stuck = 0
  private batchEvent: ScheduledEvent | null = null
  private lastBatchMs = 0
  private carry = 0
  private rate = 0
  /** copies a rebuild replaced that still sit on failed parts (detached.ts) */
  private readonly detached: DetachedCopies
  /** availability of every disk at the last state change */
  private wasAvailable: Uint8Array
  private availNow: Uint8Array
  /** disk balancing and awareness restoration, below rebuild priority (balance.ts) */
  readonly balancer: DiskBalancer

  constructor(private readonly sim: CuratorContext) {
    this.balancer = new DiskBalancer(sim, () => this.scanning || this.replicating)
    const D = sim.spec.disks.length
    this.detached = new DetachedCopies(sim, D)
    this.wasAvailable = new Uint8Array(D)
    this.availNow = new Uint8Array(D)
    this.snapshotAvailability(this.wasAvailable)
    sim.on('curator-scan-progress', (q) => {
      if (this.scanTask) sim.log.progressTask(this.scanTask, q as number)
    })
    sim.on('curator-scan-done', () => this.finishScan())
    sim.on('rebuild-batch', () => this.batch())
  }

  /** The cluster grew (lifecycle/expansion.ts): new disks, available now and holding nothing. */
  growDisks(): void {
    const D = this.sim.spec.disks.length
    const old = this.wasAvailable.length
    this.detached.growDisks(D)
    this.wasAvailable = grown(this.wasAvailable, D)
    this.availNow = grown(this.availNow, D)
    const { topo } = this.sim
    for (let d = old; d < D; d++) this.wasAvailable[d] = topo.diskAvailable(d) ? 1 : 0
  }

  get scanning(): boolean {
    return this.scanEvents.length > 0
  }
  get replicating(): boolean {
    return this.batchEvent !== null
  }

  private snapshotAvailability(out: Uint8Array): void {
    const { topo } = this.sim
    // a disk whose CVM is shut down for planned work and expected back is not rebuilt (DOMAIN.md §11)
    for (let d = 0; d < out.length; d++) out[d] = topo.diskAvailable(d) || topo.diskExpectedBack(d) ? 1 : 0
  }

  /** After a change of component state: pause the rebuild, start a scan (and a rebuild if data became unavailable). */
  onStateChange(_change: StateChange): void {
    const { sim } = this
    this.snapshotAvailability(this.availNow)
    let lostData = false
    for (let d = 0; d < this.availNow.length; d++) {
      if (this.wasAvailable[d] === 1 && this.availNow[d] === 0 && sim.data.diskUnits[d] > 0) lostData = true
    }
    this.wasAvailable.set(this.availNow)
    this.balancer.pause()
    if (this.batchEvent) {
      sim.queue.cancel(this.batchEvent)
      this.batchEvent = null
    }
    if (lostData) {
      if (!this.rebuildTask || this.rebuildTask.state !== 'running') {
        this.rebuildTask = sim.log.startTask('DataRebuild', null, 'Rebuilding Data: Curator scan is finding the under-replicated data')
        this.copied = 0
        sim.log.event('warning', 'RebuildStarted', null, 'Data rebuild started: a Curator scan is finding the data that lost a copy')
      } else {
        this.sim.log.describeTask(this.rebuildTask, 'Rebuilding Data: a new failure; Curator is re-planning the rebuild')
        sim.log.event('warning', 'RebuildReplanned', null, 'A new failure during the rebuild: Curator re-plans it')
      }
    }
    this.startScan()
  }

  // ---------------------------------------------------------------- scan
  private startScan(): void {
    const { sim } = this
    for (const e of this.scanEvents) sim.queue.cancel(e)
    this.scanEvents = []
    const serving = this.servingCvms()
    if (serving === 0) {
      if (this.scanTask) sim.log.endTask(this.scanTask, 'failed', 'No Controller VM is serving: the scan cannot run')
      this.scanTask = null
      return
    }
    const seconds = CURATOR_SCAN_OVERHEAD_SECONDS + Math.ceil(sim.data.units / (serving * CURATOR_SCAN_UNITS_PER_SECOND_PER_CVM))
    const message = `Curator partial scan on ${serving} CVMs (each scans 1/${serving} of the metadata)`
    if (this.scanTask && this.scanTask.state === 'running') {
      sim.log.progressTask(this.scanTask, 0)
      this.sim.log.describeTask(this.scanTask, `${message}, restarted after a change`)
    } else {
      this.scanTask = sim.log.startTask('CuratorScan', null, message)
    }
    for (const q of [0.25, 0.5, 0.75]) this.scanEvents.push(sim.schedule(seconds * q, 'curator-scan-progress', q))
    this.scanEvents.push(sim.schedule(seconds, 'curator-scan-done', null))
    this.scanEndMs = sim.timeMs + Math.round(seconds * 1000)
  }

  private servingCvms(): number {
    let n = 0
    for (let i = 0; i < this.sim.spec.nodes.length; i++) if (this.sim.topo.cvmServing(i)) n++
    return n
  }

  private finishScan(): void {
    const { sim } = this
    this.scanEvents = []
    if (this.scanTask) sim.log.endTask(this.scanTask, 'succeeded')
    this.scanTask = null
    sim.log.event('info', 'CuratorScanCompleted', null, 'Curator partial scan completed: fault tolerance status is up to date')
    this.detached.clean()
    this.plan()
    if (!this.replicating) this.balancer.plan()
    sim.repairOplogEpisodes()
    sim.faultToleranceEvaluated()
    sim.checkResiliencyAlerts()
  }

  /** Build the work list from the data as it is now, and start (or finish) the rebuild. */
  private plan(): void {
    const { sim } = this
    const { data } = sim
    const avail = this.availNow
    this.snapshotAvailability(avail)
    let len = 0
    let missing = 0
    const work = this.work.length >= data.units + data.strips ? this.work : new Int32Array(data.units + data.strips)
    const rf = data.rf
    const rd = data.replicaDisk
    const uc = data.unitContainer
    const rfOfC = Int32Array.from(data.containers, (c) => c.rf)
    // one pass over a million extent groups at the end of every scan: plain typed-array reads
    for (let u = 0, base = 0; u < data.units; u++, base += rf) {
      const want = rfOfC[uc[u]]
      let n = 0
      for (let k = 0; k < want; k++) {
        const d = rd[base + k]
        if (d >= 0 && avail[d] === 1) n++
      }
      if (n > 0 && n < want) {
        work[len++] = u
        missing += want - n
      }
    }
    for (let s = 0; s < data.strips; s++) {
      const k = data.stripK[s]
      const w = k + data.stripP[s]
      let n = 0
      for (let j = 0; j < w; j++) {
        const d = data.stripDisk[s * STRIP_STRIDE + j]
        if (d >= 0 && avail[d] === 1) n++
      }
      if (n >= k && n < w) {
        work[len++] = -s - 1
        missing += w - n
      }
    }
    this.work = work
    this.workLen = len
    this.workPos = 0
    this.remaining = missing
    this.stuck = 0
    this.carry = 0
    this.rate = this.bandwidth()
    if (missing === 0) {
      if (this.rebuildTask?.state === 'running') this.complete()
      return
    }
    if (!this.rebuildTask || this.rebuildTask.state !== 'running') {
      // e.g. a part came back without its data, or a blocked rebuild gets another chance
      this.rebuildTask = sim.log.startTask('DataRebuild', null, '')
      this.copied = 0
    }
    if (this.rate <= 0) {
      this.sim.log.describeTask(this.rebuildTask, `Rebuilding Data: ${formatUnits(missing)} to re-replicate, but no healthy node can take part`)
      return
    }
    this.sim.log.describeTask(this.rebuildTask, `Rebuilding Data: ${formatUnits(missing)} to re-replicate on ${this.participants()} nodes at ${Math.round(this.rate / 1e6)} MB/s`)
    sim.log.event('info', 'RebuildPlanned', null, `Curator found ${formatUnits(missing)} of under-replicated data; all ${this.participants()} healthy nodes re-replicate it (ETA ${Math.ceil((missing * UNIT_BYTES) / this.rate)} s)`)
    sim.log.progressTask(this.rebuildTask, this.progress())
    this.lastBatchMs = sim.timeMs
    this.scheduleBatch()
  }

  /** Nodes taking part in the rebuild: CVM serving and at least one available disk. */
  private participants(): number {
    const { spec, topo } = this.sim
    let n = 0
    for (let i = 0; i < spec.nodes.length; i++) {
      if (!topo.cvmServing(i)) continue
      if (spec.nodes[i].disks.some((d) => topo.diskAvailable(d))) n++
    }
    return n
  }

  private bandwidth(): number {
    return this.participants() * this.sim.spec.rebuildBytesPerSecPerNode
  }

  private scheduleBatch(): void {
    const seconds = (this.remaining * UNIT_BYTES) / this.rate
    const step = Math.min(60, Math.max(1, Math.ceil(seconds / REBUILD_STEPS)))
    this.batchEvent = this.sim.schedule(step, 'rebuild-batch', null)
  }

  private batch(): void {
    const { sim } = this
    this.batchEvent = null
    const elapsed = (sim.timeMs - this.lastBatchMs) / 1000
    this.lastBatchMs = sim.timeMs
    const budget = this.carry + (elapsed * this.rate) / UNIT_BYTES
    let copies = Math.floor(budget)
    this.carry = budget - copies
    while (copies > 0 && this.workPos < this.workLen) {
      const made = this.rebuildOne(this.work[this.workPos])
      this.workPos++
      copies -= made
    }
    if (this.workPos >= this.workLen) {
      this.carry = 0
      this.complete()
      sim.faultToleranceEvaluated()
      sim.checkResiliencyAlerts()
      this.balancer.plan()
      return
    }
    if (this.rebuildTask) sim.log.progressTask(this.rebuildTask, this.progress())
    // the Report's rebuild figures change; fault tolerance is re-evaluated when the rebuild ends (as Curator does)
    sim.touch()
    this.scheduleBatch()
  }

  /** Re-create the missing copies of one work item; returns the copies made. */
  private rebuildOne(e: number): number {
    const { sim } = this
    const { data, topo } = sim
    const dom = sim.effectiveAwareness
    const level = levelOf(dom)
    const unitOf = data.index.diskUnit[level]
    const nodeOf = data.index.diskUnit[1]
    const takenUnits: number[] = []
    const takenNodes: number[] = []
    let made = 0
    const isStrip = e < 0
    const s = -e - 1
    const width = isStrip ? data.stripK[s] + data.stripP[s] : data.rfOf(e)
    const slotDisk = (j: number) => (isStrip ? data.stripDisk[s * STRIP_STRIDE + j] : data.replicaDisk[e * data.rf + j])
    for (let j = 0; j < width; j++) {
      const d = slotDisk(j)
      if (d >= 0 && topo.diskAvailable(d)) {
        takenUnits.push(unitOf[d])
        takenNodes.push(nodeOf[d])
      }
    }
    for (let j = 0; j < width; j++) {
      const d = slotDisk(j)
      if (d >= 0 && topo.diskAvailable(d)) continue
      let nd = data.pickDisk(sim.rng, dom, takenUnits, takenNodes)
      if (nd < 0 && dom !== 'node') {
        nd = data.pickDisk(sim.rng, 'node', [], takenNodes)
        if (nd >= 0) data.relaxed++
      }
      this.remaining--
      if (nd < 0) {
        this.stuck++
        continue
      }
      if (d >= 0) this.detached.add(d, e)
      if (isStrip) data.rebuildStripMember(s, j, nd)
      else data.rebuildReplica(e, j, nd)
      takenUnits.push(unitOf[nd])
      takenNodes.push(nodeOf[nd])
      made++
      this.copied++
    }
    return Math.max(made, 1)
  }

  private progress(): number {
    const total = this.copied + this.remaining
    return total === 0 ? 1 : this.copied / total
  }

  private complete(): void {
    const { sim } = this
    const task = this.rebuildTask
    this.workLen = this.workPos = 0
    this.remaining = 0
    if (!task || task.state !== 'running') return
    if (this.stuck > 0) {
      sim.log.endTask(task, 'failed', `Rebuild could not re-protect ${formatUnits(this.stuck)}: not enough free space or healthy units`)
      sim.log.event('critical', 'RebuildBlocked', null, `Rebuild could not re-protect ${formatUnits(this.stuck)} of data: not enough free space or healthy units`)
      sim.log.raise('rebuild-blocked', 'critical', 'RebuildBlocked', null, `Data rebuild is blocked: ${formatUnits(this.stuck)} of data cannot get its full replication factor (not enough free space or healthy units)`)
    } else {
      const what = this.copied > 0 ? `${formatUnits(this.copied)} re-replicated` : 'the failed components came back before any copy was needed'
      sim.log.endTask(task, 'succeeded', `Data Rebuild Complete: ${what}`)
      sim.log.event('info', 'RebuildCompleted', null, `Data Rebuild Complete: ${what}`)
      sim.log.resolve('rebuild-blocked')
    }
  }

  /** A replaced disk (its old one failed SMART) comes back empty: every copy on it is gone. */
  wipeDisk(d: number): void {
    this.detached.wipeDisk(d)
  }
  /** Copies waiting on parts that are back for the next scan to re-admit or delete (bytes). */
  overReplicatedBytes(): number {
    return this.detached.overReplicatedBytes()
  }
  /** Copies a rebuild replaced that still sit on failed parts (bytes). */
  detachedBytes(): number {
    return this.detached.detachedBytes()
  }
  get readmittedCopies(): number {
    return this.detached.readmittedCopies
  }
  get removedCopies(): number {
    return this.detached.removedCopies
  }

  /** Missing copies the rebuild has not made yet, while it is replicating; null otherwise. */
  remainingCopies(): number | null {
    return this.batchEvent ? this.remaining + this.stuck : null
  }

  /** The Report's rebuild section; `missingCopies` is the scan's count when not replicating. */
  report(missingCopies: number): RebuildReport {
    const { sim } = this
    const running = this.rebuildTask?.state === 'running'
    const bandwidth = this.bandwidth()
    if (this.batchEvent) {
      const bytes = this.remaining * UNIT_BYTES
      return {
        active: true, progress: this.progress(), bytesRemaining: bytes,
        etaSeconds: this.rate > 0 ? Math.ceil(bytes / this.rate) : null,
        phase: 'replicating', copiedBytes: this.copied * UNIT_BYTES, bandwidthBytesPerSec: this.rate,
      }
    }
    const bytes = missingCopies * UNIT_BYTES
    if (running) {
      const scanLeft = this.scanning ? Math.max(0, (this.scanEndMs - sim.timeMs) / 1000) : 0
      const total = this.copied + missingCopies
      return {
        active: true, progress: total === 0 ? 0 : this.copied / total, bytesRemaining: bytes,
        etaSeconds: bandwidth > 0 ? Math.ceil(scanLeft + bytes / bandwidth) : null,
        phase: this.scanning ? 'scanning' : null, copiedBytes: this.copied * UNIT_BYTES, bandwidthBytesPerSec: bandwidth,
      }
    }
    return { active: false, progress: missingCopies === 0 ? 1 : 0, bytesRemaining: bytes, etaSeconds: null, phase: null, copiedBytes: 0, bandwidthBytesPerSec: bandwidth }
  }
}

