/**
 * I/O Paths (#/io-paths): each host's VMs, its iSCSI redirector and the Stargates, with
 * every vDisk session drawn as a path that swings to a remote Stargate at failover and
 * back at failback; the redirect timeline, the redirector log and the Stargates' load.
 */
import { useMemo, useState } from 'react'
import { Widget } from '../common/Widget'
import { IoFilters, type PathFilter } from '../iopaths/IoFilters'
import { IoSummary } from '../iopaths/IoSummary'
import { PathMap } from '../iopaths/PathMap'
import { RedirectorLog } from '../iopaths/RedirectorLog'
import { RedirectTimeline } from '../iopaths/RedirectTimeline'
import { StargateTable } from '../iopaths/StargateTable'
import { useSessions } from '../iopaths/useSessions'
import { useStargateColumns } from '../iopaths/useStargateColumns'
import { useSim } from '../store/simStore'

export function IoPathsPage(_props: { view: string | null }) {
  const structure = useSim((s) => s.structure)
  const sessions = useSessions()
  const [host, setHost] = useState<number | null>(null)
  const [vmQuery, setVmQuery] = useState('')
  const [path, setPath] = useState<PathFilter>('all')
  const q = vmQuery.trim().toLowerCase()
  const filtered = useMemo(() => {
    if (!structure) return sessions
    return sessions.filter(
      (s) =>
        (host === null || s.host === host) &&
        (path === 'all' || s.path === path) &&
        (q === '' || structure.vms[s.vm].name.toLowerCase().includes(q) || structure.vms[s.vm].id.toLowerCase().includes(q)),
    )
  }, [sessions, host, path, q, structure])
  const columns = useStargateColumns()
  const hosts = useMemo(() => (host === null ? columns : [host]), [columns, host])
  const highlightVm = useMemo(() => {
    if (!structure || q === '') return null
    const vms = new Set(filtered.map((s) => s.vm))
    return vms.size === 1 ? [...vms][0] : null
  }, [filtered, q, structure])
  const unavailable = useMemo(() => sessions.filter((s) => s.dataUnavailable).length, [sessions])
  if (!structure) return null
  return (
    <div className="flex flex-col gap-3">
      <IoSummary unavailable={unavailable} />
      <Widget title="I/O paths: hosts, iSCSI redirector and Stargates" testId="iopath-widget">
        <div className="flex flex-col gap-2">
          <IoFilters
            hosts={columns.map((i) => ({ id: structure.nodes[i].id, index: i }))}
            host={host}
            onHost={setHost}
            vmQuery={vmQuery}
            onVmQuery={setVmQuery}
            path={path}
            onPath={setPath}
            shown={filtered.length}
            total={sessions.length}
          />
          <PathMap sessions={filtered} hosts={hosts} highlightVm={highlightVm} />
        </div>
      </Widget>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <RedirectTimeline hostFilter={host} />
        <RedirectorLog host={host} />
      </div>
      <Widget title="Stargates" testId="stargate-table">
        <StargateTable />
      </Widget>
    </div>
  )
}
