/** The Zookeeper ensemble: which nodes hold a server, in which block/rack, and whether it serves. */
import { useSim } from '../store/simStore'

export function ZookeeperPanel() {
  const structure = useSim((s) => s.structure)!
  const state = useSim((s) => s.state)!
  const zk = state.zookeeper
  const up = zk.filter((n) => state.hostState[n] === 0 && state.cvmState[n] === 0).length
  const quorum = Math.floor(zk.length / 2) + 1
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p>
        {zk.length} servers, quorum {quorum}: <strong className={up >= quorum ? 'text-emerald-700' : 'text-red-700'}>{up} serving</strong>
      </p>
      <table className="w-full text-left text-xs" aria-label="Zookeeper servers">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1">Node</th>
            <th scope="col" className="py-1">Block</th>
            <th scope="col" className="py-1">Rack</th>
            <th scope="col" className="py-1">State</th>
          </tr>
        </thead>
        <tbody>
          {zk.map((n) => {
            const node = structure.nodes[n]
            const ok = state.hostState[n] === 0 && state.cvmState[n] === 0
            return (
              <tr key={n} className="border-t border-slate-100" data-testid={`zk-${node.id}`}>
                <td className="py-1 font-medium">{node.id}{state.leader === n ? ' ★' : ''}</td>
                <td className="py-1">{structure.blocks[node.block].id}</td>
                <td className="py-1">{structure.racks[node.rack].id}</td>
                <td className={`py-1 ${ok ? 'text-emerald-700' : 'text-red-700'}`}>{ok ? 'serving' : 'down'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        Acropolis leader: {state.leader >= 0 ? structure.nodes[state.leader].id : 'none (election pending)'}. Metadata awareness: {structure.metadataDomain}.
      </p>
    </div>
  )
}
