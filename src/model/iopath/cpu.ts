/**
 * CPU and guest memory usage (our rules, README "CPU and memory usage"): figures for Prism's
 * Home "Cluster CPU Usage", the VM table's CPU / Memory Usage columns and the top VMs by CPU.
 * Deterministic: hashes of the seed and the VM index, the time-of-day curve of the I/O model
 * (ioload.ts workloadFactor) and the I/O load itself; no PRNG state.
 *
 * - A running VM's CPU usage (% of its vCPUs) = its baseline (15–45 %, per VM) × the
 *   time-of-day factor (0.6 at midnight … 1.0 at noon, ±5 % per 5-minute period), plus its I/O:
 *   one vCPU is busy for CPU_IOPS_PER_VCPU IOPS. Capped at 100 %. Off: 0.
 * - Guest memory usage (% of the VM's memory) = 40–85 % per VM, while it runs. Off: 0.
 * - A host's CPU usage (% of its cores) = the cores its running VMs use + its CVM's
 *   (CVM_BASE_CORES + the IOPS its Stargate serves ÷ CVM_IOPS_PER_CORE), capped at 100 %.
 *   A host that is down: 0; a CVM that is down uses nothing.
 * - The cluster's CPU usage = cores used on hosts that are up ÷ their cores.
 * Percentages are rounded to 0.1.
 */
import type { ClusterSpec } from '../scenario/normalize'
import type { VmTable } from '../cluster/vms'
import { POWER_ON } from '../cluster/vms'
import { hash01, workloadFactor, type IoLoad } from './ioload'

export const CPU_IOPS_PER_VCPU = 5000
export const CVM_BASE_CORES = 1.5
export const CVM_IOPS_PER_CORE = 4000

export interface CpuFigures {
  vmCpuPct: Float64Array
  vmMemoryPct: Float64Array
  nodeCpuPct: Float64Array
  clusterCpuPct: number
}

const round1 = (x: number) => Math.round(x * 10) / 10

/** Per-VM CPU baseline (fraction of its vCPUs at noon) and guest memory usage (fraction). */
export function vmUsageProfile(seed: number, v: number): { cpuBase: number; memory: number } {
  return { cpuBase: 0.15 + 0.3 * hash01(seed ^ 0xc0c0, v), memory: 0.4 + 0.45 * hash01(seed ^ 0x3e3e, v) }
}

export function computeCpu(ctx: { time: number; spec: ClusterSpec; vms: VmTable; hostUp(n: number): boolean; cvmUp(n: number): boolean }, load: IoLoad): CpuFigures {
  const { spec, vms } = ctx
  const w = workloadFactor(spec.seed, ctx.time)
  const n = spec.nodes.length
  const vmCpuPct = new Float64Array(vms.count)
  const vmMemoryPct = new Float64Array(vms.count)
  const used = new Float64Array(n)
  for (let v = 0; v < vms.count; v++) {
    if (vms.power[v] !== POWER_ON) continue
    const vcpus = Math.max(1, spec.vms[v].vcpus)
    const p = vmUsageProfile(spec.seed, v)
    const frac = Math.min(1, p.cpuBase * w + load.vmIops[v] / (CPU_IOPS_PER_VCPU * vcpus))
    vmCpuPct[v] = round1(frac * 100)
    vmMemoryPct[v] = round1(p.memory * 100)
    const h = vms.host[v]
    if (h >= 0) used[h] += frac * vcpus
  }
  const nodeCpuPct = new Float64Array(n)
  let clusterUsed = 0
  let clusterCores = 0
  for (let h = 0; h < n; h++) {
    if (!ctx.hostUp(h)) continue
    const cores = spec.nodes[h].cpuCores
    if (ctx.cvmUp(h)) used[h] += CVM_BASE_CORES + load.sgIops[h] / CVM_IOPS_PER_CORE
    const u = Math.min(cores, used[h])
    nodeCpuPct[h] = round1((u / cores) * 100)
    clusterUsed += u
    clusterCores += cores
  }
  return { vmCpuPct, vmMemoryPct, nodeCpuPct, clusterCpuPct: clusterCores > 0 ? round1((clusterUsed / clusterCores) * 100) : 0 }
}
