/**
 * Disk removal (DOMAIN.md §12; Prism "Remove disk"). The disk is closed to new copies and
 * "Marked for removal"; disk balancing (curator/balance.ts) drains it, each copy written to
 * another disk of a unit its siblings do not use before the source copy is deleted, so the
 * replication factor never drops ("Data migration initiated" once the first copy has
 * moved); when it holds nothing it is removed (offline for good, status 'removed').
 * Refusals come from the one pre-check (precheck.ts).
 */
import type { Kernel } from '../kernel/context'
import { SimError } from '../kernel/errors'
import type { Topology } from '../cluster/topology'
import type { ClusterSpec } from '../scenario/normalize'
import type { Domain, SimTask } from '../types'
import { formatUnits } from '../kernel/units'
import { grown } from '../kernel/grow'
import { REMOVAL_REMOVING } from '../cluster/topology'
import type { DiskBalancer } from './curator/balance'
import type { DataStore } from './data'
import { configurationChangeProblem, type PrecheckContext } from './precheck'

export const DISK_NORMAL = 0
export const DISK_MARKED = 1
export const DISK_MIGRATING = 2
export const DISK_REMOVED = 3
export const DISK_STATUS = ['normal', 'removing', 'removing', 'removed'] as const
/** Prism's words for a disk's status (Hardware → disk details) */
export const DISK_STATUS_WORDS = ['Normal', 'Marked for removal', 'Data migration initiated', 'Removed'] as const

export interface RemovalContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly effectiveAwareness: Domain
  readonly curator: { readonly balancer: DiskBalancer; readonly scanning: boolean; readonly replicating: boolean }
  readonly oplog: { moveOffDisk(d: number): void }
  /** the component state changed (a disk left the cluster) */
  applyStateChange(): void
  /** no Zookeeper quorum: why the configuration cannot change (metadata/quorum.ts), else null */
  configChangeRefusal(): string | null
}

/** A node's disks drained together for its removal (lifecycle/nodeRemoval.ts). */
interface NodeDrain {
  node: number
  disks: number[]
  /** units they held when the drain started */
  start: number
  progress: (moved: number, start: number) => void
  done: () => void
}

export class StorageRemoval implements PrecheckContext {
  diskPhase: Uint8Array
  private readonly tasks = new Map<number, { task: SimTask; start: number }>()
  private drain: NodeDrain | null = null

  constructor(private readonly sim: RemovalContext) {
    this.diskPhase = new Uint8Array(sim.spec.disks.length)
    sim.curator.balancer.onProgress = () => this.progress()
  }

  get spec(): ClusterSpec { return this.sim.spec }
  get topo(): Topology { return this.sim.topo }
  get data(): DataStore { return this.sim.data }
  get effectiveAwareness(): Domain { return this.sim.effectiveAwareness }
  configChangeRefusal(): string | null { return this.sim.configChangeRefusal() }

  removalInProgress(): string | null {
    for (const d of this.tasks.keys()) return this.sim.spec.disks[d].id
    const { topo, spec } = this.sim
    for (let n = 0; n < topo.removal.length; n++) if (topo.removal[n] === REMOVAL_REMOVING) return spec.nodes[n].id
    return null
  }

  /** The cluster grew (lifecycle/expansion.ts): new disks are Normal. */
  growDisks(): void {
    this.diskPhase = grown(this.diskPhase, this.sim.spec.disks.length)
  }

  /**
   * Node removal (lifecycle/nodeRemoval.ts): close every disk of the node to new copies
   * (Marked for removal) and let disk balancing drain them at full RF (Data migration
   * initiated); `done` runs once they hold nothing. The disks stay online (the node's
   * metadata lives on them) until `removeDrained` takes them out with the node.
   */
  drainNode(node: number, progress: NodeDrain['progress'], done: () => void): void {
    const { sim } = this
    const disks = sim.spec.nodes[node].disks.filter((d) => this.diskPhase[d] !== DISK_REMOVED)
    let start = 0
    for (const d of disks) {
      start += sim.data.diskUnits[d]
      this.diskPhase[d] = DISK_MARKED
      sim.data.setClosed(d, true)
    }
    this.drain = { node, disks, start, progress, done }
    sim.invalidate()
    if (start === 0) {
      this.progress()
      return
    }
    if (!sim.curator.scanning && !sim.curator.replicating) sim.curator.balancer.plan()
  }

  /** Stop a node's drain (its removal failed): the disks take new copies again. */
  cancelDrain(): void {
    const drain = this.drain
    if (!drain) return
    this.drain = null
    for (const d of drain.disks) {
      this.diskPhase[d] = DISK_NORMAL
      this.sim.data.setClosed(d, false)
    }
    this.sim.invalidate()
  }

  /** The drained disks of a removed node leave the cluster with it (the caller applies the state change). */
  removeDrained(node: number): void {
    const { sim } = this
    for (const d of sim.spec.nodes[node].disks) {
      if (this.diskPhase[d] === DISK_REMOVED) continue
      this.diskPhase[d] = DISK_REMOVED
      sim.topo.diskRemoved[d] = 1
    }
  }

  diskStatus(d: number): 'normal' | 'removing' | 'removed' {
    return DISK_STATUS[this.diskPhase[d]]
  }

  /** Prism's status words of disk d: removal phase, else Normal / Offline. */
  diskStatusWords(d: number): string {
    if (this.diskPhase[d] === DISK_NORMAL && this.sim.topo.diskMode[d] !== 0) return 'Offline'
    return DISK_STATUS_WORDS[this.diskPhase[d]]
  }

  /** Start removing a disk (refused with the reason, nothing changed). */
  removeDisk(id: unknown): void {
    const { sim } = this
    const d = typeof id === 'string' ? sim.topo.diskIndex.get(id) : undefined
    if (d === undefined) throw new SimError(`unknown disk "${String(id)}"`)
    const problem = configurationChangeProblem(this, { kind: 'removeDisk', disk: d })
    if (problem) throw new SimError(`cannot remove disk "${id as string}": ${problem}`)
    const units = sim.data.diskUnits[d]
    const task = sim.log.startTask('DiskRemoval', id as string, `Remove disk ${id as string}: marked for removal; ${formatUnits(units)} to migrate`)
    sim.log.event('info', 'DiskMarkedForRemoval', id as string, `Disk ${id as string} marked for removal: its data is copied to the other disks at full replication factor first`)
    this.diskPhase[d] = DISK_MARKED
    this.tasks.set(d, { task, start: units })
    sim.data.setClosed(d, true)
    sim.invalidate()
    if (units === 0 || !sim.topo.diskAvailable(d)) {
      this.finish(d)
      return
    }
    if (!sim.curator.scanning && !sim.curator.replicating) sim.curator.balancer.plan()
  }

  /** After every balancing batch: migration phases and finished removals. */
  private progress(): void {
    const { sim } = this
    const drain = this.drain
    if (drain) {
      let left = 0
      for (const d of drain.disks) left += sim.data.diskUnits[d]
      // once data has moved, every disk of the node shows "Data migration initiated"
      if (left < drain.start) for (const d of drain.disks) if (this.diskPhase[d] === DISK_MARKED) this.diskPhase[d] = DISK_MIGRATING
      drain.progress(drain.start - left, drain.start)
      if (left === 0) {
        this.drain = null
        drain.done()
      }
    }
    for (const [d, t] of [...this.tasks]) {
      const left = sim.data.diskUnits[d]
      if (left < t.start && this.diskPhase[d] === DISK_MARKED) {
        this.diskPhase[d] = DISK_MIGRATING
        sim.log.event('info', 'DiskDataMigration', sim.spec.disks[d].id, `Data migration initiated for disk ${sim.spec.disks[d].id}`)
      }
      if (left === 0) this.finish(d)
      else {
        sim.log.progressTask(t.task, t.start > 0 ? 1 - left / t.start : 1)
        sim.log.describeTask(t.task, `Remove disk ${sim.spec.disks[d].id}: data migration initiated; ${formatUnits(left)} left`)
      }
    }
  }

  private finish(d: number): void {
    const { sim } = this
    const t = this.tasks.get(d)!
    this.tasks.delete(d)
    const id = sim.spec.disks[d].id
    this.diskPhase[d] = DISK_REMOVED
    sim.topo.diskRemoved[d] = 1
    sim.log.endTask(t.task, 'succeeded', `Disk ${id} removed: ${formatUnits(t.start)} migrated at full replication factor`)
    sim.log.event('info', 'DiskRemoved', id, `Disk ${id} was removed from the cluster`)
    sim.applyStateChange()
    sim.oplog.moveOffDisk(d)
    sim.invalidate()
  }
}
