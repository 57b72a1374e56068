import { Widget } from '../common/Widget'
import { useSim } from '../store/simStore'
import { useHostCounts } from './useCounts'

export function HypervisorSummary() {
  const hosts = useHostCounts()
  const ft = useSim((s) => s.structure?.ftLevel)
  return (
    <Widget title="Hypervisor Summary">
      <div className="flex items-center gap-4">
        <span className="text-3xl font-light text-slate-800">AHV</span>
        <dl className="grid grid-cols-2 gap-x-3 text-xs text-slate-600">
          <dt>Hosts</dt>
          <dd className="text-right font-medium text-slate-800">{hosts.total}</dd>
          <dt>Hosts up</dt>
          <dd className="text-right">{hosts.up}</dd>
          <dt>Fault tolerance</dt>
          <dd className="text-right">FT{ft}</dd>
        </dl>
      </div>
    </Widget>
  )
}
