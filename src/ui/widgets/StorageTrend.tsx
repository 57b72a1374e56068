/** Used versus resilient capacity and total over simulated time, with failures marked. */
import { TimeSeriesChart, type Series } from '../common/TimeSeriesChart'
import { formatBytes } from '../format'
import type { MetricSample } from '../bridge/types'
import { useSim } from '../store/simStore'
import { useFaultAnnotations } from './useFaultAnnotations'

const SERIES: Series<MetricSample>[] = [
  { label: 'Used', color: '#0ea5e9', value: (d) => d.usedBytes },
  { label: 'Resilient capacity', color: '#64748b', value: (d) => d.resilientBytes, dashed: true },
  { label: 'Total', color: '#0f172a', value: (d) => d.totalBytes },
]

export function StorageTrend() {
  const metrics = useSim((s) => s.metrics)
  const annotations = useFaultAnnotations()
  return <TimeSeriesChart label="Storage used, resilient capacity and total over time" data={metrics} series={SERIES} annotations={annotations} format={(v) => formatBytes(v, 0)} testId="storage-trend" />
}
