/**
 * A time-series chart: d3 computes scales and paths, React renders the SVG. Vertical
 * annotations mark failures and recoveries on the simulated time axis.
 *
 * Drawn at the element's real pixel width (no viewBox scaling), so labels are 11 px at any
 * width; the time axis spans the run from `from` (default T0) to the simulated clock, with
 * round clock ticks (timeTicks.ts), and the value ticks never repeat a label.
 */
import { curveLinear, curveStepAfter, line, max, scaleLinear } from 'd3'
import { useMemo, useState } from 'react'
import { formatClock } from '../format'
import { useElementWidth } from '../hardware/useElementWidth'
import { useSim } from '../store/simStore'
import { distinctTicks, tickLabel, tickStep, timeTicks } from './timeTicks'

const FONT = 11

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
  /** start of the time axis (simulated s); default T0 */
  from?: number
  /** draw each value held until the next sample (figures that change at events: counts, controller I/O) */
  step?: boolean
  /** the figures now, per series, for the legend (default: the last sample's) */
  current?: ReadonlyArray<number | null>
  /** the unit the value ticks are round in, from the largest value (bytes: 1 TiB, not 10^12) */
  yUnit?: (top: number) => number
  /** end of the time axis when the data ends before the clock (a finished X-Ray test); default the clock */
  to?: number
}) {
  const [box, setBox] = useState<HTMLElement | null>(null)
  const width = Math.max(240, useElementWidth(box))
  const height = props.height ?? 200
  const m = { top: 10, right: 14, bottom: 22, left: 72 }
  const { data, series } = props
  // the clock, in 5 s steps (a re-render per sample, not per frame)
  const clock = useSim((s) => Math.floor(s.time / 5) * 5)
  const now = props.to ?? clock
  const from = props.from ?? 0
  const yUnit = props.yUnit
  const chart = useMemo(() => {
    const t1 = Math.max(data.length ? data[data.length - 1].time : 0, now, from + 60)
    const x = scaleLinear().domain([from, t1]).range([m.left, width - m.right])
    const top = max(series.flatMap((s) => data.map((d) => s.value(d)))) ?? 1
    // ticks are round in the chart's unit: the scale runs in units and maps back to values
    const unit = yUnit && top > 0 ? yUnit(top) : 1
    const yu = scaleLinear().domain([0, top > 0 ? (top / unit) * 1.05 : 1]).nice().range([height - m.bottom, m.top])
    const y = Object.assign((v: number) => yu(v / unit), { ticks: (n: number) => yu.ticks(n).map((t) => t * unit) })
    // the model samples every 300 s and on every change, so the last sample holds until the clock
    const drawn: readonly T[] = data.length > 0 && now > data[data.length - 1].time ? [...data, { ...data[data.length - 1], time: now }] : data
    const paths = series.map((s) => ({
      s,
      d: line<T>().curve(props.step ? curveStepAfter : curveLinear).x((d) => x(d.time)).y((d) => y(s.value(d)))(drawn as T[]) ?? '',
    }))
    const xt = timeTicks(from, t1, Math.max(2, Math.floor((width - m.left - m.right) / 80)))
    const yt = distinctTicks((n) => y.ticks(n), props.format, 4)
    return { x, y, paths, xt, yt }
  }, [data, series, height, width, now, from, props.format, props.step, yUnit, m.left, m.right, m.bottom, m.top])
  const { x, y, paths, xt, yt } = chart
  const last = data[data.length - 1]
  const step = tickStep(xt)
  return (
    <figure ref={setBox} className="flex min-w-0 flex-col gap-1" data-testid={props.testId}>
      <svg width={width} height={height} className="block" role="img" aria-label={props.label}>
        {yt.map((t) => (
          <g key={t}>
            <line x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={m.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={FONT} fill="#475569">
              {props.format(t)}
            </text>
          </g>
        ))}
        {xt.map((t) => (
          // the last label ends at the plot's right edge, so it is never cut
          <text key={t} x={x(t)} y={height - 5} textAnchor={x(t) > width - m.right - 24 ? 'end' : 'middle'} fontSize={FONT} fill="#475569">
            {tickLabel(t, step, x.domain()[1])}
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
        {last &&
          series.map((s) => <circle key={s.label} cx={x(Math.max(last.time, now))} cy={y(s.value(last))} r={3} fill={s.color} />)}
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-xs text-slate-600">
        {series.map((s, i) => (
          <span key={s.label} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block w-4" style={s.dashed ? { borderTop: `2px dashed ${s.color}` } : { height: 2, background: s.color }} />
            {s.label}
            {props.current?.[i] != null ? `: ${props.format(props.current[i]!)}` : last ? `: ${props.format(s.value(last))}` : ''}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
