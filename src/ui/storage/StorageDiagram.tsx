/** Storage diagram: cluster → storage pool → containers, every figure from the model. */
import { formatBytes, formatPct } from '../format'
import { useSim } from '../store/simStore'

const BOX = 'rounded border border-slate-300 bg-white px-4 py-3 text-center shadow-sm'

export function StorageDiagram() {
  const structure = useSim((s) => s.structure)
  const storage = useSim((s) => s.summary?.storage)
  const containers = useSim((s) => s.summary?.containers)
  if (!structure || !storage || !containers) return null
  // the pool counts the disks that serve now, a container every copy (as the container table says)
  const offline = containers.reduce((a, c) => a + c.rawBytes, 0) > storage.usedBytes * 1.001
  return (
    <div className="flex flex-col items-center gap-3 py-4" role="group" aria-label="Storage diagram" data-testid="storage-diagram">
      <div className={BOX}>
        <div className="text-xs uppercase text-slate-500">Cluster</div>
        <div className="font-semibold">{structure.clusterName}</div>
        <div className="text-xs text-slate-600">
          {structure.nodes.length} nodes · {structure.disks.length} disks · FT{structure.ftLevel}, {storage.domain} awareness
        </div>
      </div>
      <div aria-hidden="true" className="h-6 w-px bg-slate-400" />
      <div className={BOX}>
        <div className="text-xs uppercase text-slate-500">Storage pool</div>
        <div className="font-semibold">default-storage-pool</div>
        <div className="text-xs text-slate-600">
          {formatBytes(storage.totalBytes)} physical · {formatBytes(storage.usedBytes)} ({formatPct(storage.totalBytes ? storage.usedBytes / storage.totalBytes : 0)}) used · resilient{' '}
          {formatBytes(storage.resilientCapacityBytes)}
        </div>
        {offline && <div className="text-xs text-slate-600">on the disks that serve now</div>}
      </div>
      <div aria-hidden="true" className="h-6 w-px bg-slate-400" />
      <div className="flex flex-wrap justify-center gap-3">
        {containers.map((c) => (
          <div key={c.id} className={BOX} data-testid={`diagram-container-${c.name}`}>
            <div className="text-xs uppercase text-slate-500">Container</div>
            <div className="font-semibold">{c.name}</div>
            <div className="text-xs text-slate-600">
              RF{c.replicationFactor}
              {c.erasureCoding ? ` + EC-X${c.ecStrip ? ` ${c.ecStrip.k}/${c.ecStrip.p}` : ''}` : ''} · {formatBytes(c.rawBytes)} used
            </div>
            {offline && <div className="text-xs text-slate-600">offline copies included</div>}
          </div>
        ))}
      </div>
    </div>
  )
}
