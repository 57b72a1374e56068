/**
 * What node removal and cluster expansion use (the composition root builds it:
 * src/model/lifecycleHost.ts). Each member is one step of DOMAIN.md §12 that another
 * subsystem owns: maintenance mode moves the VMs, disk balancing moves the data, the
 * metadata service moves token ranges and Zookeeper servers.
 */
import type { Kernel } from '../kernel/context'
import type { Topology } from '../cluster/topology'
import type { ClusterSpec } from '../scenario/normalize'
import type { Domain } from '../types'
import type { DataStore } from '../storage/data'
import type { PrecheckContext } from '../storage/precheck'
import type { NodeChangeFacts } from '../storage/nodePrecheck'
import type { StorageRemoval } from '../storage/removal'
import type { MetadataService } from '../metadata/service'

export interface LifecycleContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly effectiveAwareness: Domain
  /** VM ids (an added node's id must not be one) */
  readonly vmIds: ReadonlyMap<string, number>
  /** the disk checks' context of the one pre-check (storage/precheck.ts) */
  readonly precheck: PrecheckContext
  /** the facts the node checks read, as they are now */
  nodeFacts(): NodeChangeFacts
  readonly removal: Pick<StorageRemoval, 'drainNode' | 'cancelDrain' | 'removeDrained'>
  readonly meta: Pick<MetadataService, 'plannedRingChange' | 'moveZookeeperOff' | 'respreadZookeeper' | 'ringMember'>
  /** live-migrate every VM off host n (maintenance mode, without the planned-operation pre-check); throws the refusal */
  enterMaintenance(n: number, done: (ok: boolean, why: string | null) => void): void
  /** host n left the cluster: it is no longer in maintenance, and nothing migrates back to it */
  forgetHost(n: number): void
  /** the Acropolis leader on n hands over to another node now */
  handOverLeader(n: number): void
  /** hand the vDisk sessions Stargate n serves to other Stargates (returns how many) */
  handOffSessions(n: number): number
  /** OpLog episodes with a replica on node n reopen on other nodes */
  reopenOplogOff(n: number): void
  /** the spec gained a node at the end: grow every per-node and per-disk table */
  growTables(): void
  /** the units changed: recompute the awareness in force (an event when it changes) */
  recomputeAwareness(): void
  /** Curator scans (then rebuilds or balances): data placement needs another look */
  curatorReplan(): void
  /** derive component states and let every part of the model react */
  applyStateChange(): void
}
