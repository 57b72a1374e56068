/**
 * One row per VM, built from the static structure and the live VM section. Rebuilt only
 * when either changes (the worker sends a new VM section when any VM changes).
 */
import { useMemo } from 'react'
import type { IoSection, Structure, VmSection } from '../bridge/types'
import { useSim } from '../store/simStore'

export type PowerState = 'on' | 'off' | 'restarting'
export const POWER_STATES: readonly PowerState[] = ['on', 'off', 'restarting']
export const POWER_WORD: Record<PowerState, string> = { on: 'On', off: 'Off', restarting: 'Restarting' }

export interface VmRow {
  /** index into structure.vms and the VM section's arrays */
  index: number
  id: string
  name: string
  /** current host's node id; null when the VM is off (as the Report says) */
  host: string | null
  ip: string | null
  vcpus: number
  memoryBytes: number
  vdisks: number
  power: PowerState
  ioPath: 'Frodo' | 'Classic'
  /** controller figures the VM gets now (ioload.ts) */
  readIops: number
  writeIops: number
  bandwidthBps: number
  latencyMs: number
  /** I/Os failing per second (unavailable data, no Stargate; DOMAIN.md §9) */
  errorsPerSecond: number
  /** its vDisks whose data is not all available */
  vdisksUnavailable: number
  /** CPU usage (% of its vCPUs) and guest memory usage (% of its memory) now (cpu.ts); 0 when off */
  cpuPct: number
  memoryPct: number
  /** its vDisk sessions by path */
  paths: { local: number; remote: number; none: number }
}

export function buildVmRows(structure: Structure, vms: VmSection, io: IoSection | null): VmRow[] {
  const rows = new Array<VmRow>(structure.vms.length)
  for (let i = 0; i < structure.vms.length; i++) {
    const v = structure.vms[i]
    const power = POWER_STATES[vms.power[i]] ?? 'off'
    const h = vms.host[i]
    rows[i] = {
      index: i,
      id: v.id,
      name: v.name,
      host: power !== 'off' && h >= 0 ? structure.nodes[h].id : null,
      ip: vms.ip[i] ?? null,
      vcpus: v.vcpus,
      memoryBytes: v.memoryBytes,
      vdisks: v.vdiskCount,
      power,
      ioPath: (power === 'off' ? v.frodo : vms.frodo[i] === 1) ? 'Frodo' : 'Classic',
      readIops: io?.vmReadIops[i] ?? 0,
      writeIops: io?.vmWriteIops[i] ?? 0,
      bandwidthBps: io?.vmBandwidthBps[i] ?? 0,
      latencyMs: io?.vmLatencyMs[i] ?? 0,
      errorsPerSecond: Math.round(io?.vmErrors[i] ?? 0),
      vdisksUnavailable: io ? countZeros(io.vdiskDataOk, v.vdiskStart, v.vdiskCount) : 0,
      cpuPct: io?.vmCpuPct[i] ?? 0,
      memoryPct: io?.vmMemoryPct[i] ?? 0,
      paths: pathCounts(vms, v.vdiskStart, v.vdiskCount, power === 'off' ? -2 : h),
    }
  }
  return rows
}

function countZeros(a: Uint8Array, start: number, count: number): number {
  let n = 0
  for (let vd = start; vd < start + count; vd++) if (a[vd] === 0) n++
  return n
}

function pathCounts(vms: VmSection, start: number, count: number, host: number): VmRow['paths'] {
  const c = { local: 0, remote: 0, none: 0 }
  for (let vd = start; vd < start + count; vd++) {
    const sg = vms.vdiskStargate[vd]
    if (sg < 0 || host === -2) c.none++
    else if (sg === host) c.local++
    else c.remote++
  }
  return c
}

const EMPTY: VmRow[] = []

export function useVmRows(): VmRow[] {
  const structure = useSim((s) => s.structure)
  const vms = useSim((s) => s.vms)
  const io = useSim((s) => s.io)
  return useMemo(() => (structure && vms ? buildVmRows(structure, vms, io) : EMPTY), [structure, vms, io])
}
