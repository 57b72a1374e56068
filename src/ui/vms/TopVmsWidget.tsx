/** Prism's "Top VMs by …" widgets: the running VMs with the most memory, controller IOPS, latency or CPU usage; a name opens it in the VM table. */
import { useMemo } from 'react'
import { Widget } from '../common/Widget'
import { formatBytes } from '../format'
import { formatIops, formatLatency } from '../iopaths/ioFormat'
import type { VmRow } from './vmRows'

const TOP = 10

export type TopMetric = 'memory' | 'iops' | 'latency' | 'cpu'

const METRIC: Record<TopMetric, { title: string; testId: string; value: (r: VmRow) => number; format: (v: number) => string }> = {
  memory: { title: 'Top VMs by Memory', testId: 'top-vms-memory', value: (r) => r.memoryBytes, format: (v) => formatBytes(v) },
  iops: { title: 'Top VMs by Controller IOPS', testId: 'top-vms-iops', value: (r) => r.readIops + r.writeIops, format: formatIops },
  latency: { title: 'Top VMs by Controller IO Latency', testId: 'top-vms-latency', value: (r) => r.latencyMs, format: formatLatency },
  cpu: { title: 'Top VMs by CPU Usage', testId: 'top-vms-cpu', value: (r) => r.cpuPct, format: (v) => `${v.toFixed(1)} %` },
}

/** The `TOP` running VMs with the highest `value`, highest first (ties keep table order). */
export function topVms(rows: readonly VmRow[], value: (r: VmRow) => number): VmRow[] {
  const out: VmRow[] = []
  for (const r of rows) {
    if (r.power === 'off') continue
    const v = value(r)
    if (out.length === TOP && v <= value(out[TOP - 1])) continue
    let i = out.length
    while (i > 0 && value(out[i - 1]) < v) i--
    out.splice(i, 0, r)
    if (out.length > TOP) out.pop()
  }
  return out
}

export function TopVmsWidget(props: { rows: readonly VmRow[]; onOpen: (id: string) => void; metric?: TopMetric }) {
  const spec = METRIC[props.metric ?? 'memory']
  const top = useMemo(() => topVms(props.rows, spec.value), [props.rows, spec])
  // CPU bars on the 0–100 % scale; the others relative to the largest
  const max = props.metric === 'cpu' ? 100 : top.length > 0 ? Math.max(spec.value(top[0]), 1e-9) : 1
  return (
    <Widget title={spec.title} testId={spec.testId}>
      {top.length === 0 ? (
        <p className="text-sm text-slate-600">No VM is running.</p>
      ) : (
        <ol className="flex flex-col gap-1.5">
          {top.map((r) => (
            <li key={r.id} className="grid grid-cols-[minmax(0,10rem)_minmax(0,1fr)_auto] items-center gap-2 text-[13px]">
              <button type="button" className="truncate text-left text-sky-700 hover:underline" onClick={() => props.onOpen(r.id)}>
                {r.name}
              </button>
              <div className="h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                <div className="h-full bg-sky-600" style={{ width: `${(spec.value(r) / max) * 100}%` }} />
              </div>
              <span className="tabular-nums text-slate-700">{spec.format(spec.value(r))}</span>
            </li>
          ))}
        </ol>
      )}
    </Widget>
  )
}
