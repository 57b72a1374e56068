/**
 * Live migration (AHV, DOMAIN.md §11): a running VM moves to another host without powering
 * off. Its memory is copied over the network (our rule: memory ÷ 10 Gb/s + 2 s, the
 * `VmMigrate` task), then its vDisk sessions log in to the new host's local Stargate.
 * The destination's memory (and in Guarantee mode the VM's failover segments) is reserved
 * when the migration starts, so concurrent migrations never overcommit a host; a
 * migration that would break affinity or the Guarantee layout is refused with the reason.
 */
import { SimError } from '../kernel/errors'
import type { Kernel } from '../kernel/context'
import type { ClusterSpec } from '../scenario/normalize'
import type { Topology } from '../cluster/topology'
import { POWER_ON, type VmTable } from '../cluster/vms'
import type { SimTask } from '../types'
import type { VmHa } from './ha'

/** Our rule: the memory copy runs at 10 Gb/s, plus 2 s to switch over. */
export const MIGRATION_BYTES_PER_SECOND = 10e9 / 8
export const MIGRATION_SWITCHOVER_SECONDS = 2

export function migrationSeconds(memoryBytes: number): number {
  return Math.round((memoryBytes / MIGRATION_BYTES_PER_SECOND + MIGRATION_SWITCHOVER_SECONDS) * 1000) / 1000
}

/** What live migration uses: kernel services, the VMs and hosts, HA's placement, and the composition root's hooks. */
export interface MigrationContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly vms: VmTable
  readonly ha: VmHa
  /** the single pre-check of configuration-changing operations (upgrade/precheck.ts); null when allowed */
  plannedOperationRefusal(operation: string): string | null
  /** VM v now runs on vms.host[v]: its sessions and OpLog episodes move to the new host */
  onVmMigrated(v: number): void
}

interface Move {
  v: number
  from: number
  to: number
  task: SimTask
  done: ((ok: boolean, why: string | null) => void) | null
}

export class Migrations {
  private readonly moves = new Map<number, Move>()

  constructor(private readonly sim: MigrationContext) {
    sim.on('vm-migrate-done', (p) => this.finish(p as number))
  }

  /** DRILL-API §5 `migrate(vmId, hostId?)`: refuses with the reason, else starts the VmMigrate task. */
  migrate(vmId: string, hostId?: string): void {
    const { spec, topo, vms, ha } = this.sim
    const v = vms.index.get(vmId)
    if (v === undefined) throw new SimError(`unknown VM "${String(vmId)}"`)
    if (hostId !== undefined && hostId !== null && !topo.nodeIndex.has(hostId)) throw new SimError(`unknown host "${String(hostId)}"`)
    const name = spec.vms[v].name
    if (vms.power[v] !== POWER_ON) throw new SimError(`cannot migrate VM "${vmId}": it is not running`)
    if (this.moves.has(v)) throw new SimError(`cannot migrate VM "${vmId}": a live migration of ${name} is already in progress`)
    const refusal = this.sim.plannedOperationRefusal('migrate')
    if (refusal) throw new SimError(`cannot migrate VM "${vmId}": ${refusal}`)
    let to: number
    if (hostId === undefined || hostId === null) {
      const pick = ha.pickHost(v)
      if ('refusal' in pick) throw new SimError(`cannot migrate VM "${vmId}": ${pick.refusal}`)
      to = pick.host
    } else {
      to = topo.nodeIndex.get(hostId)!
      const r = ha.moveRefusal(v, to)
      if (r) throw new SimError(`cannot migrate VM "${vmId}" to ${hostId}: ${r}`)
    }
    this.start(v, to, null)
  }

  /** Start moving v to `to` (the caller checked ha.moveRefusal / pickHost just before). */
  start(v: number, to: number, done: Move['done']): void {
    const { spec, vms, ha, log } = this.sim
    const from = vms.host[v]
    ha.commitMove(v, to)
    const s = spec.vms[v]
    const seconds = migrationSeconds(s.memoryBytes)
    const task = log.startTask('VmMigrate', s.id, `Live-migrate ${s.name} from ${spec.nodes[from].id} to ${spec.nodes[to].id} (${Math.round(s.memoryBytes / 1024 ** 3)} GiB of memory, ${seconds} s)`)
    this.moves.set(v, { v, from, to, task, done })
    this.sim.schedule(seconds, 'vm-migrate-done', v)
    this.sim.invalidate()
  }

  /** VM v is being migrated (its destination), or -1. */
  destination(v: number): number {
    return this.moves.get(v)?.to ?? -1
  }
  /** Migrations in progress from or to host h. */
  involving(h: number): number {
    let k = 0
    for (const m of this.moves.values()) if (m.from === h || m.to === h) k++
    return k
  }
  get count(): number {
    return this.moves.size
  }

  private finish(v: number): void {
    const m = this.moves.get(v)
    if (!m) return
    this.moves.delete(v)
    const { spec, topo, vms, ha, log } = this.sim
    const s = spec.vms[v]
    const dst = spec.nodes[m.to].id
    let why: string | null = null
    if (vms.power[v] !== POWER_ON || vms.host[v] !== m.from) why = `${s.name} stopped running on ${spec.nodes[m.from].id} during the migration`
    else if (!topo.hostUp(m.to)) why = `host ${dst} went down during the migration`
    if (why) {
      // the reservation goes back to where the VM runs now (if it runs)
      if (vms.power[v] === POWER_ON && vms.host[v] >= 0) ha.commitMove(v, vms.host[v])
      log.endTask(m.task, 'failed', why)
      log.event('warning', 'VmMigrateFailed', s.id, `Live migration of ${s.name} to ${dst} failed: ${why}`)
    } else {
      vms.host[v] = m.to
      this.sim.onVmMigrated(v)
      log.endTask(m.task, 'succeeded', `${s.name} runs on ${dst}; its vDisk sessions logged in to ${dst}'s Stargate`)
      log.event('info', 'VmMigrated', s.id, `VM ${s.name} live-migrated from ${spec.nodes[m.from].id} to ${dst}`)
    }
    vms.version++
    this.sim.invalidate()
    m.done?.(why === null, why)
  }
}
