/**
 * Availability domains (seed 004): desired versus effective awareness. Block/rack
 * awareness is best effort: in force only while the cluster has the minimum number of
 * units for its FT level (3 / 4 with EC for FT1, 5 / 6 with EC for FT2), else it falls
 * back rack → block → node.
 *
 * The decision is made on the configured units, at load: a failed block does not turn
 * block awareness off, it lowers the block figures of the fault tolerance status
 * (resiliency.ts). Metadata has its own, stricter condition (2X / 4X, metadata.ts), and
 * the strip size of erasure coding follows the units of the domain in force (ec.ts).
 */
import type { Domain } from '../types'

export function minimumUnits(ftLevel: 1 | 2, erasureCoding: boolean): number {
  return ftLevel === 1 ? (erasureCoding ? 4 : 3) : erasureCoding ? 6 : 5
}

export const FALLBACK: Record<Domain, Domain | null> = { rack: 'block', block: 'node', node: null }

/**
 * The awareness in force: the desired domain if it has enough units, else the next
 * lower one that has, node awareness in the end.
 */
export function effectiveAwareness(
  desired: Domain,
  unitCounts: Record<Domain, number>,
  ftLevel: 1 | 2,
  erasureCoding: boolean,
): Domain {
  const min = minimumUnits(ftLevel, erasureCoding)
  let d: Domain | null = desired
  while (d !== null && d !== 'node') {
    if (unitCounts[d] >= min) return d
    d = FALLBACK[d]
  }
  return 'node'
}

/** Highest FT level whose minimum `units` meets (0 if none): STATIC_CONFIGURATION. */
export function staticFaultTolerance(units: number, ftLevel: 1 | 2, erasureCoding: boolean): number {
  for (let f = ftLevel; f >= 1; f--) if (units >= minimumUnits(f as 1 | 2, erasureCoding)) return f
  return 0
}
