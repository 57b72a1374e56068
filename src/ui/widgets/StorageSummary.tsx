/**
 * Storage Summary (Home and Storage): physical usage bar, the gray resilient-capacity
 * line at resilient ÷ total, the warning threshold, a gear to set it, "View Details".
 * The state (ok / warning / critical) and every figure come from the model.
 */
import { scaleLinear } from 'd3'
import { useState } from 'react'
import { Widget } from '../common/Widget'
import { formatBytes, formatPct } from '../format'
import { STORAGE_STATE_STYLE, storageStateText } from '../storage/storageState'
import { useSim } from '../store/simStore'

const DOMAIN_TYPE = { node: 'NODE', block: 'RACKABLE_UNIT', rack: 'RACK' } as const
import { StorageDetailsDialog } from './StorageDetailsDialog'
import { ThresholdDialog } from './ThresholdDialog'

export function StorageSummary() {
  const storage = useSim((s) => s.summary?.storage)
  const unavailableBytes = useSim((s) => s.summary?.unavailableBytes ?? 0)
  const rebuilding = useSim((s) => s.summary?.rebuild.active ?? false)
  const tolerable = useSim((s) => s.summary?.faultTolerance.find((r) => r.domainType === DOMAIN_TYPE[s.summary!.storage.domain])?.failuresTolerable ?? 0)
  const [details, setDetails] = useState(false)
  const [gear, setGear] = useState(false)
  if (!storage) return null
  const x = scaleLinear().domain([0, Math.max(1, storage.totalBytes)]).range([0, 100]).clamp(true)
  const usedPct = x(storage.usedBytes)
  const resilientPct = x(storage.resilientCapacityBytes)
  const thresholdPct = x((storage.resilientCapacityBytes * storage.warnThresholdPct) / 100)
  const style = STORAGE_STATE_STYLE[storage.state]
  return (
    <Widget
      title="Storage Summary"
      testId="storage-summary"
      actions={
        <button type="button" className="rounded px-1 text-slate-500 hover:bg-slate-100" aria-label="Storage summary threshold settings" title="Resilient capacity threshold" onClick={() => setGear(true)}>
          ⚙
        </button>
      }
    >
      <div data-state={storage.state} data-testid="storage-state" className="flex flex-col gap-2">
        <div className="flex items-baseline justify-between gap-2">
          <span className="text-2xl font-light text-slate-800" data-testid="storage-used">{formatBytes(storage.usedBytes)}</span>
          <span className="text-xs text-slate-500">used of {formatBytes(storage.totalBytes)} physical</span>
          <span className={`ml-auto rounded px-1.5 py-0.5 text-[11px] font-semibold ${style.badge}`} data-testid="storage-state-badge">{style.word}</span>
        </div>
        <div
          className="relative h-5 w-full rounded-sm bg-slate-200"
          data-testid="storage-track"
          role="img"
          aria-label={`Physical usage ${formatPct(storage.usedBytes / Math.max(1, storage.totalBytes))}; resilient capacity at ${formatPct(resilientPct / 100)} of the bar`}
        >
          <div data-testid="storage-used-bar" className={`absolute inset-y-0 left-0 rounded-l-sm ${style.bar}`} style={{ width: `${usedPct}%` }} />
          <div
            data-testid="warning-threshold-line"
            className="absolute -inset-y-1 w-px border-l border-dashed border-amber-600"
            style={{ left: `${thresholdPct}%` }}
            title={`Warning threshold: ${storage.warnThresholdPct}% of resilient capacity`}
          />
          <div
            data-testid="resilient-capacity-line"
            className="absolute -inset-y-1.5 w-[3px] -translate-x-1/2 bg-slate-500"
            style={{ left: `${resilientPct}%` }}
            title={`Resilient capacity: ${formatBytes(storage.resilientCapacityBytes)}`}
          />
        </div>
        <dl className="grid grid-cols-2 gap-x-3 text-xs text-slate-600">
          <dt className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-[3px] bg-slate-500" />
            Resilient capacity
          </dt>
          <dd className="text-right font-medium text-slate-800" data-testid="resilient-capacity">{formatBytes(storage.resilientCapacityBytes)}</dd>
          <dt>Tolerates now</dt>
          <dd className="text-right" data-testid="storage-tolerates">
            {Math.min(tolerable, storage.failures)} of {storage.failures} {storage.domain} failure{storage.failures === 1 ? '' : 's'} (FT{storage.failures})
          </dd>
          <dt>Warning threshold</dt>
          <dd className="text-right">{storage.warnThresholdPct}% of resilient</dd>
          <dt>Free (physical)</dt>
          <dd className="text-right">{formatBytes(storage.totalBytes - storage.usedBytes)}</dd>
        </dl>
        <p className={`text-xs font-medium ${style.text}`} data-testid="storage-state-text">
          {storageStateText(storage.state, storage.warnThresholdPct, storage.domain, { unavailableBytes, rebuilding, tolerable })}
        </p>
        <button type="button" className="self-start text-xs font-medium text-sky-700 hover:underline" onClick={() => setDetails(true)}>
          View Details
        </button>
      </div>
      {details && <StorageDetailsDialog onClose={() => setDetails(false)} />}
      {gear && <ThresholdDialog onClose={() => setGear(false)} />}
    </Widget>
  )
}
