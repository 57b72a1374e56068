import { useMemo } from 'react'
import { navigate } from '../app/routes'
import { Widget } from '../common/Widget'
import { useSim } from '../store/simStore'

const STYLE = { critical: 'text-red-600', warning: 'text-amber-600', info: 'text-sky-600' } as const

export function AlertsSummary() {
  const alerts = useSim((s) => s.alerts)
  const counts = useMemo(() => {
    const c = { critical: 0, warning: 0, info: 0 }
    for (const a of alerts) if (a.resolvedTime === null) c[a.severity]++
    return c
  }, [alerts])
  return (
    <Widget title="Alerts">
      <button type="button" className="grid w-full grid-cols-3 gap-2 rounded p-1 text-center hover:bg-slate-50" onClick={() => navigate('alerts')} aria-label="Open Alerts">
        {(['critical', 'warning', 'info'] as const).map((s) => (
          <span key={s}>
            <span className={`block text-2xl font-light ${counts[s] ? STYLE[s] : 'text-slate-400'}`} data-testid={`alerts-${s}`}>{counts[s]}</span>
            <span className="text-xs capitalize text-slate-500">{s}</span>
          </span>
        ))}
      </button>
    </Widget>
  )
}
