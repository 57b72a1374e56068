/** One X-Ray result: its series as a chart (TimeSeriesChart: d3 scales, React SVG), AnyFail, or why it is empty. */
import { useMemo } from 'react'
import type { XrayAnnotation, XrayReportResult } from '../../model/xray/types'
import { TimeSeriesChart, type Annotation, type Series } from '../common/TimeSeriesChart'

interface Point { time: number; v: number }

const fmt = (unit: string) => (v: number) => {
  if (unit === 'B/s') return v >= 1e9 ? `${(v / 1e9).toFixed(1)} GB/s` : `${(v / 1e6).toFixed(1)} MB/s`
  if (unit === 'ms') return `${v.toFixed(2)} ms`
  return `${Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : fmt1(v)} ${unit}`
}

/** Whole numbers without decimals (10 VMs, not 10.0 VMs); fractions with one. */
const fmt1 = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1))

export function XrayResultChart(props: { result: XrayReportResult; annotations: readonly XrayAnnotation[]; end?: number }) {
  const r = props.result
  const data = useMemo<Point[]>(() => r.series.map(([time, v]) => ({ time, v })), [r.series])
  const series = useMemo<Series<Point>[]>(() => [{ label: r.vmGroup ? `${r.vmGroup} (${r.unit})` : r.unit, color: '#0284c7', value: (d) => d.v }], [r.vmGroup, r.unit])
  const marks = useMemo<Annotation[]>(() => props.annotations.map((a) => ({ time: a.time, label: a.text, color: /power|shut|ready|fail/i.test(a.text) ? '#dc2626' : '#94a3b8' })), [props.annotations])
  return (
    <div className="flex flex-col gap-1">
      {r.anyFail !== null && (
        <p className={`text-xs font-semibold ${r.anyFail ? 'text-red-700' : 'text-emerald-700'}`} data-testid="xray-anyfail">
          AnyFail: {r.anyFail ? 'failed' : 'passed'}
        </p>
      )}
      {!r.simulated ? (
        <p className="text-sm text-slate-500">Not simulated: the model has no such cluster metric.</p>
      ) : data.length === 0 ? (
        <p className="text-sm text-slate-500">No points yet.</p>
      ) : (
        <TimeSeriesChart label={r.name} data={data} series={series} annotations={marks} format={fmt(r.unit)} height={170} to={props.end} testId="xray-chart" />
      )}
    </div>
  )
}
