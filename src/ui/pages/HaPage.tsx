/**
 * VM High Availability (#/ha): the HA state of every host (parcels, failover segments and
 * which host each covers, what is available), the failure-detection timeline of the last
 * failure with a replay, where its VMs restarted, a failover what-if per host and IPAM.
 */
import { useState } from 'react'
import { Widget } from '../common/Widget'
import { FailoverTable } from '../ha/FailoverTable'
import { HaSummary } from '../ha/HaSummary'
import { HaTimeline } from '../ha/HaTimeline'
import { IncidentPicker } from '../ha/IncidentPicker'
import { IpamTable } from '../ha/IpamTable'
import { ReserveDiagram } from '../ha/ReserveDiagram'
import { RestartResults } from '../ha/RestartResults'
import { useHa, useParcels } from '../ha/useHa'

export function HaPage(_props: { view: string | null }) {
  const ha = useHa()
  const parcels = useParcels()
  const [picked, setPicked] = useState<number | null>(null)
  if (!ha) return null
  const incident = ha.incidents.find((i) => i.id === picked) ?? ha.incidents.at(-1) ?? null
  return (
    <div className="flex flex-col gap-3">
      <Widget title="VM High Availability" testId="ha-summary">
        <HaSummary ha={ha} />
      </Widget>
      <Widget title="Host memory: parcels and failover segments" testId="ha-hosts">
        <ReserveDiagram ha={ha} parcels={parcels} />
      </Widget>
      <div className="grid grid-cols-1 items-start gap-3 xl:grid-cols-2">
        <Widget
          title="Failure detection timeline"
          testId="ha-timeline-widget"
          actions={incident && <IncidentPicker incidents={ha.incidents} selected={incident.id} onSelect={setPicked} />}
        >
          {incident ? (
            <div className="flex flex-col gap-4">
              <HaTimeline key={incident.id} incident={incident} />
              <RestartResults incident={incident} />
            </div>
          ) : (
            <p className="text-sm text-slate-500">No host has failed since the scenario was loaded. Power off a node or partition its network (Hardware → Diagram) to watch the T0 / T20 / T60 / T120 timeline.</p>
          )}
        </Widget>
        <div className="flex flex-col gap-3">
          <Widget title="If a host fails now" testId="ha-failover">
            <FailoverTable ha={ha} />
          </Widget>
          <Widget title="IPAM (DHCP by the Acropolis leader)" testId="ha-ipam">
            <IpamTable ha={ha} />
          </Widget>
        </div>
      </div>
    </div>
  )
}
