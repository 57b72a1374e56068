import { Widget } from '../common/Widget'
import { useSim } from '../store/simStore'
import { useHostCounts } from './useCounts'

export function HypervisorSummary() {
  const hosts = useHostCounts()
  const ft = useSim((s) => s.structure?.ftLevel)
  const versions = useSim((s) => s.summary?.planned.versions)
  const maint = useSim((s) => s.summary?.planned.maintenance.filter((m) => m !== 0).length ?? 0)
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
          <dt>AOS version</dt>
          <dd className="text-right" data-testid="home-version-aos">{versions?.aos}</dd>
          <dt>AHV version</dt>
          <dd className="text-right" data-testid="home-version-ahv">{versions?.ahv}</dd>
          {maint > 0 && (
            <>
              <dt>In maintenance</dt>
              <dd className="text-right text-amber-700">{maint}</dd>
            </>
          )}
        </dl>
      </div>
    </Widget>
  )
}
