/**
 * One host as the Nutanix HA diagrams draw it: a box of the memory it can give to VMs,
 * with the running VMs' parcels at the bottom, the failover segments it holds above them
 * (one column per remote host they cover, side by side because only one host — or pair —
 * fails at a time, so they share the same room), and what is still available on top.
 */
import { formatBytes } from '../format'
import { hostColour, PARCEL_FILL, PARCEL_STROKE } from './palette'
import type { HaHost, Parcel } from './useHa'
import { useSim } from '../store/simStore'

const HEIGHT = 220
/** above this many parcels the column shows one block for all of them */
const MAX_PARCELS = 12

export function HostReserveColumn(props: { host: HaHost; parcels: Parcel[]; hostIndex: (id: string) => number; guarantee: boolean }) {
  const { host, parcels } = props
  const cap = host.capacityBytes
  const px = (bytes: number) => Math.max(0, Math.min(HEIGHT, (bytes / cap) * HEIGHT))
  const down = host.state !== 'up'
  const maintenance = useSim((s) => {
    const n = s.structure?.nodes.findIndex((x) => x.id === host.id) ?? -1
    return n >= 0 ? (s.summary?.planned.maintenance[n] ?? 0) : 0
  })
  const runH = px(host.runningBytes)
  const resH = Math.min(HEIGHT - runH, px(host.reservedBytes))
  const shown = parcels.length <= MAX_PARCELS ? parcels : null
  const label = `${host.id}: ${formatBytes(host.runningBytes)} running, ${formatBytes(host.reservedBytes)} reserved, ${formatBytes(host.availableBytes)} available of ${formatBytes(cap)}`
  return (
    <figure
      className="flex min-w-20 max-w-40 flex-1 basis-20 flex-col items-stretch gap-1"
      data-testid={`ha-host-${host.id}`}
      data-state={host.state}
      data-maintenance={maintenance}
      data-available-bytes={host.availableBytes}
      data-reserved-bytes={host.reservedBytes}
      aria-label={label}
    >
      <div
        className={`relative overflow-hidden rounded border ${down ? 'border-red-300 bg-[repeating-linear-gradient(45deg,#fee2e2,#fee2e2_6px,#fff_6px,#fff_12px)]' : 'border-slate-300 bg-white'}`}
        style={{ height: HEIGHT }}
        title={label}
      >
        {/* parcels */}
        <div className="absolute inset-x-0 bottom-0 flex flex-col-reverse" style={{ height: runH }}>
          {shown
            ? shown.map((p) => (
                <div
                  key={p.vm}
                  className="flex items-center justify-center overflow-hidden border-t text-[11px] font-medium leading-none text-white"
                  style={{ height: px(p.bytes), background: PARCEL_FILL, borderColor: PARCEL_STROKE }}
                  title={`${p.name}: ${formatBytes(p.bytes)} (parcel)`}
                  data-testid={`ha-parcel-${p.vm}`}
                >
                  {px(p.bytes) >= 13 ? p.name : ''}
                </div>
              ))
            : runH > 0 && (
                <div className="flex h-full items-center justify-center text-[11px] font-medium text-white" style={{ background: PARCEL_FILL }}>
                  {parcels.length} VMs
                </div>
              )}
        </div>
        {/* failover segments, grouped by the remote host they cover */}
        {props.guarantee && resH > 0 && (
          <div className="absolute inset-x-0 flex items-end gap-px border-t-2 border-dashed border-amber-500 bg-amber-50" style={{ bottom: runH, height: resH }}>
            {host.segments.map((g) => {
              const colour = hostColour(props.hostIndex(g.forHost))
              return (
                <div
                  key={g.forHost}
                  className="flex min-w-0 flex-1 items-start justify-center overflow-hidden text-[11px] font-semibold leading-tight text-white"
                  style={{ height: Math.min(resH, px(g.bytes)), background: colour }}
                  title={`Failover segments for ${g.forHost}: ${formatBytes(g.bytes)} (${g.vms.join(', ')})`}
                  data-testid={`ha-segment-${host.id}-${g.forHost}`}
                  data-bytes={g.bytes}
                >
                  {host.segments.length <= 4 && px(g.bytes) >= 14 ? `↺ ${g.forHost}` : ''}
                </div>
              )
            })}
          </div>
        )}
        {!down && maintenance !== 0 && <div className="absolute inset-x-0 top-2 text-center text-[11px] font-semibold uppercase text-blue-700">In maintenance</div>}
        {down && <div className="absolute inset-x-0 top-2 text-center text-[11px] font-semibold uppercase text-red-700">{host.state}</div>}
      </div>
      <figcaption className="text-center text-[11px] leading-tight text-slate-600">
        <div className="font-semibold text-slate-800">{host.id}</div>
        {/* a host that is down offers nothing: say so rather than "0 B free" */}
        <div className={down ? 'font-semibold text-red-700' : undefined}>{down ? 'not available' : `${formatBytes(host.availableBytes, 0)} free`}</div>
      </figcaption>
    </figure>
  )
}
