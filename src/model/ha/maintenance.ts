/**
 * Host maintenance mode (DOMAIN.md §11). Entering live-migrates every running VM off the
 * host (all destinations are reserved first: if one VM cannot go, nothing moves and the
 * refusal names it); VMs whose affinity allows only this host are powered off, as AHV
 * does. Once every migration has finished the host is "in" maintenance: it runs no VMs
 * and takes none (HA restarts, placement, segments all skip it). Exiting brings the host
 * back into service and live-migrates its VMs back (those that still run and may go
 * back), and powers on the affinity-pinned VMs it powered off. Task: `HostMaintenance`.
 */
import { SimError } from '../kernel/errors'
import { MAINT_ENTERING, MAINT_EXITING, MAINT_IN, MAINT_NONE, MAINTENANCE_STATES } from '../cluster/topology'
import { POWER_OFF, POWER_ON } from '../cluster/vms'
import type { SimTask } from '../types'
import type { MigrationContext, Migrations } from './migration'
import { grown } from '../kernel/grow'

export interface MaintenanceContext extends MigrationContext {
  readonly migrations: Migrations
  /** power VM v off (the administrator's power-off) */
  powerOffVm(v: number, why: string): void
  /** power VM v on where admission allows; the refusal or null */
  powerOnVm(v: number): string | null
}

type Done = (ok: boolean, why: string | null) => void

export class Maintenance {
  /** per host: VMs migrated off when it entered maintenance (they go back on exit) */
  private readonly away: number[][]
  /** per host: affinity-pinned VMs powered off when it entered maintenance */
  private readonly pinnedOff: number[][]
  private readonly task: Array<SimTask | null>
  private pending: Int32Array
  private readonly done: Array<Done | null>

  constructor(private readonly sim: MaintenanceContext) {
    const n = sim.spec.nodes.length
    this.away = Array.from({ length: n }, () => [])
    this.pinnedOff = Array.from({ length: n }, () => [])
    this.task = new Array(n).fill(null)
    this.pending = new Int32Array(n)
    this.done = new Array(n).fill(null)
  }

  /** The cluster grew (lifecycle/expansion.ts): the new hosts are in service. */
  growHosts(): void {
    const n = this.sim.spec.nodes.length
    while (this.away.length < n) {
      this.away.push([])
      this.pinnedOff.push([])
      this.task.push(null)
      this.done.push(null)
    }
    this.pending = grown(this.pending, n)
  }

  /** Node removal (lifecycle/nodeRemoval.ts): host h leaves the cluster; nothing goes back to it. */
  forget(h: number): void {
    this.away[h] = []
    this.pinnedOff[h] = []
    this.sim.topo.maintenance[h] = MAINT_NONE
    this.sim.topo.version++
  }

  state(h: number): (typeof MAINTENANCE_STATES)[number] {
    return MAINTENANCE_STATES[this.sim.topo.maintenance[h]]
  }

  private node(nodeId: string): number {
    const h = this.sim.topo.nodeIndex.get(nodeId)
    if (h === undefined) throw new SimError(`unknown node "${String(nodeId)}"`)
    return h
  }

  /** DRILL-API §5 `enterMaintenance(nodeId)`; `internal` skips the pre-check (the AHV upgrade already passed it). */
  enter(nodeId: string, done: Done | null = null, internal = false): void {
    const h = this.node(nodeId)
    const { spec, topo, vms, ha, migrations, log } = this.sim
    const id = spec.nodes[h].id
    const refuse = (why: string) => new SimError(`cannot enter maintenance mode on ${id}: ${why}`)
    if (topo.removal[h] !== 0) throw refuse(topo.nodeActive(h) ? 'the host is being removed' : 'the host was removed from the cluster')
    if (topo.maintenance[h] !== MAINT_NONE) throw refuse(`the host is already ${this.state(h) === 'in' ? 'in maintenance' : `${this.state(h)} maintenance`}`)
    if (!topo.hostUp(h)) throw refuse(`the host is ${topo.hostState[h] === 1 ? 'down' : 'partitioned'}`)
    if (!internal) {
      const r = this.sim.plannedOperationRefusal('enterMaintenance')
      if (r) throw refuse(r)
    }
    if (migrations.involving(h) > 0) throw refuse(`a live migration to or from it is in progress`)
    const running: number[] = []
    for (let v = 0; v < vms.count; v++) if (vms.power[v] === POWER_ON && vms.host[v] === h) running.push(v)
    running.sort((a, b) => spec.vms[b].memoryBytes - spec.vms[a].memoryBytes || a - b)
    const pinned = running.filter((v) => spec.vms[v].affinity?.every((x) => x === h) === true)
    const movable = running.filter((v) => !pinned.includes(v))
    const saved = ha.snapshot()
    topo.maintenance[h] = MAINT_ENTERING
    const plan: Array<[number, number]> = []
    for (const v of movable) {
      const pick = ha.pickHost(v)
      if ('refusal' in pick) {
        ha.restoreSnapshot(saved)
        topo.maintenance[h] = MAINT_NONE
        throw refuse(`VM ${spec.vms[v].name} cannot be live-migrated: ${pick.refusal}`)
      }
      ha.commitMove(v, pick.host)
      plan.push([v, pick.host])
    }
    topo.version++
    // the reservations are made: undo them and let the migrations redo them one by one
    ha.restoreSnapshot(saved)
    this.away[h] = plan.map(([v]) => v)
    this.pinnedOff[h] = pinned
    this.done[h] = done
    this.task[h] = log.startTask('HostMaintenance', id, `Enter maintenance mode on ${id}: live-migrate ${plan.length} VM(s)${pinned.length ? `, power off ${pinned.length} VM(s) pinned to it by affinity` : ''}`)
    log.event('info', 'MaintenanceEntering', id, `Host ${id} is entering maintenance mode`)
    for (const v of pinned) this.sim.powerOffVm(v, `pinned by VM-host affinity to ${id}, which enters maintenance mode`)
    this.pending[h] = plan.length
    for (const [v, to] of plan) {
      if (ha.moveRefusal(v, to) === null) migrations.start(v, to, (ok, why) => this.migrated(h, ok, why))
      else this.migrated(h, false, `the reservation for ${spec.vms[v].name} on ${spec.nodes[to].id} no longer fits`)
    }
    if (plan.length === 0) this.settle(h)
    this.sim.invalidate()
  }

  /** DRILL-API §5 `exitMaintenance(nodeId)`. */
  exit(nodeId: string, done: Done | null = null, internal = false): void {
    const h = this.node(nodeId)
    const { spec, topo, vms, ha, migrations, log } = this.sim
    const id = spec.nodes[h].id
    const refuse = (why: string) => new SimError(`cannot exit maintenance mode on ${id}: ${why}`)
    if (topo.removal[h] !== 0) throw refuse(topo.nodeActive(h) ? 'the host is being removed (its VMs and data are moving off it)' : 'the host was removed from the cluster')
    if (topo.maintenance[h] !== MAINT_IN) throw refuse(topo.maintenance[h] === MAINT_NONE ? 'the host is not in maintenance mode' : `the host is ${this.state(h)} maintenance`)
    if (!internal) {
      if (topo.plannedCvm[h] !== 0) throw refuse('the host is rebooting for the AHV upgrade')
      const r = this.sim.plannedOperationRefusal('exitMaintenance')
      if (r) throw refuse(r)
    }
    topo.maintenance[h] = MAINT_EXITING
    topo.version++
    this.done[h] = done
    this.task[h] = log.startTask('HostMaintenance', id, `Exit maintenance mode on ${id}: its VMs migrate back`)
    log.event('info', 'MaintenanceExiting', id, `Host ${id} is exiting maintenance mode`)
    ha.reprotectNow()
    const back = this.away[h].filter((v) => vms.power[v] === POWER_ON && migrations.destination(v) < 0 && vms.host[v] !== h)
    this.away[h] = []
    let started = 0
    for (const v of back) {
      const r = ha.moveRefusal(v, h)
      if (r) {
        log.event('info', 'VmStays', spec.vms[v].id, `VM ${spec.vms[v].name} stays on ${spec.nodes[vms.host[v]].id}: ${r}`)
        continue
      }
      started++
      migrations.start(v, h, (ok, why) => this.migrated(h, ok, why))
    }
    for (const v of this.pinnedOff[h]) {
      if (vms.power[v] !== POWER_OFF) continue
      const r = this.sim.powerOnVm(v)
      if (r) log.event('warning', 'VmPowerOnFailed', spec.vms[v].id, `VM ${spec.vms[v].name} could not be powered on after maintenance: ${r}`)
    }
    this.pinnedOff[h] = []
    this.pending[h] = started
    if (started === 0) this.settle(h)
    this.sim.invalidate()
  }

  private migrated(h: number, ok: boolean, why: string | null): void {
    this.pending[h]--
    const { spec, topo, log } = this.sim
    if (!ok && topo.maintenance[h] === MAINT_ENTERING) {
      // a VM is still on the host: entering fails, the host stays in service
      topo.maintenance[h] = MAINT_NONE
      topo.version++
      const t = this.task[h]
      if (t) log.endTask(t, 'failed', `A live migration failed: ${why}`)
      this.task[h] = null
      log.event('warning', 'MaintenanceFailed', spec.nodes[h].id, `Host ${spec.nodes[h].id} could not enter maintenance mode: ${why}`)
      this.finishWith(h, false, why)
      return
    }
    if (this.pending[h] <= 0) this.settle(h)
  }

  private settle(h: number): void {
    const { spec, topo, log, ha } = this.sim
    const id = spec.nodes[h].id
    const t = this.task[h]
    this.task[h] = null
    if (topo.maintenance[h] === MAINT_ENTERING) {
      topo.maintenance[h] = MAINT_IN
      ha.reprotectNow()
      if (t) log.endTask(t, 'succeeded', `Host ${id} is in maintenance mode: it runs no VMs`)
      log.event('info', 'MaintenanceEntered', id, `Host ${id} is in maintenance mode`)
    } else if (topo.maintenance[h] === MAINT_EXITING) {
      topo.maintenance[h] = MAINT_NONE
      if (t) log.endTask(t, 'succeeded', `Host ${id} is back in service`)
      log.event('info', 'MaintenanceExited', id, `Host ${id} exited maintenance mode`)
    }
    topo.version++
    this.sim.invalidate()
    this.finishWith(h, true, null)
  }

  private finishWith(h: number, ok: boolean, why: string | null): void {
    const d = this.done[h]
    this.done[h] = null
    d?.(ok, why)
  }
}
