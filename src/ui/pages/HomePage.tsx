/** Home dashboard: three columns of Prism widgets and a row of controller charts, every figure from the model. */
import { useMediaQuery } from '../common/useMediaQuery'
import { AlertsSummary } from '../widgets/AlertsSummary'
import { ClusterResources } from '../widgets/ClusterResources'
import { DataResiliency } from '../widgets/DataResiliency'
import { HardwareSummary } from '../widgets/HardwareSummary'
import { HealthSummary } from '../widgets/HealthSummary'
import { HypervisorSummary } from '../widgets/HypervisorSummary'
import { IoControllerChart } from '../widgets/IoControllerChart'
import { RecentEvents } from '../widgets/RecentEvents'
import { StorageSummary } from '../widgets/StorageSummary'
import { VmSummary } from '../widgets/VmSummary'

export function HomePage(_props: { view: string | null }) {
  // summaries in three columns, then the three controller charts side by side across the full width;
  // on a large screen (1920×1080) the charts grow into the height the summaries leave
  const large = useMediaQuery('(min-width: 1536px) and (min-height: 1000px)')
  const chart = large ? 270 : 120
  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
        <div className="flex flex-col gap-3">
          <HypervisorSummary />
          <StorageSummary />
          <VmSummary />
        </div>
        <div className="flex flex-col gap-3">
          <HardwareSummary />
          <ClusterResources />
          <RecentEvents />
        </div>
        <div className="flex flex-col gap-3">
          <HealthSummary />
          <DataResiliency />
          <AlertsSummary />
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
        <IoControllerChart kind="iops" height={chart} />
        <IoControllerChart kind="bandwidth" height={chart} />
        <IoControllerChart kind="latency" height={chart} />
      </div>
    </div>
  )
}
