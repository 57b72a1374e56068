/**
 * The model samples its metrics every 300 s and on component changes, not when VMs restart or
 * alerts resolve; a chart that ended on its last sample would show, three minutes after a node
 * failure, the VMs that were down at the failure. This appends the figures now (the same
 * quantities, from the store's state, VM and summary sections) at the clock.
 */
import { useMemo } from 'react'
import type { MetricSample } from '../bridge/types'
import { CVM_UP, DISK_ONLINE, HOST_UP, POWER_ON } from '../bridge/types'
import { useSim } from '../store/simStore'

export function useSamplesToNow(): readonly MetricSample[] {
  const metrics = useSim((s) => s.metrics)
  const structure = useSim((s) => s.structure)
  const state = useSim((s) => s.state)
  const vms = useSim((s) => s.vms)
  const summary = useSim((s) => s.summary)
  const clock = useSim((s) => Math.floor(s.time / 5) * 5)
  return useMemo(() => {
    const last = metrics[metrics.length - 1]
    if (!last || !structure || !state || !vms || !summary || clock <= last.time) return metrics
    if (state.hostState.length !== structure.nodes.length || state.diskMode.length !== structure.disks.length) return metrics
    const serving = (n: number) => state.hostState[n] === HOST_UP && state.cvmState[n] === CVM_UP
    let hostsUp = 0
    let cvmsUp = 0
    let disksOnline = 0
    let vmsOn = 0
    for (let n = 0; n < structure.nodes.length; n++) {
      if (state.hostState[n] === HOST_UP) hostsUp++
      if (serving(n)) cvmsUp++
    }
    structure.disks.forEach((d, i) => {
      if (state.diskMode[i] === DISK_ONLINE && serving(d.node)) disksOnline++
    })
    for (let v = 0; v < vms.power.length; v++) if (vms.power[v] === POWER_ON) vmsOn++
    const now: MetricSample = {
      ...last,
      time: clock,
      usedBytes: summary.storage.usedBytes,
      totalBytes: summary.storage.totalBytes,
      resilientBytes: summary.storage.resilientCapacityBytes,
      hostsUp,
      cvmsUp,
      disksOnline,
      vmsOn,
      unresolvedAlerts: summary.unresolvedAlerts,
    }
    return [...metrics, now]
  }, [metrics, structure, state, vms, summary, clock])
}
