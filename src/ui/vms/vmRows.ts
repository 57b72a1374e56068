/**
 * One row per VM, built from the static structure and the live VM section. Rebuilt only
 * when either changes (the worker sends a new VM section when any VM changes).
 */
import { useMemo } from 'react'
import type { Structure, VmSection } from '../bridge/types'
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
}

export function buildVmRows(structure: Structure, vms: VmSection): VmRow[] {
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
    }
  }
  return rows
}

const EMPTY: VmRow[] = []

export function useVmRows(): VmRow[] {
  const structure = useSim((s) => s.structure)
  const vms = useSim((s) => s.vms)
  return useMemo(() => (structure && vms ? buildVmRows(structure, vms) : EMPTY), [structure, vms])
}
