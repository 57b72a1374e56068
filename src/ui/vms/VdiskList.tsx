/** A VM's virtual disks, each with the Stargate serving it now and whether that path is local. */
import type { Structure, VmSection } from '../bridge/types'

type Path = 'local' | 'remote' | 'none'

const PATH_STYLE: Record<Path, string> = {
  local: 'bg-emerald-100 text-emerald-800',
  remote: 'bg-amber-100 text-amber-900',
  none: 'bg-red-100 text-red-800',
}
const PATH_WORD: Record<Path, string> = { local: 'Local', remote: 'Remote', none: 'None' }

export function VdiskList(props: { structure: Structure; vms: VmSection; index: number }) {
  const { structure, vms, index } = props
  const vm = structure.vms[index]
  const host = vms.host[index]
  const items = []
  for (let k = 0; k < vm.vdiskCount; k++) {
    const vd = vm.vdiskStart + k
    const sg = vms.vdiskStargate[vd]
    const path: Path = sg < 0 ? 'none' : sg === host ? 'local' : 'remote'
    items.push({ id: structure.vdiskIds[vd], stargate: sg >= 0 ? structure.nodes[sg].id : null, path })
  }
  return (
    <table className="w-full border-collapse text-left text-[13px]" aria-label={`Virtual disks of ${vm.name}`}>
      <thead className="bg-slate-50 text-xs uppercase text-slate-600">
        <tr>
          <th scope="col" className="border-b border-slate-200 px-2 py-1 font-semibold">vDisk</th>
          <th scope="col" className="border-b border-slate-200 px-2 py-1 font-semibold">Stargate</th>
          <th scope="col" className="border-b border-slate-200 px-2 py-1 font-semibold">Path</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id} className="border-b border-slate-100" data-testid={`vm-vdisk-${d.id}`} data-stargate={d.stargate ?? ''} data-path={d.path}>
            <td className="px-2 py-1 font-mono text-xs">{d.id}</td>
            <td className="px-2 py-1">{d.stargate ?? '—'}</td>
            <td className="px-2 py-1">
              <span className={`rounded-sm px-1.5 py-px text-xs font-medium ${PATH_STYLE[d.path]}`}>{PATH_WORD[d.path]}</span>
            </td>
          </tr>
        ))}
        {items.length === 0 && (
          <tr>
            <td colSpan={3} className="px-2 py-3 text-center text-slate-500">No virtual disks</td>
          </tr>
        )}
      </tbody>
    </table>
  )
}
