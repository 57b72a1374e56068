/** Home dashboard: three columns of Prism widgets, every figure from the model. */
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
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
      <div className="flex flex-col gap-3">
        <HypervisorSummary />
        <StorageSummary />
        <VmSummary />
        <IoControllerChart kind="iops" />
      </div>
      <div className="flex flex-col gap-3">
        <HardwareSummary />
        <ClusterResources />
        <IoControllerChart kind="bandwidth" />
        <RecentEvents />
      </div>
      <div className="flex flex-col gap-3">
        <HealthSummary />
        <DataResiliency />
        <IoControllerChart kind="latency" />
        <AlertsSummary />
      </div>
    </div>
  )
}
