/** I/O Paths: every vDisk session with the Stargate serving it (local, remote or none), by host. */
import { useMemo, useState } from 'react'
import { Widget } from '../common/Widget'
import { HostPaths } from '../iopaths/HostPaths'
import { useSessions } from '../iopaths/useSessions'
import { useSim } from '../store/simStore'

const LIMIT = 800

export function IoPathsPage(_props: { view: string | null }) {
  const structure = useSim((s) => s.structure)
  const sessions = useSessions()
  const [host, setHost] = useState<string>('all')
  const [vmQuery, setVmQuery] = useState('')
  const filtered = useMemo(() => {
    const q = vmQuery.trim().toLowerCase()
    return sessions.filter((s) => (host === 'all' || String(s.host) === host) && (q === '' || structure!.vms[s.vm].name.toLowerCase().includes(q) || structure!.vms[s.vm].id.toLowerCase().includes(q)))
  }, [sessions, host, vmQuery, structure])
  const counts = useMemo(() => {
    const c = { local: 0, remote: 0, none: 0 }
    for (const s of sessions) c[s.path]++
    return c
  }, [sessions])
  if (!structure) return null
  const shown = filtered.slice(0, LIMIT)
  const hosts = [...new Set(shown.map((s) => s.host))].sort((a, b) => a - b)
  return (
    <div className="flex flex-col gap-3">
      <Widget title="vDisk sessions">
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <span data-testid="paths-local"><strong>{counts.local}</strong> local</span>
          <span data-testid="paths-remote" className="text-amber-700"><strong>{counts.remote}</strong> remote</span>
          <span data-testid="paths-none" className="text-red-700"><strong>{counts.none}</strong> without a Stargate</span>
          <label className="ml-auto flex items-center gap-1 text-xs">
            Host
            <select value={host} onChange={(e) => setHost(e.target.value)} className="rounded border border-slate-300 px-1 py-0.5" aria-label="Filter by host">
              <option value="all">All hosts</option>
              {structure.nodes.map((n, i) => (
                <option key={n.id} value={i}>{n.id}</option>
              ))}
            </select>
          </label>
          <input type="search" value={vmQuery} onChange={(e) => setVmQuery(e.target.value)} placeholder="Filter VMs" aria-label="Filter by VM" className="w-40 rounded border border-slate-300 px-2 py-0.5 text-xs" />
        </div>
        {filtered.length > LIMIT && (
          <p className="mt-2 text-xs text-slate-500">Showing the first {LIMIT} of {filtered.length} sessions: filter by host or VM to see the rest.</p>
        )}
      </Widget>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        {hosts.map((h) => (
          <HostPaths key={h} host={h} sessions={shown.filter((s) => s.host === h)} />
        ))}
      </div>
    </div>
  )
}
