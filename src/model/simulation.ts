/**
 * The simulation: one deterministic world driven by a simulated clock and an event
 * queue ordered by (time, sequence). Pure: no DOM, no wall clock, one seeded PRNG.
 * Same scenario + same actions ⇒ the same Report, byte for byte, in Node and in a browser.
 */
import { effectiveAwareness } from './cluster/awareness'
import { DataStore, OplogStore } from './storage/data'
import type { EventHandler, Kernel } from './kernel/context'
import { SimError } from './kernel/errors'
import { EventQueue, type ScheduledEvent } from './kernel/eventQueue'
import { RunLoop, toMs } from './kernel/runLoop'
import { plural } from './kernel/units'
import { DataGrowth } from './storage/growth'
import { VmHa } from './ha/ha'
import { IoPaths } from './iopath/iopath'
import { ClusterLog } from './kernel/log'
import { MetadataService } from './metadata/service'
import { Curator } from './storage/curator/curator'
import { StorageRemoval } from './storage/removal'
import { DiskHealth } from './storage/hades'
import { MetricsLog } from './kernel/metrics'
import { Prng } from './kernel/prng'
import { buildReport } from './report/report'
import type { FaultToleranceResult } from './storage/tolerance/resiliency'
import { ResiliencyNow } from './storage/tolerance/resiliencyNow'
import { compileScenario, type ClusterSpec } from './scenario/normalize'
import type { Scenario, ScenarioAction } from './scenario/schema'
import { Topology, type StateChange } from './cluster/topology'
import type { AwarenessMode, Domain, Fault, Report, Until, UntilResult } from './types'
import { setAwarenessMode } from './storage/awarenessMode'
import { Scrubber } from './storage/integrity/scrubber'
import { VmTable } from './cluster/vms'
import { logStateChange } from './cluster/stateLog'
import { checkResiliencyAlerts } from './storage/tolerance/alerts'
import { untilPredicate, untilProblem } from './scenario/until'
import { XrayExecutor, xrayRefusals, type XrayOps } from './xray/executor'
import type { XrayPlan } from './xray/planTypes'
import { PlannedOps } from './upgrade/plannedOps'
import { plannedHost } from './plannedHost'
import { ClusterQueries } from './clusterQueries'
import { xrayOpsOf } from './xrayHost'
import { injectFault, removeFault, restoreFault } from './faultOps'
import { applyScenarioAction } from './scenario/actions'
import { powerOffVm, powerOnVm, setVmOff, tryPowerOn } from './ha/power'
import { repairOplogEpisodes } from './storage/oplogRepair'
import { fixedSampleFigures, type FixedFigures } from './report/metricsSample'
import { lifecycleHost } from './lifecycleHost'
import { NodeRemoval } from './lifecycle/nodeRemoval'
import { ClusterExpansion } from './lifecycle/expansion'

export { SimError } from './kernel/errors'
export type { EventHandler } from './kernel/context'

export interface Subsystem {
  readonly name: string
  /** after every change of component state (inject, restore, or time-driven) */
  onStateChange?(change: StateChange): void
}

const MS = 1000

export class Simulation extends ClusterQueries implements Kernel {
  readonly spec: ClusterSpec
  readonly scenario: Scenario
  readonly rng: Prng
  readonly queue = new EventQueue()
  readonly topo: Topology
  readonly data: DataStore
  readonly log: ClusterLog
  readonly vms: VmTable
  /** the awareness in force: recomputed when nodes are added or removed (lifecycleHost.ts) */
  effectiveAwareness: Domain
  /** simulated time, integer milliseconds since load */
  timeMs = 0
  /** the run loop of the clock: handlers, advance, settle, until (kernel/runLoop.ts) */
  private readonly loop: RunLoop = new RunLoop(this)
  private readonly subsystems: Subsystem[] = []
  /** metadata ring membership and the Zookeeper ensemble over time (metadataService.ts) */
  readonly meta: MetadataService
  /** Curator scans, rebuild, over-replication clean-up (curator.ts) */
  readonly curator: Curator
  /** disk removal, with the one pre-check of configuration changes (storage/removal.ts, precheck.ts) */
  readonly removal: StorageRemoval
  /** checksums: corrupt copies found by reads and Stargate's scrubber, and repaired (storage/integrity/) */
  readonly scrubber: Scrubber
  /** Stargate marks and Hades SMART tests of disks (hades.ts) */
  readonly diskHealth: DiskHealth
  /** VM high availability and the Acropolis leader (ha.ts) */
  readonly ha: VmHa
  /** vDisk sessions and the Stargates serving them (iopath.ts) */
  readonly io: IoPaths
  /** data written over time (growth.ts) */
  readonly growth: DataGrowth
  /** OpLog episodes (data.ts): one open episode per vDisk of a running VM */
  readonly oplog: OplogStore
  /** OpLog episode peers: oplogPeers[vd * rf + k] = node holding replica k of vDisk vd's open episode */
  get oplogPeers(): Int16Array {
    return this.oplog.peers
  }
  /** simulated time (s) Curator last evaluated the fault tolerance (a change of state, a scan, a rebuild or ring change ending) */
  faultToleranceStamp = 0
  /** warning threshold (% of resilient capacity), settable from the UI */
  warnThresholdPct: number
  /** narration of the last scenario step that said something */
  narration: { time: number; text: string; focus: string | null } | null = null
  readonly metrics = new MetricsLog()
  /** live migration, maintenance mode, planned CVM shutdown, rolling upgrades (upgrade/plannedOps.ts) */
  readonly planned: PlannedOps
  /** node removal and cluster expansion (lifecycle/) */
  readonly nodeRemoval: NodeRemoval
  readonly expansion: ClusterExpansion
  /** fault tolerance, vDisk data shares and resilient capacity now, kept until invalidate() (storage/tolerance/resiliencyNow.ts) */
  private readonly now: ResiliencyNow = new ResiliencyNow(this)
  /** bumped when anything the Report summarises changes */
  version = 0
  /** the X-Ray test this simulation runs (loadXray), else null */
  xray: XrayExecutor | null = null
  /** the planned operations X-Ray steps use: live migration and a graceful node shutdown (xrayHost.ts) */
  readonly xrayOps: XrayOps = xrayOpsOf(this)
  /** I/Os of VM v failing per second now (unavailable data, no Stargate; DOMAIN.md §9): X-Ray's errors and AnyFail */
  vmErrorsPerSecond(v: number): number {
    return this.io.load().vmErrors[v]
  }
  /** the I/O model's demand source while an X-Ray test runs (iopath/ioload.ts) */
  get ioDemand(): XrayExecutor | null {
    return this.xray
  }
  private constructor(spec: ClusterSpec, scenario: Scenario) {
    super()
    this.spec = spec
    this.scenario = scenario
    this.rng = new Prng(spec.seed)
    this.topo = new Topology(spec)
    this.log = new ClusterLog(() => this.time)
    this.log.groupable = (entity) => entity !== null && this.topo.kindOf(entity) !== null
    this.warnThresholdPct = spec.warnThresholdPct
    this.effectiveAwareness = effectiveAwareness(
      spec.desiredAwareness,
      { node: spec.nodes.length, block: spec.blocks.length, rack: spec.racks.length },
      spec.ftLevel,
      spec.erasureCoding,
    )
    const rf = spec.replicationFactor
    this.data = DataStore.forSpec(this.topo, spec, this.effectiveAwareness)
    this.data.placeAll(this.rng, this.effectiveAwareness)
    this.meta = new MetadataService(this)
    this.topo.zookeeper = this.meta.zk // a partition's sides are judged by the Zookeeper majority (cluster/partition.ts)
    this.curator = new Curator(this)
    this.removal = new StorageRemoval(this)
    this.diskHealth = new DiskHealth(this)
    this.vms = new VmTable(spec.vms)
    this.oplog = new OplogStore(this.topo, this.vms.vdiskCount, rf)
    this.ha = new VmHa(this)
    this.ha.init(this.meta.ring)
    this.io = new IoPaths(this)
    this.scrubber = new Scrubber(this)
    this.addSubsystem(this.scrubber)
    this.growth = new DataGrowth(this)
    this.planned = new PlannedOps(plannedHost(this))
    const lifecycle = lifecycleHost(this)
    this.nodeRemoval = new NodeRemoval(lifecycle)
    this.expansion = new ClusterExpansion(lifecycle)
    this.addSubsystem(this.nodeRemoval)
    // compile the incremental fault-tolerance path now rather than on the first failure
    const avail = new Uint8Array(spec.disks.length)
    for (let d = 0; d < avail.length; d++) avail[d] = this.topo.diskAvailable(d) ? 1 : 0
    this.data.tolerance.warmUp(avail, spec.nodes[0].disks)
    this.on('scenario-step', (p) => this.runStep(p as number))
    this.log.event('info', 'ClusterStart', null, `Cluster ${spec.name} started: ${plural(spec.nodes.length, 'node')}, ${plural(spec.blocks.length, 'block')}, ${plural(spec.racks.length, 'rack')}; FT${spec.ftLevel}, ${this.effectiveAwareness} awareness in force`)
    if (this.effectiveAwareness !== spec.desiredAwareness)
      this.log.event('warning', 'AwarenessFallback', null, `Desired ${spec.desiredAwareness} awareness needs more ${spec.desiredAwareness}s; ${this.effectiveAwareness} awareness is in force (best effort)`)
    if (this.data.unplaced > 0)
      this.log.event('warning', 'DataPlacement', null, `${this.data.unplaced} extent groups could not get all ${rf} replicas`)
    for (let v = 0; v < this.vms.count; v++) {
      if (spec.vms[v].power === 'on') this.tryPowerOn(v, false)
    }
    spec.steps.forEach((s, i) => this.queue.push(toMs(s.at), 'scenario-step', i))
    this.recordMetrics()
  }

  /** Build a simulation from a built-in scenario object or raw JSON. Throws SimError listing every problem. */
  static create(input: unknown, seedOverride?: number): Simulation {
    const res = compileScenario(input, seedOverride)
    if (!res.ok) throw new SimError(res.problems.join('\n'))
    return new Simulation(res.spec, res.scenario)
  }

  get time(): number {
    return this.timeMs / MS
  }

  // ---------------------------------------------------------------- extension points
  on(type: string, handler: EventHandler): void {
    this.loop.on(type, handler)
  }
  addSubsystem(s: Subsystem): void {
    this.subsystems.push(s)
  }
  /** Schedule an event `delaySeconds` from now. Quiet events do not keep `settle` running. */
  schedule<P>(delaySeconds: number, type: string, payload: P, quiet = false): ScheduledEvent<P> {
    // quiet periodic work belongs to no cause; the rest follows from what is being handled now
    return this.queue.push(this.timeMs + Math.max(0, toMs(delaySeconds)), type, payload, quiet, quiet ? null : this.log.cause)
  }
  /** See Kernel.idleUntilMs: one before the next queued event, capped at the end of the current run. */
  idleUntilMs(): number {
    return this.loop.idleUntilMs()
  }
  /** Something the Report summarises changed (resiliency and capacity are recomputed lazily). */
  invalidate(): void {
    this.now.invalidate()
    this.version++
  }
  /** Curator re-evaluated the fault tolerance now (ncli's Last Update Time); implies invalidate(). */
  faultToleranceEvaluated(): void {
    this.faultToleranceStamp = this.time
    this.invalidate()
  }
  /** Report figures changed but not the fault tolerance inputs as Curator sees them (e.g. rebuild progress). */
  touch(): void {
    this.version++
  }

  /** Run an X-Ray plan (xray/prepare.ts) from now; refused when a step needs what the model lacks. */
  attachXray(plan: XrayPlan): void {
    if (this.xray) throw new SimError('an X-Ray test is already loaded')
    const problems = xrayRefusals(plan, this.xrayOps)
    if (problems.length > 0) throw new SimError(problems.join('\n'))
    this.xray = new XrayExecutor(this, plan)
    this.xray.start()
    this.invalidate()
  }

  // ---------------------------------------------------------------- drill API
  inject(f: Fault): void {
    injectFault(this, f)
  }
  /** Remove an active fault without an administrator action (e.g. transient disk errors that Hades cleared). */
  removeFault(kind: Fault['kind'], target: string): void {
    removeFault(this.topo, kind, target)
  }
  restore(target: string): void {
    restoreFault(this, target)
  }

  /** Settings → fault tolerance: best effort or opt-in block/rack fault tolerance (storage/awarenessMode.ts). */
  setAwarenessMode(mode: AwarenessMode): void {
    setAwarenessMode(this, this.removal, mode)
  }

  /** Remove a disk: its data migrates at full RF first (storage/removal.ts). */
  removeDisk(diskId: string): void {
    this.removal.removeDisk(diskId)
  }

  /** Remove a node: VMs, data, metadata and services move off it first (lifecycle/nodeRemoval.ts). */
  removeNode(nodeId: string): void {
    this.nodeRemoval.removeNode(nodeId)
  }

  /** Add a node to the cluster (lifecycle/expansion.ts). */
  addNode(node: unknown): void {
    this.expansion.addNode(node)
  }

  /** Run the simulated clock exactly `seconds` forward. */
  advance(seconds: number): void {
    this.loop.advance(seconds)
  }
  /** Run until nothing is pending (no active event), at most maxSeconds. Returns seconds run. */
  settle(maxSeconds = 7 * 86400): number {
    return this.loop.settle(maxSeconds)
  }
  /**
   * DRILL-API §5: run the clock until `until` holds (checked now and after every event), at
   * most `maxSeconds`. The clock stops at the instant it became true, after the rest of that
   * instant's events (so a replay of the run lands on the same state).
   */
  advanceUntil(until: Until, maxSeconds: number): UntilResult {
    if (!Number.isFinite(maxSeconds) || maxSeconds < 0) throw new SimError(`maxSeconds must be a finite number ≥ 0, got ${String(maxSeconds)}`)
    const problem = untilProblem(until, (id) => this.vms.index.has(id))
    if (problem) throw new SimError(problem)
    return this.runUntilMet(untilPredicate(this, until), maxSeconds)
  }
  /** Run the clock until `met()` holds (checked now and after every event), at most `maxSeconds`; see advanceUntil. */
  runUntilMet(met: () => boolean, maxSeconds: number): UntilResult {
    return this.loop.runUntilMet(met, maxSeconds)
  }
  /** Jump to the next active event (else the next periodic one); returns seconds run (0 if none). */
  stepToNextEvent(): number {
    return this.loop.stepToNextEvent()
  }
  /** When Step would land: the next active event, else the next periodic one. */
  nextEventTime(): number | null {
    return this.loop.nextEventTime()
  }
  /** The next non-quiet event (something visible changes), or null on a quiet cluster (the UI's Step). */
  nextActiveEventTime(): number | null {
    return this.loop.nextActiveEventTime()
  }

  powerOn(vmId: string): void {
    powerOnVm(this, vmId)
  }
  powerOff(vmId: string): void {
    powerOffVm(this, vmId)
  }

  // planned operations (DOMAIN.md §11, DRILL-API §5): upgrade/plannedOps.ts
  migrate(vmId: string, hostId?: string): void {
    this.planned.migrate(vmId, hostId)
  }
  enterMaintenance(nodeId: string): void {
    this.planned.enterMaintenance(nodeId)
  }
  exitMaintenance(nodeId: string): void {
    this.planned.exitMaintenance(nodeId)
  }
  upgrade(kind: 'aos' | 'ahv'): void {
    this.planned.upgrade(kind)
  }
  get versions() {
    return this.planned.versions
  }
  get upgrades() {
    return this.planned.upgrades
  }
  acknowledgeAlert(alertId: string): void {
    if (!this.log.acknowledge(alertId)) throw new SimError(`unknown or already acknowledged alert "${alertId}"`)
  }

  setWarnThreshold(pct: number): void {
    if (!Number.isFinite(pct) || pct < 1 || pct > 100) throw new SimError(`warning threshold must be between 1 and 100 %, got ${String(pct)}`)
    this.warnThresholdPct = pct
    this.log.event('info', 'ThresholdChanged', null, `Storage warning threshold set to ${pct} % of resilient capacity`)
    this.invalidate()
  }

  report(): Report {
    return buildReport(this)
  }

  // ---------------------------------------------------------------- figures now (queries: clusterQueries.ts)
  faultTolerance(): FaultToleranceResult {
    return this.now.faultTolerance()
  }
  /** Per vDisk, the share of its I/O that completes now (null: all of it), and a key that changes with it. */
  vdiskDataShare(): { share: Float32Array | null; key: number } {
    return this.now.vdiskDataShare()
  }
  /** Resilient capacity (DOMAIN.md §5) with the awareness in force (storage/tolerance/resiliencyNow.ts). */
  resilientCapacityBytes(): number {
    return this.now.resilientCapacityBytes()
  }

  /** Append a sample of the cluster-level figures at the current simulated time. */
  recordMetrics(): void {
    this.metrics.add({ ...this.sampleFigures(), time: this.time, ...this.io.metricsFigures() })
  }

  /** The figures of a metrics sample that do not follow the time of day (report/metricsSample.ts). */
  private sampleFigures(): FixedFigures {
    return fixedSampleFigures(this)
  }

  // ---------------------------------------------------------------- internals
  /** The periodic metrics samples due at or before `upToMs` (kernel/metrics.ts takePeriodic); the run loop calls it. */
  samplePeriodic(upToMs: number): void {
    if (!this.metrics.periodicDue(upToMs / MS)) return
    const fixed = this.sampleFigures()
    this.metrics.takePeriodic(upToMs / MS, (time) => ({ ...fixed, time, ...this.io.metricsFiguresAt(time) }))
  }

  private runStep(i: number): void {
    const step = this.spec.steps[i]
    if (step.say !== undefined) this.narration = { time: this.time, text: step.say, focus: step.focus ?? null }
    if (!step.action) return
    try {
      this.applyAction(step.action)
    } catch (e) {
      this.log.event('warning', 'ScenarioStepFailed', null, `Step ${i + 1} at ${step.at}s failed: ${(e as Error).message}`)
    }
    this.invalidate()
  }

  applyAction(a: ScenarioAction): void {
    applyScenarioAction(this, a)
  }

  tryPowerOn(v: number, interactive: boolean): void {
    tryPowerOn(this, v, interactive)
  }
  /** Stop VM v: its sessions and OpLog episodes end (used by power-off and by HA). */
  setVmOff(v: number): void {
    setVmOff(this, v)
  }

  /** Derive the new component states and let every part of the model react. */
  applyStateChange(): void {
    const change = this.topo.derive()
    logStateChange(this.log, this.spec, this.topo, this.meta.zk, change)
    // VMs and the Acropolis leader (ha.ts), then the I/O paths (iopath.ts)
    this.ha.onStateChange(change)
    this.io.onStateChange(change)
    this.data.refreshPicker()
    this.meta.onStateChange()
    if (change.hosts.length + change.cvms.length + change.disks.length > 0) this.curator.onStateChange(change)
    for (const s of this.subsystems) s.onStateChange?.(change)
    this.faultToleranceEvaluated()
    this.checkResiliencyAlerts()
    this.recordMetrics()
  }

  /**
   * Alerts that follow the data: data with no surviving copy (critical, never hidden) and
   * a Critical resiliency status once Curator has looked. Both resolve when the cause goes.
   */
  checkResiliencyAlerts(): void {
    checkResiliencyAlerts(this.log, this.faultTolerance(), this.curator.scanning)
    this.io.checkIoErrors()
  }


  /** OpLog episodes with a peer that no longer serves start a new episode on healthy peers (storage/oplogRepair.ts). */
  repairOplogEpisodes(): void {
    repairOplogEpisodes(this)
  }
}

export { CURATOR_SCAN_OVERHEAD_SECONDS, CURATOR_SCAN_UNITS_PER_SECOND_PER_CVM } from './storage/curator/curator'

export { describeFault } from './cluster/stateLog'
