/** What-if per host: if it failed now, how many of its VMs would find memory on the others (MTHM, affinity respected). */
import { formatBytes } from '../format'
import type { HaReport } from './useHa'

export function FailoverTable(props: { ha: HaReport }) {
  return (
    <div className="max-h-72 overflow-y-auto rounded border border-slate-200" tabIndex={0} aria-label="Failover check per host">
      <table className="w-full text-left text-[13px]" data-testid="ha-failover-table">
        <thead className="sticky top-0 bg-slate-50 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1">Host</th>
            <th scope="col" className="px-2 py-1">State</th>
            <th scope="col" className="px-2 py-1 text-right">Running VMs</th>
            <th scope="col" className="px-2 py-1 text-right">Memory</th>
            <th scope="col" className="px-2 py-1">If it fails now</th>
          </tr>
        </thead>
        <tbody>
          {props.ha.hosts.map((h) => {
            const f = h.failover
            const short = f.vms - f.restartable
            return (
              <tr key={h.id} className="border-t border-slate-100">
                <td className="px-2 py-0.5">{h.id}</td>
                <td className="px-2 py-0.5">{h.state}</td>
                <td className="px-2 py-0.5 text-right tabular-nums">{f.vms}</td>
                <td className="px-2 py-0.5 text-right tabular-nums">{formatBytes(f.bytes)}</td>
                <td className={`px-2 py-0.5 ${short > 0 ? 'font-semibold text-red-700' : 'text-emerald-700'}`}>
                  {f.vms === 0 ? '—' : short > 0 ? `${short} VM(s) would not find memory` : 'all VMs can restart'}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
