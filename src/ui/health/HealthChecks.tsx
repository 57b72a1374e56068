/**
 * Health → Checks (Prism's right-hand panel): every check the model runs — one per alert type
 * it raises — with Passed or Failed now (Failed while an alert of that type is open).
 */
import { useMemo } from 'react'
import { typeTitle } from '../alerts/typeTitle'
import { Widget } from '../common/Widget'
import { useSim } from '../store/simStore'

/** The alert types the model raises (src/model: simulation, curator, growth, ha, hades, metadataService). */
export const CHECKS = [
  'HostDown', 'HostPartitioned', 'CvmDown', 'DiskOffline', 'DiskFailure', 'DiskMarkedOfflineRepeatedly', 'BlockDown', 'RackDown',
  'DataResiliencyCritical', 'DataUnavailable', 'DataLoss', 'RebuildBlocked', 'StorageFull', 'MetadataNodeRemoved', 'HaNotProtected', 'VmRestartFailed',
  'DiskCorruptData',
] as const

export function HealthChecks() {
  const alerts = useSim((s) => s.alerts)
  const failing = useMemo(() => {
    const m = new Map<string, number>()
    for (const a of alerts) if (a.resolvedTime === null) m.set(a.type, (m.get(a.type) ?? 0) + 1)
    return m
  }, [alerts])
  const failed = CHECKS.filter((c) => failing.has(c)).length
  return (
    <Widget title="Checks" testId="health-checks">
      <p className="mb-2 text-sm text-slate-700">
        <strong className="text-emerald-700">{CHECKS.length - failed} passed</strong>
        {' · '}
        <strong className={failed > 0 ? 'text-red-700' : 'text-slate-700'}>{failed} failed</strong>
      </p>
      <ul className="grid grid-cols-1 gap-x-4 gap-y-1 text-xs lg:grid-cols-2 xl:grid-cols-1">
        {CHECKS.map((c) => {
          const n = failing.get(c) ?? 0
          return (
            <li key={c} className="flex items-center justify-between gap-2 border-b border-slate-100 py-0.5" data-testid={`check-${c}`} data-state={n > 0 ? 'failed' : 'passed'}>
              <span className="text-slate-800">{typeTitle(c)}</span>
              <span className={n > 0 ? 'font-semibold text-red-700' : 'text-emerald-700'}>{n > 0 ? `Failed (${n})` : 'Passed'}</span>
            </li>
          )
        })}
      </ul>
    </Widget>
  )
}
