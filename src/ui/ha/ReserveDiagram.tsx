/** Every host's HA state side by side (parcels, failover segments, available), with a legend. */
import { useMemo } from 'react'
import { HostReserveColumn } from './HostReserveColumn'
import { PARCEL_FILL } from './palette'
import type { HaReport, Parcel } from './useHa'

export function ReserveDiagram(props: { ha: HaReport; parcels: Parcel[][] }) {
  const { ha } = props
  const index = useMemo(() => new Map(ha.hosts.map((h, i) => [h.id, i])), [ha.hosts])
  const guarantee = ha.mode === 'guarantee'
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-4 text-xs text-slate-600" aria-label="Legend">
        <span className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded-sm" style={{ background: PARCEL_FILL }} /> parcel (running VM)</span>
        {guarantee && <span className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded-sm border-2 border-dashed border-amber-500 bg-amber-50" /> reserved: failover segments, one column per host they cover (↺ host)</span>}
        <span className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded-sm border border-slate-300 bg-white" /> available for VMs</span>
      </div>
      {!guarantee && (
        <p className="text-xs text-slate-500">
          Default mode reserves nothing: VMs of a failed host restart wherever memory happens to be free (best effort). Enable the reservation in Settings → Manage VM High Availability.
        </p>
      )}
      <div className="flex flex-wrap gap-2 pb-2" data-testid="ha-reserve-diagram" tabIndex={0} aria-label="Memory per host: parcels, failover segments and available memory">
        {ha.hosts.map((h, i) => (
          <HostReserveColumn key={h.id} host={h} parcels={props.parcels[i] ?? []} hostIndex={(id) => index.get(id) ?? 0} guarantee={guarantee} />
        ))}
      </div>
    </div>
  )
}
