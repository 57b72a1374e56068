/**
 * Alerts that follow the data: data with no online copy (Data unavailable, resolves itself
 * when the data is back), data with no copy left (Data loss, never resolves itself) and
 * a Critical resiliency status once Curator has looked (not while a scan runs).
 */
import type { ClusterLog } from '../../kernel/log'
import { formatUnits } from '../../kernel/units'
import type { FaultToleranceResult } from './resiliency'

export function checkResiliencyAlerts(log: ClusterLog, ft: FaultToleranceResult, scanning: boolean): void {
  // DOMAIN.md §9: offline is not lost. Unavailable data comes back with its part; lost data never does.
  const { unavailableUnits: unavailable, lostUnits: lost } = ft.availability
  if (unavailable > 0 && !log.isOpen('data-unavailable')) {
    log.event('critical', 'DataUnavailable', null, `${formatUnits(unavailable)} of data has no online copy: its copies are on parts that are down (offline, not lost); the VMs' I/O to it fails until a part returns`)
    log.raise('data-unavailable', 'critical', 'DataUnavailable', null, `Data unavailable: ${formatUnits(unavailable)} has no online copy (its copies are offline, not lost). It is back when a part holding it returns`)
  } else if (unavailable === 0 && log.isOpen('data-unavailable')) {
    log.event('info', 'DataAvailable', null, 'Every extent group has an online copy again')
    log.resolve('data-unavailable')
  }
  if (lost > 0 && !log.isOpen('data-loss')) {
    // corruption (storage/integrity/): every copy of some data failed its checksum
    const corrupt = ft.availability.corruptLostUnits
    const why = corrupt === 0 ? 'every copy was on a disk that failed or was replaced'
      : corrupt === lost ? 'every copy is corrupt (checksum mismatch) or gone'
        : `every copy was on a disk that failed or was replaced, or is corrupt (checksum mismatch: ${formatUnits(corrupt)})`
    log.event('critical', 'DataLoss', null, `${formatUnits(lost)} of data has no copy left anywhere: ${why}`)
    log.raise('data-loss', 'critical', 'DataLoss', null, corrupt === lost
      ? `Data loss: ${formatUnits(lost)} has no valid copy left: every replica failed its checksum before a good one could replace it`
      : `Data loss: ${formatUnits(lost)} has no copy left anywhere: more disks failed than the cluster can tolerate before the rebuild finished`)
  }
  if (scanning) return
  if (ft.status === 'Critical') {
    if (!log.isOpen('resiliency-critical')) {
      const node = ft.rows.find((r) => r.domainType === 'NODE')
      log.raise('resiliency-critical', 'critical', 'DataResiliencyCritical', null, `Data resiliency is Critical: the cluster can tolerate ${node?.failuresTolerable ?? 0} more node failure(s) until the rebuild completes`)
    }
  } else log.resolve('resiliency-critical')
}
