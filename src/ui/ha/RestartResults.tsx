/** Where each VM of an incident restarted (through its failover segment or best effort), and why some could not. */
import type { HaIncident } from './useHa'

export function RestartResults(props: { incident: HaIncident }) {
  const { incident: i } = props
  if (i.vms.length === 0) return <p className="text-sm text-slate-500">No VM ran on {i.host}.</p>
  const perHost = new Map<string, number>()
  for (const r of i.restarted) perHost.set(r.host, (perHost.get(r.host) ?? 0) + 1)
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-slate-700">
        {i.vms.length} VM(s) ran on {i.host}: <strong data-testid="ha-restarted-count">{i.restarted.length}</strong> restarted
        {i.failed.length > 0 && <>, <strong className="text-red-700">{i.failed.length}</strong> could not restart</>}
        {i.state !== 'done' && i.state !== 'cancelled' && ' so far'}.
      </p>
      {i.failed.length > 0 && (
        <ul className="flex flex-col gap-1" aria-label="VMs that could not restart">
          {i.failed.map((f) => (
            <li key={f.vm} className="rounded border border-red-200 bg-red-50 px-2 py-1 text-red-800">
              <strong>{f.vm}</strong>: {f.reason}
            </li>
          ))}
        </ul>
      )}
      {perHost.size > 0 && (
        <p className="text-slate-600" data-testid="ha-spread">
          Spread over {perHost.size} host(s): {[...perHost].map(([h, n]) => `${h} ×${n}`).join(', ')}. A VM with a failover segment restarts
          where its segment was reserved; the others go, largest first, to the allowed host with the most memory still free (our rule),
          never one host filled first.
        </p>
      )}
      {i.restarted.length > 0 && (
        <div className="max-h-48 overflow-y-auto rounded border border-slate-200" tabIndex={0} aria-label="Restarted VMs">
          <table className="w-full text-left text-[13px]">
            <thead className="sticky top-0 bg-slate-50 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-2 py-1">VM</th>
                <th scope="col" className="px-2 py-1">Restarted on</th>
                <th scope="col" className="px-2 py-1">How</th>
              </tr>
            </thead>
            <tbody>
              {i.restarted.map((r) => (
                <tr key={r.vm} className="border-t border-slate-100">
                  <td className="px-2 py-0.5">{r.vm}</td>
                  <td className="px-2 py-0.5">{r.host}</td>
                  <td className="px-2 py-0.5 text-slate-600">{r.viaSegment ? 'its failover segment (reserved for it)' : 'best effort: the most free memory then'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
