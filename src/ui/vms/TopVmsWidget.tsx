/** The running VMs with the most memory, or the busiest CPUs; a name opens it in the VM table. */
import { useMemo } from 'react'
import { Widget } from '../common/Widget'
import { formatBytes } from '../format'
import type { VmRow } from './vmRows'

const TOP = 10

const METRICS = {
  memory: { title: 'Top VMs by Memory', testId: 'top-vms-memory', value: (r: VmRow) => r.memoryBytes, text: (r: VmRow) => formatBytes(r.memoryBytes) },
  cpu: { title: 'Top VMs by CPU Usage', testId: 'top-vms-cpu', value: (r: VmRow) => r.cpuPct, text: (r: VmRow) => `${r.cpuPct.toFixed(1)} %` },
} as const

export function TopVmsWidget(props: { rows: readonly VmRow[]; onOpen: (id: string) => void; by?: keyof typeof METRICS }) {
  const m = METRICS[props.by ?? 'memory']
  const top = useMemo(() => {
    const out: VmRow[] = []
    for (const r of props.rows) {
      if (r.power === 'off') continue
      if (out.length === TOP && m.value(r) <= m.value(out[TOP - 1])) continue
      let i = out.length
      while (i > 0 && m.value(out[i - 1]) < m.value(r)) i--
      out.splice(i, 0, r)
      if (out.length > TOP) out.pop()
    }
    return out
  }, [props.rows, m])
  // CPU bars are on the 0–100 % scale; memory bars relative to the largest
  const max = props.by === 'cpu' ? 100 : top.length > 0 ? m.value(top[0]) : 1
  return (
    <Widget title={m.title} testId={m.testId}>
      {top.length === 0 ? (
        <p className="text-sm text-slate-500">No VM is running.</p>
      ) : (
        <ol className="flex flex-col gap-1.5">
          {top.map((r) => (
            <li key={r.id} className="grid grid-cols-[minmax(0,10rem)_minmax(0,1fr)_auto] items-center gap-2 text-[13px]">
              <button type="button" className="truncate text-left text-sky-700 hover:underline" onClick={() => props.onOpen(r.id)}>
                {r.name}
              </button>
              <div className="h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                <div className="h-full bg-sky-600" style={{ width: `${max > 0 ? (m.value(r) / max) * 100 : 0}%` }} />
              </div>
              <span className="tabular-nums text-slate-700">{m.text(r)}</span>
            </li>
          ))}
        </ol>
      )}
    </Widget>
  )
}
