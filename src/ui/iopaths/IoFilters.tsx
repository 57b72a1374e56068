/** Filters of the I/O Paths page: host, VM and path. */
import type { PathKind } from './useSessions'

export type PathFilter = 'all' | PathKind

export function IoFilters(props: {
  /** the hosts to filter by: id and node index */
  hosts: Array<{ id: string; index: number }>
  host: number | null
  onHost: (h: number | null) => void
  vmQuery: string
  onVmQuery: (q: string) => void
  path: PathFilter
  onPath: (p: PathFilter) => void
  shown: number
  total: number
}) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs" role="group" aria-label="Filter the I/O paths">
      <label className="flex items-center gap-1">
        Host
        <select value={props.host ?? 'all'} onChange={(e) => props.onHost(e.target.value === 'all' ? null : Number(e.target.value))} className="rounded border border-slate-300 px-1 py-0.5" aria-label="Filter by host">
          <option value="all">All hosts</option>
          {props.hosts.map((h) => (
            <option key={h.id} value={h.index}>{h.id}</option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        Path
        <select value={props.path} onChange={(e) => props.onPath(e.target.value as PathFilter)} className="rounded border border-slate-300 px-1 py-0.5" aria-label="Filter by path">
          <option value="all">All paths</option>
          <option value="local">Local</option>
          <option value="remote">Remote</option>
          <option value="none">No path</option>
        </select>
      </label>
      <input type="search" value={props.vmQuery} onChange={(e) => props.onVmQuery(e.target.value)} placeholder="Filter VMs" aria-label="Filter by VM" className="w-40 rounded border border-slate-300 px-2 py-0.5" />
      <span className="text-slate-500" data-testid="iopath-shown">
        {props.shown === props.total ? `${props.total} sessions` : `${props.shown} of ${props.total} sessions`}
      </span>
      <span className="ml-auto flex items-center gap-3 text-slate-600" aria-hidden="true">
        <span className="flex items-center gap-1"><span className="inline-block h-2 w-2 rounded-full bg-green-600" />local</span>
        <span className="flex items-center gap-1"><span className="inline-block h-2 w-2 rounded-full bg-amber-600" />remote</span>
        <span className="flex items-center gap-1"><span className="inline-block h-2 w-2 rounded-full bg-sky-600" />logging in</span>
        <span className="flex items-center gap-1"><span className="inline-block h-2 w-2 rounded-full bg-red-600" />stalled / no path</span>
      </span>
    </div>
  )
}
