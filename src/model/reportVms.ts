/** The Report's `vms` section (DRILL-API.md §2): power and host (ha.ts), vDisk sessions (iopath.ts). */
import type { Simulation } from './simulation'
import type { ReportVm } from './types'
import { POWER_OFF, POWER_STATES } from './vms'

export function buildVms(sim: Simulation): ReportVm[] {
  const { spec, vms } = sim
  const nodeId = (n: number) => spec.nodes[n].id
  return spec.vms.map((s, v) => {
    const vdisks: ReportVm['vdisks'] = []
    for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
      const sg = vms.vdiskStargate[vd]
      const host = vms.host[v]
      vdisks.push({
        id: vms.vdiskIds[vd],
        stargate: sg >= 0 ? nodeId(sg) : null,
        path: sg < 0 ? 'none' : sg === host ? 'local' : 'remote',
      })
    }
    return {
      id: s.id,
      name: s.name,
      host: vms.host[v] >= 0 && vms.power[v] !== POWER_OFF ? nodeId(vms.host[v]) : null,
      power: POWER_STATES[vms.power[v]],
      vcpus: s.vcpus,
      memoryBytes: s.memoryBytes,
      ioPath: vms.power[v] === POWER_OFF ? (s.frodo && s.vcpus >= 2 ? 'frodo' : 'classic') : vms.frodo[v] ? 'frodo' : 'classic',
      ip: vms.ip[v],
      vdisks,
    }
  })
}
