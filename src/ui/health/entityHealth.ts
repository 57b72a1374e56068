/**
 * Health of VMs, hosts and disks, read from the model's live state (no guesses):
 * host down → critical; partitioned or CVM down → warning; disk offline → critical,
 * disk behind a down host/CVM → warning; a VM off or restarting because its host is
 * down → warning, a running VM with a vDisk that has no Stargate → critical, one
 * served remotely or on a partitioned host / host with its CVM down → warning.
 */
import type { StateSection, Structure, VmSection } from '../bridge/types'
import { CVM_DOWN, DISK_OFFLINE, HOST_DOWN, HOST_PARTITIONED, HOST_UP, POWER_OFF, POWER_ON, POWER_RESTARTING } from '../bridge/types'

export type HealthLevel = 'good' | 'warning' | 'critical'

export interface EntityIssue {
  id: string
  level: Exclude<HealthLevel, 'good'>
  reason: string
}

export interface HealthTally {
  good: number
  warning: number
  critical: number
  /** the entities that are not good, critical first */
  issues: EntityIssue[]
}


function tally(total: number, issues: EntityIssue[]): HealthTally {
  const critical = issues.filter((i) => i.level === 'critical').length
  const warning = issues.length - critical
  issues.sort((a, b) => (a.level === b.level ? 0 : a.level === 'critical' ? -1 : 1))
  return { good: total - critical - warning, warning, critical, issues }
}

function hostProblem(state: StateSection, n: number): string | null {
  if (state.hostState[n] === HOST_DOWN) return 'host is down'
  if (state.hostState[n] === HOST_PARTITIONED) return 'host is partitioned from the cluster network'
  if (state.cvmState[n] === CVM_DOWN) return 'Controller VM is down'
  return null
}

/** a removed host (and its disks) is no longer part of the cluster: not counted, no issue */
const gone = (state: StateSection, n: number) => (state.removal?.[n] ?? 0) === 2

export function hostHealth(structure: Structure, state: StateSection): HealthTally {
  const issues: EntityIssue[] = []
  let total = 0
  structure.nodes.forEach((node, n) => {
    if (gone(state, n)) return
    total++
    if (state.hostState[n] === HOST_DOWN) issues.push({ id: node.id, level: 'critical', reason: 'Host is down' })
    else if (state.hostState[n] === HOST_PARTITIONED) issues.push({ id: node.id, level: 'warning', reason: 'Host is partitioned from the cluster network' })
    else if (state.cvmState[n] === CVM_DOWN) issues.push({ id: node.id, level: 'warning', reason: 'Controller VM is down' })
  })
  return tally(total, issues)
}

export function diskHealth(structure: Structure, state: StateSection): HealthTally {
  const issues: EntityIssue[] = []
  let total = 0
  structure.disks.forEach((disk, d) => {
    if (gone(state, disk.node) || (state.diskPhase?.[d] ?? 0) === 3) return
    total++
    if (state.diskMode[d] === DISK_OFFLINE) {
      issues.push({ id: disk.id, level: 'critical', reason: 'Disk is offline' })
      return
    }
    const p = hostProblem(state, disk.node)
    if (p) issues.push({ id: disk.id, level: 'warning', reason: `Not reachable: ${structure.nodes[disk.node].id} ${p}` })
  })
  return tally(total, issues)
}

export function vmHealth(structure: Structure, state: StateSection, vms: VmSection): HealthTally {
  const issues: EntityIssue[] = []
  structure.vms.forEach((vm, v) => {
    const power = vms.power[v]
    if (power === POWER_OFF || power === POWER_RESTARTING) {
      const home = vm.homeHost
      const down = state.hostState[home] !== HOST_UP && !gone(state, home)
      if (power === POWER_RESTARTING) issues.push({ id: vm.name, level: 'warning', reason: 'Restarting (HA)' })
      else if (down) issues.push({ id: vm.name, level: 'warning', reason: `Powered off: its host ${structure.nodes[home].id} is ${state.hostState[home] === HOST_DOWN ? 'down' : 'partitioned'}` })
      return
    }
    if (power !== POWER_ON) return
    const host = vms.host[v]
    let none = 0
    let remote = 0
    for (let k = 0; k < vm.vdiskCount; k++) {
      const sg = vms.vdiskStargate[vm.vdiskStart + k]
      if (sg < 0) none++
      else if (sg !== host) remote++
    }
    if (none > 0) {
      issues.push({ id: vm.name, level: 'critical', reason: `${none} of ${vm.vdiskCount} vDisks have no I/O path` })
      return
    }
    const p = host >= 0 ? hostProblem(state, host) : null
    if (p) issues.push({ id: vm.name, level: 'warning', reason: `Its host ${structure.nodes[host].id}: ${p}` })
    else if (remote > 0) issues.push({ id: vm.name, level: 'warning', reason: `${remote} of ${vm.vdiskCount} vDisks served by a remote Stargate` })
  })
  return tally(structure.vms.length, issues)
}
