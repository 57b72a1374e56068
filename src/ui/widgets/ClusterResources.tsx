/** Cluster CPU usage (cpu.ts), memory (VM memory in use of host capacity for VMs) and vCPU provisioning. */
import { useMemo } from 'react'
import { Widget } from '../common/Widget'
import { formatBytes, formatPct } from '../format'
import { useSim } from '../store/simStore'

function Meter(props: { label: string; value: number; detail: string; testId?: string }) {
  const pct = Math.max(0, Math.min(1, props.value))
  return (
    <div className="flex flex-col gap-1" data-testid={props.testId}>
      <div className="flex justify-between text-xs">
        <span className="text-slate-600">{props.label}</span>
        <span className="font-medium">{formatPct(props.value)}</span>
      </div>
      <div className="h-2 rounded bg-slate-200" role="meter" aria-label={props.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct * 100)}>
        <div className={`h-full rounded ${pct > 0.9 ? 'bg-red-500' : pct > 0.75 ? 'bg-amber-400' : 'bg-sky-500'}`} style={{ width: `${pct * 100}%` }} />
      </div>
      <span className="text-[11px] text-slate-500">{props.detail}</span>
    </div>
  )
}

export function ClusterResources() {
  const ha = useSim((s) => s.summary?.ha)
  const cpuPct = useSim((s) => s.io?.clusterCpuPct ?? 0)
  const busiest = useSim((s) => {
    const pct = s.io?.nodeCpuPct ?? []
    let best = -1
    pct.forEach((p, i) => {
      if (best < 0 || p > pct[best]) best = i
    })
    return best < 0 || !s.structure ? null : `busiest host ${s.structure.nodes[best].id}: ${pct[best].toFixed(1)} %`
  })
  const structure = useSim((s) => s.structure)
  const vms = useSim((s) => s.vms)
  const hostState = useSim((s) => s.state?.hostState ?? null)
  // as the Hardware overview counts them: cores and memory of the hosts that are up
  const cpu = useMemo(() => {
    if (!structure || !vms) return { vcpus: 0, cores: 0, down: 0 }
    let vcpus = 0
    vms.power.forEach((p, i) => {
      if (p !== 1) vcpus += structure.vms[i].vcpus
    })
    const up = structure.nodes.filter((_, i) => hostState?.[i] !== 1)
    return { vcpus, cores: up.reduce((a, n) => a + n.cpuCores, 0), down: structure.nodes.length - up.length }
  }, [structure, vms, hostState])
  const mem = useMemo(() => {
    let cap = 0, run = 0
    for (const h of ha?.hosts ?? []) {
      if (h.state !== 'up') continue
      cap += h.capacityBytes
      run += h.runningBytes
    }
    return { cap, run }
  }, [ha])
  return (
    <Widget title="Cluster CPU and Memory">
      <div className="flex flex-col gap-3">
        <Meter label="Cluster CPU Usage" testId="cluster-cpu-usage" value={cpuPct / 100} detail={`Of the cores of the hosts that are up (VMs and CVMs)${busiest ? `; ${busiest}` : ''}`} />
        <Meter label="Memory used by VMs" value={mem.cap ? mem.run / mem.cap : 0} detail={`${formatBytes(mem.run)} of ${formatBytes(mem.cap)} available to VMs${cpu.down > 0 ? ' on the hosts that are up' : ''}`} />
        <div className="flex justify-between text-xs">
          <span className="text-slate-600">vCPUs provisioned</span>
          <span className="font-medium" data-testid="vcpu-ratio">
            {cpu.vcpus} vCPUs on {cpu.cores} cores{cpu.down > 0 ? ' up' : ''} ({cpu.cores ? (cpu.vcpus / cpu.cores).toFixed(2) : '0'} : 1)
          </span>
        </div>
      </div>
    </Widget>
  )
}
