/**
 * Planned CVM shutdown (DOMAIN.md §11), used by the rolling upgrades: the CVM's vDisk
 * sessions are handed to other Stargates before it stops (no I/O stall), and Curator
 * does not rebuild its disks' data while it is expected back. Our rule: if the CVM is
 * still down PLANNED_GRACE_SECONDS (30 minutes) after it stopped, the rebuild starts as
 * for a failure. Failback to the local Stargate follows as usual (300 s) once it is back.
 */
import type { Kernel } from '../kernel/context'
import type { ClusterSpec } from '../scenario/normalize'
import { PLANNED_EXPECTED, PLANNED_OVERDUE, type Topology } from '../cluster/topology'
import { grown } from '../kernel/grow'

export const PLANNED_GRACE_SECONDS = 30 * 60

export interface PlannedCvmContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  /** hand the sessions Stargate n serves to other Stargates; returns how many moved */
  handOffSessions(n: number): number
  /** derive component states from faults and planned work, and let every part react */
  applyStateChange(): void
  /** Curator looks again at which data lacks a copy (a planned outage became overdue) */
  curatorReplan(): void
}

export class PlannedCvm {
  private gen: Uint32Array

  constructor(private readonly sim: PlannedCvmContext) {
    this.gen = new Uint32Array(sim.spec.nodes.length)
    sim.on('planned-cvm-overdue', (p) => this.overdue(p as { node: number; gen: number }))
  }

  /** The cluster grew (lifecycle/expansion.ts). */
  growNodes(): void {
    this.gen = grown(this.gen, this.sim.spec.nodes.length)
  }

  isDown(n: number): boolean {
    return this.sim.topo.plannedCvm[n] !== 0
  }

  shutdown(n: number, why: string): void {
    const { spec, topo, log } = this.sim
    const id = spec.nodes[n].id
    const moved = this.sim.handOffSessions(n)
    topo.plannedCvm[n] = PLANNED_EXPECTED
    this.gen[n]++
    log.event('info', 'CvmPlannedShutdown', id, `CVM on ${id} shut down for ${why}; ${moved} vDisk session${moved === 1 ? '' : 's'} handed to other Stargates first; no rebuild unless it stays down ${PLANNED_GRACE_SECONDS / 60} minutes`)
    this.sim.schedule(PLANNED_GRACE_SECONDS, 'planned-cvm-overdue', { node: n, gen: this.gen[n] }, true)
    this.sim.applyStateChange()
  }

  bringBack(n: number): void {
    const { spec, topo, log } = this.sim
    if (topo.plannedCvm[n] === 0) return
    topo.plannedCvm[n] = 0
    this.gen[n]++
    log.event('info', 'CvmPlannedStart', spec.nodes[n].id, `CVM on ${spec.nodes[n].id} is back after planned work`)
    this.sim.applyStateChange()
  }

  private overdue(p: { node: number; gen: number }): void {
    const { spec, topo, log } = this.sim
    if (this.gen[p.node] !== p.gen || topo.plannedCvm[p.node] !== PLANNED_EXPECTED) return
    topo.plannedCvm[p.node] = PLANNED_OVERDUE
    log.event('warning', 'CvmPlannedOverdue', spec.nodes[p.node].id, `CVM on ${spec.nodes[p.node].id} is still down ${PLANNED_GRACE_SECONDS / 60} minutes after its planned shutdown: Curator rebuilds its data`)
    this.sim.curatorReplan()
  }
}
