/** VM summary by power state (Prism's VM Overview "VM Summary"). */
import { useMemo } from 'react'
import { Widget } from '../common/Widget'
import { POWER_STATES, POWER_WORD, type PowerState, type VmRow } from './vmRows'

const COLOR: Record<PowerState, string> = { on: 'bg-emerald-500', off: 'bg-slate-400', restarting: 'bg-amber-400' }

export function VmSummaryWidget(props: { rows: readonly VmRow[] }) {
  const counts = useMemo(() => {
    const c: Record<PowerState, number> = { on: 0, off: 0, restarting: 0 }
    for (const r of props.rows) c[r.power]++
    return c
  }, [props.rows])
  const total = props.rows.length
  return (
    <Widget title="VM Summary" testId="vm-summary">
      <div className="flex items-baseline gap-2">
        <span className="text-3xl font-light tabular-nums text-slate-900" data-testid="vm-total">{total}</span>
        <span className="text-sm text-slate-500">VMs</span>
      </div>
      <div className="mt-3 flex h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        {POWER_STATES.map((p) => (total > 0 && counts[p] > 0 ? <div key={p} className={COLOR[p]} style={{ width: `${(counts[p] / total) * 100}%` }} /> : null))}
      </div>
      <dl className="mt-3 grid grid-cols-3 gap-2">
        {POWER_STATES.map((p) => (
          <div key={p} className="flex flex-col" data-testid={`vm-count-${p}`}>
            <dt className="flex items-center gap-1.5 text-xs text-slate-500">
              <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${COLOR[p]}`} />
              {POWER_WORD[p]}
            </dt>
            <dd className="text-xl tabular-nums text-slate-900">{counts[p]}</dd>
          </div>
        ))}
      </dl>
    </Widget>
  )
}
