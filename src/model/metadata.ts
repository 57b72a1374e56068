/**
 * The Cassandra metadata ring and the Zookeeper ensemble (seed 004). The ring order
 * interleaves the units of the awareness domain so that a token range's RF_m
 * consecutive replicas fall in distinct blocks/racks whenever the layout allows.
 */
import type { Topology } from './topology'
import type { Domain } from './types'

/**
 * Interleave nodes by unit: take one node from each unit in turn, largest units first,
 * so neighbours on the ring sit in different units. Deterministic (by index).
 */
export function interleavedRing(topo: Topology, nodes: readonly number[], dom: Domain): number[] {
  const groups = new Map<number, number[]>()
  for (const n of nodes) {
    const u = topo.unitOf(n, dom)
    let g = groups.get(u)
    if (!g) groups.set(u, (g = []))
    g.push(n)
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]).map((e) => e[1])
  const ring: number[] = []
  for (let round = 0; ring.length < nodes.length; round++) {
    for (const g of ordered) if (round < g.length) ring.push(g[round])
  }
  return ring
}

/**
 * Pick `count` Zookeeper servers among `candidates` (in preference order), one per unit
 * of `dom` first, then filling with any remaining node.
 */
export function placeZookeeper(topo: Topology, candidates: readonly number[], count: number, dom: Domain): number[] {
  const chosen: number[] = []
  const usedUnits = new Set<number>()
  for (const n of candidates) {
    if (chosen.length >= count) break
    const u = topo.unitOf(n, dom)
    if (usedUnits.has(u)) continue
    usedUnits.add(u)
    chosen.push(n)
  }
  for (const n of candidates) {
    if (chosen.length >= count) break
    if (!chosen.includes(n)) chosen.push(n)
  }
  return chosen
}
