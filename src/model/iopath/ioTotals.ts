/**
 * The I/O model's cluster-wide figures at any time of day for the current session state,
 * without building the whole IoLoad (ioload.ts): the lazy metrics sampler's past samples on
 * a quiet stretch. The per-session work (profiles, states, Stargates) is prepared once per
 * state; each time then costs one pass over the active sessions. Same arithmetic, in the
 * same order and with the same Float32 roundings as computeIoLoad, so the same figures.
 */
import type { ClusterSpec } from '../scenario/normalize'
import type { VmTable } from '../cluster/vms'
import { POWER_ON } from '../cluster/vms'
import {
  CLASSIC_MAX_IOPS, CLASSIC_OVERHEAD_MS, FRODO_MAX_IOPS, FRODO_OVERHEAD_MS, IOPS_PER_VCPU, REMOTE_HOP_MS,
  queueStretch, serviceMs, stargateCapacityIops, vmProfile, workloadFactor, type IoTotals,
} from './ioload'

const f32 = Math.fround

export class IoTotalsAt {
  /** per running VM with active sessions, in VM order */
  private readonly vmBase: number[] = []
  private readonly vmCap: number[] = []
  private readonly vmK: number[] = []
  private readonly vmRead: number[] = []
  private readonly vmService: number[] = []
  private readonly vmSize: number[] = []
  private readonly vmOverhead: number[] = []
  /** the VM's active vDisks: [start, end) into sg / remote */
  private readonly vmFrom: number[] = []
  private readonly sg: number[] = []
  private readonly remote: boolean[] = []
  private readonly capacity: number[]

  constructor(private readonly spec: ClusterSpec, vms: VmTable, state: Uint8Array) {
    this.capacity = spec.nodes.map((n) => stargateCapacityIops(n.cpuCores))
    for (let v = 0; v < vms.count; v++) {
      if (vms.power[v] !== POWER_ON) continue
      const k = vms.vdiskStart[v + 1] - vms.vdiskStart[v]
      if (k === 0) continue
      const p = vmProfile(spec.seed, v)
      const h = vms.host[v]
      this.vmFrom.push(this.sg.length)
      for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
        const s = vms.vdiskStargate[vd]
        if (s < 0 || state[vd] !== 0) continue
        this.sg.push(s)
        this.remote.push(s !== h)
      }
      this.vmBase.push(IOPS_PER_VCPU * spec.vms[v].vcpus * p.factor)
      this.vmCap.push(vms.frodo[v] ? FRODO_MAX_IOPS : CLASSIC_MAX_IOPS)
      this.vmK.push(k)
      this.vmRead.push(p.readShare)
      this.vmService.push(serviceMs(p.readShare))
      this.vmSize.push(p.ioSizeBytes)
      this.vmOverhead.push(vms.frodo[v] ? FRODO_OVERHEAD_MS : CLASSIC_OVERHEAD_MS)
    }
    this.vmFrom.push(this.sg.length)
  }

  at(time: number): IoTotals {
    const w = workloadFactor(this.spec.seed, time)
    const n = this.capacity.length
    const nv = this.vmBase.length
    const offered = new Float64Array(n)
    const offeredRead = new Float64Array(n)
    const demand = new Float64Array(nv)
    for (let i = 0; i < nv; i++) {
      const d = f32(Math.min(this.vmCap[i], this.vmBase[i] * w) / this.vmK[i])
      demand[i] = d
      for (let j = this.vmFrom[i]; j < this.vmFrom[i + 1]; j++) {
        offered[this.sg[j]] += d
        offeredRead[this.sg[j]] += d * this.vmRead[i]
      }
    }
    const stretch = new Float64Array(n)
    const served = new Float64Array(n)
    for (let s = 0; s < n; s++) {
      const rho = offered[s] / this.capacity[s]
      stretch[s] = queueStretch(f32(rho))
      served[s] = rho > 1 ? 1 / rho : 1
    }
    const total: IoTotals = { iops: 0, readIops: 0, writeIops: 0, bandwidthBps: 0, latencyMs: 0 }
    let latWeighted = 0
    for (let i = 0; i < nv; i++) {
      let iops = 0
      let lat = 0
      if (demand[i] !== 0) {
        for (let j = this.vmFrom[i]; j < this.vmFrom[i + 1]; j++) {
          const s = this.sg[j]
          const got = demand[i] * served[s]
          const l = this.vmOverhead[i] + (this.remote[j] ? REMOTE_HOP_MS : 0) + this.vmService[i] * stretch[s]
          iops += got
          lat += got * l
        }
      }
      const read = f32(iops * this.vmRead[i])
      const write = f32(iops - read)
      total.iops += iops
      total.readIops += read
      total.writeIops += write
      total.bandwidthBps += f32(iops * this.vmSize[i])
      latWeighted += lat
    }
    total.latencyMs = total.iops > 0 ? latWeighted / total.iops : 0
    return total
  }
}
