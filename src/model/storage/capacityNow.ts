/**
 * Capacity of the cluster as it is now: what the available disks hold and can hold, the
 * capacity units of a domain, and the FREE_SPACE fault tolerance. Pure functions of the
 * spec, the component state and the placed data; the Simulation answers its queries with them.
 */
import type { Topology } from '../cluster/topology'
import type { ClusterSpec } from '../scenario/normalize'
import type { Domain, DomainType } from '../types'
import { UNIT_BYTES } from '../kernel/units'
import { resilientCapacity, type CapacityUnits } from './capacity'
import type { DataStore } from './data'
import { worstRawAfterDiskLosses } from './tolerance/resiliency'

export interface CapacitySource {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
}

/** Raw capacity of each node's disks that can serve data now (0 for a node that is down). */
export function nodeAvailableCapacity(src: CapacitySource): number[] {
  const { spec, topo } = src
  return spec.nodes.map((n) => n.disks.reduce((a, d) => a + (topo.diskAvailable(d) ? spec.disks[d].capacityBytes : 0), 0))
}

/** Units of `dom` with their capacity (by default what is available now; what-if passes its own per-node figures). */
export function capacityUnitsOf(src: CapacitySource, dom: Domain, nodeCap: readonly number[] = nodeAvailableCapacity(src), counts = src.topo.activeUnitCounts()): CapacityUnits {
  const { topo } = src
  const count = topo.unitCount(dom)
  const unitCapacity = new Array<number>(count).fill(0)
  const nodesOfUnit: number[][] = Array.from({ length: count }, () => [])
  nodeCap.forEach((c, n) => {
    const u = topo.unitOf(n, dom)
    unitCapacity[u] += c
    if (c > 0) nodesOfUnit[u].push(c)
  })
  // units of the cluster now (a removed node, and a block or rack left without nodes, no longer count)
  return { unitCapacity, nodesOfUnit, unitCounts: counts }
}

/**
 * FREE_SPACE: largest f ≤ FT with raw used ≤ resilient capacity for f failures at the domain.
 * `except`: as if node `except` had left the cluster (its data moved to the others): node
 * removal's pre-check (nodePrecheck.ts) asks what the figure would become.
 */
export function freeSpaceTolerance(src: CapacitySource, dt: DomainType, except = -1): number {
  const used = availableUsedBytes(src)
  const ft: number = src.spec.ftLevel
  const { spec, topo } = src
  const nodeCap = nodeAvailableCapacity(src)
  if (except >= 0) nodeCap[except] = 0
  const counts = topo.activeUnitCounts(except)
  let best = 0
  for (let f = 1; f <= ft; f++) {
    let cap: number
    if (dt === 'DISK') {
      // the worst f available disks to lose (resiliency.ts), rebuild at node level
      const nodeDisks = spec.nodes.map((n, i) => (i === except ? [] : n.disks.filter((d) => topo.diskAvailable(d)).map((d) => spec.disks[d].capacityBytes)))
      cap = worstRawAfterDiskLosses(nodeDisks, src.data.rf, f)
    } else {
      const dom: Domain = dt === 'NODE' ? 'node' : dt === 'RACKABLE_UNIT' ? 'block' : 'rack'
      cap = resilientCapacity(dom, capacityUnitsOf(src, dom, nodeCap, counts), src.data.rf, f, src.spec.ftLevel, src.spec.erasureCoding)
    }
    if (used <= cap) best = f
    else break
  }
  return best
}

/** Raw capacity of the disks that can serve data now. */
export function availableTotalBytes(src: CapacitySource): number {
  let s = 0
  for (let d = 0; d < src.spec.disks.length; d++) if (src.topo.diskAvailable(d)) s += src.spec.disks[d].capacityBytes
  return s
}

/** Raw bytes of replicas on available disks. */
export function availableUsedBytes(src: CapacitySource): number {
  let s = 0
  for (let d = 0; d < src.spec.disks.length; d++) if (src.topo.diskAvailable(d)) s += src.data.diskUnits[d]
  return s * UNIT_BYTES
}
