/** "View Details": per-node physical usage against the node's share of resilient capacity. */
import { useMemo } from 'react'
import { Modal } from '../common/Modal'
import { formatBytes, formatPct } from '../format'
import { useSim } from '../store/simStore'

export function StorageDetailsDialog(props: { onClose: () => void }) {
  const storage = useSim((s) => s.summary?.storage)
  const rows = useMemo(() => {
    if (!storage) return []
    const ratio = storage.totalBytes > 0 ? storage.resilientCapacityBytes / storage.totalBytes : 0
    return storage.nodes.map((n) => ({ ...n, resilient: n.totalBytes * ratio }))
  }, [storage])
  if (!storage) return null
  return (
    <Modal title="Storage details per node" onClose={props.onClose} wide>
      <p className="mb-2 text-xs text-slate-600">
        Each node's used physical capacity against its share of the cluster's resilient capacity (gray line).
      </p>
      <table className="w-full text-left text-xs" aria-label="Per-node storage">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1">Node</th>
            <th scope="col" className="w-1/2 py-1">Usage</th>
            <th scope="col" className="py-1 text-right">Used</th>
            <th scope="col" className="py-1 text-right">Capacity</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => {
            const usedPct = n.totalBytes > 0 ? n.usedBytes / n.totalBytes : 0
            const resPct = n.totalBytes > 0 ? n.resilient / n.totalBytes : 0
            return (
              <tr key={n.id} className="border-t border-slate-100">
                <td className="py-1 font-medium">{n.id}</td>
                <td className="py-1">
                  {n.totalBytes === 0 ? (
                    <span className="text-red-700">unavailable</span>
                  ) : (
                    <div className="relative h-3 rounded-sm bg-slate-200" role="img" aria-label={`${n.id} ${formatPct(usedPct)} used`}>
                      <div className={`absolute inset-y-0 left-0 ${n.usedBytes > n.resilient ? 'bg-red-500' : 'bg-sky-500'}`} style={{ width: `${Math.min(100, usedPct * 100)}%` }} />
                      <div className="absolute -inset-y-0.5 w-[2px] bg-slate-500" style={{ left: `${Math.min(100, resPct * 100)}%` }} />
                    </div>
                  )}
                </td>
                <td className="py-1 text-right tabular-nums">{formatBytes(n.usedBytes)}</td>
                <td className="py-1 text-right tabular-nums">{formatBytes(n.totalBytes)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </Modal>
  )
}
