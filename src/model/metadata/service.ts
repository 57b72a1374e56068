/**
 * The metadata ring and the Zookeeper ensemble in time (seed 004, DOMAIN.md §3):
 *
 * - A node whose Cassandra is down (CVM not serving, or its metadata disks offline) for
 *   `ringDetachSeconds` (30 min) is removed from the ring: its token ranges move to the
 *   neighbours. Never below RF_m members (our rule: the ring would lose ranges).
 * - A detached node that has been up and stable for `ringRejoinSeconds` (15 min, our
 *   rule) joins again at its old ring position.
 * - Both are tasks with progress (streaming the ranges: RING_CHANGE_SECONDS, our rule)
 *   and raise / resolve a warning alert.
 * - A Zookeeper server whose node fails moves `zookeeperMoveSeconds` (5 min, our rule)
 *   later to another healthy node — the same unit of the awareness in force if one is
 *   up, else a unit without a Zookeeper server, else any — and moves back when its
 *   original node has been up that long again.
 */
import { configChangeRefusal } from './quorum'
import { interleavedRing, metadataServiceUp, placeZookeeper, zookeeperTarget } from './ring'
import type { ScheduledEvent } from '../kernel/eventQueue'
import type { Kernel } from '../kernel/context'
import type { ClusterSpec } from '../scenario/normalize'
import type { Topology } from '../cluster/topology'
import type { Domain } from '../types'
import type { SimTask } from '../types'
import { grown } from '../kernel/grow'

/** What the metadata service uses: kernel services and the cluster facts it reads. */
export interface MetadataContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly effectiveAwareness: Domain
  /** the domain metadata is aware of now */
  metadataDomain(): Domain
}

/** Seconds a ring change (streaming the moved token ranges) takes (our rule). */
export const RING_CHANGE_SECONDS = 60

type Pending = { ev: ScheduledEvent; task: SimTask | null }

export class MetadataService {
  /** ring order (node indices), fixed at load: members keep their position */
  readonly ring: number[]
  /** 1 when the node is a ring member now */
  ringMember: Uint8Array
  /** current Zookeeper server of each ensemble slot */
  readonly zk: number[]
  /** the node each Zookeeper slot was placed on at load (where the role returns) */
  readonly zkHome: number[]
  /** pending detach / rejoin per node */
  private readonly ringTimers = new Map<number, Pending>()
  /** pending move per Zookeeper slot */
  private readonly zkTimers = new Map<number, ScheduledEvent>()
  /** Cassandra up per node at the last state change */
  private up: Uint8Array
  version = 0

  constructor(private readonly sim: MetadataContext) {
    const { spec, topo } = sim
    const n = spec.nodes.length
    this.ring = interleavedRing(topo, spec.nodes.map((_, i) => i), sim.metadataDomain(), spec.metadataReplicationFactor)
    this.ringMember = new Uint8Array(n)
    for (const x of this.ring) this.ringMember[x] = 1
    this.zk = placeZookeeper(topo, this.ring, spec.ftLevel === 2 ? 5 : 3, sim.effectiveAwareness)
    this.zkHome = [...this.zk]
    this.up = new Uint8Array(n).fill(1)
    sim.on('ring-detach', (p) => this.detachStart(p as number))
    sim.on('ring-rejoin', (p) => this.rejoinStart(p as number))
    sim.on('ring-change-done', (p) => this.ringChangeDone(p as { node: number; join: boolean }))
    sim.on('zk-move', (p) => this.zkMove(p as number))
    sim.on('ring-planned-done', (p) => this.plannedRingDone(p as { node: number; join: boolean }))
  }

  /** The cluster grew (lifecycle/expansion.ts): the new nodes are up but not ring members until they join. */
  growNodes(): void {
    const n = this.sim.spec.nodes.length
    const old = this.ringMember.length
    this.ringMember = grown(this.ringMember, n)
    this.up = grown(this.up, n, 1)
    for (let x = old; x < n; x++) this.ring.push(x)
    this.version++
  }

  /**
   * Planned ring change (lifecycle/): node n joins (`join`) or leaves the ring; its token
   * ranges are streamed for RING_CHANGE_SECONDS (a MetadataRingAdd / MetadataRingRemove
   * task), then the ring is rebalanced and `done` runs.
   */
  plannedRingChange(n: number, join: boolean, why: string, done: (ok: boolean) => void): void {
    const { sim } = this
    const id = this.nodeId(n)
    const pending = this.ringTimers.get(n)
    if (pending) {
      sim.queue.cancel(pending.ev)
      if (pending.task) sim.log.endTask(pending.task, 'failed', `superseded: ${why}`)
      this.ringTimers.delete(n)
    }
    const task = sim.log.startTask(join ? 'MetadataRingAdd' : 'MetadataRingRemove', id, join ? `Adding ${id} to the metadata ring: ${why}` : `Removing ${id} from the metadata ring: ${why}; its token ranges move to the other members`)
    const ev = sim.schedule(RING_CHANGE_SECONDS, 'ring-planned-done', { node: n, join })
    this.ringTimers.set(n, { ev, task })
    this.plannedDone.set(n, done)
  }
  /** what to run when a planned ring change ends (ok false: the node went down first), per node */
  private readonly plannedDone = new Map<number, (ok: boolean) => void>()

  private plannedRingDone({ node: n, join }: { node: number; join: boolean }): void {
    const { sim } = this
    const pending = this.ringTimers.get(n)
    this.ringTimers.delete(n)
    if (pending?.task) sim.log.endTask(pending.task, 'succeeded')
    const id = this.nodeId(n)
    this.ringMember[n] = join ? 1 : 0
    this.reorder()
    if (join) sim.log.event('info', 'MetadataNodeAdded', id, `${id} joined the metadata ring; token ranges rebalanced over ${this.members().length} members`)
    else sim.log.event('info', 'MetadataNodeRemoved', id, `${id} left the metadata ring; its token ranges moved to the other ${this.members().length} members`)
    this.version++
    sim.faultToleranceEvaluated()
    const done = this.plannedDone.get(n)
    this.plannedDone.delete(n)
    done?.(true)
  }

  /**
   * Node n leaves the cluster (lifecycle/nodeRemoval.ts): the Zookeeper servers on it move
   * at once to the node `zookeeperTarget` picks, and that node becomes the slot's home.
   * Returns false (nothing moved) when a server has nowhere to go.
   */
  moveZookeeperOff(n: number): boolean {
    const { sim } = this
    const moves: Array<[number, number]> = []
    const taken = this.zk.slice()
    for (let i = 0; i < this.zk.length; i++) {
      if (this.zk[i] !== n) continue
      const to = zookeeperTarget(sim.topo, this.ring, this.ringMember, taken, i, sim.effectiveAwareness, n)
      if (to < 0) return false
      taken[i] = to
      moves.push([i, to])
    }
    for (const [i, to] of moves) this.moveSlot(i, to, `(${this.nodeId(n)} is leaving the cluster)`)
    return true
  }

  /**
   * The cluster grew (lifecycle/expansion.ts): when spreading the ensemble over the new
   * layout puts it on more units of the awareness in force (e.g. a third block), servers
   * move there; each moved slot's home becomes its new node.
   */
  respreadZookeeper(): void {
    const { sim } = this
    const { topo } = sim
    const dom = sim.effectiveAwareness
    const candidates = this.members().filter((x) => this.up[x] === 1)
    const ideal = placeZookeeper(topo, candidates, this.zk.length)
    const units = (list: readonly number[]) => new Set(list.map((x) => topo.unitOf(x, dom))).size
    if (ideal.length < this.zk.length || units(ideal) <= units(this.zk)) return
    const incoming = ideal.filter((x) => !this.zk.includes(x))
    // slots whose server shares a unit with another go first
    for (let i = 0; i < this.zk.length && incoming.length > 0; i++) {
      const u = topo.unitOf(this.zk[i], dom)
      const shared = this.zk.some((x, j) => j < i && topo.unitOf(x, dom) === u)
      if (!shared || ideal.includes(this.zk[i])) continue
      this.moveSlot(i, incoming.shift()!, `to spread the ensemble over ${units(ideal)} ${dom}s`)
    }
  }

  private moveSlot(i: number, to: number, reason: string): void {
    const { sim } = this
    const from = this.zk[i]
    const timer = this.zkTimers.get(i)
    if (timer) {
      sim.queue.cancel(timer)
      this.zkTimers.delete(i)
    }
    const task = sim.log.startTask('ZookeeperMigration', this.nodeId(to), `Zookeeper server moving from ${this.nodeId(from)} to ${this.nodeId(to)}`)
    this.zk[i] = to
    this.zkHome[i] = to
    sim.log.endTask(task, 'succeeded')
    sim.log.event('info', 'ZookeeperMoved', this.nodeId(to), `Zookeeper server moved from ${this.nodeId(from)} to ${this.nodeId(to)} ${reason}`)
    this.version++
    sim.faultToleranceEvaluated()
  }

  members(): number[] {
    return this.ring.filter((n) => this.ringMember[n] === 1)
  }

  private nodeId(n: number): string {
    return this.sim.spec.nodes[n].id
  }

  /** After every change of component state: start or cancel ring and Zookeeper timers. */
  onStateChange(): void {
    const { topo, spec } = this.sim
    const h = spec.healing
    for (let n = 0; n < spec.nodes.length; n++) {
      const up = metadataServiceUp(topo, n) ? 1 : 0
      if (up === this.up[n]) continue
      if (!topo.nodeActive(n)) {
        // a removed node left the ring and the ensemble before it went (lifecycle/nodeRemoval.ts)
        this.up[n] = up
        continue
      }
      this.up[n] = up
      // a pending detach (node went down) or rejoin (node came back) no longer applies
      const pending = this.ringTimers.get(n)
      if (pending) {
        this.sim.queue.cancel(pending.ev)
        if (pending.task) this.sim.log.endTask(pending.task, 'failed', up ? `${this.nodeId(n)} came back before the change finished` : `${this.nodeId(n)} failed again`)
        this.ringTimers.delete(n)
        const done = this.plannedDone.get(n)
        this.plannedDone.delete(n)
        done?.(false)
      }
      if (!up && this.ringMember[n] === 1) {
        this.ringTimers.set(n, { ev: this.sim.schedule(h.ringDetachSeconds, 'ring-detach', n), task: null })
      } else if (up && this.ringMember[n] === 0) {
        this.ringTimers.set(n, { ev: this.sim.schedule(h.ringRejoinSeconds, 'ring-rejoin', n), task: null })
      }
    }
    this.planZookeeper()
  }

  // ------------------------------------------------------------------ ring
  private detachStart(n: number): void {
    const { sim } = this
    this.ringTimers.delete(n)
    const rfm = sim.spec.metadataReplicationFactor
    const id = this.nodeId(n)
    if (this.members().length - 1 < rfm) {
      sim.log.event('warning', 'MetadataDetachSkipped', id, `Cassandra on ${id} has been down ${minutes(sim.spec.healing.ringDetachSeconds)}; it stays in the metadata ring: the ring would fall below ${rfm} members`)
      return
    }
    const task = sim.log.startTask('MetadataRingRemove', id, `Removing ${id} from the metadata ring: its token ranges move to the neighbouring members`)
    const ev = sim.schedule(RING_CHANGE_SECONDS, 'ring-change-done', { node: n, join: false })
    this.ringTimers.set(n, { ev, task })
  }

  private rejoinStart(n: number): void {
    const { sim } = this
    this.ringTimers.delete(n)
    const id = this.nodeId(n)
    const task = sim.log.startTask('MetadataRingAdd', id, `Adding ${id} back to the metadata ring (up and stable for ${minutes(sim.spec.healing.ringRejoinSeconds)})`)
    const ev = sim.schedule(RING_CHANGE_SECONDS, 'ring-change-done', { node: n, join: true })
    this.ringTimers.set(n, { ev, task })
  }

  private ringChangeDone({ node: n, join }: { node: number; join: boolean }): void {
    const { sim } = this
    const pending = this.ringTimers.get(n)
    this.ringTimers.delete(n)
    if (pending?.task) sim.log.endTask(pending.task, 'succeeded')
    const id = this.nodeId(n)
    const key = `ring-detached:${id}`
    if (join) {
      this.ringMember[n] = 1
      this.reorder()
      sim.log.event('info', 'MetadataNodeAdded', id, `${id} joined the metadata ring again; token ranges rebalanced over ${this.members().length} members`)
      sim.log.resolve(key)
    } else {
      this.ringMember[n] = 0
      this.reorder()
      sim.log.event('warning', 'MetadataNodeRemoved', id, `${id} was removed from the metadata ring after ${minutes(sim.spec.healing.ringDetachSeconds)} down; its token ranges moved to the other ${this.members().length} members`)
      sim.log.raise(key, 'warning', 'MetadataNodeRemoved', id, `Cassandra on ${id} (${sim.spec.nodes[n].cvmIp}) is detached from the metadata ring`)
    }
    this.version++
    sim.faultToleranceEvaluated()
  }

  /**
   * Token ranges rebalance over the members: the members are interleaved again so that
   * any RF_m consecutive ones stay in distinct units (as at load, which this reproduces
   * once every node is back); non-members follow them.
   */
  private reorder(): void {
    const { sim } = this
    const members = this.ring.filter((n) => this.ringMember[n] === 1).sort((a, b) => a - b)
    const order = interleavedRing(sim.topo, members, sim.metadataDomain(), sim.spec.metadataReplicationFactor)
    const rest = this.ring.filter((n) => this.ringMember[n] === 0)
    this.ring.splice(0, this.ring.length, ...order, ...rest)
  }

  // ------------------------------------------------------------------ Zookeeper
  /** Schedule the moves the current state calls for; cancel those it no longer does. */
  private planZookeeper(): void {
    const { sim } = this
    const delay = sim.spec.healing.zookeeperMoveSeconds
    for (let i = 0; i < this.zk.length; i++) {
      const cur = this.zk[i]
      const home = this.zkHome[i]
      const wantMove = !this.up[cur] || (cur !== home && this.up[home] === 1)
      const pending = this.zkTimers.get(i)
      if (wantMove && !pending) this.zkTimers.set(i, sim.schedule(delay, 'zk-move', i))
      else if (!wantMove && pending) {
        sim.queue.cancel(pending)
        this.zkTimers.delete(i)
      }
    }
  }

  private zkMove(i: number): void {
    const { sim } = this
    const { topo } = sim
    this.zkTimers.delete(i)
    const from = this.zk[i]
    const home = this.zkHome[i]
    let to = -1
    let reason: string
    if (from !== home && this.up[home] === 1 && !this.zk.includes(home)) {
      to = home
      reason = 'back to its original node'
    } else if (!this.up[from]) {
      const dom = sim.effectiveAwareness
      const others = this.zk.filter((_, j) => j !== i && this.up[this.zk[j]] === 1).map((n) => topo.unitOf(n, dom))
      const candidates = this.ring.filter((n) => this.up[n] === 1 && !this.zk.includes(n))
      const sameUnit = candidates.filter((n) => topo.unitOf(n, dom) === topo.unitOf(from, dom))
      to = sameUnit[0] ?? placeZookeeper(topo, candidates.filter((n) => !others.includes(topo.unitOf(n, dom))), 1)[0] ?? candidates[0] ?? -1
      reason = to >= 0 && topo.unitOf(to, dom) === topo.unitOf(from, dom) ? `in the same ${dom}` : to >= 0 && !others.includes(topo.unitOf(to, dom)) ? `on a ${dom} without another Zookeeper server` : `(${dom} awareness of the ensemble cannot be kept)`
    } else return
    const frozen = configChangeRefusal({ topo, zookeeperServers: () => this.zk })
    if (frozen !== null) {
      // moving a Zookeeper server itself needs a quorum (DOMAIN.md §9); the next change of state plans it again
      sim.log.event('warning', 'ZookeeperMoveFailed', this.nodeId(from), `The Zookeeper server of ${this.nodeId(from)} cannot move: ${frozen}`)
      return
    }
    if (to < 0) {
      sim.log.event('warning', 'ZookeeperMoveFailed', this.nodeId(from), `No healthy node can take the Zookeeper server of ${this.nodeId(from)}`)
      return
    }
    const task = sim.log.startTask('ZookeeperMigration', this.nodeId(to), `Zookeeper server moving from ${this.nodeId(from)} to ${this.nodeId(to)}`)
    this.zk[i] = to
    sim.log.endTask(task, 'succeeded')
    sim.log.event('info', 'ZookeeperMoved', this.nodeId(to), `Zookeeper server moved from ${this.nodeId(from)} to ${this.nodeId(to)} ${reason}`)
    this.version++
    sim.faultToleranceEvaluated()
    this.planZookeeper()
  }
}

function minutes(s: number): string {
  return s % 60 === 0 ? `${s / 60} min` : `${s} s`
}

