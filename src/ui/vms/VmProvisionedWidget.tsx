/** vCPUs and memory provisioned to VMs, what the powered-on ones hold, and HA reservations. */
import { useMemo } from 'react'
import { Widget } from '../common/Widget'
import { formatBytes } from '../format'
import { useSim } from '../store/simStore'
import type { VmRow } from './vmRows'

function Row(props: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex items-baseline justify-between border-b border-slate-100 py-1.5 last:border-0">
      <dt className="text-sm text-slate-600">{props.label}</dt>
      <dd className="text-sm font-semibold tabular-nums text-slate-900" data-testid={props.testId}>{props.value}</dd>
    </div>
  )
}

export function VmProvisionedWidget(props: { rows: readonly VmRow[] }) {
  const ha = useSim((s) => s.summary?.ha ?? null)
  const sums = useMemo(() => {
    let vcpus = 0
    let memory = 0
    let runVcpus = 0
    let runMemory = 0
    for (const r of props.rows) {
      vcpus += r.vcpus
      memory += r.memoryBytes
      if (r.power !== 'off') {
        runVcpus += r.vcpus
        runMemory += r.memoryBytes
      }
    }
    return { vcpus, memory, runVcpus, runMemory }
  }, [props.rows])
  const reserved = useMemo(() => (ha ? ha.hosts.reduce((s, h) => s + h.reservedBytes, 0) : 0), [ha])
  return (
    <Widget title="CPU and Memory" testId="vm-provisioned">
      <dl>
        <Row label="vCPUs provisioned" value={String(sums.vcpus)} testId="vcpus-provisioned" />
        <Row label="vCPUs of running VMs" value={String(sums.runVcpus)} />
        <Row label="Memory provisioned" value={formatBytes(sums.memory)} testId="memory-provisioned" />
        <Row label="Memory of running VMs" value={formatBytes(sums.runMemory)} />
        <Row label={`Memory reserved for HA${ha?.mode === 'guarantee' ? '' : ' (Guarantee mode off)'}`} value={formatBytes(reserved)} />
      </dl>
    </Widget>
  )
}
