import { navigate } from '../app/routes'
import { Widget } from '../common/Widget'
import { useHostCounts, useVmCounts } from './useCounts'

function Line(props: { label: string; good: number; bad: number; badWord: string }) {
  return (
    <li className="flex items-center justify-between py-1">
      <span>{props.label}</span>
      <span className="flex items-center gap-2 text-xs">
        <span className="text-emerald-700">{props.good} good</span>
        {props.bad > 0 && <span className="font-semibold text-red-700">{props.bad} {props.badWord}</span>}
      </span>
    </li>
  )
}

export function HealthSummary() {
  const h = useHostCounts()
  const v = useVmCounts()
  return (
    <Widget title="Health">
      <ul className="divide-y divide-slate-100 text-sm">
        <Line label="VMs" good={v.on} bad={v.restarting} badWord="restarting" />
        <Line label="Hosts" good={h.up - h.cvmDown} bad={h.down + h.partitioned + h.cvmDown} badWord="not healthy" />
        <Line label="Disks" good={h.disks - h.disksOffline} bad={h.disksOffline} badWord="offline" />
      </ul>
      <button type="button" className="mt-1 text-xs font-medium text-sky-700 hover:underline" onClick={() => navigate('health')}>
        Open Health
      </button>
    </Widget>
  )
}
