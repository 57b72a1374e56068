/** Unresolved alerts per severity, as Prism shows them above the alert list. */
import { useMemo } from 'react'
import type { Severity } from '../bridge/types'
import { useSim } from '../store/simStore'
import { SeverityBadge } from './SeverityBadge'

const ORDER: Severity[] = ['critical', 'warning', 'info']

export function AlertCounts() {
  const alerts = useSim((s) => s.alerts)
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { critical: 0, warning: 0, info: 0 }
    for (const a of alerts) if (a.resolvedTime === null) c[a.severity]++
    return c
  }, [alerts])
  return (
    <ul aria-label="Unresolved alerts by severity" className="flex flex-wrap items-center gap-4 text-sm">
      {ORDER.map((s) => (
        <li key={s} className="flex items-center gap-2" data-testid={`unresolved-${s}`}>
          <SeverityBadge severity={s} />
          <span className="text-lg font-semibold tabular-nums text-slate-800">{counts[s]}</span>
          <span className="text-xs text-slate-500">unresolved</span>
        </li>
      ))}
    </ul>
  )
}
