/** Analysis: the model's sampled metrics over simulated time, with failures and restorations marked. */
import { TimeSeriesChart, type Series } from '../common/TimeSeriesChart'
import { useMediaQuery } from '../common/useMediaQuery'
import { Widget } from '../common/Widget'
import type { MetricSample } from '../bridge/types'
import { useSim } from '../store/simStore'
import { StorageTrend } from '../widgets/StorageTrend'
import { useFaultAnnotations } from '../widgets/useFaultAnnotations'
import { useSamplesToNow } from '../widgets/useSamplesToNow'

const HEALTH: Series<MetricSample>[] = [
  { label: 'Hosts up', color: '#16a34a', value: (d) => d.hostsUp },
  // dashed: when every host's CVM serves, the two lines lie on each other and both must show
  { label: 'CVMs serving', color: '#0ea5e9', value: (d) => d.cvmsUp, dashed: true },
]
const DISKS: Series<MetricSample>[] = [{ label: 'Disks online', color: '#7c3aed', value: (d) => d.disksOnline }]
const VMS: Series<MetricSample>[] = [{ label: 'VMs on', color: '#0891b2', value: (d) => d.vmsOn }]
const ALERTS: Series<MetricSample>[] = [{ label: 'Unresolved alerts', color: '#dc2626', value: (d) => d.unresolvedAlerts }]

export function AnalysisPage(_props: { view: string | null }) {
  const metrics = useSim((s) => s.metrics)
  const data = useSamplesToNow()
  const annotations = useFaultAnnotations()
  const n = (v: number) => String(Math.round(v))
  // on a large screen (1920×1080) the charts grow into the height the page would leave empty
  const large = useMediaQuery('(min-width: 1536px) and (min-height: 1000px)')
  const h = large ? 320 : 200
  const half = large ? 200 : 140
  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
      <Widget title="Storage capacity">
        <StorageTrend height={h} />
      </Widget>
      <Widget title="Hosts and CVMs">
        <TimeSeriesChart label="Hosts up and CVMs serving over time" data={data} series={HEALTH} annotations={annotations} format={n} height={h} step />
      </Widget>
      <Widget title="Disks">
        <TimeSeriesChart label="Disks online over time" data={data} series={DISKS} annotations={annotations} format={n} height={h} step />
      </Widget>
      <Widget title="VMs and alerts">
        <TimeSeriesChart label="VMs on over time" data={data} series={VMS} annotations={annotations} format={n} height={half} step />
        <TimeSeriesChart label="Unresolved alerts over time" data={data} series={ALERTS} annotations={annotations} format={n} height={half} step />
      </Widget>
      <p className="text-xs text-slate-500 xl:col-span-2">
        Samples are taken by the simulation every 5 simulated minutes and after every change of component state ({metrics.length} samples); each chart ends at the clock on the figures now.
      </p>
    </div>
  )
}
