/** Data Resiliency Status: status, failure domain, failures tolerable, rebuild progress; opens the detail dialog. */
import { useState } from 'react'
import { Widget } from '../common/Widget'
import { formatBytes } from '../format'
import { RebuildProgress } from '../resiliency/RebuildProgress'
import { useSim } from '../store/simStore'
import { ResiliencyDialog } from './ResiliencyDialog'

const STATUS_STYLE = {
  OK: 'text-emerald-600',
  Warning: 'text-amber-600',
  Critical: 'text-red-600',
  Computing: 'text-slate-500',
} as const

export const DOMAIN_LABEL = { node: 'Node', block: 'Block', rack: 'Rack' } as const

export function DataResiliency() {
  const summary = useSim((s) => s.summary)
  const structure = useSim((s) => s.structure)
  const [open, setOpen] = useState(false)
  if (!summary || !structure) return null
  // the domain the status judges: the awareness in force, or the desired one with opt-in fault tolerance (DOMAIN.md §12)
  const domain = summary.judgedDomain
  const optIn = summary.awarenessMode === 'opt-in'
  const row = summary.faultTolerance.find((r) => r.domainType === { node: 'NODE', block: 'RACKABLE_UNIT', rack: 'RACK' }[domain])
  return (
    <Widget title="Data Resiliency Status">
      <button type="button" onClick={() => setOpen(true)} className="flex w-full flex-col items-center gap-1 rounded p-2 text-center hover:bg-slate-50" aria-label={`Data resiliency ${summary.status}: open details`}>
        <span data-testid="resiliency-status" className={`text-3xl font-light ${STATUS_STYLE[summary.status]}`}>
          {summary.status}
        </span>
        <span className="text-xs text-slate-600">
          Failure domain <strong data-testid="resiliency-domain">{DOMAIN_LABEL[domain]}</strong>
          {structure.awareness.desired !== domain && <> (desired {DOMAIN_LABEL[structure.awareness.desired]})</>}
          {optIn && <> · opt-in</>}
        </span>
        <span className="text-xs text-slate-600">
          Failures tolerable <strong data-testid="resiliency-tolerable">{row?.failuresTolerable ?? 0}</strong> of FT{structure.ftLevel}
        </span>
      </button>
      {summary.statusReason && summary.status !== 'Computing' && (
        <p data-testid="resiliency-reason" className={`mt-1 text-xs ${summary.status === 'Critical' ? 'text-red-700' : 'text-amber-700'}`}>
          {/* the headline only (the components that fall short are listed in the dialog) */}
          {reasonHeadline(summary.statusReason)}
        </p>
      )}
      <div className="mt-2 border-t border-slate-100 pt-2 text-xs" data-testid="rebuild-progress">
        <RebuildProgress />
        {summary.unavailableBytes > 0 && (
          <p role="alert" data-testid="data-unavailable" className="mt-1 font-semibold text-orange-700">
            Data unavailable: {formatBytes(summary.unavailableBytes)} has no online copy (offline, not lost)
          </p>
        )}
        {summary.corruptFoundCopies > 0 && (
          <p data-testid="corrupt-data" className="mt-1 font-semibold text-amber-700">
            Corrupt data: {formatBytes(summary.corruptFoundCopies * structure.unitBytes)} failed checksum validation, being replaced from good replicas
          </p>
        )}
        {summary.lostBytes > 0 && (
          <p role="alert" data-testid="data-loss" className="mt-1 font-semibold text-red-700">
            Data loss: {formatBytes(summary.lostBytes)} has no copy left anywhere
          </p>
        )}
      </div>
      {open && <ResiliencyDialog onClose={() => setOpen(false)} />}
    </Widget>
  )
}

/** The reason's first clause: the component details after " — " are the dialog's. */
export function reasonHeadline(reason: string): string {
  const i = reason.indexOf(' — ')
  return i < 0 ? reason : `${reason.slice(0, i)} (open the details for the components that fall short)`
}
