/** Data Resiliency Status: status, failure domain, failures tolerable, rebuild progress; opens the detail dialog. */
import { useState } from 'react'
import { Widget } from '../common/Widget'
import { formatBytes, formatDuration } from '../format'
import { useSim } from '../store/simStore'
import { ResiliencyDialog } from './ResiliencyDialog'

const STATUS_STYLE = {
  OK: 'text-emerald-600',
  Warning: 'text-amber-600',
  Critical: 'text-red-600',
  Computing: 'text-slate-500',
} as const

export const DOMAIN_LABEL = { node: 'Node', block: 'Block', rack: 'Rack' } as const
export const DOMAIN_TYPE_LABEL = { DISK: 'Disk', NODE: 'Node', RACKABLE_UNIT: 'Block', RACK: 'Rack' } as const

export function DataResiliency() {
  const summary = useSim((s) => s.summary)
  const structure = useSim((s) => s.structure)
  const [open, setOpen] = useState(false)
  if (!summary || !structure) return null
  const domain = structure.awareness.effective
  const row = summary.faultTolerance.find((r) => r.domainType === { node: 'NODE', block: 'RACKABLE_UNIT', rack: 'RACK' }[domain])
  const { rebuild } = summary
  return (
    <Widget title="Data Resiliency Status">
      <button type="button" onClick={() => setOpen(true)} className="flex w-full flex-col items-center gap-1 rounded p-2 text-center hover:bg-slate-50" aria-label={`Data resiliency ${summary.status}: open details`}>
        <span data-testid="resiliency-status" className={`text-3xl font-light ${STATUS_STYLE[summary.status]}`}>
          {summary.status}
        </span>
        <span className="text-xs text-slate-600">
          Failure domain <strong data-testid="resiliency-domain">{DOMAIN_LABEL[domain]}</strong>
          {structure.awareness.desired !== domain && <> (desired {DOMAIN_LABEL[structure.awareness.desired]})</>}
        </span>
        <span className="text-xs text-slate-600">
          Failures tolerable <strong data-testid="resiliency-tolerable">{row?.failuresTolerable ?? 0}</strong> of FT{structure.ftLevel}
        </span>
      </button>
      <div className="mt-2 border-t border-slate-100 pt-2 text-xs" data-testid="rebuild-progress">
        {rebuild.active ? (
          <>
            <div className="flex justify-between">
              <span className="font-medium text-sky-700">Rebuilding Data</span>
              <span>{Math.floor(rebuild.progress * 100)}%</span>
            </div>
            <div className="mt-1 h-1.5 rounded bg-slate-200" role="progressbar" aria-label="Rebuild progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.floor(rebuild.progress * 100)}>
              <div className="h-full rounded bg-sky-500" style={{ width: `${rebuild.progress * 100}%` }} />
            </div>
            <p className="mt-1 text-slate-500">
              {formatBytes(rebuild.bytesRemaining)} remaining{rebuild.etaSeconds !== null ? ` · ETA ${formatDuration(rebuild.etaSeconds)}` : ''}
            </p>
          </>
        ) : summary.underReplicatedBytes > 0 ? (
          <span className="text-amber-700">{formatBytes(summary.underReplicatedBytes)} under-replicated</span>
        ) : (
          <span className="text-slate-500">No rebuild in progress</span>
        )}
        {summary.lostBytes > 0 && (
          <p role="alert" data-testid="data-loss" className="mt-1 font-semibold text-red-700">
            {formatBytes(summary.lostBytes)} of data has no available copy
          </p>
        )}
      </div>
      {open && <ResiliencyDialog onClose={() => setOpen(false)} />}
    </Widget>
  )
}
