/**
 * One-click rolling upgrades (DOMAIN.md §11), one node at a time under the upgrade token.
 *
 * - AOS: planned CVM shutdown (sessions handed to other Stargates) → upgrade (our rule:
 *   AOS_NODE_SECONDS, 10 minutes) → CVM back → the node is done once its VMs' sessions
 *   have failed back to the local Stargate (300 s) and Data Resiliency is OK again; only
 *   then does the next CVM go down. Never two CVMs down for the upgrade at once.
 * - AHV: the host enters maintenance mode (its VMs live-migrate off; affinity-pinned ones
 *   are powered off, as AHV does), host and CVM reboot (our rule: AHV_NODE_SECONDS, 15
 *   minutes; the host stays "in maintenance" and its CVM is down meanwhile), the host
 *   exits maintenance mode and its VMs migrate back; then as for AOS.
 * - Between nodes the upgrade checks the cluster: a failure (Data Resiliency not OK, a
 *   rebuild running, a node down) pauses it, with the reason, until that is healed; it
 *   then resumes where it stopped. Task: `RollingUpgrade`, progress per node.
 */
import { SimError } from '../kernel/errors'
import type { Kernel } from '../kernel/context'
import type { ScheduledEvent } from '../kernel/eventQueue'
import type { ClusterSpec } from '../scenario/normalize'
import type { Report, SimTask } from '../types'
import type { PlannedCvm } from './plannedCvm'
import { RELEASES, type SoftwareKind, type Versions } from './versions'

export const AOS_NODE_SECONDS = 600
export const AHV_NODE_SECONDS = 900
/** how often the upgrade looks at the cluster between nodes (active) and while paused (quiet) */
export const UPGRADE_CHECK_SECONDS = 10
export const UPGRADE_PAUSED_CHECK_SECONDS = 30

type Done = (ok: boolean, why: string | null) => void

export interface RollingContext extends Kernel {
  readonly spec: ClusterSpec
  readonly versions: Versions
  readonly plannedCvm: PlannedCvm
  /** the upgrade's named pre-checks (precheck.ts): the first failed one, or null */
  upgradePrecheck(): string | null
  /** why the cluster is not fit for the next node now (a failure to heal), or null */
  upgradeHold(): string | null
  /** the cluster is settling (a Curator scan is running): wait, this is no failure */
  settling(): boolean
  /** every session of host n's running VMs is on its local Stargate, no failback pending */
  sessionsHome(n: number): boolean
  hostEnterMaintenance(n: number, done: Done): void
  hostExitMaintenance(n: number, done: Done): void
}

type Phase = 'idle' | 'entering' | 'down' | 'exiting' | 'settle'

export class RollingUpgrade {
  kind: SoftwareKind | null = null
  state: 'running' | 'paused' | 'succeeded' | 'failed' = 'succeeded'
  current = -1
  done: number[] = []
  reason: string | null = null
  private phase: Phase = 'idle'
  private task: SimTask | null = null
  private tick: ScheduledEvent | null = null
  private gen = 0

  constructor(private readonly sim: RollingContext) {
    sim.on('upgrade-check', (p) => {
      if (p === this.gen) this.check()
    })
    sim.on('upgrade-node-done', (p) => {
      if (p === this.gen) this.nodeDone()
    })
  }

  get active(): boolean {
    return this.kind !== null && (this.state === 'running' || this.state === 'paused')
  }

  /** DRILL-API §5 `upgrade(kind)`: the pre-checks refuse with their names, else the upgrade starts. */
  start(kind: SoftwareKind): void {
    if (kind !== 'aos' && kind !== 'ahv') throw new SimError(`upgrade kind must be "aos" or "ahv", got ${JSON.stringify(kind)}`)
    const label = RELEASES[kind].label
    if (this.active) throw new SimError(`cannot start the ${label} upgrade: a ${RELEASES[this.kind!].label} upgrade is already ${this.state}`)
    if (this.sim.versions.upToDate(kind)) throw new SimError(`cannot start the ${label} upgrade: every node already runs ${label} ${RELEASES[kind].available}`)
    const refusal = this.sim.upgradePrecheck()
    if (refusal) throw new SimError(`cannot start the ${label} upgrade: ${refusal}`)
    this.kind = kind
    this.state = 'running'
    this.current = -1
    this.done = []
    this.reason = null
    this.phase = 'idle'
    this.gen++
    const n = this.sim.spec.nodes.length
    this.task = this.sim.log.startTask('RollingUpgrade', null, `Upgrade ${label} to ${RELEASES[kind].available} on ${n} nodes, one at a time`)
    this.sim.log.event('info', 'UpgradeStarted', null, `${label} rolling upgrade to ${RELEASES[kind].available} started: pre-checks passed`)
    this.check()
  }

  report(): Report['upgrade'] {
    if (this.kind === null) return null
    const ids = this.sim.spec.nodes
    return { kind: this.kind, state: this.state, current: this.current >= 0 ? ids[this.current].id : null, done: this.done.map((n) => ids[n].id), reason: this.reason }
  }

  private schedule(seconds: number, quiet: boolean): void {
    if (this.tick && !this.tick.done && !this.tick.cancelled) this.sim.queue.cancel(this.tick)
    this.tick = this.sim.schedule(seconds, 'upgrade-check', this.gen, quiet)
  }

  private describe(what: string): void {
    const { spec, log } = this.sim
    if (!this.task || this.kind === null) return
    const total = spec.nodes.length
    const step = this.current >= 0 ? `${spec.nodes[this.current].id} (${this.done.length + 1} of ${total}): ${what}` : what
    log.describeTask(this.task, `Upgrade ${RELEASES[this.kind].label} to ${RELEASES[this.kind].available}: ${step}`)
    log.progressTask(this.task, Math.min(0.99, this.done.length / total))
    this.sim.touch()
  }

  private pause(why: string): void {
    if (this.state !== 'paused') this.sim.log.event('warning', 'UpgradePaused', this.current >= 0 ? this.sim.spec.nodes[this.current].id : null, `${RELEASES[this.kind!].label} upgrade paused: ${why}`)
    this.state = 'paused'
    this.reason = why
    this.describe(`paused — ${why}`)
    this.schedule(UPGRADE_PAUSED_CHECK_SECONDS, true)
  }

  /** Between nodes (idle) or after one (settle): decide what comes next. */
  private check(): void {
    if (!this.active || (this.phase !== 'idle' && this.phase !== 'settle')) return
    const hold = this.sim.upgradeHold()
    if (hold) return this.pause(hold)
    if (this.state === 'paused') {
      this.state = 'running'
      this.reason = null
      this.sim.log.event('info', 'UpgradeResumed', null, `${RELEASES[this.kind!].label} upgrade resumed: the cluster is resilient again`)
    }
    if (this.phase === 'settle') {
      if (this.sim.settling() || !this.sim.sessionsHome(this.current)) {
        this.describe('waiting for Data Resiliency and the sessions to fail back')
        return this.schedule(UPGRADE_CHECK_SECONDS, false)
      }
      this.done.push(this.current)
      this.sim.log.event('info', 'UpgradeNodeDone', this.sim.spec.nodes[this.current].id, `${RELEASES[this.kind!].label} ${RELEASES[this.kind!].available} running on ${this.sim.spec.nodes[this.current].id}`)
      this.current = -1
      this.phase = 'idle'
    }
    const list = this.sim.versions.node[this.kind!]
    const next = list.findIndex((v) => v !== null && v !== RELEASES[this.kind!].available)
    if (next < 0) return this.finish()
    this.current = next
    this.startNode(next)
  }

  private startNode(n: number): void {
    const kind = this.kind!
    if (kind === 'aos') {
      this.phase = 'down'
      this.sim.plannedCvm.shutdown(n, 'the AOS upgrade')
      this.describe(`CVM upgrading (${AOS_NODE_SECONDS / 60} min)`)
      this.sim.schedule(AOS_NODE_SECONDS, 'upgrade-node-done', this.gen)
      return
    }
    this.phase = 'entering'
    this.describe('entering maintenance mode')
    try {
      this.sim.hostEnterMaintenance(n, (ok, why) => {
        if (!this.active || this.phase !== 'entering') return
        if (!ok) return this.backToIdle(`maintenance mode failed on ${this.sim.spec.nodes[n].id}: ${why}`)
        this.phase = 'down'
        this.sim.plannedCvm.shutdown(n, 'the AHV upgrade (host reboot)')
        this.describe(`host and CVM rebooting (${AHV_NODE_SECONDS / 60} min)`)
        this.sim.schedule(AHV_NODE_SECONDS, 'upgrade-node-done', this.gen)
      })
    } catch (e) {
      this.backToIdle((e as Error).message)
    }
  }

  private backToIdle(why: string): void {
    this.phase = 'idle'
    this.current = -1
    this.pause(why)
  }

  private nodeDone(): void {
    const n = this.current
    if (!this.active || n < 0 || this.phase !== 'down') return
    const kind = this.kind!
    this.sim.plannedCvm.bringBack(n)
    this.sim.versions.node[kind][n] = RELEASES[kind].available
    if (kind === 'aos') {
      this.phase = 'settle'
      this.describe('CVM back; waiting for Data Resiliency and the sessions to fail back')
      return this.schedule(UPGRADE_CHECK_SECONDS, false)
    }
    this.phase = 'exiting'
    this.describe('exiting maintenance mode; VMs migrate back')
    const settle = () => {
      if (!this.active || this.phase !== 'exiting') return
      this.phase = 'settle'
      this.schedule(UPGRADE_CHECK_SECONDS, false)
    }
    try {
      this.sim.hostExitMaintenance(n, settle)
    } catch {
      settle() // the administrator already took the host out of maintenance
    }
  }

  private finish(): void {
    const kind = this.kind!
    this.state = 'succeeded'
    this.current = -1
    this.reason = null
    if (this.tick && !this.tick.done && !this.tick.cancelled) this.sim.queue.cancel(this.tick)
    if (this.task) this.sim.log.endTask(this.task, 'succeeded', `${RELEASES[kind].label} ${RELEASES[kind].available} runs on every node`)
    this.task = null
    this.sim.log.event('info', 'UpgradeCompleted', null, `${RELEASES[kind].label} rolling upgrade completed: every node runs ${RELEASES[kind].available}`)
    this.sim.invalidate()
  }
}
