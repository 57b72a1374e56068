/**
 * The store pieces the hardware views read, plus what is derived from them (per-host
 * VM counts and memory, per-host storage, fault targets). Selectors return the store's
 * own objects; everything derived is memoised.
 */
import { useMemo } from 'react'
import type { StateSection, Structure, VmSection } from '../bridge/types'
import { useSim } from '../store/simStore'
import { buildIndex, faultsByTarget, shownStructure, type EntityIndex } from './entities'

export interface HostVmStats {
  /** running or restarting VMs on each host (power !== off) */
  count: Int32Array
  memoryBytes: Float64Array
  vcpus: Int32Array
}

export interface NodeStorage {
  capacityBytes: Float64Array
  usedBytes: Float64Array
}

export interface HardwareData {
  structure: Structure
  /** what the diagram draws: removed nodes, and blocks and racks left empty, out (entities.ts shownStructure) */
  shown: Structure
  state: StateSection
  index: EntityIndex
  hostVms: HostVmStats
  nodeStorage: NodeStorage
  faults: Map<string, string[]>
}

function hostVmStats(structure: Structure, vms: VmSection | null): HostVmStats {
  const n = structure.nodes.length
  const out: HostVmStats = { count: new Int32Array(n), memoryBytes: new Float64Array(n), vcpus: new Int32Array(n) }
  if (!vms) return out
  for (let v = 0; v < vms.host.length; v++) {
    const h = vms.host[v]
    if (h < 0 || h >= n || vms.power[v] === 1) continue
    out.count[h]++
    out.memoryBytes[h] += structure.vms[v]?.memoryBytes ?? 0
    out.vcpus[h] += structure.vms[v]?.vcpus ?? 0
  }
  return out
}

function nodeStorage(structure: Structure, state: StateSection): NodeStorage {
  const n = structure.nodes.length
  const out: NodeStorage = { capacityBytes: new Float64Array(n), usedBytes: new Float64Array(n) }
  structure.disks.forEach((d, i) => {
    out.capacityBytes[d.node] += d.capacityBytes
    out.usedBytes[d.node] += state.diskUsedBytes[i] ?? 0
  })
  return out
}

export function useHardwareData(): HardwareData | null {
  const structure = useSim((s) => s.structure)
  const state = useSim((s) => s.state)
  const vms = useSim((s) => s.vms)
  const index = useMemo(() => (structure ? buildIndex(structure) : null), [structure])
  const hostVms = useMemo(() => (structure ? hostVmStats(structure, vms) : null), [structure, vms])
  const storage = useMemo(() => (structure && state ? nodeStorage(structure, state) : null), [structure, state])
  const faults = useMemo(() => (state ? faultsByTarget(state) : null), [state])
  // the removed nodes, as a key: the state section is a new object every delta, the drawn structure changes only with this
  const gone = state?.removal ? Array.from(state.removal).flatMap((x, i) => (x === 2 ? [i] : [])).join(',') : ''
  const shown = useMemo(() => {
    if (!structure) return null
    const removal = new Uint8Array(structure.nodes.length)
    for (const i of gone ? gone.split(',') : []) removal[Number(i)] = 2
    return shownStructure(structure, { removal })
  }, [structure, gone])
  return useMemo(() => {
    if (!structure || !state || !index || !hostVms || !storage || !faults || !shown) return null
    // a state section from a previous load can briefly outlive its structure
    if (state.hostState.length !== structure.nodes.length || state.diskMode.length !== structure.disks.length) return null
    return { structure, shown, state, index, hostVms, nodeStorage: storage, faults }
  }, [structure, shown, state, index, hostVms, storage, faults])
}
