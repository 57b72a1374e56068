/**
 * "View Details": per-node physical usage against the node's share of resilient capacity
 * (Report.storage.nodes[].resilientBytes and .state, computed by the model).
 */
import { Modal } from '../common/Modal'
import { formatBytes, formatPct } from '../format'
import { STORAGE_STATE_STYLE } from '../storage/storageState'
import { useSim } from '../store/simStore'

export function StorageDetailsDialog(props: { onClose: () => void }) {
  const storage = useSim((s) => s.summary?.storage)
  if (!storage) return null
  return (
    <Modal title="Storage details per node" onClose={props.onClose} wide testId="storage-details">
      <p className="mb-2 text-xs text-slate-600">
        Each node's used physical capacity against its share of the cluster's resilient capacity (gray line): Curator keeps nodes equally
        full, so a node's share is its capacity × {formatPct(storage.totalBytes > 0 ? storage.resilientCapacityBytes / storage.totalBytes : 0, 1)}{' '}
        (resilient ÷ total). Resilient capacity is computed for {storage.failures} {storage.domain} failure{storage.failures === 1 ? '' : 's'}.
      </p>
      <table className="w-full text-left text-xs" aria-label="Per-node storage">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1">Node</th>
            <th scope="col" className="w-2/5 py-1">Usage</th>
            <th scope="col" className="py-1 text-right">Used</th>
            <th scope="col" className="py-1 text-right">Resilient share</th>
            <th scope="col" className="py-1 text-right">Capacity</th>
            <th scope="col" className="py-1 text-right">State</th>
          </tr>
        </thead>
        <tbody>
          {storage.nodes.map((n) => {
            const usedPct = n.totalBytes > 0 ? n.usedBytes / n.totalBytes : 0
            const resPct = n.totalBytes > 0 ? n.resilientBytes / n.totalBytes : 0
            const style = STORAGE_STATE_STYLE[n.state]
            return (
              <tr key={n.id} className="border-t border-slate-100" data-testid={`storage-node-${n.id}`} data-state={n.totalBytes === 0 ? 'unavailable' : n.state}>
                <td className="py-1 font-medium">{n.id}</td>
                <td className="py-1">
                  {n.totalBytes === 0 ? (
                    <span className="text-red-700">unavailable</span>
                  ) : (
                    <div className="relative h-3 rounded-sm bg-slate-200" role="img" aria-label={`${n.id} ${formatPct(usedPct)} used, resilient share at ${formatPct(resPct)}`}>
                      <div className={`absolute inset-y-0 left-0 ${style.bar}`} style={{ width: `${Math.min(100, usedPct * 100)}%` }} />
                      <div className="absolute -inset-y-0.5 w-[2px] bg-slate-500" style={{ left: `${Math.min(100, resPct * 100)}%` }} />
                    </div>
                  )}
                </td>
                <td className="py-1 text-right tabular-nums">{formatBytes(n.usedBytes)}</td>
                <td className="py-1 text-right tabular-nums">{formatBytes(n.resilientBytes)}</td>
                <td className="py-1 text-right tabular-nums">{formatBytes(n.totalBytes)}</td>
                <td className="py-1 text-right">
                  {n.totalBytes === 0 ? '—' : <span className={`rounded px-1 ${style.badge}`}>{style.word}</span>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </Modal>
  )
}
