/**
 * The public contract of the simulation: the Fault, Report and related types of
 * shared/spec/DRILL-API.md §1–2. Fields may be added here; none may be renamed.
 */

export type Domain = 'node' | 'block' | 'rack'
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
  | { kind: 'partition'; target: string }

export type FaultKind = Fault['kind']

export type Severity = 'info' | 'warning' | 'critical'

export interface SimEvent {
  time: number
  severity: Severity
  type: string
  entity: string | null
  message: string
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
}

export interface ReportDisk {
  id: string
  node: string
  tier: 'SSD' | 'HDD'
  mode: 'online' | 'offline'
  capacityBytes: number
  usedBytes: number
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
  vdisks: Array<{ id: string; stargate: string | null; path: 'local' | 'remote' | 'none' }>
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
    haMode: 'default' | 'guarantee'
  }
  resiliency: {
    status: ResiliencyStatus
    faultTolerance: FaultToleranceRow[]
    rebuild: { active: boolean; progress: number; bytesRemaining: number; etaSeconds: number | null }
    underReplicatedBytes: number
    lostBytes: number
    /** extension: simulated seconds since load when the fault tolerance inputs last changed (ncli's Last Update Time) */
    lastUpdateTime: number
  }
  storage: {
    totalBytes: number
    usedBytes: number
    resilientCapacityBytes: number
    warnThresholdPct: number
    state: 'ok' | 'warning' | 'critical'
    nodes: Array<{ id: string; totalBytes: number; usedBytes: number }>
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
  ha: {
    mode: 'default' | 'guarantee'
    hostFailuresToTolerate: 0 | 1 | 2
    hosts: Array<{ id: string; capacityBytes: number; runningBytes: number; reservedBytes: number; availableBytes: number }>
  }
  events: SimEvent[]
  tasks: SimTask[]
  /** extension: every alert raised since load, resolved ones included */
  alerts: SimAlert[]
  /** extension: storage containers */
  containers: ReportContainer[]
  /** extension: token ranges and the Zookeeper ensemble */
  metadata: ReportMetadata
}
