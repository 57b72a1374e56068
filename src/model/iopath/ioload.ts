/**
 * The I/O model (our rules; the seeds give only the shape): what each running VM asks
 * for, what its sessions get from the Stargates serving them, and the latency it sees.
 *
 * - Demand: IOPS_PER_VCPU per vCPU, times a per-VM factor (0.5–1.5) and a time-of-day
 *   factor (0.6 at midnight up to 1.0 at noon, ±5 % per 5-minute period), split evenly
 *   over the VM's vDisks. Read share (55–80 %) and I/O size (8–64 KiB) are per VM. All
 *   per-VM draws are hashes of the seed and the VM's index: no PRNG state is used.
 * - Path: the classic path (QEMU + libiscsi, one single-threaded main loop) caps a VM at
 *   CLASSIC_MAX_IOPS and adds CLASSIC_OVERHEAD_MS per I/O; Frodo (≥ 2 vCPUs at power-on)
 *   gives up to 3× the I/O with a third of the overhead (seed 002).
 * - Stargate: one queue per Stargate (seed 001). Capacity STARGATE_IOPS_PER_CORE per host
 *   core; utilisation ρ = offered / capacity; above 1 every session gets capacity/offered
 *   of its demand. Service time read READ_MS, write WRITE_MS (OpLog + synchronous RF
 *   replication), stretched by 1/(1 − ρ) (an M/M/1 queue, ρ capped at 0.95).
 * - Remote path: REMOTE_HOP_MS more per I/O (the data crosses the network to another CVM).
 * - A stalled session, a login in flight or no session: no I/O.
 * - Unavailable data (DOMAIN.md §9, our rule): a vDisk serves only the share of its demand
 *   whose data is available (`share`); the rest fails and counts as I/O errors. A running
 *   VM's vDisk with no session at all (no Stargate reachable) fails all its demand.
 */
import type { ClusterSpec } from '../scenario/normalize'
import type { VmTable } from '../cluster/vms'
import { POWER_ON } from '../cluster/vms'

/** What the I/O load reads: the clock and the VMs (and, while an X-Ray test runs, its demand). */
export interface IoLoadContext {
  readonly time: number
  readonly spec: ClusterSpec
  readonly vms: VmTable
  readonly ioDemand?: IoDemandSource | null
}

/** One vDisk's demand (vdisk: index within its VM, 0 = OS disk), closed loops already resolved. */
export interface VdiskDemand { vdisk: number; readIops: number; writeIops: number; bytesPerSecond: number }
/**
 * X-Ray (xray/executor.ts): each VM's demand comes from the workloads it runs, replacing the
 * default per-vCPU demand for every VM; a VM running none does no I/O.
 */
export interface IoDemandSource {
  /** changes whenever any VM's demand changes (part of the load cache key) */
  readonly version: number
  vmDemand(v: number): readonly VdiskDemand[]
}

export const IOPS_PER_VCPU = 100
export const STARGATE_IOPS_PER_CORE = 500
export const READ_MS = 0.35
export const WRITE_MS = 0.8
export const REMOTE_HOP_MS = 0.25
export const CLASSIC_OVERHEAD_MS = 0.15
export const FRODO_OVERHEAD_MS = 0.05
export const CLASSIC_MAX_IOPS = 7500
export const FRODO_MAX_IOPS = 3 * CLASSIC_MAX_IOPS
/** Frodo (vhost-user-scsi) opens several connections per vDisk, all to the same target (seed 002 shows 4). */
export const FRODO_CONNECTIONS_PER_VDISK = 4
/** The workload changes once per period (the metrics sample period); sessions change it at any time. */
export const IO_BUCKET_SECONDS = 300
export function ioBucket(time: number): number {
  return Math.floor(time / IO_BUCKET_SECONDS)
}
const IO_SIZES_KIB = [8, 16, 32, 64] as const
const RHO_CAP = 0.95

export interface IoTotals {
  iops: number
  readIops: number
  writeIops: number
  bandwidthBps: number
  /** IOPS-weighted mean latency (ms); 0 without I/O */
  latencyMs: number
}

export interface IoLoad {
  cluster: IoTotals
  sessions: { local: number; remote: number; none: number; connections: number }
  vmIops: Float32Array
  vmReadIops: Float32Array
  vmWriteIops: Float32Array
  vmBandwidthBps: Float32Array
  vmLatencyMs: Float32Array
  /** I/Os failing per second, per VM (unavailable data, no Stargate) */
  vmErrors: Float32Array
  vdiskIops: Float32Array
  vdiskLatencyMs: Float32Array
  /** per Stargate: vDisk sessions it serves, of which remote, IOPS served, utilisation (0..1+), latency (ms) */
  sgSessions: Int32Array
  sgRemoteSessions: Int32Array
  sgIops: Float32Array
  sgUtil: Float32Array
  sgLatencyMs: Float32Array
}

/** A 32-bit integer hash (splitmix-like), as a float in [0, 1). */
export function hash01(a: number, b: number): number {
  let x = (Math.imul(a | 0, 0x9e3779b1) ^ Math.imul((b | 0) + 0x7f4a7c15, 0x85ebca6b)) >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0
  x = (x ^ (x >>> 16)) >>> 0
  return x / 4294967296
}

/** Time-of-day workload factor: 0.6 at midnight, 1.0 at noon (triangle wave), ±5 % per period. */
export function workloadFactor(seed: number, time: number): number {
  const bucket = ioBucket(time)
  // the whole period uses its start time, so the figures don't depend on when in the period
  // they were first computed (load() caches them per period; replay must match exactly)
  const start = bucket * IO_BUCKET_SECONDS
  const dayPos = ((start % 86400) + 86400) % 86400 / 43200 // 0..2
  const diurnal = 0.6 + 0.4 * (1 - Math.abs(dayPos - 1))
  return diurnal * (0.95 + 0.1 * hash01(seed ^ 0x51ed, bucket))
}

/** Per-VM workload profile (hash of the seed and the VM index). */
export function vmProfile(seed: number, v: number): { factor: number; readShare: number; ioSizeBytes: number } {
  return {
    factor: 0.5 + hash01(seed, v * 3),
    readShare: 0.55 + 0.25 * hash01(seed, v * 3 + 1),
    ioSizeBytes: IO_SIZES_KIB[Math.floor(hash01(seed, v * 3 + 2) * IO_SIZES_KIB.length)] * 1024,
  }
}

export function stargateCapacityIops(cores: number): number {
  return cores * STARGATE_IOPS_PER_CORE
}

/** Latency (ms) of one I/O at a Stargate with utilisation rho, for a read share. */
export function stargateLatencyMs(rho: number, readShare: number): number {
  return serviceMs(readShare) * queueStretch(rho)
}
/** Service time of one I/O with this read share, before queueing (ms). */
export function serviceMs(readShare: number): number {
  return readShare * READ_MS + (1 - readShare) * WRITE_MS
}
/** How queueing at utilisation rho stretches the service time (M/M/1, rho capped). */
export function queueStretch(rho: number): number {
  return 1 / (1 - Math.min(Math.max(rho, 0), RHO_CAP))
}

export function computeIoLoad(sim: IoLoadContext, io: { sessionStates(): Uint8Array }, share: Float32Array | null = null): IoLoad {
  const { spec, vms } = sim
  const n = spec.nodes.length
  const vdCount = vms.vdiskCount
  const w = workloadFactor(spec.seed, sim.time)
  const demand = new Float32Array(vdCount) // per vDisk, for active sessions only
  const state = io.sessionStates()
  const offered = new Float64Array(n)
  const offeredRead = new Float64Array(n)
  const sgSessions = new Int32Array(n)
  const sgRemote = new Int32Array(n)
  const sessions = { local: 0, remote: 0, none: 0, connections: 0 }
  const profiles = new Array<ReturnType<typeof vmProfile> | null>(vms.count).fill(null)
  const src = sim.ioDemand ?? null
  const vdRead = src ? new Float64Array(vdCount) : null // X-Ray: read share per vDisk
  const vdIoBytes = src ? new Float64Array(vdCount) : null // X-Ray: bytes per I/O per vDisk
  const vmErrors = new Float32Array(vms.count)
  for (let v = 0; v < vms.count; v++) {
    if (vms.power[v] !== POWER_ON) continue
    const s = spec.vms[v]
    const k = vms.vdiskStart[v + 1] - vms.vdiskStart[v]
    if (k === 0) continue
    const p = vmProfile(spec.seed, v)
    profiles[v] = p
    const cap = vms.frodo[v] ? FRODO_MAX_IOPS : CLASSIC_MAX_IOPS
    const vmDemand = Math.min(cap, IOPS_PER_VCPU * s.vcpus * p.factor * w)
    const h = vms.host[v]
    for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
      const sg = vms.vdiskStargate[vd]
      if (sg < 0) {
        sessions.none++
        if (state[vd] === 3) vmErrors[v] += vmDemand / k // no Stargate reachable: every I/O fails
        continue
      }
      if (sg === h) sessions.local++
      else sessions.remote++
      sessions.connections += vms.frodo[v] ? FRODO_CONNECTIONS_PER_VDISK : 1
      sgSessions[sg]++
      if (sg !== h) sgRemote[sg]++
      if (state[vd] !== 0) continue // stalled: no I/O
      const ok = share === null ? 1 : share[vd]
      if (src && vdRead && vdIoBytes) {
        const d = src.vmDemand(v).find((x) => x.vdisk === vd - vms.vdiskStart[v])
        const total = d ? d.readIops + d.writeIops : 0
        if (!d || total <= 0) continue
        demand[vd] = total * ok
        vmErrors[v] += total * (1 - ok)
        vdRead[vd] = d.readIops / total
        vdIoBytes[vd] = d.bytesPerSecond / total
        offered[sg] += total * ok
        offeredRead[sg] += d.readIops * ok
        continue
      }
      demand[vd] = (vmDemand / k) * ok
      vmErrors[v] += (vmDemand / k) * (1 - ok)
      offered[sg] += demand[vd]
      offeredRead[sg] += demand[vd] * p.readShare
    }
  }
  const sgUtil = new Float32Array(n)
  const sgLatency = new Float32Array(n)
  const served = new Float64Array(n) // fraction of demand served
  const sgIops = new Float32Array(n)
  for (let s = 0; s < n; s++) {
    const capacity = stargateCapacityIops(spec.nodes[s].cpuCores)
    const rho = offered[s] / capacity
    sgUtil[s] = rho
    served[s] = rho > 1 ? 1 / rho : 1
    sgIops[s] = offered[s] * served[s]
    sgLatency[s] = offered[s] > 0 ? stargateLatencyMs(rho, offeredRead[s] / offered[s]) : 0
  }
  const vmIops = new Float32Array(vms.count)
  const vmRead = new Float32Array(vms.count)
  const vmWrite = new Float32Array(vms.count)
  const vmBw = new Float32Array(vms.count)
  const vmLat = new Float32Array(vms.count)
  const vdIops = new Float32Array(vdCount)
  const vdLat = new Float32Array(vdCount)
  const total: IoTotals = { iops: 0, readIops: 0, writeIops: 0, bandwidthBps: 0, latencyMs: 0 }
  let latWeighted = 0
  for (let v = 0; v < vms.count; v++) {
    const p = profiles[v]
    if (!p) continue
    const h = vms.host[v]
    const overhead = vms.frodo[v] ? FRODO_OVERHEAD_MS : CLASSIC_OVERHEAD_MS
    let iops = 0
    let lat = 0
    let read = 0
    let bw = 0
    for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
      if (demand[vd] === 0) continue
      const sg = vms.vdiskStargate[vd]
      const got = demand[vd] * served[sg]
      const rs = vdRead ? vdRead[vd] : p.readShare
      const l = overhead + (sg !== h ? REMOTE_HOP_MS : 0) + stargateLatencyMs(sgUtil[sg], rs)
      vdIops[vd] = got
      vdLat[vd] = l
      iops += got
      lat += got * l
      if (vdIoBytes) {
        read += got * rs
        bw += got * vdIoBytes[vd]
      }
    }
    vmIops[v] = iops
    vmRead[v] = vdRead ? read : iops * p.readShare
    vmWrite[v] = iops - vmRead[v]
    vmBw[v] = vdIoBytes ? bw : iops * p.ioSizeBytes
    vmLat[v] = iops > 0 ? lat / iops : 0
    total.iops += iops
    total.readIops += vmRead[v]
    total.writeIops += vmWrite[v]
    total.bandwidthBps += vmBw[v]
    latWeighted += lat
  }
  total.latencyMs = total.iops > 0 ? latWeighted / total.iops : 0
  return {
    cluster: total,
    sessions,
    vmIops, vmReadIops: vmRead, vmWriteIops: vmWrite, vmBandwidthBps: vmBw, vmLatencyMs: vmLat, vmErrors,
    vdiskIops: vdIops, vdiskLatencyMs: vdLat,
    sgSessions, sgRemoteSessions: sgRemote, sgIops, sgUtil, sgLatencyMs: sgLatency,
  }
}
