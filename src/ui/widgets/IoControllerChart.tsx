/**
 * Prism's Home "Cluster-wide Controller IOPS / IO B/W / Latency" widgets: the model's
 * samples over the last hours of simulated time (rolling), with the current figure.
 */
import { useMemo } from 'react'
import type { MetricSample } from '../bridge/types'
import { TimeSeriesChart, type Series } from '../common/TimeSeriesChart'
import { Widget } from '../common/Widget'
import { formatBandwidth, formatIops, formatLatency } from '../iopaths/ioFormat'
import { useSim } from '../store/simStore'
import { useFaultAnnotations } from './useFaultAnnotations'

/** how far back the rolling chart looks (simulated seconds) */
const WINDOW_SECONDS = 6 * 3600

type Kind = 'iops' | 'bandwidth' | 'latency'

const SPEC: Record<Kind, { title: string; testId: string; format: (v: number) => string; series: Series<MetricSample>[] }> = {
  iops: {
    title: 'Cluster-wide Controller IOPS',
    testId: 'io-iops-chart',
    format: formatIops,
    series: [
      { label: 'IOPS', color: '#0ea5e9', value: (d) => d.iops ?? 0 },
      { label: 'Read', color: '#16a34a', value: (d) => d.readIops ?? 0, dashed: true },
      { label: 'Write', color: '#7c3aed', value: (d) => d.writeIops ?? 0, dashed: true },
    ],
  },
  bandwidth: {
    title: 'Cluster-wide Controller IO B/W',
    testId: 'io-bandwidth-chart',
    format: formatBandwidth,
    series: [{ label: 'IO B/W', color: '#0891b2', value: (d) => d.bandwidthBps ?? 0 }],
  },
  latency: {
    title: 'Cluster-wide Controller Latency',
    testId: 'io-latency-chart',
    format: formatLatency,
    series: [{ label: 'Latency', color: '#d97706', value: (d) => d.latencyMs ?? 0 }],
  },
}

/** Index of the first sample at or after `from` (samples are in time order), or -1. */
export function windowStart(metrics: readonly MetricSample[], from: number): number {
  let lo = 0
  let hi = metrics.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (metrics[mid].time >= from) hi = mid
    else lo = mid + 1
  }
  return lo < metrics.length ? lo : -1
}

export function IoControllerChart(props: { kind: Kind; height?: number }) {
  const spec = SPEC[props.kind]
  const metrics = useSim((s) => s.metrics)
  // the clock moves every frame; the window only when its first sample changes
  const start = useSim((s) => windowStart(s.metrics, s.time - WINDOW_SECONDS))
  const from = useSim((s) => Math.max(0, Math.floor((s.time - WINDOW_SECONDS) / 60) * 60))
  const annotations = useFaultAnnotations()
  const windowed = useMemo(() => (start <= 0 ? metrics : metrics.slice(start)), [metrics, start])
  const cluster = useSim((s) => s.io?.cluster ?? null)
  const clock = useSim((s) => Math.floor(s.time / 5) * 5)
  // the model samples every 300 s and on component changes, not when VM I/O changes (HA restarts):
  // the line ends at the clock on the model's figure now
  const data = useMemo(() => {
    const last = windowed[windowed.length - 1]
    if (!last || !cluster || clock <= last.time) return windowed
    return [...windowed, { ...last, time: clock, iops: cluster.iops, readIops: cluster.readIops, writeIops: cluster.writeIops, bandwidthBps: cluster.bandwidthBps, latencyMs: cluster.latencyMs }]
  }, [windowed, cluster, clock])
  // the figure now: the model's current controller I/O (the chart's last sample may be older)
  const current = cluster ? (props.kind === 'iops' ? [cluster.iops, cluster.readIops, cluster.writeIops] : props.kind === 'bandwidth' ? [cluster.bandwidthBps] : [cluster.latencyMs]) : null
  const now = current ? current[0] : null
  return (
    <Widget title={spec.title} testId={spec.testId}>
      <div className="text-2xl font-light tabular-nums text-slate-900" data-testid={`${spec.testId}-value`}>
        {now !== null ? spec.format(now) : '—'}
      </div>
      <TimeSeriesChart label={`${spec.title} over the last ${WINDOW_SECONDS / 3600} hours`} data={data} series={spec.series} annotations={annotations} format={spec.format} height={props.height ?? 120} from={from} current={current ?? undefined} step />
    </Widget>
  )
}
