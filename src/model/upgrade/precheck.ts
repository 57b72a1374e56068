/**
 * The one pre-check of configuration-changing planned operations (live migration,
 * maintenance mode, upgrade start): every one of them asks `plannedOperationRefusal` first,
 * so a cluster-wide refusal (e.g. no Zookeeper quorum) is added here, once. The rolling
 * upgrade adds its own named checks (`upgradePrecheck`, DOMAIN.md §11).
 */

/** What the pre-checks read. */
export interface PrecheckSource {
  /** the serving CVMs are a majority: configuration can change */
  readonly quorum: boolean
  /** the cluster-wide refusal of any configuration change (no Zookeeper quorum, metadata/quorum.ts), else null */
  configChangeRefusal(): string | null
  /** Data Resiliency status as Prism shows it */
  resiliencyStatus(): 'OK' | 'Warning' | 'Critical' | 'Computing'
  rebuildRunning(): boolean
  /** ids of nodes whose host or CVM is not up, or that are in maintenance */
  nodesNotUp(): string[]
  /** a rolling upgrade is running or paused */
  upgradeActive(): boolean
}

export type PlannedOperation = 'migrate' | 'enterMaintenance' | 'exitMaintenance' | 'upgrade'

/** Null when the operation may start, else why not. */
export function plannedOperationRefusal(src: PrecheckSource, _op: PlannedOperation): string | null {
  return src.configChangeRefusal()
}

/** The upgrade's named pre-checks, in order. */
export const UPGRADE_PRECHECKS = ['Data Resiliency OK', 'No rebuild running', 'Every node up', 'Quorum'] as const

/** The first failed pre-check as `pre-check "<name>" failed: <why>`, or null. */
export function upgradePrecheck(src: PrecheckSource): string | null {
  const fail = (name: (typeof UPGRADE_PRECHECKS)[number], why: string) => `pre-check "${name}" failed: ${why}`
  const status = src.resiliencyStatus()
  if (status !== 'OK') return fail('Data Resiliency OK', `Data Resiliency is ${status}`)
  if (src.rebuildRunning()) return fail('No rebuild running', 'a data rebuild is in progress')
  const down = src.nodesNotUp()
  if (down.length > 0) return fail('Every node up', `${down.slice(0, 4).join(', ')}${down.length > 4 ? ` and ${down.length - 4} more` : ''} ${down.length === 1 ? 'is' : 'are'} not up (down, CVM down or in maintenance)`)
  const frozen = src.configChangeRefusal()
  if (frozen) return fail('Quorum', frozen)
  return null
}
