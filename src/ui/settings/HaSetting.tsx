/**
 * Manage VM High Availability: "Enable HA Reservation" switches Guarantee mode on
 * (failover segments reserved with MTHM) or off (Default, best effort). Enabling is
 * refused with the reason when the running VMs can't be protected.
 */
import { useState } from 'react'
import { simClient } from '../bridge/client'
import type { Structure, SummarySection } from '../bridge/types'
import { formatBytes } from '../format'
import { ErrorMessage } from '../vms/ErrorMessage'
import { SettingsSection } from './SettingsSection'

export function HaSetting(props: { structure: Structure; ha: SummarySection['ha'] | null }) {
  const ha = props.ha
  const mode = ha?.mode ?? props.structure.haMode
  const guarantee = mode === 'guarantee'
  const [checked, setChecked] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const wanted = checked ?? guarantee
  const failures = ha?.reserveFor ?? (props.structure.replicationFactor === 3 ? 2 : 1)
  const save = async () => {
    setBusy(true)
    setError(null)
    try {
      await simClient.setHaMode(wanted ? 'guarantee' : 'default')
      setChecked(null)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <SettingsSection id="ha" title="Manage VM High Availability">
      <p>
        Mode: <strong data-testid="ha-mode">{guarantee ? 'Guarantee (reservation enabled)' : 'Default (best effort)'}</strong>
        {ha && guarantee && (
          <>
            {' '}· host failures reserved for: <strong>{ha.hostFailuresToTolerate}</strong>
          </>
        )}
      </p>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={wanted} onChange={(e) => setChecked(e.target.checked)} data-testid="ha-reservation-toggle" />
        Enable HA Reservation
      </label>
      <p className="text-xs text-slate-500">
        Default mode restarts the VMs of a failed host wherever memory happens to be free. With the reservation (Guarantee mode) every power-on
        assigns the VM a parcel on its host and a failover segment of the same size on {failures > 1 ? 'two other hosts' : 'another host'}, so
        the VMs of any {failures > 1 ? `${failures} failed hosts` : 'failed host'} can restart ({failures} because {failures > 1 ? 'a container is RF3' : 'every container is RF2'});
        a power-on that would break that promise is refused.
      </p>
      <div className="flex gap-2">
        <button type="button" className="btn-primary" disabled={busy || wanted === guarantee} onClick={() => void save()}>
          Save
        </button>
      </div>
      {error && <ErrorMessage title="Could not change the HA mode" message={error} onDismiss={() => setError(null)} />}
      {ha && guarantee && (
        <table className="w-full max-w-xl border-collapse text-left text-[13px]" aria-label="HA memory per host">
          <thead className="bg-slate-50 text-xs uppercase text-slate-600">
            <tr>
              {['Host', 'Capacity', 'Running', 'Reserved', 'Available'].map((h) => (
                <th key={h} scope="col" className={`border-b border-slate-200 px-2 py-1 font-semibold ${h === 'Host' ? '' : 'text-right'}`}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ha.hosts.map((h) => (
              <tr key={h.id} className="border-b border-slate-100">
                <td className="px-2 py-1">{h.id}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatBytes(h.capacityBytes)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatBytes(h.runningBytes)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatBytes(h.reservedBytes)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatBytes(h.availableBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-xs">
        <a className="text-blue-700 underline" href="#/ha">Open the VM High Availability page</a> for the segments drawn per host and the failure timeline.
      </p>
    </SettingsSection>
  )
}
