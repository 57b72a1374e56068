/**
 * Node removal (DOMAIN.md §12; Prism "Remove host"; DRILL-API §5 `removeNode`). Our rule
 * 17.4 (README "Storage lifecycle"), in order, each step starting when the one before ended:
 *
 * 1. Pre-check (storage/nodePrecheck.ts through the one `configurationChangeProblem`); then
 *    the host enters maintenance mode: every running VM live-migrates off (ha/maintenance.ts;
 *    a VM that cannot go refuses the removal, nothing changed). `removal` is 'removing'.
 * 2. Its OpLog episodes reopen on other nodes, and its disks are drained like disk removal
 *    (Marked for removal → Data migration initiated): disk balancing copies every copy to a
 *    disk of another node on a unit its siblings do not use before deleting it.
 * 3. Its Zookeeper server (if any) moves to another node (same unit first), the Acropolis
 *    leadership is handed over, and it leaves the metadata ring (its token ranges stream to
 *    the other members: RING_CHANGE_SECONDS).
 * 4. Its vDisk sessions served remotely are handed to other Stargates, and it is gone:
 *    `removal` 'removed', its disks 'removed', no longer drawn, counted or used.
 *
 * Each step keeps every copy, replica and quorum in place before the next starts, so the
 * failures-tolerable figures never drop and no data is lost. If the node goes down meanwhile
 * the removal fails (the node stays in the cluster, in maintenance mode; data already moved
 * stays where it went).
 */
import { formatUnits } from '../kernel/units'
import { SimError } from '../kernel/errors'
import { HOST_UP, MAINT_IN, REMOVAL_NONE, REMOVAL_REMOVED, REMOVAL_REMOVING } from '../cluster/topology'
import type { StateChange } from '../cluster/topology'
import type { SimTask } from '../types'
import { configurationChangeProblem } from '../storage/precheck'
import type { LifecycleContext } from './context'

type Phase = 'vms' | 'data' | 'metadata'

interface Removal {
  node: number
  phase: Phase
  task: SimTask
}

interface StepPayload {
  node: number
  phase: Phase
  ok: boolean
  why: string | null
}


export class NodeRemoval {
  readonly name = 'node-removal'
  private current: Removal | null = null

  constructor(private readonly ctx: LifecycleContext) {
    ctx.on('node-removal-step', (p) => this.step(p as StepPayload))
  }

  /** The node being removed, or -1. */
  get node(): number {
    return this.current?.node ?? -1
  }

  /** DRILL-API §5 `removeNode(nodeId)`: refused with the reason (nothing changed), else the NodeRemoval task starts. */
  removeNode(id: unknown): void {
    const { ctx } = this
    const { topo, spec, log } = ctx
    const n = typeof id === 'string' ? topo.nodeIndex.get(id) : undefined
    if (n === undefined) throw new SimError(`unknown node "${String(id)}"`)
    const nodeId = spec.nodes[n].id
    const problem = configurationChangeProblem(ctx.precheck, { kind: 'removeNode', node: n, facts: ctx.nodeFacts() })
    if (problem) throw new SimError(`cannot remove node "${nodeId}": ${problem}`)
    const inMaintenance = topo.maintenance[n] === MAINT_IN
    if (!inMaintenance) {
      try {
        // the callback may run at once (no VM to move): the next step is an event
        ctx.enterMaintenance(n, (ok, why) => this.next(n, 'vms', ok, why))
      } catch (e) {
        const msg = (e as Error).message
        throw new SimError(`cannot remove node "${nodeId}": its VMs cannot all live-migrate off (${msg.slice(msg.indexOf(': ') + 2)})`)
      }
    }
    topo.removal[n] = REMOVAL_REMOVING
    topo.version++
    const task = log.startTask('NodeRemoval', nodeId, `Remove host ${nodeId}: its VMs live-migrate off (maintenance mode)`)
    log.event('info', 'NodeMarkedForRemoval', nodeId, `Host ${nodeId} marked for removal: its VMs live-migrate off, then its data moves to the other nodes at full replication factor, then it leaves the metadata ring and Zookeeper`)
    this.current = { node: n, phase: 'vms', task }
    if (inMaintenance) this.next(n, 'vms', true, null)
    ctx.invalidate()
  }

  /** Go on with the removal of n after `phase` (as an event: callbacks may come from inside another subsystem's work). */
  private next(n: number, phase: Phase, ok: boolean, why: string | null): void {
    this.ctx.schedule(0, 'node-removal-step', { node: n, phase, ok, why } satisfies StepPayload)
  }

  private step(p: StepPayload): void {
    const cur = this.current
    if (!cur || cur.node !== p.node || cur.phase !== p.phase) return
    if (!p.ok) return this.fail(p.why ?? 'a step failed')
    if (p.phase === 'vms') this.migrateData()
    else if (p.phase === 'data') this.leaveMetadata()
    else this.finish()
  }

  /** Step 2: OpLog episodes elsewhere, then its disks are drained at full RF. */
  private migrateData(): void {
    const { ctx } = this
    const cur = this.current!
    const n = cur.node
    const id = ctx.spec.nodes[n].id
    cur.phase = 'data'
    ctx.reopenOplogOff(n)
    let held = 0
    for (const d of ctx.spec.nodes[n].disks) held += ctx.data.diskUnits[d]
    ctx.log.progressTask(cur.task, 0.2)
    ctx.log.describeTask(cur.task, `Remove host ${id}: its disks are marked for removal; ${formatUnits(held)} to migrate at full replication factor`)
    ctx.log.event('info', 'NodeDataMigration', id, `Data migration initiated for host ${id}: ${formatUnits(held)} move to the other nodes`)
    ctx.removal.drainNode(
      n,
      (moved, start) => {
        if (this.current !== cur) return
        ctx.log.progressTask(cur.task, 0.2 + 0.7 * (start > 0 ? moved / start : 1))
        ctx.log.describeTask(cur.task, `Remove host ${id}: data migration initiated; ${formatUnits(start - moved)} left`)
      },
      () => this.next(n, 'data', true, null),
    )
  }

  /** Step 3: Zookeeper, the Acropolis leadership and the metadata ring leave the node. */
  private leaveMetadata(): void {
    const { ctx } = this
    const cur = this.current!
    const n = cur.node
    const id = ctx.spec.nodes[n].id
    cur.phase = 'metadata'
    if (!ctx.meta.moveZookeeperOff(n)) return this.fail('no other node can take its Zookeeper server now')
    ctx.handOverLeader(n)
    ctx.log.progressTask(cur.task, 0.9)
    ctx.log.describeTask(cur.task, `Remove host ${id}: data migrated; leaving the metadata ring`)
    if (ctx.meta.ringMember[n] === 1) ctx.meta.plannedRingChange(n, false, 'the host is being removed', (ok) => this.next(n, 'metadata', ok, ok ? null : `${id} went down while leaving the metadata ring`))
    else this.next(n, 'metadata', true, null)
  }

  /** Step 4: the node is gone. */
  private finish(): void {
    const { ctx } = this
    const cur = this.current!
    this.current = null
    const n = cur.node
    const id = ctx.spec.nodes[n].id
    const moved = ctx.handOffSessions(n)
    ctx.removal.removeDrained(n)
    ctx.topo.removal[n] = REMOVAL_REMOVED
    ctx.forgetHost(n)
    ctx.topo.structureVersion++
    ctx.applyStateChange()
    ctx.recomputeAwareness()
    ctx.log.endTask(cur.task, 'succeeded', `Host ${id} removed: its VMs, data${moved > 0 ? ', vDisk sessions' : ''}, metadata ranges and services moved to the other nodes`)
    ctx.log.event('info', 'NodeRemoved', id, `Host ${id} was removed from the cluster`)
    ctx.invalidate()
  }

  private fail(why: string): void {
    const { ctx } = this
    const cur = this.current!
    this.current = null
    const n = cur.node
    const id = ctx.spec.nodes[n].id
    if (cur.phase === 'data') ctx.removal.cancelDrain()
    ctx.topo.removal[n] = REMOVAL_NONE
    ctx.topo.version++
    ctx.log.endTask(cur.task, 'failed', `Removal of host ${id} failed: ${why}`)
    ctx.log.event('warning', 'NodeRemovalFailed', id, `Removal of host ${id} failed: ${why}; the host stays in the cluster${ctx.topo.maintenance[n] === MAINT_IN ? ' (in maintenance mode)' : ''}`)
    ctx.invalidate()
  }

  /** After every change of component state: the node being removed must stay up. */
  onStateChange(_change: StateChange): void {
    const cur = this.current
    if (!cur) return
    const { topo, spec } = this.ctx
    const n = cur.node
    if (topo.hostState[n] !== HOST_UP || !topo.cvmServing(n)) this.fail(`${spec.nodes[n].id} went down`)
  }
}
