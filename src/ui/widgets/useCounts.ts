/** Counts derived from the store's state sections (memoised per section version). */
import { useMemo } from 'react'
import { CVM_DOWN, DISK_OFFLINE, HOST_DOWN, HOST_UP, POWER_OFF, POWER_ON } from '../bridge/types'
import { useSim } from '../store/simStore'

export function useHostCounts() {
  const state = useSim((s) => s.state)
  return useMemo(() => {
    const c = { total: 0, up: 0, down: 0, partitioned: 0, cvmDown: 0, disks: 0, disksOffline: 0 }
    if (!state) return c
    state.hostState.forEach((h, i) => {
      c.total++
      if (h === HOST_UP) c.up++
      else if (h === HOST_DOWN) c.down++
      else c.partitioned++
      if (h !== HOST_DOWN && state.cvmState[i] === CVM_DOWN) c.cvmDown++
    })
    state.diskMode.forEach((m) => {
      c.disks++
      if (m === DISK_OFFLINE) c.disksOffline++
    })
    return c
  }, [state])
}

export function useVmCounts() {
  const vms = useSim((s) => s.vms)
  const structure = useSim((s) => s.structure)
  return useMemo(() => {
    const c = { total: 0, on: 0, off: 0, restarting: 0, vcpusOn: 0, memoryOn: 0 }
    if (!vms || !structure) return c
    vms.power.forEach((p, i) => {
      c.total++
      if (p === POWER_ON) {
        c.on++
        c.vcpusOn += structure.vms[i].vcpus
        c.memoryOn += structure.vms[i].memoryBytes
      } else if (p === POWER_OFF) c.off++
      else c.restarting++
    })
    return c
  }, [vms, structure])
}
