/** A VM's virtual disks, each with the Stargate serving it now, whether that path is local, its session and latency. */
import type { IoSection, Structure, VmSection } from '../bridge/types'
import { SESSION_ACTIVE, SESSION_LOGIN, SESSION_STALLED } from '../bridge/types'
import { formatLatency } from '../iopaths/ioFormat'

type Path = 'local' | 'remote' | 'none'

const PATH_STYLE: Record<Path, string> = {
  local: 'bg-emerald-100 text-emerald-800',
  remote: 'bg-amber-100 text-amber-900',
  none: 'bg-red-100 text-red-800',
}
const PATH_WORD: Record<Path, string> = { local: 'Local', remote: 'Remote', none: 'None' }

function sessionWord(state: number, loginTarget: string | null): string {
  if (state === SESSION_ACTIVE) return 'Active'
  if (state === SESSION_STALLED) return 'Stalled (Stargate not answering)'
  if (state === SESSION_LOGIN) return `Logging in to ${loginTarget ?? '?'}`
  return 'No session'
}

export function VdiskList(props: { structure: Structure; vms: VmSection; io: IoSection | null; index: number }) {
  const { structure, vms, io, index } = props
  const vm = structure.vms[index]
  const host = vms.host[index]
  const off = vms.power[index] === 1
  const connections = vms.frodo[index] === 1 ? structure.ioPath.connectionsPerFrodoVdisk : 1
  const items = []
  for (let k = 0; k < vm.vdiskCount; k++) {
    const vd = vm.vdiskStart + k
    const sg = vms.vdiskStargate[vd]
    const path: Path = sg < 0 || off ? 'none' : sg === host ? 'local' : 'remote'
    const lt = vms.vdiskLoginTarget[vd]
    const state = off ? 3 : vms.vdiskSession[vd]
    items.push({
      id: structure.vdiskIds[vd],
      stargate: sg >= 0 && !off ? structure.nodes[sg].id : null,
      portal: sg >= 0 && !off ? (sg === host ? '192.168.5.254:3261' : `${structure.nodes[sg].cvmIp}:3261`) : null,
      path,
      session: sessionWord(state, lt >= 0 ? structure.nodes[lt].id : null),
      connections: state === SESSION_ACTIVE || state === SESSION_STALLED ? connections : 0,
      latency: io && state === SESSION_ACTIVE ? io.vdiskLatencyMs[vd] : 0,
      dataUnavailable: !off && io !== null && io.vdiskDataOk[vd] === 0,
    })
  }
  return (
    <table className="w-full border-collapse text-left text-[13px]" aria-label={`Virtual disks of ${vm.name}`}>
      <thead className="bg-slate-50 text-xs uppercase text-slate-600">
        <tr>
          <th scope="col" className="border-b border-slate-200 px-2 py-1 font-semibold">vDisk</th>
          <th scope="col" className="border-b border-slate-200 px-2 py-1 font-semibold">Stargate</th>
          <th scope="col" className="border-b border-slate-200 px-2 py-1 font-semibold">Path</th>
          <th scope="col" className="border-b border-slate-200 px-2 py-1 font-semibold">Session</th>
          <th scope="col" className="border-b border-slate-200 px-2 py-1 text-right font-semibold">Conn.</th>
          <th scope="col" className="border-b border-slate-200 px-2 py-1 text-right font-semibold">Latency</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id} className="border-b border-slate-100" data-testid={`vm-vdisk-${d.id}`} data-stargate={d.stargate ?? ''} data-path={d.path} data-available={d.dataUnavailable ? 'false' : 'true'}>
            <td className="px-2 py-1 font-mono text-xs">{d.id}</td>
            <td className="px-2 py-1" title={d.portal ?? undefined}>{d.stargate ?? '—'}</td>
            <td className="px-2 py-1">
              <span className={`rounded-sm px-1.5 py-px text-xs font-medium ${PATH_STYLE[d.path]}`}>{PATH_WORD[d.path]}</span>
            </td>
            <td className="px-2 py-1 text-xs text-slate-700">
              {d.session}
              {d.dataUnavailable && <span className="ml-1 font-semibold text-red-700" data-testid="vdisk-data-unavailable">· data unavailable</span>}
            </td>
            <td className="px-2 py-1 text-right tabular-nums">{d.connections || '—'}</td>
            <td className="px-2 py-1 text-right tabular-nums">{formatLatency(d.latency)}</td>
          </tr>
        ))}
        {items.length === 0 && (
          <tr>
            <td colSpan={6} className="px-2 py-3 text-center text-slate-500">No virtual disks</td>
          </tr>
        )}
      </tbody>
    </table>
  )
}
