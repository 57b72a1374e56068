/**
 * Hardware → "Network partition…": choose a set of hosts (one by one, or a whole block or
 * rack) and cut them off the network together (DOMAIN.md §10); the active partitions are
 * listed with Reconnect. The model decides which side keeps the cluster.
 */
import { useMemo, useState } from 'react'
import { simClient } from '../bridge/client'
import { Modal } from '../common/Modal'
import { useSim } from '../store/simStore'
import { activePartitions, partitionPreview, reconnectTarget } from './networkActions'

const HOST_WORDS = ['up', 'down', 'partitioned'] as const

export function PartitionDialog(props: { onClose: () => void }) {
  const structure = useSim((s) => s.structure)
  const state = useSim((s) => s.state)
  const toast = useSim((s) => s.toast)
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const parts = useMemo(() => (state ? activePartitions(state) : []), [state])
  if (!structure || !state) return null

  const toggle = (ids: string[], on: boolean) => {
    const next = new Set(chosen)
    for (const id of ids) {
      if (on) next.add(id)
      else next.delete(id)
    }
    setChosen(next)
    setError(null)
  }
  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setError(null)
    try {
      await what()
      toast('done', done)
      return true
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  const disconnect = async () => {
    const ids = structure.nodes.map((n) => n.id).filter((id) => chosen.has(id))
    if (await run(() => simClient.inject({ kind: 'partition', target: ids.length === 1 ? ids[0] : ids }), `${ids.length} host${ids.length === 1 ? '' : 's'} cut off from the cluster network`)) setChosen(new Set())
  }
  const total = structure.nodes.length
  const valid = chosen.size > 0 && chosen.size < total

  return (
    <Modal title="Network partition" onClose={props.onClose} wide testId="partition-dialog">
      <p className="mb-3 text-sm text-slate-700">
        Cut a set of hosts off the cluster network together, as a switch failure would. The chosen hosts still talk to each other; the side
        where a majority of the Zookeeper servers run keeps the cluster, elects the Acropolis leader at T20 if it lost it, fences the other
        side at T60 and restarts its VMs at T120 (they stop 45 s after their first failed I/O).
      </p>
      <fieldset className="mb-3 flex flex-col gap-2" aria-label="Hosts to cut off">
        {structure.racks.map((r) => {
          const rackNodes = r.blocks.flatMap((b) => structure.blocks[b].nodes.map((n) => structure.nodes[n].id))
          const rackAll = rackNodes.every((id) => chosen.has(id))
          return (
            <div key={r.id} className="rounded border border-slate-200 p-2" data-testid={`partition-rack-${r.id}`}>
              <label className="flex items-center gap-2 text-sm font-semibold text-slate-800">
                <input type="checkbox" checked={rackAll} onChange={(e) => toggle(rackNodes, e.target.checked)} aria-label={`Whole rack ${r.id}`} />
                Rack {r.id}
              </label>
              <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1 pl-5">
                {r.blocks.map((bi) => {
                  const b = structure.blocks[bi]
                  const ids = b.nodes.map((n) => structure.nodes[n].id)
                  return (
                    <div key={b.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                      <label className="flex items-center gap-1 font-medium text-slate-700">
                        <input type="checkbox" checked={ids.every((id) => chosen.has(id))} onChange={(e) => toggle(ids, e.target.checked)} aria-label={`Whole block ${b.id}`} />
                        {b.id}:
                      </label>
                      {b.nodes.map((n) => {
                        const node = structure.nodes[n]
                        const st = HOST_WORDS[state.hostState[n]] ?? 'up'
                        return (
                          <label key={node.id} className="flex items-center gap-1 text-slate-800">
                            <input type="checkbox" checked={chosen.has(node.id)} onChange={(e) => toggle([node.id], e.target.checked)} aria-label={`Host ${node.id}`} />
                            {node.id}
                            {state.leader === n && <span className="rounded bg-sky-100 px-1 text-[11px] text-sky-900" title="Acropolis leader">Leader</span>}
                            {state.zookeeper.includes(n) && <span className="rounded bg-slate-100 px-1 text-[11px] text-slate-700" title="Zookeeper server">ZK</span>}
                            {st !== 'up' && <span className={`text-xs ${st === 'down' ? 'text-red-700' : 'text-amber-800'}`}>({st})</span>}
                          </label>
                        )
                      })}
                    </div>
                  )
                })}
              </div>
            </div>
          )
        })}
      </fieldset>
      <p className="mb-2 text-sm text-slate-800" data-testid="partition-preview" aria-live="polite">
        {partitionPreview(structure, state.zookeeper, chosen)}
      </p>
      {error && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="mb-4 flex justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={props.onClose}>
          Close
        </button>
        <button type="button" className="btn-primary" disabled={!valid || busy} onClick={() => void disconnect()} data-testid="partition-disconnect">
          {chosen.size > 0 ? `Disconnect ${chosen.size} host${chosen.size === 1 ? '' : 's'}` : 'Disconnect'}
        </button>
      </div>
      <h3 className="mb-1 text-sm font-semibold text-slate-800">Active partitions</h3>
      {parts.length === 0 ? (
        <p className="text-sm text-slate-600">None: every host is on the cluster network.</p>
      ) : (
        <ul className="flex flex-col gap-1" aria-label="Active partitions">
          {parts.map((p) => (
            <li key={p.nodes.join(',')} className="flex items-center justify-between gap-2 rounded border border-slate-200 px-2 py-1 text-sm" data-testid="active-partition">
              <span>
                {p.nodes.length === 1 ? `Host ${p.nodes[0]} cut off alone` : `${p.nodes.length} hosts cut off together: ${p.nodes.join(', ')}`}
              </span>
              <button type="button" className="btn-secondary" disabled={busy} onClick={() => void run(() => simClient.restore(reconnectTarget(p.nodes, state)), `${p.nodes.length === 1 ? `Host ${p.nodes[0]}` : `${p.nodes.length} hosts`} reconnected`)}>
                Reconnect
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  )
}
