/**
 * The facts about the cluster now that the subsystems' contexts and the Report read from the
 * composition root: the metadata ring and Zookeeper, the leader, capacity available now, the
 * configuration-change check, VM and host lookups. Simulation extends this class; each figure
 * is computed by the subsystem that owns it.
 */
import { SimError } from './kernel/errors'
import type { Topology } from './cluster/topology'
import { POWER_OFF, type VmTable } from './cluster/vms'
import type { ClusterSpec } from './scenario/normalize'
import type { CapacityUnits } from './storage/capacity'
import { availableTotalBytes, availableUsedBytes, capacityUnitsOf, freeSpaceTolerance, nodeAvailableCapacity } from './storage/capacityNow'
import type { DataStore } from './storage/data'
import type { FaultToleranceResult } from './storage/tolerance/resiliency'
import type { Curator } from './storage/curator/curator'
import type { DiskHealth } from './storage/hades'
import type { MetadataService } from './metadata/service'
import { metadataAwareness } from './metadata/ring'
import { configChangeRefusal } from './metadata/quorum'
import type { VmHa } from './ha/ha'
import type { Domain, DomainType } from './types'

export abstract class ClusterQueries {
  abstract readonly spec: ClusterSpec
  abstract readonly topo: Topology
  abstract readonly data: DataStore
  abstract readonly vms: VmTable
  abstract readonly meta: MetadataService
  abstract readonly ha: VmHa
  abstract readonly curator: Curator
  abstract readonly diskHealth: DiskHealth
  abstract effectiveAwareness: Domain
  abstract faultTolerance(): FaultToleranceResult

  /** Acropolis leader (node index) or -1 */
  get leader(): number {
    return this.ha.leader
  }
  /** 1 when the node is a metadata ring member now */
  get ringMember(): Uint8Array {
    return this.meta.ringMember
  }
  ringMembers(): number[] {
    return this.meta.members()
  }
  ringOrder(): readonly number[] {
    return this.meta.ring
  }
  zookeeperServers(): number[] {
    return [...this.meta.zk]
  }
  /** A Curator scan is running: the Data Resiliency status is Computing. */
  get curatorScanning(): boolean {
    return this.curator.scanning
  }
  /** null when the configuration may change, else why not (a Zookeeper majority is down: metadata/quorum.ts) */
  configChangeRefusal(): string | null {
    return configChangeRefusal(this)
  }
  /** 1 per disk whose copies are destroyed (failed SMART, DOMAIN.md §9) */
  get destroyedDisks(): Uint8Array {
    return this.diskHealth.smartFailed
  }
  get vdiskCount(): number {
    return this.vms.vdiskStart[this.vms.count]
  }
  /** Raw capacity of each node's disks that can serve data now (0 for a node that is down). */
  nodeAvailableCapacity(): number[] {
    return nodeAvailableCapacity(this)
  }

  /** Units of `dom` with their capacity (by default what is available now; what-if passes its own per-node figures). */
  capacityUnits(dom: Domain, nodeCap: readonly number[] = this.nodeAvailableCapacity()): CapacityUnits {
    return capacityUnitsOf(this, dom, nodeCap)
  }

  /** FREE_SPACE: largest f ≤ FT with raw used ≤ resilient capacity for f failures at the domain. */
  freeSpaceTolerance(dt: DomainType): number {
    return freeSpaceTolerance(this, dt)
  }

  /** OPLOG: worst case over open episodes of (distinct healthy units holding a replica) − 1 (resiliency.ts). */
  oplogTolerance(dt: DomainType): number {
    return this.faultTolerance().rows.find((r) => r.domainType === dt)?.components.OPLOG.failuresTolerable ?? 0
  }
  /** Raw capacity of the disks that can serve data now. */
  availableTotalBytes(): number {
    return availableTotalBytes(this)
  }

  /** Raw bytes of replicas on available disks. */
  availableUsedBytes(): number {
    return availableUsedBytes(this)
  }

  /** Domain metadata is aware of: the awareness in force if the 2X / 4X condition holds there (metadata.ts). */
  metadataDomain(): Domain {
    return metadataAwareness(this.topo, this.effectiveAwareness, this.spec.ftLevel)
  }
  vmIndex(vmId: string): number {
    const v = this.vms.index.get(vmId)
    if (v === undefined) throw new SimError(`unknown VM "${String(vmId)}"`)
    return v
  }
  /** Memory a host can give to VMs: node memory minus its CVM's. */
  hostCapacityBytes(n: number): number {
    return this.spec.nodes[n].memoryBytes - this.spec.nodes[n].cvmMemoryBytes
  }
  hostRunningBytes(n: number): number {
    let s = 0
    for (let v = 0; v < this.vms.count; v++) if (this.vms.host[v] === n && this.vms.power[v] !== POWER_OFF) s += this.spec.vms[v].memoryBytes
    return s
  }
}
