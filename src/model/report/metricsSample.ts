/**
 * The figures of a metrics sample that do not follow the time of day (kernel/metrics.ts):
 * capacity, components up, VMs on, unresolved alerts. The I/O figures come from the I/O
 * model (iopath/iopath.ts metricsFigures).
 */
import type { ClusterSpec } from '../scenario/normalize'
import { HOST_UP, type Topology } from '../cluster/topology'
import { POWER_ON, type VmTable } from '../cluster/vms'
import type { ClusterLog } from '../kernel/log'
import type { MetricSample } from '../kernel/metrics'

export interface SampleSource {
  readonly spec: ClusterSpec
  readonly topo: Pick<Topology, 'hostState' | 'cvmServing' | 'diskAvailable'>
  readonly vms: VmTable
  readonly log: Pick<ClusterLog, 'unresolvedAlerts'>
  availableUsedBytes(): number
  availableTotalBytes(): number
  resilientCapacityBytes(): number
}

export type FixedFigures = Pick<MetricSample, 'usedBytes' | 'totalBytes' | 'resilientBytes' | 'hostsUp' | 'cvmsUp' | 'disksOnline' | 'vmsOn' | 'unresolvedAlerts'>

export function fixedSampleFigures(src: SampleSource): FixedFigures {
  const { spec, topo, vms } = src
  let hostsUp = 0, cvmsUp = 0, disksOnline = 0, vmsOn = 0
  for (let n = 0; n < spec.nodes.length; n++) {
    if (topo.hostState[n] === HOST_UP) hostsUp++
    if (topo.cvmServing(n)) cvmsUp++
  }
  for (let d = 0; d < spec.disks.length; d++) if (topo.diskAvailable(d)) disksOnline++
  for (let v = 0; v < vms.count; v++) if (vms.power[v] === POWER_ON) vmsOn++
  return {
    usedBytes: src.availableUsedBytes(),
    totalBytes: src.availableTotalBytes(),
    resilientBytes: src.resilientCapacityBytes(),
    hostsUp, cvmsUp, disksOnline, vmsOn,
    unresolvedAlerts: src.log.unresolvedAlerts,
  }
}
