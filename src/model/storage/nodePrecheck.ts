/**
 * The node cases of the one pre-check of configuration changes (precheck.ts,
 * DOMAIN.md §12): removing a node and adding one. Each returns the reason the change is
 * refused, or null.
 *
 * Our rules for removing node n (README "Storage lifecycle", rule 17.4):
 * - one removal at a time (disk or node), none while a rolling upgrade runs;
 * - the node and every other node of the cluster up (host, CVM, the node's disks online),
 *   not entering or exiting maintenance; Data Resiliency OK (no rebuild, no Curator scan);
 * - the rest keeps the minimum units for the FT level (3 nodes FT1, 5 FT2, one more with
 *   EC), the awareness in force (no fallback from rack or block), the metadata awareness
 *   (the 2X / 4X rule), and somewhere to put a Zookeeper server the node holds without
 *   two servers sharing a unit;
 * - no failures-tolerable figure that depends on capacity or units may drop once the
 *   node's data has moved: FREE_SPACE of every domain (the rest holds all the data at full
 *   RF with the awareness in force and still tolerates FT failures) and, with erasure
 *   coding, the strip size; and the other disks have room for what the node holds;
 * - no VM that may run only on this node (VM-host affinity): it could never run again.
 *
 * Our rules for adding a node: its block holds at most 4 nodes; the cluster at most 64
 * nodes; not into a block or rack that is down; none while a rolling upgrade or a node
 * removal runs.
 */
import { effectiveAwareness, minimumUnits } from '../cluster/awareness'
import { HOST_UP, MAINT_IN, MAINT_NONE, REMOVAL_NONE, REMOVAL_REMOVED, type Topology } from '../cluster/topology'
import type { ClusterSpec } from '../scenario/normalize'
import type { Domain } from '../types'
import { DOMAIN_TYPES } from '../types'
import { UNIT_BYTES } from '../kernel/units'
import { metadataAwareness, zookeeperTarget } from '../metadata/ring'
import { resilientCapacity } from './capacity'
import { availableUsedBytes, capacityUnitsOf, freeSpaceTolerance, nodeAvailableCapacity } from './capacityNow'
import type { DataStore } from './data'
import { LEVEL_OF, type Level } from './domainIndex'
import { ecStripWidth, stripSizeTolerance } from './tolerance/resiliency'

/** What the node checks read besides the disk checks' context. */
export interface NodeChangeFacts {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly effectiveAwareness: Domain
  /** the removal running now (its entity id), or null */
  removalInProgress(): string | null
  /** a rolling upgrade is running or paused: its description, else null */
  upgradeInProgress(): string | null
  /** Data Resiliency not OK, a rebuild or a Curator scan running: why, else null */
  resiliencyProblem(): string | null
  /** metadata ring order and membership, the Zookeeper servers (node indices) */
  readonly ring: readonly number[]
  readonly ringMember: Uint8Array
  readonly zookeeper: readonly number[]
  /** the domain metadata is aware of now */
  metadataDomain(): Domain
  /** names of running or powered-off VMs whose affinity allows only node n */
  pinnedTo(n: number): string[]
}

/** A node to add, resolved against the topology (lifecycle/addNode.ts). */
export interface NodePlan {
  id: string
  /** existing block index, or -1 for a new block */
  block: number
  /** existing rack index, or -1 for a new rack */
  rack: number
  capacityBytes: number
}

const tb = (bytes: number) => `${(bytes / 1e12).toFixed(1)} TB`
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const DOMAIN_WORD: Record<Domain, string> = { node: 'node', block: 'block', rack: 'rack' }

export function nodeRemovalProblem(ctx: NodeChangeFacts, n: number): string | null {
  const { spec, topo, data } = ctx
  const id = spec.nodes[n].id
  if (topo.removal[n] !== REMOVAL_NONE) return `node "${id}" is already ${topo.removal[n] === REMOVAL_REMOVED ? 'removed' : 'being removed'}`
  const running = ctx.removalInProgress()
  if (running) return `a removal is already in progress (${running}); wait until it finishes`
  const upgrade = ctx.upgradeInProgress()
  if (upgrade) return `${upgrade}; wait until it finishes`
  const pinned = ctx.pinnedTo(n)
  if (pinned.length > 0) return `VM ${pinned.slice(0, 3).join(', ')}${pinned.length > 3 ? ` and ${pinned.length - 3} more` : ''} may run only on "${id}" (VM-host affinity): change the affinity first`
  // minimum units, the awareness in force, metadata awareness
  const counts = topo.activeUnitCounts(n)
  const min = minimumUnits(spec.ftLevel, spec.erasureCoding)
  if (counts.node < min) return `removing it would leave ${plural(counts.node, 'node')}: FT${spec.ftLevel}${spec.erasureCoding ? ' with erasure coding' : ''} needs at least ${min}`
  const dom = ctx.effectiveAwareness
  const after = effectiveAwareness(spec.desiredAwareness, counts, spec.ftLevel, spec.erasureCoding)
  if (LEVEL_OF[after] < LEVEL_OF[dom]) return `removing it would leave ${plural(counts[dom], DOMAIN_WORD[dom])}: ${dom} awareness (in force) needs at least ${min}, and the data would no longer survive a ${dom} failure`
  const meta = ctx.metadataDomain()
  const metaAfter = metadataAwareness(topo, dom, spec.ftLevel, n)
  if (LEVEL_OF[metaAfter] < LEVEL_OF[meta]) return `removing it would make the metadata no longer ${meta} aware (the other ${meta}s must hold ${spec.ftLevel === 2 ? 4 : 2}X the nodes of the largest)`
  // every node up: removing one while another is down would lower the resiliency
  for (let x = 0; x < spec.nodes.length; x++) {
    if (!topo.nodeActive(x)) continue
    const what = x === n ? `node "${id}"` : `node "${spec.nodes[x].id}"`
    if (topo.hostState[x] !== HOST_UP) return `${what} is ${topo.hostState[x] === 1 ? 'down' : 'partitioned'}: every node must be up to remove one`
    if (!topo.cvmServing(x)) return `the CVM of ${what} is down: every node must be up to remove one`
    if (x === n && topo.maintenance[x] !== MAINT_NONE && topo.maintenance[x] !== MAINT_IN) return `${what} is ${topo.maintenance[x] === 1 ? 'entering' : 'exiting'} maintenance mode; wait until it finishes`
  }
  for (const d of spec.nodes[n].disks) if (topo.diskRemoved[d] === 0 && !topo.diskAvailable(d)) return `disk "${spec.disks[d].id}" of node "${id}" is offline: restore it or remove it first`
  const res = ctx.resiliencyProblem()
  if (res) return res
  for (let i = 0; i < ctx.zookeeper.length; i++) {
    if (ctx.zookeeper[i] !== n) continue
    if (zookeeperTarget(topo, ctx.ring, ctx.ringMember, ctx.zookeeper, i, dom, n) < 0) return `no other node can take its Zookeeper server without two servers sharing a ${dom}`
  }
  // capacity at full RF with the awareness in force, and the FT level
  const nodeCap = nodeAvailableCapacity(ctx)
  nodeCap[n] = 0
  const cap = resilientCapacity(dom, capacityUnitsOf(ctx, dom, nodeCap, counts), data.rf, spec.ftLevel, spec.ftLevel, spec.erasureCoding)
  const used = availableUsedBytes(ctx)
  if (used > cap) return `the other nodes could not hold the data: ${tb(used)} used, ${tb(Math.max(0, cap))} can be held at full RF with ${dom} awareness and FT${spec.ftLevel} without "${id}"`
  for (const dt of DOMAIN_TYPES) {
    const now = freeSpaceTolerance(ctx, dt)
    const later = freeSpaceTolerance(ctx, dt, n)
    if (later < now) return `the other nodes would not have the capacity to tolerate ${plural(now, dt === 'DISK' ? 'disk' : dt === 'NODE' ? 'node' : dt === 'RACKABLE_UNIT' ? 'block' : 'rack')} failing (FREE_SPACE would drop from ${now} to ${later})`
  }
  let room = 0
  let held = 0
  for (let d = 0; d < spec.disks.length; d++) {
    if (spec.disks[d].node === n) held += data.diskUnits[d]
    else if (topo.diskAvailable(d) && data.closed[d] === 0) room += Math.max(0, data.capUnits[d] - data.diskUnits[d])
  }
  if (room < held) return `the other disks have room for ${(room * UNIT_BYTES) / 1e9} GB, node "${id}" holds ${(held * UNIT_BYTES) / 1e9} GB`
  if (spec.erasureCoding) {
    const avail = new Uint8Array(spec.disks.length)
    const without = new Uint8Array(spec.disks.length)
    for (let d = 0; d < avail.length; d++) {
      avail[d] = topo.diskAvailable(d) ? 1 : 0
      without[d] = avail[d] && spec.disks[d].node !== n ? 1 : 0
    }
    const { width, shape } = ecStripWidth(ctx)
    const eff = LEVEL_OF[dom]
    for (let level = 1 as Level; level <= 3; level++) {
      const now = stripSizeTolerance(data.index, avail, eff, level, width, spec.ftLevel)
      if (stripSizeTolerance(data.index, without, eff, level, width, spec.ftLevel) < now)
        return `too few ${dom}s would be left for the ${shape ? `${shape.k}/${shape.p}` : ''} erasure-coded strips to survive a failure`
    }
  }
  return null
}

/** Our rule: at most this many nodes (as a scenario may have). */
export const MAX_NODES = 64
/** A block holds 1 to 4 nodes (scenario schema). */
export const MAX_NODES_PER_BLOCK = 4

export function nodeAdditionProblem(ctx: NodeChangeFacts, plan: NodePlan): string | null {
  const { spec, topo } = ctx
  const upgrade = ctx.upgradeInProgress()
  if (upgrade) return `${upgrade}; wait until it finishes`
  const running = ctx.removalInProgress()
  if (running) return `a removal is in progress (${running}); wait until it finishes`
  if (topo.activeNodeCount() + 1 > MAX_NODES) return `the cluster has ${topo.activeNodeCount()} nodes, the most it may have is ${MAX_NODES}`
  if (plan.block >= 0) {
    const b = spec.blocks[plan.block]
    const inBlock = b.nodes.filter((x) => topo.nodeActive(x)).length
    if (inBlock >= MAX_NODES_PER_BLOCK) return `block "${b.id}" already holds ${inBlock} nodes (a block holds at most ${MAX_NODES_PER_BLOCK})`
    if (topo.faults.some((f) => f.kind === 'block' && f.target === b.id)) return `block "${b.id}" is down: restore it first`
  }
  if (plan.rack >= 0) {
    const r = spec.racks[plan.rack]
    if (topo.faults.some((f) => f.kind === 'rack' && f.target === r.id)) return `rack "${r.id}" is down: restore it first`
  }
  return null
}
