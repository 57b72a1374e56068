/** The Report's `vms` section (DRILL-API.md §2): power and host (ha.ts), vDisk sessions and I/O (iopath.ts, ioload.ts). */
import { FRODO_CONNECTIONS_PER_VDISK } from '../iopath/ioload'
import type { ReportSource } from './source'
import type { ReportVm } from '../types'
import { POWER_OFF, POWER_STATES } from '../cluster/vms'

const SESSION_WORDS = ['active', 'stalled', 'login', 'none'] as const

export function buildVms(sim: ReportSource): ReportVm[] {
  const { spec, vms, io } = sim
  const nodeId = (n: number) => spec.nodes[n].id
  const load = io.load()
  const cpu = io.cpu()
  const round2 = (x: number) => Math.round(x * 100) / 100
  const share = sim.vdiskDataShare().share
  return spec.vms.map((s, v) => {
    const vdisks: ReportVm['vdisks'] = []
    const frodo = vms.power[v] === POWER_OFF ? s.frodo && s.vcpus >= 2 : vms.frodo[v] === 1
    for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
      const sg = vms.vdiskStargate[vd]
      const host = vms.host[v]
      const session = SESSION_WORDS[io.sessionState(vd)]
      const login = io.loginTarget[vd]
      vdisks.push({
        id: vms.vdiskIds[vd],
        stargate: sg >= 0 ? nodeId(sg) : null,
        path: sg < 0 ? 'none' : sg === host ? 'local' : 'remote',
        session,
        loginTarget: login >= 0 ? nodeId(login) : null,
        connections: session === 'none' ? 0 : frodo ? FRODO_CONNECTIONS_PER_VDISK : 1,
        dataAvailable: share === null || share[vd] >= 1,
      })
    }
    return {
      id: s.id,
      name: s.name,
      host: vms.host[v] >= 0 && vms.power[v] !== POWER_OFF ? nodeId(vms.host[v]) : null,
      power: POWER_STATES[vms.power[v]],
      vcpus: s.vcpus,
      memoryBytes: s.memoryBytes,
      ioPath: frodo ? 'frodo' : 'classic',
      ip: vms.ip[v],
      failoverHosts: sim.ha.failoverHostsOf(v).map(nodeId),
      vdisks,
      io: {
        iops: Math.round(load.vmIops[v]),
        readIops: Math.round(load.vmReadIops[v]),
        writeIops: Math.round(load.vmWriteIops[v]),
        bandwidthBps: Math.round(load.vmBandwidthBps[v]),
        latencyMs: round2(load.vmLatencyMs[v]),
        errorsPerSecond: Math.round(load.vmErrors[v]),
      },
      cpuUsagePct: cpu.vmCpuPct[v],
      memoryUsagePct: cpu.vmMemoryPct[v],
    }
  })
}
