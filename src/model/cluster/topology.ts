/**
 * Component state of the hardware: racks → blocks → nodes (host + CVM) → disks.
 * State is derived from the set of active faults (a disk Hades keeps offline keeps its
 * fault until restored), so restoring one fault never undoes another that still holds.
 */
import type { ClusterSpec } from '../scenario/normalize'
import type { Domain, Fault, FaultKind } from '../types'
import { faultNames, partitionSides, partitionTargets, type PartitionSides } from './partition'
import { grown } from '../kernel/grow'

export const HOST_UP = 0
export const HOST_DOWN = 1
export const HOST_PARTITIONED = 2
export const CVM_UP = 0
export const CVM_DOWN = 1
export const DISK_ONLINE = 0
export const DISK_OFFLINE = 1

export const HOST_STATES = ['up', 'down', 'partitioned'] as const
export const MAINTENANCE_STATES = ['none', 'entering', 'in', 'exiting'] as const
export const MAINT_NONE = 0
export const MAINT_ENTERING = 1
export const MAINT_IN = 2
export const MAINT_EXITING = 3
export const PLANNED_EXPECTED = 1
export const PLANNED_OVERDUE = 2
export const CVM_STATES = ['up', 'down'] as const
/** node removal (lifecycle/nodeRemoval.ts, DRILL-API §5 `topology.nodes[].removal`) */
export const REMOVAL_STATES = ['none', 'removing', 'removed'] as const
export const REMOVAL_NONE = 0
export const REMOVAL_REMOVING = 1
export const REMOVAL_REMOVED = 2
export const DISK_MODES = ['online', 'offline'] as const

export interface StateChange {
  hosts: number[] // node indices whose host state changed
  cvms: number[] // node indices whose CVM state changed
  disks: number[] // disk indices whose mode changed
}

export class Topology {
  readonly nodeIndex = new Map<string, number>()
  readonly diskIndex = new Map<string, number>()
  readonly blockIndex = new Map<string, number>()
  readonly rackIndex = new Map<string, number>()
  // per-node and per-disk tables: replaced by larger ones when the cluster grows (grow())
  hostState: Uint8Array
  cvmState: Uint8Array
  diskMode: Uint8Array
  /** disks removed from the cluster (storage/removal.ts): offline for good */
  diskRemoved: Uint8Array
  /** the active faults, in injection order */
  readonly faults: Fault[] = []
  /** planned operations (upgrade/): host maintenance per node (MAINTENANCE_STATES index) */
  maintenance: Uint8Array
  /** planned CVM shutdown per node: 0 none, PLANNED_EXPECTED down and expected back (no rebuild), PLANNED_OVERDUE down past the grace time */
  plannedCvm: Uint8Array
  /** node removal per node (REMOVAL_STATES index): a removed node stays in the tables, down for good and out of every count */
  removal: Uint8Array
  version = 0
  /**
   * The Zookeeper servers now (node indices): the composition root hands the metadata
   * service's ensemble in, so a partition knows which side holds the majority (partition.ts).
   */
  zookeeper: readonly number[] = []
  /** the sides of the network while a partition is active (partition.ts), else null */
  sides: PartitionSides | null = null
  /** disks that hold node n's metadata (Cassandra, Zookeeper): its SSDs, or all its disks without SSD (our rule) */
  private readonly metaDisks: number[][]
  /** bumped when nodes, disks, blocks or racks are added or a node is removed (the UI's structure is sent again) */
  structureVersion = 0

  constructor(readonly spec: ClusterSpec) {
    spec.nodes.forEach((n, i) => this.nodeIndex.set(n.id, i))
    spec.disks.forEach((d, i) => this.diskIndex.set(d.id, i))
    spec.blocks.forEach((b, i) => this.blockIndex.set(b.id, i))
    spec.racks.forEach((r, i) => this.rackIndex.set(r.id, i))
    this.hostState = new Uint8Array(spec.nodes.length)
    this.cvmState = new Uint8Array(spec.nodes.length)
    this.diskMode = new Uint8Array(spec.disks.length)
    this.diskRemoved = new Uint8Array(spec.disks.length)
    this.maintenance = new Uint8Array(spec.nodes.length)
    this.plannedCvm = new Uint8Array(spec.nodes.length)
    this.metaDisks = spec.nodes.map((n) => {
      const ssd = n.disks.filter((d) => spec.disks[d].tier === 'SSD')
      return ssd.length > 0 ? ssd : n.disks
    })
    this.removal = new Uint8Array(spec.nodes.length)
  }

  /** Disks that hold node n's metadata (Cassandra, Zookeeper): its SSDs, or all its disks without SSD. */
  metadataDisks(n: number): readonly number[] {
    return this.metaDisks[n]
  }

  /**
   * The spec gained nodes, disks, blocks or racks at the end (cluster expansion): index them
   * and grow the tables (new nodes are up, new disks online).
   */
  grow(): void {
    const { spec } = this
    for (let i = this.nodeIndex.size; i < spec.nodes.length; i++) this.nodeIndex.set(spec.nodes[i].id, i)
    for (let i = this.diskIndex.size; i < spec.disks.length; i++) this.diskIndex.set(spec.disks[i].id, i)
    for (let i = this.blockIndex.size; i < spec.blocks.length; i++) this.blockIndex.set(spec.blocks[i].id, i)
    for (let i = this.rackIndex.size; i < spec.racks.length; i++) this.rackIndex.set(spec.racks[i].id, i)
    const n = spec.nodes.length
    const d = spec.disks.length
    for (let i = this.metaDisks.length; i < n; i++) {
      const ssd = spec.nodes[i].disks.filter((x) => spec.disks[x].tier === 'SSD')
      this.metaDisks.push(ssd.length > 0 ? ssd : spec.nodes[i].disks)
    }
    this.hostState = grown(this.hostState, n)
    this.cvmState = grown(this.cvmState, n)
    this.maintenance = grown(this.maintenance, n)
    this.plannedCvm = grown(this.plannedCvm, n)
    this.removal = grown(this.removal, n)
    this.diskMode = grown(this.diskMode, d)
    this.diskRemoved = grown(this.diskRemoved, d)
    this.version++
    this.structureVersion++
  }

  /** Node n is part of the cluster (not removed). */
  nodeActive(n: number): boolean {
    return this.removal[n] !== REMOVAL_REMOVED
  }

  /** Nodes in the cluster (removed ones excluded). */
  activeNodeCount(): number {
    let c = 0
    for (let n = 0; n < this.removal.length; n++) if (this.removal[n] !== REMOVAL_REMOVED) c++
    return c
  }

  /** Units of `d` holding at least one node of the cluster, optionally without node `except` (what removing it would leave). */
  activeUnitCount(d: Domain, except = -1): number {
    const seen = new Set<number>()
    for (let n = 0; n < this.spec.nodes.length; n++) if (n !== except && this.removal[n] !== REMOVAL_REMOVED) seen.add(this.unitOf(n, d))
    return seen.size
  }

  /** activeUnitCount of every domain (the awareness rules' unit counts). */
  activeUnitCounts(except = -1): Record<Domain, number> {
    return { node: this.activeUnitCount('node', except), block: this.activeUnitCount('block', except), rack: this.activeUnitCount('rack', except) }
  }

  /** The disk is offline only because its CVM is shut down for planned work and expected back: Curator does not rebuild it. */
  diskExpectedBack(d: number): boolean {
    const n = this.spec.disks[d].node
    return this.plannedCvm[n] === PLANNED_EXPECTED && this.diskMode[d] === DISK_ONLINE && this.hostState[n] === HOST_UP
  }
  /** The host takes VMs: up, and not in (or entering) maintenance mode (exiting takes its VMs back). */
  hostTakesVms(n: number): boolean {
    return this.hostState[n] === HOST_UP && (this.maintenance[n] === MAINT_NONE || this.maintenance[n] === MAINT_EXITING)
  }

  get nodeCount(): number {
    return this.spec.nodes.length
  }

  /** Kind of entity an id names, or null. */
  kindOf(id: string): 'disk' | 'node' | 'block' | 'rack' | null {
    if (this.diskIndex.has(id)) return 'disk'
    if (this.nodeIndex.has(id)) return 'node'
    if (this.blockIndex.has(id)) return 'block'
    if (this.rackIndex.has(id)) return 'rack'
    return null
  }

  /** Validate a fault against this topology; returns the problem or null. */
  faultProblem(f: Fault): string | null {
    const kinds: Record<FaultKind, 'disk' | 'node' | 'block' | 'rack'> = {
      disk: 'disk', cvm: 'node', node: 'node', block: 'block', rack: 'rack', partition: 'node', corrupt: 'disk',
    }
    const want = kinds[f.kind]
    if (!want) return `unknown fault kind "${String((f as { kind: unknown }).kind)}"`
    if (f.kind === 'partition' && typeof f.target !== 'string') return this.partitionProblem(f.target)
    if (typeof f.target !== 'string') return `target must be an id, got ${Array.isArray(f.target) ? 'a list' : typeof f.target}`
    const got = this.kindOf(f.target)
    if (got === null) return `unknown target "${f.target}"`
    if (got !== want) return `target "${f.target}" is a ${got}, a ${f.kind} fault needs a ${want} id`
    if (got === 'disk' && this.diskRemoved[this.diskIndex.get(f.target)!] === 1) return `disk "${f.target}" was removed from the cluster`
    if (got === 'node' && this.removal[this.nodeIndex.get(f.target)!] === REMOVAL_REMOVED) return `node "${f.target}" was removed from the cluster`
    if (got === 'block' && this.spec.blocks[this.blockIndex.get(f.target)!].nodes.every((x) => this.removal[x] === REMOVAL_REMOVED)) return `block "${f.target}" has no node left in the cluster`
    if (got === 'rack' && this.nodesOfRack(this.rackIndex.get(f.target)!).every((x) => this.removal[x] === REMOVAL_REMOVED)) return `rack "${f.target}" has no node left in the cluster`
    if (this.faults.some((x) => x.kind === f.kind && x.target === f.target)) return `${f.kind} fault on "${f.target}" is already active`
    return null
  }

  /** A multi-node partition (DOMAIN.md §10): node ids, each once, leaving at least one node on the other side. */
  private partitionProblem(target: readonly unknown[]): string | null {
    if (!Array.isArray(target) || target.length === 0) return 'a partition needs a node id or a non-empty list of node ids'
    const seen = new Set<string>()
    for (const t of target) {
      if (typeof t !== 'string') return `a partition lists node ids, got ${typeof t}`
      const got = this.kindOf(t)
      if (got === null) return `unknown target "${t}"`
      if (got !== 'node') return `target "${t}" is a ${got}, a partition fault needs node ids`
      if (seen.has(t)) return `node "${t}" is listed twice in the partition`
      seen.add(t)
    }
    if (seen.size === this.nodeCount)
      return `a partition must leave at least one node on the other side: the list holds all ${this.nodeCount} nodes of the cluster`
    const same = (x: Fault) => x.kind === 'partition' && partitionTargets(x).length === seen.size && partitionTargets(x).every((t) => seen.has(t))
    if (this.faults.some(same)) return `a partition of exactly these nodes (${[...seen].join(', ')}) is already active`
    return null
  }

  /** The active faults that name this id (its target, or a node of a multi-node partition). */
  faultsNaming(id: string): Fault[] {
    return this.faults.filter((f) => faultNames(f, id))
  }

  hostUp(n: number): boolean {
    return this.hostState[n] === HOST_UP
  }
  /** CVM up and reachable by the rest of the cluster (not partitioned away). */
  cvmServing(n: number): boolean {
    return this.cvmState[n] === CVM_UP && this.hostState[n] === HOST_UP
  }
  /** The disk can serve data: its mode is online and its CVM serves. */
  diskAvailable(d: number): boolean {
    return this.diskMode[d] === DISK_ONLINE && this.cvmServing(this.spec.disks[d].node)
  }

  nodesOfBlock(b: number): number[] {
    return this.spec.blocks[b].nodes
  }
  nodesOfRack(r: number): number[] {
    const out: number[] = []
    for (const b of this.spec.racks[r].blocks) out.push(...this.spec.blocks[b].nodes)
    return out
  }
  /** Every node of the block in the cluster is down (a block whose nodes were all removed is not down: it is gone). */
  blockDown(b: number): boolean {
    let any = false
    for (const n of this.spec.blocks[b].nodes) {
      if (this.removal[n] === REMOVAL_REMOVED) continue
      if (this.hostState[n] !== HOST_DOWN) return false
      any = true
    }
    return any
  }
  rackDown(r: number): boolean {
    let any = false
    for (const b of this.spec.racks[r].blocks) {
      if (this.spec.blocks[b].nodes.every((n) => this.removal[n] === REMOVAL_REMOVED)) continue
      if (!this.blockDown(b)) return false
      any = true
    }
    return any
  }

  /** Unit index of node n in domain d. */
  unitOf(n: number, d: Domain): number {
    return d === 'node' ? n : d === 'block' ? this.spec.nodes[n].block : this.spec.nodes[n].rack
  }
  unitCount(d: Domain): number {
    return d === 'node' ? this.spec.nodes.length : d === 'block' ? this.spec.blocks.length : this.spec.racks.length
  }

  /** Recompute every state from the active faults; returns what changed. */
  derive(): StateChange {
    const n = this.spec.nodes.length
    const host = new Uint8Array(n)
    const cvm = new Uint8Array(n)
    const disk = new Uint8Array(this.spec.disks.length)
    for (const f of this.faults) {
      switch (f.kind) {
        case 'node': host[this.nodeIndex.get(f.target)!] = HOST_DOWN; break
        case 'block': for (const x of this.nodesOfBlock(this.blockIndex.get(f.target)!)) host[x] = HOST_DOWN; break
        case 'rack': for (const x of this.nodesOfRack(this.rackIndex.get(f.target)!)) host[x] = HOST_DOWN; break
        default: break
      }
    }
    const cuts: number[][] = []
    for (const f of this.faults) {
      if (f.kind === 'partition') cuts.push(partitionTargets(f).map((t) => this.nodeIndex.get(t)!))
      if (f.kind === 'cvm') cvm[this.nodeIndex.get(f.target)!] = CVM_DOWN
      if (f.kind === 'disk') disk[this.diskIndex.get(f.target)!] = DISK_OFFLINE
    }
    for (let i = 0; i < n; i++) if (this.plannedCvm[i] !== 0) cvm[i] = CVM_DOWN
    // a removed node is out of the cluster for good: nothing runs on it
    for (let i = 0; i < n; i++) if (this.removal[i] === REMOVAL_REMOVED) host[i] = HOST_DOWN
    for (let i = 0; i < n; i++) if (host[i] === HOST_DOWN) cvm[i] = CVM_DOWN
    for (let d = 0; d < disk.length; d++) if (this.diskRemoved[d] === 1) disk[d] = DISK_OFFLINE
    // partitions (partition.ts): the hosts of every side but the one that keeps the cluster are cut off
    this.sides = null
    if (cuts.length > 0) {
      const zkRuns = (x: number) => host[x] !== HOST_DOWN && cvm[x] === CVM_UP && this.metaDisks[x].some((d) => disk[d] === DISK_ONLINE)
      const sides = partitionSides(n, cuts, this.zookeeper, zkRuns)
      for (let i = 0; i < n; i++) if (host[i] === HOST_UP && sides.side[i] !== sides.keeper) host[i] = HOST_PARTITIONED
      this.sides = sides
    }
    const change: StateChange = { hosts: [], cvms: [], disks: [] }
    for (let i = 0; i < n; i++) {
      if (host[i] !== this.hostState[i]) change.hosts.push(i)
      if (cvm[i] !== this.cvmState[i]) change.cvms.push(i)
    }
    for (let d = 0; d < disk.length; d++) if (disk[d] !== this.diskMode[d]) change.disks.push(d)
    this.hostState.set(host)
    this.cvmState.set(cvm)
    this.diskMode.set(disk)
    if (change.hosts.length + change.cvms.length + change.disks.length > 0) this.version++
    return change
  }
}
