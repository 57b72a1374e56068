/** The running VMs with the most memory; a name opens it in the VM table. */
import { useMemo } from 'react'
import { Widget } from '../common/Widget'
import { formatBytes } from '../format'
import type { VmRow } from './vmRows'

const TOP = 10

export function TopVmsWidget(props: { rows: readonly VmRow[]; onOpen: (id: string) => void }) {
  const top = useMemo(() => {
    const out: VmRow[] = []
    for (const r of props.rows) {
      if (r.power === 'off') continue
      if (out.length === TOP && r.memoryBytes <= out[TOP - 1].memoryBytes) continue
      let i = out.length
      while (i > 0 && out[i - 1].memoryBytes < r.memoryBytes) i--
      out.splice(i, 0, r)
      if (out.length > TOP) out.pop()
    }
    return out
  }, [props.rows])
  const max = top.length > 0 ? top[0].memoryBytes : 1
  return (
    <Widget title="Top VMs by Memory" testId="top-vms-memory">
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
                <div className="h-full bg-sky-600" style={{ width: `${(r.memoryBytes / max) * 100}%` }} />
              </div>
              <span className="tabular-nums text-slate-700">{formatBytes(r.memoryBytes)}</span>
            </li>
          ))}
        </ol>
      )}
    </Widget>
  )
}
