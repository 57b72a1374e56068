/**
 * A time-series chart: d3 computes scales and paths, React renders the SVG. Vertical
 * annotations mark failures and recoveries on the simulated time axis.
 */
import { extent, line, max, scaleLinear } from 'd3'
import { useMemo } from 'react'
import { formatClock } from '../format'

export interface Series<T> {
  label: string
  color: string
  value: (d: T) => number
  dashed?: boolean
}

export interface Annotation {
  time: number
  label: string
  color: string
}

export function TimeSeriesChart<T extends { time: number }>(props: {
  label: string
  data: readonly T[]
  series: Series<T>[]
  annotations?: Annotation[]
  format: (v: number) => string
  height?: number
  testId?: string
}) {
  const width = 640
  const height = props.height ?? 200
  const m = { top: 10, right: 12, bottom: 24, left: 64 }
  const { data, series } = props
  const chart = useMemo(() => {
    const [t0, t1] = extent(data, (d) => d.time) as [number | undefined, number | undefined]
    const x = scaleLinear().domain([t0 ?? 0, Math.max((t1 ?? 0), (t0 ?? 0) + 60)]).range([m.left, width - m.right])
    const top = max(series.flatMap((s) => data.map((d) => s.value(d)))) ?? 1
    const y = scaleLinear().domain([0, top > 0 ? top * 1.05 : 1]).nice().range([height - m.bottom, m.top])
    const paths = series.map((s) => ({
      s,
      d: line<T>().x((d) => x(d.time)).y((d) => y(s.value(d)))(data as T[]) ?? '',
    }))
    return { x, y, paths }
  }, [data, series, height, m.left, m.right, m.bottom, m.top])
  const { x, y, paths } = chart
  const last = data[data.length - 1]
  return (
    <figure className="flex flex-col gap-1" data-testid={props.testId}>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={props.label}>
        {y.ticks(4).map((t) => (
          <g key={t}>
            <line x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={m.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="10" fill="#64748b">
              {props.format(t)}
            </text>
          </g>
        ))}
        {x.ticks(5).map((t) => (
          <text key={t} x={x(t)} y={height - 6} textAnchor="middle" fontSize="10" fill="#64748b">
            {formatClock(t)}
          </text>
        ))}
        {(props.annotations ?? []).filter((a) => a.time >= x.domain()[0] && a.time <= x.domain()[1]).map((a, i) => (
          <g key={`${a.time}-${i}`}>
            <line x1={x(a.time)} x2={x(a.time)} y1={m.top} y2={height - m.bottom} stroke={a.color} strokeDasharray="3 3" />
            <title>{`${formatClock(a.time)} ${a.label}`}</title>
          </g>
        ))}
        {paths.map(({ s, d }) => (
          <path key={s.label} d={d} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '5 4' : undefined} />
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-xs text-slate-600">
        {series.map((s) => (
          <span key={s.label} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-0.5 w-4" style={{ background: s.color }} />
            {s.label}
            {last ? `: ${props.format(s.value(last))}` : ''}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
