/**
 * What the Report is built from: the facts and queries of the composition root
 * (Simulation) and the report parts of each subsystem. Report building reads, never changes.
 */
import type { StorageRemoval } from '../storage/removal'
import type { Scrubber } from '../storage/integrity/scrubber'
import type { Topology } from '../cluster/topology'
import type { VmTable } from '../cluster/vms'
import type { ClusterLog } from '../kernel/log'
import type { ClusterSpec } from '../scenario/normalize'
import type { Curator } from '../storage/curator/curator'
import type { DataStore } from '../storage/data'
import type { DataGrowth } from '../storage/growth'
import type { FaultToleranceResult } from '../storage/tolerance/resiliency'
import type { VmHa } from '../ha/ha'
import type { IoPaths } from '../iopath/iopath'
import type { Domain } from '../types'
import type { XrayReport } from '../xray/types'
import type { RollingUpgrade } from '../upgrade/rolling'
import type { Versions } from '../upgrade/versions'

export interface ReportSource {
  readonly time: number
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly vms: VmTable
  readonly log: ClusterLog
  readonly effectiveAwareness: Domain
  readonly warnThresholdPct: number
  readonly leader: number
  readonly ringMember: Uint8Array
  readonly curatorScanning: boolean
  readonly curator: Pick<Curator, 'remainingCopies' | 'report' | 'overReplicatedBytes' | 'detachedBytes'>
  readonly removal: Pick<StorageRemoval, 'diskStatus' | 'diskStatusWords'>
  readonly scrubber: Pick<Scrubber, 'report'>
  readonly growth: Pick<DataGrowth, 'bytesPerDay' | 'freeRawBytes'>
  readonly ha: Pick<VmHa, 'buildReport' | 'failoverHostsOf'>
  readonly io: Pick<IoPaths, 'buildReport' | 'load' | 'cpu' | 'loginTarget' | 'sessionState'>
  readonly xray: { report(): XrayReport } | null
  readonly versions: Pick<Versions, 'report'>
  readonly upgrades: Pick<RollingUpgrade, 'report'>
  ringMembers(): number[]
  zookeeperServers(): number[]
  metadataDomain(): Domain
  faultTolerance(): FaultToleranceResult
  /** null when the configuration may change (Zookeeper quorum), else why not */
  configChangeRefusal(): string | null
  /** per vDisk, the share of its I/O whose data is available (null: all) */
  vdiskDataShare(): { share: Float32Array | null; key: number }
  availableTotalBytes(): number
  availableUsedBytes(): number
  nodeAvailableCapacity(): number[]
  resilientCapacityBytes(): number
}
