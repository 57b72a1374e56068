/**
 * What crosses the worker boundary. The UI receives a full `structure` once per load
 * and then compact deltas: typed arrays for per-component state (transferred, not
 * copied), per-VM and per-vDisk arrays as patches of the entries that changed (patch.ts),
 * appended events, changed tasks and alerts, and only the sections whose version changed.
 * The UI store decodes them back into the `…Section` shapes below.
 */
import type { XrayReport } from '../model/xray/types'
import type { DrillChecks } from '../model/scenario/expect'
import type { MetricSample } from '../model/kernel/metrics'
import type { AwarenessMode, Domain, FaultToleranceRow, Report, ReportContainer, ReportIo, ReportRedirect, ResiliencyStatus, SimAlert, SimEvent, SimTask, Until, UntilResult } from '../model/types'
import type { WhatIfResult } from '../model/storage/whatif'
import type { ArrayPatch, ListPatch } from './patch'
import type { Run } from './runLog'
import type { AddNodeInput } from '../model/scenario/schema'

export interface Structure {
  loadId: number
  scenarioId: string | null
  title: string
  summary: string
  seed: number
  clusterName: string
  ftLevel: 1 | 2
  replicationFactor: 2 | 3
  metadataReplicationFactor: 3 | 5
  erasureCoding: boolean
  awareness: { desired: Domain; effective: Domain }
  metadataDomain: Domain
  haMode: 'default' | 'guarantee'
  racks: Array<{ id: string; blocks: number[] }>
  blocks: Array<{ id: string; rack: number; model: string; serial: string; nodes: number[] }>
  nodes: Array<{ id: string; block: number; rack: number; cpuCores: number; memoryBytes: number; cvmMemoryBytes: number; hostIp: string; cvmIp: string; serial: string; disks: number[] }>
  disks: Array<{ id: string; node: number; tier: 'SSD' | 'HDD'; capacityBytes: number; serial: string }>
  vms: Array<{ id: string; name: string; vcpus: number; memoryBytes: number; homeHost: number; vdiskStart: number; vdiskCount: number; frodo: boolean }>
  vdiskIds: string[]
  /** the iSCSI redirector's timers and Frodo's connections per vDisk (iopath.ts) */
  ioPath: { healthCheckSeconds: number; loginSeconds: number; failbackSeconds: number; redirect: 'random' | 'round-robin'; connectionsPerFrodoVdisk: number }
  unitBytes: number
  steps: Array<{ at: number; say: string | null; focus: string | null; action: string | null }>
}

export interface StateSection {
  version: number
  hostState: Uint8Array // 0 up, 1 down, 2 partitioned
  cvmState: Uint8Array // 0 up, 1 down
  /** host maintenance mode per node: 0 none, 1 entering, 2 in, 3 exiting (planned operations) */
  maintenance?: Uint8Array
  /** node removal per node: 0 none, 1 removing, 2 removed (a removed node is no longer drawn; lifecycle/nodeRemoval.ts) */
  removal?: Uint8Array
  diskMode: Uint8Array // 0 online, 1 offline
  diskUsedBytes: Float64Array
  /** per disk: 0 normal, 1 marked for removal, 2 data migration initiated, 3 removed (model/storage/removal.ts) */
  diskPhase: Uint8Array
  ringMember: Uint8Array
  ringOrder: number[]
  zookeeper: number[]
  leader: number
  /** a multi-node partition's target lists its nodes */
  activeFaults: Array<{ kind: string; target: string | string[] }>
}

export interface VmSection {
  version: number
  host: Int16Array
  power: Uint8Array // 0 on, 1 off, 2 restarting
  frodo: Uint8Array
  vdiskStargate: Int16Array
  /** per vDisk: 0 active, 1 stalled (its Stargate stopped answering), 2 login in flight, 3 no session (iopath.ts SESSION_*) */
  vdiskSession: Uint8Array
  /** per vDisk: Stargate of the login in flight, or -1 */
  vdiskLoginTarget: Int16Array
  ip: Array<string | null>
}

/** VmSection on the wire: each array only when it changed, whole or as a patch. */
export interface VmDelta {
  version: number
  host?: ArrayPatch<Int16Array>
  power?: ArrayPatch<Uint8Array>
  frodo?: ArrayPatch<Uint8Array>
  vdiskStargate?: ArrayPatch<Int16Array>
  vdiskSession?: ArrayPatch<Uint8Array>
  vdiskLoginTarget?: ArrayPatch<Int16Array>
  ip?: ListPatch<string | null>
}

/** How many of the latest redirects the UI keeps. */
export const UI_REDIRECTS = 500

/** Latencies cross the boundary in hundredths of a millisecond (the UI shows two decimals). */
export const LATENCY_STEPS_PER_MS = 100

export interface SummarySection {
  version: number
  status: ResiliencyStatus
  faultTolerance: FaultToleranceRow[]
  rebuild: Report['resiliency']['rebuild']
  underReplicatedBytes: number
  unavailableBytes: number
  lostBytes: number
  overReplicatedBytes: number
  detachedBytes: number
  /** the domain the status judges and why it is not OK (Report.resiliency extensions; DOMAIN.md §12 opt-in) */
  judgedDomain: Domain
  statusReason: string | null
  /** corrupt copies now, found, replaced since load (Report.resiliency extensions; DOMAIN.md §12) */
  corruptCopies: number
  corruptFoundCopies: number
  corruptRepairedCopies: number
  /** Report.cluster.awarenessMode: changed at runtime from Settings */
  awarenessMode: AwarenessMode
  storage: Omit<Report['storage'], 'nodes'> & { nodes: Report['storage']['nodes'] }
  /** storage containers (Report.containers) */
  containers: ReportContainer[]
  ha: Report['ha']
  unresolvedAlerts: number
  runningTasks: number
  /** planned operations (DRILL-API §5): software versions, the latest rolling upgrade, maintenance per node (0 none, 1 entering, 2 in, 3 exiting) */
  planned: { versions: Report['cluster']['versions']; available: Report['cluster']['versions']; upgrade: Report['upgrade']; maintenance: number[] }
}

/** SummarySection on the wire: `ha` only when the HA state changed since the last delta. */
export type SummaryDelta = Omit<SummarySection, 'ha'> & { ha?: SummarySection['ha'] }

/** The I/O model's figures (ioload.ts) and the redirect timeline (iopath.ts). */
export interface IoSection {
  /** changes whenever a figure may have changed */
  key: string
  cluster: ReportIo['cluster']
  sessions: ReportIo['sessions']
  vmReadIops: Float32Array
  vmWriteIops: Float32Array
  vmBandwidthBps: Float32Array
  vmLatencyMs: Float32Array
  vdiskLatencyMs: Float32Array
  /** per VM: I/Os failing per second (unavailable data, no Stargate; DOMAIN.md §9) */
  vmErrors: Float32Array
  /** per vDisk: 1 when all its data and its metadata range are available, 0 when part of its I/O fails */
  vdiskDataOk: Uint8Array
  /** CPU usage % of each VM's vCPUs and guest memory usage % (cpu.ts); per host and cluster CPU usage % */
  vmCpuPct: Float32Array
  vmMemoryPct: Float32Array
  nodeCpuPct: number[]
  clusterCpuPct: number
  /** per Stargate (node index) */
  sgSessions: Int32Array
  sgRemoteSessions: Int32Array
  sgIops: Float32Array
  sgUtil: Float32Array
  sgLatencyMs: Float32Array
  /** pending failbacks: host (node index) and when (simulated s) */
  failbacks: Array<{ host: number; at: number }>
  redirectTotal: number
  /** the most recent redirects (at most UI_REDIRECTS), oldest first; on the wire only those new since the last delta */
  redirects: ReportRedirect[]
  /** bumped when a redirector log gains lines other than the periodic NOP-OUT ones */
  logVersion: number
}

/**
 * IoSection on the wire: per-VM and per-vDisk arrays as patches (only when changed);
 * latencies as whole hundredths of a millisecond (LATENCY_STEPS_PER_MS).
 */
/** The IoSection arrays sent as patches. */
export type IoPatched = 'vmReadIops' | 'vmWriteIops' | 'vmBandwidthBps' | 'vmLatencyMs' | 'vdiskLatencyMs' | 'vmErrors' | 'vdiskDataOk' | 'vmCpuPct' | 'vmMemoryPct'

export interface IoDelta extends Omit<IoSection, IoPatched> {
  vmErrors?: ArrayPatch<Float32Array>
  vdiskDataOk?: ArrayPatch<Uint8Array>
  vmCpuPct?: ArrayPatch<Float32Array>
  vmMemoryPct?: ArrayPatch<Float32Array>
  vmReadIops?: ArrayPatch<Float32Array>
  vmWriteIops?: ArrayPatch<Float32Array>
  vmBandwidthBps?: ArrayPatch<Float32Array>
  vmLatencyMs?: ArrayPatch<Uint16Array>
  vdiskLatencyMs?: ArrayPatch<Uint16Array>
}

export interface Delta {
  loadId: number
  time: number
  /** the next non-quiet event (Step lands there); null on a quiet cluster (only health checks and samplers pending) */
  nextEventTime: number | null
  pendingActivity: number
  narration: { time: number; text: string; focus: string | null } | null
  structure?: Structure
  state?: StateSection
  vms?: VmDelta
  summary?: SummaryDelta
  /**
   * Events appended since the last delta: `from` is how many events had been appended
   * before the first of `items` (the model keeps only the latest ones; so does the UI).
   */
  events?: { from: number; items: SimEvent[] }
  /** alerts and tasks new or changed since the last delta, and the ids the model no longer keeps */
  alerts?: { version: number; changed: SimAlert[]; removed: string[] }
  tasks?: { version: number; changed: SimTask[]; removed: string[] }
  /** metric samples from index `from` (replacing from there on); `reset` replaces all */
  metrics?: { from: number; items: MetricSample[]; reset: boolean }
  /** I/O figures and redirects (sent when they change) */
  io?: IoDelta
  /** the recorded run (runLog.ts): its end and whether an earlier moment is shown (issue 8) */
  run?: RunStatus
}

/** Where the simulation stands in its recorded run (time travel, issue 8). */
export interface RunStatus {
  /** the latest simulated time the run reached, seconds */
  end: number
  /** true after travelling back: the time shown is before `end` and later actions are kept as a future */
  viewingPast: boolean
  /** recorded actions up to now, and after now (the future) */
  actions: number
  future: number
}

/** A mark on the run's timeline: a warning/critical event or a recorded action. */
export interface RunMark {
  time: number
  severity: 'critical' | 'warning' | 'info' | 'action'
  text: string
}

export interface ScenarioInfo {
  id: string
  title: string
  summary: string
  /** how many steps narrate something (> 0: the scenario is a walkthrough) */
  narratedSteps: number
}

/** The comlink API the worker exposes. Commands return the delta they caused. */
export interface SimWorkerApi {
  listScenarios(): ScenarioInfo[]
  load(scenario: unknown, seed?: number): Delta
  /** DRILL-API §5: an X-Ray test folder (file name → text) on a target cluster (worker/xrayLoad.ts) */
  loadXray(files: unknown, options?: unknown): Delta
  /** Report.xray alone, or null */
  xrayReport(): XrayReport | null
  inject(fault: unknown): Delta
  restore(target: string): Delta
  /** at most 30 simulated days per call (limits.ts); long runs report the fraction done to `onProgress` */
  advance(seconds: number, onProgress?: (fraction: number) => void): Delta
  settle(maxSeconds?: number, onProgress?: (fraction: number) => void): { seconds: number; delta: Delta }
  step(onProgress?: (fraction: number) => void): { seconds: number; delta: Delta }
  /** DRILL-API §5: run until the condition holds (checked after every event), at most maxSeconds */
  advanceUntil(until: Until, maxSeconds: number): { result: UntilResult; delta: Delta }
  tick(simSeconds: number): Delta
  powerOn(vmId: string): Delta
  powerOff(vmId: string): Delta
  /** DRILL-API §5 planned operations (README "Planned operations") */
  migrate(vmId: string, hostId?: string): Delta
  enterMaintenance(nodeId: string): Delta
  exitMaintenance(nodeId: string): Delta
  upgrade(kind: 'aos' | 'ahv'): Delta
  acknowledgeAlert(alertId: string): Delta
  setWarnThreshold(pct: number): Delta
  /** DRILL-API §5: remove a disk (its data migrates at full RF first) */
  removeDisk(diskId: string): Delta
  /** DRILL-API §5: remove a node (VMs, data, metadata and services move off it first) */
  removeNode(nodeId: string): Delta
  /** DRILL-API §5: add a node (cluster expansion) */
  addNode(node: AddNodeInput): Delta
  /** Settings → Manage VM High Availability: enable (guarantee) / disable (default) the reservation (issue 7) */
  setHaMode(mode: 'default' | 'guarantee'): Delta
  /** Settings → Cluster Fault Tolerance: block/rack fault tolerance best effort or opt-in (DOMAIN.md §12) */
  setAwarenessMode(mode: 'best-effort' | 'opt-in'): Delta
  /** data growth rate, raw TB per simulated day (0 stops it) */
  setGrowthRate(tbPerDay: number): Delta
  /** write this many raw TB of new data now */
  writeData(tb: number): Delta
  /** would the cluster heal if this node / block / rack failed now (whatif.ts) */
  whatIf(target: string): WhatIfResult
  /** the last `lines` lines of a host's /var/log/iscsi_redirector (iopath.ts) */
  redirectorLog(hostId: string, lines?: number): string[]
  report(): Report
  /** what `ncli cluster get-domain-fault-tolerance-status type=<type>` prints now */
  ncli(type: 'node' | 'rackable_unit' | 'rack' | 'disk'): string
  /** force a full resend (e.g. after the UI lost track) */
  resync(): Delta
  /** the recorded run: scenario, seed, actions with their times, end (runLog.ts; issue 8) */
  /** the loaded scenario's `expect` checks, evaluated on a fresh run of it (issue 20) */
  checkExpectations(settleSeconds?: number): DrillChecks
  exportRun(name?: string): Run
  /** load a run: validate it (runSchema.ts), replay it to its end; refused whole with every problem by path */
  importRun(run: unknown, onProgress?: (fraction: number) => void): Delta
  /** replay the run to this simulated time exactly; later actions are kept until the run goes on from here */
  travelTo(seconds: number, onProgress?: (fraction: number) => void): Delta
  /** continue from the moment shown after a travel back: the recorded future is dropped */
  forkRun(): Delta
  /** the marks of the whole run (events of the latest moment and the recorded actions) */
  runTimeline(): RunMark[]
}
