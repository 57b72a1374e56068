/** Manage VM High Availability: the mode in force (from the scenario) and what Guarantee reserves. */
import type { Structure, SummarySection } from '../bridge/types'
import { formatBytes } from '../format'
import { SettingsSection } from './SettingsSection'

export function HaSetting(props: { structure: Structure; ha: SummarySection['ha'] | null }) {
  const guarantee = props.structure.haMode === 'guarantee'
  const ha = props.ha
  return (
    <SettingsSection id="ha" title="Manage VM High Availability">
      <p>
        Mode: <strong data-testid="ha-mode">{guarantee ? 'Guarantee (reservation enabled)' : 'Default (best effort)'}</strong>
        {ha && (
          <>
            {' '}· host failures to tolerate: <strong>{ha.hostFailuresToTolerate}</strong>
          </>
        )}
      </p>
      <p className="text-xs text-slate-500">
        In Default mode, VMs of a failed host restart elsewhere only if memory happens to be free. Enabling reservation (Guarantee mode)
        reserves failover segments on every host so that the VMs of any {ha && ha.hostFailuresToTolerate > 1 ? `${ha.hostFailuresToTolerate} hosts` : 'host'} can
        restart, and refuses power-ons that would eat into that reserve. Read-only for now: the mode comes from the scenario.
      </p>
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
    </SettingsSection>
  )
}
