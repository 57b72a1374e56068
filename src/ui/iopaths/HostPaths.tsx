/** One host: its iSCSI redirector, its local Stargate, and each running VM's vDisk sessions. */
import type { Session } from './useSessions'
import { useSim } from '../store/simStore'

const PATH_STYLE = {
  local: 'border-emerald-300 bg-emerald-50 text-emerald-800',
  remote: 'border-amber-300 bg-amber-50 text-amber-800',
  none: 'border-red-300 bg-red-50 text-red-800',
} as const

export function HostPaths(props: { host: number; sessions: Session[] }) {
  const structure = useSim((s) => s.structure)!
  const state = useSim((s) => s.state)!
  const node = structure.nodes[props.host]
  const stargateUp = state.hostState[props.host] === 0 && state.cvmState[props.host] === 0
  const byVm = new Map<number, Session[]>()
  for (const s of props.sessions) {
    const list = byVm.get(s.vm) ?? []
    list.push(s)
    byVm.set(s.vm, list)
  }
  return (
    <section className="rounded border border-slate-200 bg-white p-3 shadow-sm" aria-label={`Host ${node.id}`} data-testid={`iohost-${node.id}`}>
      <header className="mb-2 flex flex-wrap items-center gap-3 text-xs">
        <h3 className="text-sm font-semibold text-slate-800">{node.id}</h3>
        <span className="text-slate-500">redirector 127.0.0.1:3261</span>
        <span className={`rounded px-1.5 py-0.5 font-medium ${stargateUp ? 'bg-emerald-100 text-emerald-800' : 'bg-red-100 text-red-800'}`}>
          Stargate 192.168.5.254 {stargateUp ? 'up' : 'down'}
        </span>
        <span className="text-slate-500">{props.sessions.length} sessions</span>
      </header>
      <ul className="flex flex-col gap-1">
        {[...byVm.entries()].map(([vm, list]) => (
          <li key={vm} className="flex flex-wrap items-center gap-1 text-xs">
            <span className="w-28 truncate font-medium text-slate-700" title={structure.vms[vm].name}>{structure.vms[vm].name}</span>
            {list.map((s) => (
              <span key={s.vdiskId} data-testid={`iopath-${s.vdiskId}`} data-stargate={s.stargate >= 0 ? structure.nodes[s.stargate].id : ''} data-path={s.path} className={`rounded border px-1.5 py-0.5 font-mono ${PATH_STYLE[s.path]}`} title={`${s.vdiskId}: ${s.path}`}>
                {s.vdiskId.slice(structure.vms[vm].id.length + 1)} → {s.stargate >= 0 ? structure.nodes[s.stargate].id : 'no Stargate'}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  )
}
