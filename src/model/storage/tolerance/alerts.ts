/**
 * Alerts that follow the data: data with no surviving copy (critical, never hidden) and
 * a Critical resiliency status once Curator has looked (not while a scan runs). Both
 * resolve when the cause goes.
 */
import type { ClusterLog } from '../../kernel/log'
import { gb } from '../curator/curator'
import type { FaultToleranceResult } from './resiliency'

export function checkResiliencyAlerts(log: ClusterLog, ft: FaultToleranceResult, scanning: boolean): void {
  const lost = ft.health.lostUnits + ft.health.lostStripMembers
  if (lost > 0 && !log.isOpen('data-loss')) {
    log.event('critical', 'DataLoss', null, `${gb(lost)} of data has no surviving copy: every replica is on a failed disk, node, block or rack`)
    log.raise('data-loss', 'critical', 'DataLoss', null, `${gb(lost)} of data has no surviving copy: more components failed than the cluster can tolerate before the rebuild finished`)
  } else if (lost === 0 && log.isOpen('data-loss')) {
    log.event('info', 'DataAvailable', null, 'Every extent group has a surviving copy again')
    log.resolve('data-loss')
  }
  if (scanning) return
  if (ft.status === 'Critical') {
    if (!log.isOpen('resiliency-critical')) {
      const node = ft.rows.find((r) => r.domainType === 'NODE')
      log.raise('resiliency-critical', 'critical', 'DataResiliencyCritical', null, `Data resiliency is Critical: the cluster can tolerate ${node?.failuresTolerable ?? 0} more node failure(s) until the rebuild completes`)
    }
  } else log.resolve('resiliency-critical')
}
