/**
 * Storage Summary (Home and Storage): physical usage bar, the gray resilient-capacity
 * line at resilient ÷ total, the warning threshold, a gear to set it, "View Details".
 */
import { scaleLinear } from 'd3'
import { useState } from 'react'
import { Widget } from '../common/Widget'
import { formatBytes, formatPct } from '../format'
import { useSim } from '../store/simStore'
import { StorageDetailsDialog } from './StorageDetailsDialog'
import { ThresholdDialog } from './ThresholdDialog'

const STATE_STYLE = {
  ok: { bar: 'bg-sky-500', text: 'text-emerald-700', word: 'OK' },
  warning: { bar: 'bg-amber-400', text: 'text-amber-700', word: 'Warning: usage is above the resilient capacity threshold' },
  critical: { bar: 'bg-red-500', text: 'text-red-700', word: 'Critical: usage exceeds resilient capacity; the cluster may not self-heal after a failure' },
} as const

export function StorageSummary() {
  const storage = useSim((s) => s.summary?.storage)
  const [details, setDetails] = useState(false)
  const [gear, setGear] = useState(false)
  if (!storage) return null
  const x = scaleLinear().domain([0, Math.max(1, storage.totalBytes)]).range([0, 100]).clamp(true)
  const usedPct = x(storage.usedBytes)
  const resilientPct = x(storage.resilientCapacityBytes)
  const thresholdPct = x((storage.resilientCapacityBytes * storage.warnThresholdPct) / 100)
  const style = STATE_STYLE[storage.state]
  return (
    <Widget
      title="Storage Summary"
      testId="storage-summary"
      actions={
        <button type="button" className="rounded px-1 text-slate-500 hover:bg-slate-100" aria-label="Storage summary threshold settings" onClick={() => setGear(true)}>
          ⚙
        </button>
      }
    >
      <div data-state={storage.state} data-testid="storage-state" className="flex flex-col gap-2">
        <div className="flex items-baseline justify-between">
          <span className="text-2xl font-light text-slate-800">{formatBytes(storage.usedBytes)}</span>
          <span className="text-xs text-slate-500">of {formatBytes(storage.totalBytes)} physical</span>
        </div>
        <div className="relative h-5 w-full rounded-sm bg-slate-200" data-testid="storage-track" aria-label={`Physical usage ${formatPct(storage.usedBytes / Math.max(1, storage.totalBytes))}`} role="img">
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
          <dt>Resilient capacity</dt>
          <dd className="text-right font-medium text-slate-800">{formatBytes(storage.resilientCapacityBytes)}</dd>
          <dt>Warning threshold</dt>
          <dd className="text-right">{storage.warnThresholdPct}% of resilient</dd>
          <dt>Free (physical)</dt>
          <dd className="text-right">{formatBytes(storage.totalBytes - storage.usedBytes)}</dd>
        </dl>
        <p className={`text-xs font-medium ${style.text}`}>{style.word}</p>
        <button type="button" className="self-start text-xs font-medium text-sky-700 hover:underline" onClick={() => setDetails(true)}>
          View Details
        </button>
      </div>
      {details && <StorageDetailsDialog onClose={() => setDetails(false)} />}
      {gear && <ThresholdDialog onClose={() => setGear(false)} />}
    </Widget>
  )
}
