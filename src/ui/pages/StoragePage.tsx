/** Storage: Overview (Storage Summary, container, usage per node), Diagram (cluster → pool → container), Table. */
import { useMemo } from 'react'
import { navigate } from '../app/routes'
import { useHotkeys } from '../app/useHotkeys'
import { ViewTabs } from '../common/ViewTabs'
import { Widget } from '../common/Widget'
import { formatBytes, formatPct } from '../format'
import { useSim } from '../store/simStore'
import { StorageSummary } from '../widgets/StorageSummary'
import { StorageTrend } from '../widgets/StorageTrend'

const VIEWS = [
  { id: 'overview', name: 'Overview' },
  { id: 'diagram', name: 'Diagram' },
  { id: 'table', name: 'Table' },
]

function useContainer() {
  const structure = useSim((s) => s.structure)
  const storage = useSim((s) => s.summary?.storage)
  return useMemo(() => {
    if (!structure || !storage) return null
    return {
      name: 'default-container',
      rf: structure.replicationFactor,
      ec: structure.erasureCoding,
      used: storage.usedBytes,
      free: Math.max(0, storage.totalBytes - storage.usedBytes),
      total: storage.totalBytes,
    }
  }, [structure, storage])
}

function ContainerTable() {
  const c = useContainer()
  if (!c) return null
  return (
    <table className="w-full text-left text-[13px]" aria-label="Storage containers">
      <thead className="bg-slate-50 text-xs uppercase text-slate-600">
        <tr>
          <th scope="col" className="px-2 py-1.5">Name</th>
          <th scope="col" className="px-2 py-1.5">Replication factor</th>
          <th scope="col" className="px-2 py-1.5">Erasure coding</th>
          <th scope="col" className="px-2 py-1.5 text-right">Used (physical)</th>
          <th scope="col" className="px-2 py-1.5 text-right">Free (physical)</th>
        </tr>
      </thead>
      <tbody>
        <tr className="border-t border-slate-100">
          <td className="px-2 py-1.5 font-medium">{c.name}</td>
          <td className="px-2 py-1.5">RF{c.rf}</td>
          <td className="px-2 py-1.5">{c.ec ? 'On' : 'Off'}</td>
          <td className="px-2 py-1.5 text-right tabular-nums">{formatBytes(c.used)}</td>
          <td className="px-2 py-1.5 text-right tabular-nums">{formatBytes(c.free)}</td>
        </tr>
      </tbody>
    </table>
  )
}

function StorageDiagram() {
  const structure = useSim((s) => s.structure)
  const c = useContainer()
  if (!structure || !c) return null
  const box = 'rounded border border-slate-300 bg-white px-4 py-3 text-center shadow-sm'
  return (
    <div className="flex flex-col items-center gap-3 py-4" aria-label="Storage diagram">
      <div className={box}>
        <div className="text-xs uppercase text-slate-500">Cluster</div>
        <div className="font-semibold">{structure.clusterName}</div>
        <div className="text-xs text-slate-600">{structure.nodes.length} nodes · {structure.disks.length} disks</div>
      </div>
      <div aria-hidden="true" className="h-6 w-px bg-slate-400" />
      <div className={box}>
        <div className="text-xs uppercase text-slate-500">Storage pool</div>
        <div className="font-semibold">default-storage-pool</div>
        <div className="text-xs text-slate-600">{formatBytes(c.total)} physical · {formatPct(c.total ? c.used / c.total : 0)} used</div>
      </div>
      <div aria-hidden="true" className="h-6 w-px bg-slate-400" />
      <div className={box}>
        <div className="text-xs uppercase text-slate-500">Container</div>
        <div className="font-semibold">{c.name}</div>
        <div className="text-xs text-slate-600">RF{c.rf}{c.ec ? ' + EC-X' : ''} · {formatBytes(c.used)} used</div>
      </div>
    </div>
  )
}

export function StoragePage(props: { view: string | null }) {
  const view = VIEWS.some((v) => v.id === props.view) ? props.view! : 'overview'
  const keys = useMemo(() => ({ o: () => navigate('storage', 'overview'), d: () => navigate('storage', 'diagram'), t: () => navigate('storage', 'table') }), [])
  useHotkeys(keys)
  return (
    <div className="flex flex-col gap-3">
      <ViewTabs label="Storage views" views={VIEWS} current={view} onSelect={(v) => navigate('storage', v)} />
      {view === 'overview' && (
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
          <StorageSummary />
          <Widget title="Capacity trend" className="lg:col-span-2">
            <StorageTrend />
          </Widget>
          <Widget title="Containers" className="lg:col-span-3">
            <ContainerTable />
          </Widget>
        </div>
      )}
      {view === 'diagram' && (
        <Widget title="Storage Diagram">
          <StorageDiagram />
        </Widget>
      )}
      {view === 'table' && (
        <Widget title="Storage Containers">
          <ContainerTable />
        </Widget>
      )}
    </div>
  )
}
