/**
 * The composition root's side of node removal and cluster expansion (lifecycle/): what they
 * may read and do in the rest of the model, built from the Simulation's public parts so
 * simulation.ts only wires the drill API calls. `growTables` is the one place that knows
 * every table sized by nodes or disks (README "Storage lifecycle", rule 17.5).
 */
import { withKernel } from './kernel/kernelView'
import { effectiveAwareness, minimumUnits } from './cluster/awareness'
import type { Topology } from './cluster/topology'
import { POWER_ON, type VmTable } from './cluster/vms'
import type { Kernel } from './kernel/context'
import type { ClusterSpec } from './scenario/normalize'
import type { Domain } from './types'
import type { DataStore, OplogStore } from './storage/data'
import type { Curator } from './storage/curator/curator'
import type { DiskHealth } from './storage/hades'
import type { StorageRemoval } from './storage/removal'
import type { NodeChangeFacts } from './storage/nodePrecheck'
import type { FaultToleranceResult } from './storage/tolerance/resiliency'
import type { MetadataService } from './metadata/service'
import type { VmHa } from './ha/ha'
import type { IoPaths } from './iopath/iopath'
import type { PlannedOps } from './upgrade/plannedOps'
import type { LifecycleContext } from './lifecycle/context'
import { LEVEL_OF } from './storage/domainIndex'

/** The parts of the Simulation used here (a structural type: no import of simulation.ts). */
export interface LifecycleRoot extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly vms: VmTable
  /** mutable: recomputed when units come or go */
  effectiveAwareness: Domain
  readonly removal: StorageRemoval
  readonly meta: MetadataService
  readonly curator: Curator
  readonly diskHealth: DiskHealth
  readonly ha: VmHa
  readonly io: IoPaths
  readonly oplog: OplogStore
  readonly planned: PlannedOps
  readonly curatorScanning: boolean
  faultTolerance(): FaultToleranceResult
  metadataDomain(): Domain
  applyStateChange(): void
}

const word = (d: Domain) => d[0].toUpperCase() + d.slice(1)

export function lifecycleHost(sim: LifecycleRoot): LifecycleContext {
  const facts = (): NodeChangeFacts => ({
    get spec() { return sim.spec },
    get topo() { return sim.topo },
    get data() { return sim.data },
    get effectiveAwareness() { return sim.effectiveAwareness },
    removalInProgress: () => sim.removal.removalInProgress(),
    upgradeInProgress: () => (sim.planned.upgrades.active ? `a rolling upgrade is in progress` : null),
    resiliencyProblem: () => {
      if (sim.curatorScanning) return 'Data Resiliency is Computing (a Curator scan is running); try again when it has finished'
      if (sim.curator.rebuildTask?.state === 'running') return 'a data rebuild is running'
      const st = sim.faultTolerance().status
      return st === 'OK' ? null : `Data Resiliency is ${st}: the cluster must tolerate FT${sim.spec.ftLevel} failures before a node is removed`
    },
    get ring() { return sim.meta.ring },
    get ringMember() { return sim.meta.ringMember },
    get zookeeper() { return sim.meta.zk },
    metadataDomain: () => sim.metadataDomain(),
    pinnedTo: (n) => {
      const out: string[] = []
      sim.spec.vms.forEach((v, i) => {
        if (v.affinity !== null && v.affinity.length > 0 && v.affinity.every((h) => h === n || !sim.topo.nodeActive(h))) out.push(`${v.name}${sim.vms.power[i] === POWER_ON ? '' : ' (off)'}`)
      })
      return out
    },
  })
  return withKernel<Omit<LifecycleContext, keyof Kernel>>(sim, {
    get spec() { return sim.spec },
    get topo() { return sim.topo },
    get data() { return sim.data },
    get effectiveAwareness() { return sim.effectiveAwareness },
    get vmIds() { return sim.vms.index },
    get precheck() { return sim.removal },
    nodeFacts: facts,
    get removal() { return sim.removal },
    get meta() { return sim.meta },
    enterMaintenance: (n, done) => sim.planned.maintenance.enter(sim.spec.nodes[n].id, done, true),
    forgetHost: (n) => {
      sim.planned.maintenance.forget(n)
      sim.planned.versions.removeNode(n)
    },
    handOverLeader: (n) => sim.ha.handOverLeader(n),
    handOffSessions: (n) => sim.io.handOff(n),
    reopenOplogOff: (n) => {
      const { vms, oplog } = sim
      for (const vd of oplog.vdisksOnNode(n)) {
        const v = vms.vmOfVdisk(vd)
        oplog.close(vd)
        if (vms.power[v] === POWER_ON && vms.host[v] >= 0) oplog.open(sim.rng, vd, vms.host[v], sim.effectiveAwareness)
      }
      sim.faultToleranceEvaluated()
    },
    growTables: () => {
      sim.topo.grow()
      sim.data.growDisks()
      sim.oplog.growNodes()
      sim.curator.growDisks()
      sim.diskHealth.growDisks()
      sim.removal.growDisks()
      sim.meta.growNodes()
      sim.ha.growHosts()
      sim.io.growHosts()
      sim.planned.maintenance.growHosts()
      sim.planned.plannedCvm.growNodes()
      sim.planned.versions.addNode()
      sim.ha.reprotectNow()
      sim.invalidate()
    },
    recomputeAwareness: () => {
      const { spec, topo } = sim
      const counts = topo.activeUnitCounts()
      const next = effectiveAwareness(spec.desiredAwareness, counts, spec.ftLevel, spec.erasureCoding)
      const before = sim.effectiveAwareness
      if (next === before) return
      sim.effectiveAwareness = next
      topo.structureVersion++
      const up = LEVEL_OF[next] > LEVEL_OF[before]
      const min = minimumUnits(spec.ftLevel, spec.erasureCoding)
      sim.log.event(up ? 'info' : 'warning', 'AwarenessChanged', null, up
        ? `${word(next)} awareness is in force: the cluster has ${counts[next]} ${next}s (FT${spec.ftLevel} needs ${min}); disk balancing moves copies so that no two copies of an extent group share a ${next}`
        : `${word(next)} awareness is in force: the cluster has ${counts[before]} ${before}s, ${before} awareness needs ${min}`)
      sim.invalidate()
    },
    curatorReplan: () => {
      sim.curator.onStateChange({ hosts: [], cvms: [], disks: [] })
      sim.faultToleranceEvaluated()
    },
    applyStateChange: () => sim.applyStateChange(),
  })
}
