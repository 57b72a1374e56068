/**
 * Planned operations, composed (DOMAIN.md §11): live migration and maintenance mode
 * (ha/migration.ts, ha/maintenance.ts), the planned CVM shutdown, the software versions
 * and the rolling upgrades. The composition root hands in a `PlannedHost`; this object is
 * the context of each part, so the root only delegates the drill API calls here.
 */
import type { Kernel } from '../kernel/context'
import { SimError } from '../kernel/errors'
import type { EventQueue } from '../kernel/eventQueue'
import type { ClusterLog } from '../kernel/log'
import type { Prng } from '../kernel/prng'
import type { Topology } from '../cluster/topology'
import { HOST_UP } from '../cluster/topology'
import type { VmTable } from '../cluster/vms'
import type { ClusterSpec } from '../scenario/normalize'
import type { VmHa } from '../ha/ha'
import { Maintenance, type MaintenanceContext } from '../ha/maintenance'
import { Migrations } from '../ha/migration'
import { PlannedCvm, type PlannedCvmContext } from './plannedCvm'
import { plannedOperationRefusal, upgradePrecheck, type PlannedOperation, type PrecheckSource } from './precheck'
import { RollingUpgrade, type RollingContext } from './rolling'
import { Versions, type SoftwareKind } from './versions'

/** What the composition root gives the planned operations. */
export interface PlannedHost extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly vms: VmTable
  readonly ha: VmHa
  readonly curatorScanning: boolean
  /** Data Resiliency status from the fault tolerance (without the scan) */
  resiliencyStatus(): 'OK' | 'Warning' | 'Critical'
  rebuildRunning(): boolean
  handOffSessions(n: number): number
  sessionsHome(n: number): boolean
  onVmMigrated(v: number): void
  powerOffVm(v: number, why: string): void
  powerOnVm(v: number): string | null
  applyStateChange(): void
  curatorReplan(): void
  /** no Zookeeper quorum: why the configuration cannot change (metadata/quorum.ts), else null */
  configChangeRefusal(): string | null
}

export class PlannedOps implements MaintenanceContext, PlannedCvmContext, RollingContext, PrecheckSource {
  readonly migrations: Migrations
  readonly maintenance: Maintenance
  readonly plannedCvm: PlannedCvm
  readonly versions: Versions
  readonly upgrades: RollingUpgrade

  constructor(private readonly host: PlannedHost) {
    this.versions = new Versions(host.spec.nodes.length)
    this.migrations = new Migrations(this)
    this.maintenance = new Maintenance(this)
    this.plannedCvm = new PlannedCvm(this)
    this.upgrades = new RollingUpgrade(this)
  }

  // ------------------------------------------------------------ the drill API (DRILL-API §5)
  migrate(vmId: string, hostId?: string): void {
    this.migrations.migrate(vmId, hostId)
  }
  enterMaintenance(nodeId: string): void {
    this.maintenance.enter(nodeId)
  }
  exitMaintenance(nodeId: string): void {
    this.maintenance.exit(nodeId)
  }
  upgrade(kind: SoftwareKind): void {
    const r = plannedOperationRefusal(this, 'upgrade')
    if (r) throw new SimError(`cannot start the upgrade: ${r}`)
    this.upgrades.start(kind)
  }

  // ------------------------------------------------------------ kernel, delegated
  get time(): number { return this.host.time }
  get timeMs(): number { return this.host.timeMs }
  get rng(): Prng { return this.host.rng }
  get log(): ClusterLog { return this.host.log }
  get queue(): EventQueue { return this.host.queue }
  on(type: string, handler: Parameters<Kernel['on']>[1]): void { this.host.on(type, handler) }
  schedule<P>(delaySeconds: number, type: string, payload: P, quiet?: boolean) { return this.host.schedule(delaySeconds, type, payload, quiet) }
  invalidate(): void { this.host.invalidate() }
  touch(): void { this.host.touch() }
  faultToleranceEvaluated(): void { this.host.faultToleranceEvaluated() }
  idleUntilMs(): number { return this.host.idleUntilMs() }
  get spec(): ClusterSpec { return this.host.spec }
  get topo(): Topology { return this.host.topo }
  get vms(): VmTable { return this.host.vms }
  get ha(): VmHa { return this.host.ha }

  // ------------------------------------------------------------ the parts' contexts
  plannedOperationRefusal(op: string): string | null {
    return plannedOperationRefusal(this, op as PlannedOperation)
  }
  onVmMigrated(v: number): void { this.host.onVmMigrated(v) }
  powerOffVm(v: number, why: string): void { this.host.powerOffVm(v, why) }
  powerOnVm(v: number): string | null { return this.host.powerOnVm(v) }
  handOffSessions(n: number): number { return this.host.handOffSessions(n) }
  applyStateChange(): void { this.host.applyStateChange() }
  curatorReplan(): void { this.host.curatorReplan() }
  sessionsHome(n: number): boolean { return this.host.sessionsHome(n) }
  settling(): boolean { return this.host.curatorScanning }
  hostEnterMaintenance(n: number, done: (ok: boolean, why: string | null) => void): void {
    this.maintenance.enter(this.spec.nodes[n].id, done, true)
  }
  hostExitMaintenance(n: number, done: (ok: boolean, why: string | null) => void): void {
    this.maintenance.exit(this.spec.nodes[n].id, done, true)
  }

  // ------------------------------------------------------------ pre-checks (precheck.ts)
  get quorum(): boolean { return this.host.ha.quorum }
  configChangeRefusal(): string | null { return this.host.configChangeRefusal() }
  resiliencyStatus(): 'OK' | 'Warning' | 'Critical' | 'Computing' {
    return this.host.curatorScanning ? 'Computing' : this.host.resiliencyStatus()
  }
  rebuildRunning(): boolean { return this.host.rebuildRunning() }
  nodesNotUp(): string[] {
    const { spec, topo } = this.host
    return spec.nodes.filter((_, n) => topo.nodeActive(n) && (topo.hostState[n] !== HOST_UP || !topo.cvmServing(n) || topo.maintenance[n] !== 0)).map((x) => x.id)
  }
  upgradeActive(): boolean { return this.upgrades.active }
  upgradePrecheck(): string | null { return upgradePrecheck(this) }
  /** A failure the upgrade waits on (it pauses): resiliency not OK, a rebuild, a node down (the node being upgraded excepted). */
  upgradeHold(): string | null {
    const { spec, topo } = this.host
    if (this.host.rebuildRunning()) return 'a data rebuild is running'
    for (let n = 0; n < spec.nodes.length; n++) {
      if (!topo.nodeActive(n)) continue
      if (topo.hostState[n] !== HOST_UP) return `host ${spec.nodes[n].id} is ${topo.hostState[n] === 1 ? 'down' : 'partitioned'}`
      if (!topo.cvmServing(n) && topo.plannedCvm[n] === 0) return `the CVM on ${spec.nodes[n].id} is down`
      if (topo.maintenance[n] !== 0 && n !== this.upgrades.current) return `host ${spec.nodes[n].id} is in maintenance mode`
    }
    if (!this.quorum) return 'no quorum'
    if (!this.host.curatorScanning) {
      const st = this.host.resiliencyStatus()
      if (st !== 'OK') return `Data Resiliency is ${st}`
    }
    return null
  }
}
