/**
 * Resilient capacity (seed 004, DOMAIN.md §5).
 *
 * raw(U): the largest raw usage units with capacities c_u can hold with RF r and one
 * replica per unit, r·L* where L* is the largest L with Σ min(c_u, L) ≥ r·L.
 *
 * Resilient capacity at domain D for FT f = min(raw_D(all units),
 * min over every set F of f D-units of raw_D'(the rest)), D' being the awareness left
 * after losing F (node level when too few D-units remain). No 0.95 factor (DOMAIN.md §5 as
 * corrected: the seed's 40 TB example wins); Stargate's read-only limit at 95 % full
 * (READ_ONLY_FACTOR) bounds writes (growth.ts), not resilient capacity.
 */
import { effectiveAwareness } from '../cluster/awareness'
import type { Domain } from '../types'

/** Stargate turns read-only at 95 % full (bounds writes; not part of resilient capacity). */
export const READ_ONLY_FACTOR = 0.95

/** r·L* for the given unit capacities. */
export function rawCapacity(capacities: readonly number[], rf: number): number {
  const c = capacities.filter((x) => x > 0).sort((a, b) => a - b)
  const m = c.length
  if (m < rf) return 0
  let below = 0 // Σ of capacities below the current segment
  let lo = 0
  for (let j = 0; j <= m; j++) {
    const hi = j < m ? c[j] : Infinity
    const above = m - j // units with capacity ≥ any L in (lo, hi]
    if (above < rf) {
      // f(L) = below + above·L − rf·L decreasing here: L ≤ below / (rf − above)
      const l = below / (rf - above)
      if (l <= hi) return rf * Math.max(lo, l)
    }
    below += j < m ? c[j] : 0
    lo = hi
  }
  return 0
}

export interface CapacityUnits {
  /** capacity of each unit of domain D (bytes), 0 for units that are down */
  unitCapacity: number[]
  /** node capacities grouped by D-unit: nodesOfUnit[u] = capacities of its nodes */
  nodesOfUnit: number[][]
  /** total D-units configured, block and rack counts for the fallback rule */
  unitCounts: Record<Domain, number>
}

/**
 * Resilient capacity (bytes) at domain `dom` for `f` failures with replication `rf`.
 * Units with capacity 0 (failed) are ignored.
 */
export function resilientCapacity(
  dom: Domain,
  units: CapacityUnits,
  rf: number,
  f: number,
  ftLevel: 1 | 2,
  erasureCoding: boolean,
): number {
  const live: number[] = []
  units.unitCapacity.forEach((c, u) => {
    if (c > 0) live.push(u)
  })
  const rawAt = (d: Domain, us: readonly number[]) =>
    d === 'node' && dom !== 'node'
      ? rawCapacity(us.flatMap((u) => units.nodesOfUnit[u]), rf)
      : rawCapacity(us.map((u) => units.unitCapacity[u]), rf)
  let best = rawAt(dom, live)
  if (f <= 0) return best
  if (live.length <= f) return 0
  const remaining = live.length - f
  const counts = { ...units.unitCounts, [dom]: remaining }
  const after = dom === 'node' ? 'node' : effectiveAwareness(dom, counts, ftLevel, erasureCoding) === dom ? dom : 'node'
  if (after === dom) {
    // raw is monotone in every capacity: losing the f largest units is the worst case
    const sorted = [...live].sort((a, b) => units.unitCapacity[b] - units.unitCapacity[a] || a - b)
    best = Math.min(best, rawAt(dom, sorted.slice(f)))
  } else {
    // fallback to node awareness: enumerate every set of f units (few units here)
    const rest: number[] = []
    const walk = (start: number, left: number, removed: number[]) => {
      if (left === 0) {
        rest.length = 0
        for (const u of live) if (!removed.includes(u)) rest.push(u)
        best = Math.min(best, rawAt('node', rest))
        return
      }
      for (let i = start; i <= live.length - left; i++) walk(i + 1, left - 1, [...removed, live[i]])
    }
    walk(0, f, [])
  }
  return best
}
