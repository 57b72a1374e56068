/** VM Overview: summary by state, CPU and memory provisioned, top VMs by memory, controller IOPS, latency and CPU usage. */
import { TopVmsWidget } from './TopVmsWidget'
import { VmProvisionedWidget } from './VmProvisionedWidget'
import { VmSummaryWidget } from './VmSummaryWidget'
import type { VmRow } from './vmRows'

export function VmOverview(props: { rows: readonly VmRow[]; onOpen: (id: string) => void }) {
  return (
    <div className="grid gap-3 lg:grid-cols-3">
      <VmSummaryWidget rows={props.rows} />
      <VmProvisionedWidget rows={props.rows} />
      <TopVmsWidget rows={props.rows} onOpen={props.onOpen} />
      <TopVmsWidget rows={props.rows} onOpen={props.onOpen} metric="iops" />
      <TopVmsWidget rows={props.rows} onOpen={props.onOpen} metric="latency" />
      <TopVmsWidget rows={props.rows} onOpen={props.onOpen} metric="cpu" />
    </div>
  )
}
