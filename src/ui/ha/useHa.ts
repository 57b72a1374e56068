/** The Report's `ha` section as the store holds it (summary delta), and per-host parcels from the VM tables. */
import { useMemo } from 'react'
import { POWER_ON, type Report } from '../bridge/types'
import { useSim } from '../store/simStore'

export type HaReport = Report['ha']
export type HaHost = HaReport['hosts'][number]
export type HaIncident = HaReport['incidents'][number]

export function useHa(): HaReport | null {
  return useSim((s) => s.summary?.ha ?? null)
}

export interface Parcel {
  vm: string
  name: string
  bytes: number
}

/** Running VMs (parcels) per host index, from the structure and the VM delta. */
export function useParcels(): Parcel[][] {
  const structure = useSim((s) => s.structure)
  const vms = useSim((s) => s.vms)
  return useMemo(() => {
    if (!structure || !vms) return []
    const out: Parcel[][] = structure.nodes.map(() => [])
    structure.vms.forEach((v, i) => {
      const h = vms.host[i]
      if (vms.power[i] === POWER_ON && h >= 0) out[h].push({ vm: v.id, name: v.name, bytes: v.memoryBytes })
    })
    return out
  }, [structure, vms])
}
