/**
 * Health of VMs, hosts and disks, read from the model's live state (no guesses). Our rules
 * (README 18.11):
 * - Host: down → critical; partitioned or CVM down → warning; in maintenance → warning.
 * - Disk: offline → critical; behind a host that is down / partitioned / has its CVM down →
 *   warning (not reachable); marked for removal or migrating its data → warning. Removed disks
 *   are not listed.
 * - VM: running with failing I/O (unavailable data, no Stargate), or off because HA could not
 *   restart it (an open VmRestartFailed alert) → critical; restarting → warning; running on a
 *   host with a problem or with a vDisk served by a remote Stargate → warning. A VM that is
 *   simply off is good.
 */
import type { IoSection, SimAlert, StateSection, Structure, VmSection } from '../bridge/types'
import { CVM_DOWN, DISK_OFFLINE, HOST_DOWN, HOST_PARTITIONED, POWER_OFF, POWER_ON, POWER_RESTARTING } from '../bridge/types'
import { diskStatusWords } from '../hardware/entities'

export type HealthLevel = 'good' | 'warning' | 'critical'

/** Worst first, as the lists sort them. */
export const HEALTH_LEVELS: readonly HealthLevel[] = ['critical', 'warning', 'good']
export const HEALTH_WORD: Record<HealthLevel, string> = { good: 'Good', warning: 'Warning', critical: 'Critical' }
export const HEALTH_RANK: Record<HealthLevel, number> = { critical: 0, warning: 1, good: 2 }

/** One entity on the Health page. */
export interface HealthRow {
  /** unique within its type (ids for testids and keys) */
  key: string
  /** what the list shows in its first column */
  name: string
  level: HealthLevel
  /** why it is not good (or what it is doing when good) */
  reason: string
  /** the type's own columns (entityTypes.ts), by column key */
  info: Record<string, string | number | null>
}

export interface EntityHealth {
  /** worst first, then in the model's order */
  rows: HealthRow[]
  good: number
  warning: number
  critical: number
}

export function tallyRows(rows: HealthRow[]): EntityHealth {
  const out: EntityHealth = { rows: [...rows].sort((a, b) => HEALTH_RANK[a.level] - HEALTH_RANK[b.level]), good: 0, warning: 0, critical: 0 }
  for (const r of rows) out[r.level]++
  return out
}

/** Why a host's services are unreachable, or null. */
export function hostProblem(state: StateSection, n: number): string | null {
  if (state.hostState[n] === HOST_DOWN) return 'host is down'
  if (state.hostState[n] === HOST_PARTITIONED) return 'host is partitioned from the cluster network'
  if (state.cvmState[n] === CVM_DOWN) return 'Controller VM is down'
  return null
}

const MAINTENANCE = ['', 'Entering maintenance mode', 'In maintenance mode', 'Exiting maintenance mode']

/** a removed host (and its disks) is no longer part of the cluster: not listed, not counted */
export const nodeRemoved = (state: StateSection, n: number): boolean => (state.removal?.[n] ?? 0) === 2

export function hostRows(structure: Structure, state: StateSection, vms: VmSection | null, io: IoSection | null): EntityHealth {
  const running = new Int32Array(structure.nodes.length)
  if (vms) for (let v = 0; v < vms.host.length; v++) if (vms.power[v] !== POWER_OFF && vms.host[v] >= 0) running[vms.host[v]]++
  return tallyRows(
    structure.nodes.flatMap((node, n): HealthRow[] => {
      if (nodeRemoved(state, n)) return []
      const maintenance = state.maintenance?.[n] ?? 0
      let level: HealthLevel = 'good'
      let reason = 'Normal'
      if (state.hostState[n] === HOST_DOWN) [level, reason] = ['critical', 'Host is down']
      else if (state.hostState[n] === HOST_PARTITIONED) [level, reason] = ['warning', 'Host is partitioned from the cluster network']
      else if (state.cvmState[n] === CVM_DOWN) [level, reason] = ['warning', 'Controller VM is down: its disks are offline, its VMs use remote Stargates']
      else if (maintenance !== 0) [level, reason] = ['warning', MAINTENANCE[maintenance] ?? 'In maintenance mode']
      else if ((state.removal?.[n] ?? 0) === 1) [level, reason] = ['warning', 'Being removed from the cluster']
      return [{
        key: node.id,
        name: node.id,
        level,
        reason,
        info: {
          block: structure.blocks[node.block]?.id ?? null,
          hostIp: node.hostIp,
          cvm: state.hostState[n] === HOST_DOWN ? 'Down' : state.cvmState[n] === CVM_DOWN ? 'Down' : 'Up',
          vms: running[n],
          cpu: io?.nodeCpuPct[n] ?? null,
        },
      }]
    }),
  )
}

export function diskRows(structure: Structure, state: StateSection): EntityHealth {
  const rows: HealthRow[] = []
  structure.disks.forEach((disk, d) => {
    const phase = state.diskPhase?.[d] ?? 0
    if (phase === 3 || nodeRemoved(state, disk.node)) return // removed: no longer part of the cluster
    const node = structure.nodes[disk.node]
    let level: HealthLevel = 'good'
    let reason = 'Normal'
    const p = hostProblem(state, disk.node)
    if (state.diskMode[d] === DISK_OFFLINE) [level, reason] = ['critical', 'Disk is offline']
    else if (p) [level, reason] = ['warning', `Not reachable: ${node.id} ${p}`]
    else if (phase !== 0) [level, reason] = ['warning', `${diskStatusWords(state, d)}: its data is copied to other disks first`]
    rows.push({
      key: disk.id,
      name: disk.id,
      level,
      reason,
      info: {
        host: node.id,
        tier: disk.tier,
        mode: state.diskMode[d] === DISK_OFFLINE ? 'Offline' : 'Online',
        status: diskStatusWords(state, d),
        usage: disk.capacityBytes > 0 ? Math.round(((state.diskUsedBytes[d] ?? 0) / disk.capacityBytes) * 1000) / 10 : null,
      },
    })
  })
  return tallyRows(rows)
}

const POWER_WORD = ['On', 'Off', 'Restarting']

/** VMs HA could not restart (open VmRestartFailed alerts: VM id → message). */
export function restartFailures(alerts: readonly SimAlert[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const a of alerts) if (a.type === 'VmRestartFailed' && a.resolvedTime === null && a.entity) out.set(a.entity, a.message)
  return out
}

export function vmRows(structure: Structure, state: StateSection, vms: VmSection, io: IoSection | null, restartFailed: ReadonlyMap<string, string> = new Map()): EntityHealth {
  return tallyRows(
    structure.vms.map((vm, v): HealthRow => {
      const power = vms.power[v]
      const host = vms.host[v]
      let level: HealthLevel = 'good'
      let reason = power === POWER_ON ? 'Running' : 'Powered off'
      const errors = io?.vmErrors[v] ?? 0
      if (power === POWER_RESTARTING) [level, reason] = ['warning', 'Restarting (HA)']
      else if (power === POWER_OFF) {
        const failed = restartFailed.get(vm.id)
        if (failed) [level, reason] = ['critical', failed]
      } else if (power === POWER_ON) {
        let none = 0
        let remote = 0
        for (let k = 0; k < vm.vdiskCount; k++) {
          const sg = vms.vdiskStargate[vm.vdiskStart + k]
          if (sg < 0) none++
          else if (sg !== host) remote++
        }
        const p = host >= 0 ? hostProblem(state, host) : null
        if (none > 0) [level, reason] = ['critical', `${none} of ${vm.vdiskCount} vDisks have no I/O path`]
        else if (errors > 0) [level, reason] = ['critical', `I/O errors: ${Math.round(errors)} per second (some of its data is unavailable)`]
        else if (p) [level, reason] = ['warning', `Its host ${structure.nodes[host].id}: ${p}`]
        else if (remote > 0) [level, reason] = ['warning', `${remote} of ${vm.vdiskCount} vDisks served by a remote Stargate`]
      }
      return {
        key: vm.id,
        name: vm.name,
        level,
        reason,
        info: {
          power: POWER_WORD[power] ?? null,
          host: host >= 0 && power !== POWER_OFF ? structure.nodes[host].id : null,
          vcpus: vm.vcpus,
          memory: vm.memoryBytes,
          errors: power === POWER_ON ? Math.round(errors) : null,
        },
      }
    }),
  )
}
