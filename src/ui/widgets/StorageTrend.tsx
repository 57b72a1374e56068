/**
 * Used versus resilient capacity and total over simulated time (the model's metric
 * samples), with failures, restorations, rebuilds and data writes marked.
 */
import { TimeSeriesChart, type Series } from '../common/TimeSeriesChart'
import { formatBytes, formatClock } from '../format'
import type { MetricSample } from '../bridge/types'
import { ANNOTATION_COLORS, useFaultAnnotations } from './useFaultAnnotations'
import { useSamplesToNow } from './useSamplesToNow'

const SERIES: Series<MetricSample>[] = [
  { label: 'Used', color: '#0ea5e9', value: (d) => d.usedBytes },
  { label: 'Resilient capacity', color: '#64748b', value: (d) => d.resilientBytes, dashed: true },
  { label: 'Total', color: '#0f172a', value: (d) => d.totalBytes },
]

/** Byte ticks round in the largest binary unit that fits (TiB for a cluster): 100 TiB, 200 TiB… */
export function byteUnit(top: number): number {
  let unit = 1
  while (top / (unit * 1024) >= 1) unit *= 1024
  return unit
}

const KEY = [
  { label: 'failure', color: ANNOTATION_COLORS.failure },
  { label: 'restore', color: ANNOTATION_COLORS.restore },
  { label: 'rebuild', color: ANNOTATION_COLORS.rebuild },
  { label: 'data written', color: ANNOTATION_COLORS.data },
]

export function StorageTrend(props: { height?: number } = {}) {
  const metrics = useSamplesToNow()
  const annotations = useFaultAnnotations()
  const recent = annotations.slice(-5).reverse()
  return (
    <div className="flex flex-col gap-2">
      <TimeSeriesChart label="Storage used, resilient capacity and total over time" data={metrics} series={SERIES} annotations={annotations} format={(v) => formatBytes(v, 0)} yUnit={byteUnit} step height={props.height} testId="storage-trend" />
      <div className="flex flex-wrap gap-3 text-[11px] text-slate-500" aria-label="Chart marks">
        {KEY.map((k) => (
          <span key={k.label} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-0 border-l-2 border-dashed" style={{ borderColor: k.color }} />
            {k.label}
          </span>
        ))}
      </div>
      {recent.length > 0 && (
        <ul className="flex flex-col gap-0.5 text-[11px] text-slate-600" aria-label="Recent marks" data-testid="storage-trend-marks">
          {recent.map((a, i) => (
            <li key={`${a.time}-${i}`} className="flex gap-2">
              <span className="tabular-nums text-slate-500">{formatClock(a.time)}</span>
              <span aria-hidden="true" className="mt-1 inline-block h-2 w-2 shrink-0 rounded-full" style={{ background: a.color }} />
              <span className="truncate">{a.label}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
