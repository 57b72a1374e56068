/**
 * The share of each vDisk's I/O that can complete now (DOMAIN.md §9): its online data
 * (availability.ts) and the quorum of the token range holding its metadata. Read by the
 * I/O load (iopath/ioload.ts) through the composition root.
 */
import { metadataServiceUp, quorumOf, tokenRanges } from '../../metadata/ring'
import type { ClusterSpec } from '../../scenario/normalize'
import type { Topology } from '../../cluster/topology'
import type { FaultToleranceResult } from './resiliency'
import { vdiskDataShare } from './availability'

export interface VdiskShareContext {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly vdiskCount: number
  ringMembers(): number[]
  faultTolerance(): FaultToleranceResult
}

/** Per vDisk, the share of its I/O that completes (null: every vDisk is whole). */
export function vdiskShareNow(sim: VdiskShareContext): Float32Array | null {
  const ranges = tokenRanges(sim.ringMembers(), sim.spec.metadataReplicationFactor)
  const quorum = quorumOf(sim.spec.metadataReplicationFactor)
  const up = sim.spec.nodes.map((_, n) => metadataServiceUp(sim.topo, n))
  const rangeAvailable = ranges.map((r) => r.replicas.filter((n) => up[n]).length >= quorum)
  return vdiskDataShare(sim.faultTolerance().availability, sim.vdiskCount, rangeAvailable)
}
