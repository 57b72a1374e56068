/**
 * The public contract of the simulation: the Fault, Report and related types of
 * shared/spec/DRILL-API.md §1–2. Fields may be added here; none may be renamed.
 */

import type { XrayReport } from './xray/types'

export type Domain = 'node' | 'block' | 'rack'
/** DOMAIN.md §12: block/rack fault tolerance is best effort (falls back) or opt-in (the desired domain is judged) */
export type AwarenessMode = 'best-effort' | 'opt-in'
export type DomainType = 'DISK' | 'NODE' | 'RACKABLE_UNIT' | 'RACK'
export type Component =
  | 'EXTENT_GROUPS'
  | 'OPLOG'
  | 'METADATA'
  | 'ZOOKEEPER'
  | 'STARGATE_HEALTH'
  | 'FREE_SPACE'
  | 'ERASURE_CODE_STRIP_SIZE'
  | 'STATIC_CONFIGURATION'

export const COMPONENTS: readonly Component[] = [
  'EXTENT_GROUPS',
  'OPLOG',
  'METADATA',
  'ZOOKEEPER',
  'STARGATE_HEALTH',
  'FREE_SPACE',
  'ERASURE_CODE_STRIP_SIZE',
  'STATIC_CONFIGURATION',
]
export const DOMAIN_TYPES: readonly DomainType[] = ['DISK', 'NODE', 'RACKABLE_UNIT', 'RACK']

export type Fault =
  | { kind: 'disk'; target: string; smart?: 'fail' | 'pass' }
  | { kind: 'cvm'; target: string }
  | { kind: 'node'; target: string }
  | { kind: 'block'; target: string }
  | { kind: 'rack'; target: string }
  /** a node id (that host cut off alone) or several (those nodes cut off together, as one side: DOMAIN.md §10) */
  | { kind: 'partition'; target: string | string[] }
  /** DRILL-API §5: silent corruption (bit rot) of that many copies on disk `target` (default 1 % of them); not restorable */
  | { kind: 'corrupt'; target: string; extentGroups?: number }

export type FaultKind = Fault['kind']

export type Severity = 'info' | 'warning' | 'critical'

export interface SimEvent {
  time: number
  severity: Severity
  type: string
  entity: string | null
  message: string
  /** the injected fault this event follows from ("cause-N", also on its alert), or null */
  cause: string | null
}

export interface SimTask {
  id: string
  type: string
  state: 'running' | 'succeeded' | 'failed'
  progress: number
  startTime: number
  endTime: number | null
  /** extension: what the task works on, as Prism's task list shows it */
  entity?: string | null
  message?: string
}

/** extension: Prism alerts (DRILL-API allows added fields) */
export interface SimAlert {
  id: string
  severity: Severity
  type: string
  entity: string | null
  message: string
  createdTime: number
  resolvedTime: number | null
  acknowledged: boolean
  /** the injected fault this alert stands for ("cause-N": one alert per cause), or null */
  cause: string | null
}

export interface ComponentStatus {
  failuresTolerable: number
  message: string | null
}

export interface FaultToleranceRow {
  domainType: DomainType
  failuresTolerable: number
  components: Record<Component, ComponentStatus>
}

export type ResiliencyStatus = 'OK' | 'Warning' | 'Critical' | 'Computing'

/** extension: a storage container (data.ts) */
export interface ReportContainer {
  id: string
  name: string
  replicationFactor: number
  erasureCoding: boolean
  /** EC-X strip shape in use (k data + p parity), null when EC is off or no strip fits */
  ecStrip: { k: number; p: number } | null
  /** replicated extent groups (1 GB of logical data each) */
  extentGroups: number
  /** erasure-coded strips (k GB of logical data each) */
  ecStrips: number
  logicalBytes: number
  /** raw bytes of its replicas and strip members */
  rawBytes: number
}

/** extension: one Cassandra token range, for drawing the ring */
export interface ReportTokenRange {
  index: number
  /** share of the token space, 0..1: the range covers (start, end] */
  start: number
  end: number
  owner: string
  /** the owner, then the next RF_m − 1 ring members clockwise */
  replicas: string[]
  /** replicas running Cassandra now */
  replicasUp: number
  /** a quorum of replicas is up */
  available: boolean
}

/** extension: the metadata ring and Zookeeper ensemble (metadata.ts) */
export interface ReportMetadata {
  /** the domain metadata is aware of (2X / 4X rule), ≤ the data awareness in force */
  awareness: Domain
  replicationFactor: 3 | 5
  quorum: number
  tokenRanges: ReportTokenRange[]
  zookeeper: { servers: string[]; quorum: number; up: number; available: boolean }
}

export interface ReportNode {
  id: string
  block: string
  rack: string
  host: 'up' | 'down' | 'partitioned'
  cvm: 'up' | 'down'
  inMetadataRing: boolean
  zookeeper: boolean
  acropolisLeader: boolean
  /** extension (cpu.ts, our rule): CPU usage of the host (its VMs and CVM), % of its cores (0 when down) */
  cpuUsagePct: number
  /** DRILL-API §5: host maintenance mode */
  maintenance: 'none' | 'entering' | 'in' | 'exiting'
  /** DRILL-API §5: node removal; a removed node stays listed (host and CVM down, in no ring, holding nothing) */
  removal: 'none' | 'removing' | 'removed'
}

export interface ReportDisk {
  id: string
  node: string
  tier: 'SSD' | 'HDD'
  mode: 'online' | 'offline'
  capacityBytes: number
  usedBytes: number
  /** removal state (DRILL-API.md §5) */
  status: 'normal' | 'removing' | 'removed'
  /** extension: Prism's words for the status: Normal, Marked for removal, Data migration initiated, Removed, Offline */
  statusWords: string
}

export interface ReportVm {
  id: string
  name: string
  host: string | null
  power: 'on' | 'off' | 'restarting'
  vcpus: number
  memoryBytes: number
  ioPath: 'frodo' | 'classic'
  ip: string | null
  /** extension (ha.ts): hosts holding this VM's failover segments (Guarantee mode), empty otherwise */
  failoverHosts: string[]
  vdisks: Array<{
    id: string; stargate: string | null; path: 'local' | 'remote' | 'none'
    /** extension (iopath.ts): the session's state; 'stalled' = its Stargate stopped answering, 'login' = a (re)login is in flight */
    session: 'active' | 'stalled' | 'login' | 'none'
    /** extension: the Stargate a login in flight goes to */
    loginTarget: string | null
    /** extension: iSCSI connections (Frodo opens several per vDisk) */
    connections: number
    /** false while some of its data or its metadata range is unavailable (DOMAIN.md §9) */
    dataAvailable: boolean
  }>
  /** extension (ioload.ts): controller I/O the VM gets now; latency in ms */
  /** errorsPerSecond: I/Os failing now (unavailable data, no Stargate) */
  io: { iops: number; readIops: number; writeIops: number; bandwidthBps: number; latencyMs: number; errorsPerSecond: number }
  /** extension (cpu.ts, our rule): CPU usage, % of its vCPUs (0 when off) */
  cpuUsagePct: number
  /** extension (cpu.ts, our rule): guest memory usage, % of its memory (0 when off) */
  memoryUsagePct: number
}

/** extension: one redirect of a vDisk's iSCSI login (iopath.ts) */
export interface ReportRedirect {
  time: number
  vdisk: string
  vm: string
  /** the VM's host (whose redirector redirected the login) */
  host: string
  /** the Stargate that served it before, null when it had no session */
  from: string | null
  to: string
  reason: 'failover' | 'failback' | 'login'
}

/** extension: the VM I/O path — redirector settings, Stargate load, the redirect timeline (iopath.ts, ioload.ts) */
export interface ReportIo {
  settings: { healthCheckSeconds: number; loginSeconds: number; failbackSeconds: number; redirect: 'random' | 'round-robin' }
  connectionsPerFrodoVdisk: number
  /** Prism's cluster-wide controller IOPS, IO bandwidth and latency (ms) */
  cluster: { iops: number; readIops: number; writeIops: number; bandwidthBps: number; latencyMs: number }
  /** vDisk sessions of running VMs by path; connections counts Frodo's several per vDisk */
  sessions: { local: number; remote: number; none: number; connections: number }
  stargates: Array<{ id: string; healthy: boolean; sessions: number; remoteSessions: number; iops: number; utilization: number; latencyMs: number }>
  /** hosts waiting to fail back, and when (simulated s) */
  failbacks: Array<{ host: string; at: number }>
  redirectTotal: number
  /** the most recent redirects (at most 200), oldest first */
  redirects: ReportRedirect[]
}

export interface Report {
  apiVersion: 1
  scenarioId: string | null
  seed: number
  time: number
  cluster: {
    name: string
    ftLevel: 1 | 2
    replicationFactor: 2 | 3
    metadataReplicationFactor: 3 | 5
    erasureCoding: boolean
    awareness: { desired: Domain; effective: Domain }
    /** DRILL-API §5: best effort (default) or opt-in: the desired domain is the one the Data Resiliency status judges */
    awarenessMode: AwarenessMode
    haMode: 'default' | 'guarantee'
    /** a Zookeeper majority is up and reachable: configuration can change (DOMAIN.md §9) */
    quorum: boolean
    /** extension (cpu.ts, our rule): CPU usage of the hosts that are up, % of their cores */
    cpuUsagePct: number
    /** DRILL-API §5: the releases every node runs (the older one while a rolling upgrade is under way) */
    versions: { aos: string; ahv: string }
  }
  resiliency: {
    status: ResiliencyStatus
    faultTolerance: FaultToleranceRow[]
    rebuild: {
      active: boolean
      progress: number
      bytesRemaining: number
      etaSeconds: number | null
      /** extension: 'scanning' (Curator finds the under-replicated data) or 'replicating'; null when idle */
      phase: 'scanning' | 'replicating' | null
      /** extension: bytes re-replicated since this rebuild started */
      copiedBytes: number
      /** extension: healthy nodes × per-node rebuild bandwidth, bytes/s */
      bandwidthBytesPerSec: number
    }
    underReplicatedBytes: number
    /** no online copy, but copies still exist offline (DOMAIN.md §9); back when the part returns */
    unavailableBytes: number
    /** no copy left anywhere (failed/replaced disks) */
    lostBytes: number
    /** extension: copies on components that came back, re-admitted or deleted by the next Curator scan */
    overReplicatedBytes: number
    /** extension: copies a rebuild replaced that still sit on failed components */
    detachedBytes: number
    /** extension: simulated seconds since load when the fault tolerance inputs last changed (ncli's Last Update Time) */
    lastUpdateTime: number
    /** extension: the domain whose failures-tolerable figure the status judges (the awareness in force; the desired one when opt-in) */
    judgedDomain: Domain
    /** extension: why the status is not OK, in words (null when OK or Computing) */
    statusReason: string | null
    /** extension (DOMAIN.md §12): copies whose checksum no longer matches (silent corruption), found or not yet */
    corruptCopies: number
    /** extension: of those, the ones a read, a move or the scrubber found, waiting to be (or being) replaced */
    corruptFoundCopies: number
    /** extension: corrupt copies replaced from good copies since load */
    corruptRepairedCopies: number
  }
  storage: {
    totalBytes: number
    usedBytes: number
    resilientCapacityBytes: number
    warnThresholdPct: number
    state: 'ok' | 'warning' | 'critical'
    nodes: Array<{
      id: string
      totalBytes: number
      usedBytes: number
      /** extension: the node's share of resilient capacity (total × resilient ÷ cluster total: Curator keeps nodes equally full) */
      resilientBytes: number
      /** extension: the node's usage against its share, like the cluster's state */
      state: 'ok' | 'warning' | 'critical'
    }>
    /** extension: the domain resilient capacity is computed for (the awareness in force) and the failures it absorbs (the FT level) */
    domain: Domain
    failures: number
    /** extension: raw bytes written per simulated day (cluster.data.growthTBPerDay, setGrowthRate) */
    growthBytesPerDay: number
    /** extension: raw bytes the healthy disks can still take before Stargate's 95 % read-only limit */
    writableBytes: number
  }
  topology: {
    racks: Array<{ id: string; state: 'up' | 'down' }>
    blocks: Array<{ id: string; rack: string; state: 'up' | 'down' }>
    nodes: ReportNode[]
    disks: ReportDisk[]
  }
  metadataRing: string[]
  zookeeper: string[]
  acropolisLeader: string | null
  vms: ReportVm[]
  ha: ReportHa
  /** the latest 10,000 events (log.ts EVENT_RETENTION), oldest first, as Prism keeps a bounded event history */
  events: SimEvent[]
  /** running tasks and the latest 1,000 ended ones (log.ts ENDED_RETENTION), in the order they started */
  tasks: SimTask[]
  /** extension: open alerts and the latest 1,000 resolved ones (log.ts ENDED_RETENTION), in the order they were raised */
  alerts: SimAlert[]
  /** extension: storage containers */
  containers: ReportContainer[]
  /** extension: token ranges and the Zookeeper ensemble */
  metadata: ReportMetadata
  /** extension: the VM I/O path (redirector settings, Stargate load, redirects) */
  io: ReportIo
  /** DRILL-API §5: the X-Ray test loaded with loadXray, else null (xray/types.ts) */
  xray: XrayReport | null
  /** DRILL-API §5: the latest rolling upgrade (null before any) */
  upgrade: null | { kind: 'aos' | 'ahv'; state: 'running' | 'paused' | 'succeeded' | 'failed'; current: string | null; done: string[]; reason: string | null }
}

/** The Report's `ha` section (DRILL-API.md §2) and its extensions (issue 7, ha.ts). */
export interface ReportHa {
  mode: 'default' | 'guarantee'
  hostFailuresToTolerate: 0 | 1 | 2
  hosts: ReportHaHost[]
  /** extension: the host failures Guarantee mode reserves for, whatever the mode (1 when all containers are RF2, 2 when any is RF3) */
  reserveFor: 1 | 2
  /** extension: Acropolis leader and whether the serving CVMs form a majority of the nodes */
  leader: string | null
  quorum: boolean
  /** extension: Guarantee mode: every running VM holds its failover segments */
  protected: boolean
  unprotectedVms: string[]
  /** extension: failure-detection timelines, oldest first: the latest 100 (ha.ts INCIDENT_RETENTION) and any still in progress */
  incidents: ReportHaIncident[]
  /** extension: VM networks and their IPAM pools */
  networks: Array<{ name: string; managed: boolean; subnet: string | null; vlan: number; gateway: string | null; leased: number; poolSize: number }>
  /** extension: VMs waiting for a DHCP answer (no Acropolis leader) */
  dhcpPending: string[]
}

export interface ReportHaHost {
  id: string
  capacityBytes: number
  runningBytes: number
  reservedBytes: number
  availableBytes: number
  /** extension */
  state: 'up' | 'down' | 'partitioned'
  /** extension: failover segments held here, grouped by the remote host whose failure they cover */
  segments: Array<{ forHost: string; bytes: number; vms: string[] }>
  /** extension: what-if: if this host failed now, how many of its VMs would find room on the others (MTHM over free memory) */
  failover: { vms: number; restartable: number; bytes: number }
}

export interface ReportHaIncident {
  id: number
  host: string
  kind: 'host' | 'partition'
  /** the Acropolis leader ran on the failed host: T20 is the election of a new leader */
  leaderFailure: boolean
  t0: number
  /** simulated time each step happened, null while pending */
  t20: number | null
  t60: number | null
  t120: number | null
  /** partition: when the VMs on the isolated host terminated (45 s after their first failed I/O) */
  terminated: number | null
  state: 'detecting' | 'fencing' | 'restarting' | 'done' | 'cancelled' | 'waiting-for-leader'
  vms: string[]
  restarted: Array<{ vm: string; host: string; viaSegment: boolean }>
  failed: Array<{ vm: string; reason: string }>
}

/**
 * What `advanceUntil` waits for (DRILL-API.md §5), checked after every simulated event.
 * `event`: an event of this type is emitted after the call. `task`: a task of this type is
 * running (`running`), or ends in that state after the call (`succeeded` / `failed`).
 * `status` / `vm`: the resiliency status / the VM's power is that (met at once when it already is).
 */
export type Until =
  | { event: string }
  | { task: string; state: 'running' | 'succeeded' | 'failed' }
  | { status: ResiliencyStatus }
  | { vm: string; power: 'on' | 'off' | 'restarting' }

/** What `advanceUntil` resolves with: whether the condition was met, and the simulated seconds run. */
export interface UntilResult {
  met: boolean
  seconds: number
}

/** One evaluated `expect` check of a scenario (README "Drills as data"). */
export interface CheckResult {
  index: number
  name: string
  passed: boolean
  /** simulated seconds the check was decided at */
  time: number
  /** what was found (`resiliency.status = "OK"`) or why it failed (`expected "OK", got "Critical"`) */
  message: string
}

/** What `checkExpectations` resolves with (the browser's view): the checks of a drill run and when it ended. */
export interface DrillChecks {
  passed: boolean
  checks: CheckResult[]
  end: number
}
