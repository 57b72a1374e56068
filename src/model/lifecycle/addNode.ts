/**
 * The `addNode` argument (DRILL-API §5): checked against the cluster as it is now, then
 * appended to the spec. Every problem is named; nothing changes until all checks passed.
 *
 * Our rules for what is left out: a new block is model "PS-1000" unless `model` says;
 * `cpuCores`, `memoryGiB` and `cvmMemoryGiB` default to those of the block's first node
 * (of the cluster's first node for a new block); a new block goes to the named rack, or
 * to the only rack of a cluster that has one (a cluster of several racks needs `rack`).
 */
import { SimError } from '../kernel/errors'
import { GiB, TB } from '../kernel/units'
import type { Topology } from '../cluster/topology'
import { ip, serialOf, type ClusterSpec, type DiskSpec, type NodeSpec } from '../scenario/normalize'
import { addNodeProblems, type AddNodeInput } from '../scenario/schema'
import { MAX_RAW_TB } from '../scenario/limits'
import type { NodePlan } from '../storage/nodePrecheck'

export interface ParsedNode {
  input: AddNodeInput
  plan: NodePlan
  cpuCores: number
  memoryBytes: number
  cvmMemoryBytes: number
  /** the new block's model (a new block) */
  model: string
  rackId: string
}

const refuse = (id: unknown, why: string) => new SimError(`cannot add node${typeof id === 'string' ? ` "${id}"` : ''}: ${why}`)

/** Check `input` against the cluster; throws SimError naming every problem. */
export function parseAddNode(input: unknown, spec: ClusterSpec, topo: Topology, vmIds: ReadonlyMap<string, number>): ParsedNode {
  const { data, problems } = addNodeProblems(input)
  const id = (input as { id?: unknown } | null)?.id
  if (!data) throw refuse(id, problems.join('; '))
  const out: string[] = []
  const taken = (x: string): string | null => {
    const kind = topo.kindOf(x)
    if (kind) return `a ${kind}`
    if (vmIds.has(x)) return 'a VM'
    return null
  }
  const nodeClash = taken(data.id)
  if (nodeClash) out.push(`node.id: "${data.id}" is already ${nodeClash} id`)
  const diskIds = new Set<string>()
  data.disks.forEach((d, i) => {
    const clash = taken(d.id)
    if (clash) out.push(`node.disks[${i}].id: "${d.id}" is already ${clash} id`)
    else if (d.id === data.id || diskIds.has(d.id)) out.push(`node.disks[${i}].id: duplicate id "${d.id}"`)
    diskIds.add(d.id)
  })
  let block = topo.blockIndex.get(data.block) ?? -1
  let rack = data.rack !== undefined ? (topo.rackIndex.get(data.rack) ?? -1) : -1
  const blockKind = block < 0 ? taken(data.block) : null
  if (blockKind) out.push(`node.block: "${data.block}" is ${blockKind} id, not a block`)
  if (data.block === data.id || diskIds.has(data.block)) out.push(`node.block: "${data.block}" is the id of the node or one of its disks`)
  if (data.rack !== undefined && rack < 0) {
    const rackKind = taken(data.rack)
    if (rackKind) out.push(`node.rack: "${data.rack}" is ${rackKind} id, not a rack`)
    if (data.rack === data.id || data.rack === data.block || diskIds.has(data.rack)) out.push(`node.rack: "${data.rack}" is the id of the node, its block or one of its disks`)
  }
  let rackId = data.rack ?? ''
  let model = data.model ?? 'PS-1000'
  if (block >= 0) {
    const b = spec.blocks[block]
    if (data.rack !== undefined && data.rack !== spec.racks[b.rack].id) out.push(`node.rack: block "${b.id}" is in rack "${spec.racks[b.rack].id}", not "${data.rack}"`)
    if (data.model !== undefined && data.model !== b.model) out.push(`node.model: block "${b.id}" is a ${b.model}, not a ${data.model}`)
    rack = b.rack
    rackId = spec.racks[b.rack].id
    model = b.model
  } else if (data.rack === undefined) {
    if (spec.racks.length === 1) {
      rack = 0
      rackId = spec.racks[0].id
    } else out.push(`node.rack: a new block needs a rack (one of ${spec.racks.map((r) => r.id).join(', ')}, or a new rack id)`)
  }
  // defaults from a node of the block, else the cluster's first node in service
  const model0 = (block >= 0 ? spec.blocks[block].nodes : []).concat(spec.nodes.map((_, i) => i)).find((x) => topo.nodeActive(x)) ?? 0
  const ref = spec.nodes[model0]
  const cpuCores = data.cpuCores ?? ref.cpuCores
  const memoryBytes = data.memoryGiB !== undefined ? data.memoryGiB * GiB : ref.memoryBytes
  const cvmMemoryBytes = data.cvmMemoryGiB !== undefined ? data.cvmMemoryGiB * GiB : ref.cvmMemoryBytes
  if (cvmMemoryBytes >= memoryBytes) out.push(`node.cvmMemoryGiB: must be less than the node's memory (${memoryBytes / GiB} GiB)`)
  const capacityBytes = data.disks.reduce((a, d) => a + Math.round(d.capacityTB * TB), 0)
  const rawTB = (spec.disks.reduce((a, d) => a + d.capacityBytes, 0) + capacityBytes) / TB
  if (rawTB > MAX_RAW_TB) out.push(`node.disks: the cluster would hold ${Math.round(rawTB)} TB raw, more than the ${MAX_RAW_TB} TB the simulation can hold in memory`)
  if (out.length > 0) throw refuse(data.id, out.join('; '))
  if (block < 0) block = -1
  return { input: data, plan: { id: data.id, block, rack, capacityBytes }, cpuCores, memoryBytes, cvmMemoryBytes, model, rackId }
}

/** Append the node (and its new block / rack) to the spec; returns its index. The tables grow after (Topology.grow etc.). */
export function appendNode(spec: ClusterSpec, p: ParsedNode): number {
  let rack = p.plan.rack
  if (rack < 0) {
    rack = spec.racks.length
    spec.racks.push({ id: p.rackId, blocks: [] })
  }
  let block = p.plan.block
  if (block < 0) {
    block = spec.blocks.length
    spec.blocks.push({ id: p.input.block, rack, model: p.model, serial: serialOf('BLK', p.input.block), nodes: [] })
    spec.racks[rack].blocks.push(block)
  }
  const n = spec.nodes.length
  const node: NodeSpec = {
    id: p.input.id, block, rack,
    cpuCores: p.cpuCores, memoryBytes: p.memoryBytes, cvmMemoryBytes: p.cvmMemoryBytes,
    disks: [], hostIp: ip('10.10', n), cvmIp: ip('10.11', n), serial: serialOf('HS', p.input.id),
  }
  for (const d of p.input.disks) {
    node.disks.push(spec.disks.length)
    const disk: DiskSpec = { id: d.id, node: n, tier: d.tier, capacityBytes: Math.round(d.capacityTB * TB), serial: serialOf(d.tier === 'SSD' ? 'S' : 'Z', d.id) }
    spec.disks.push(disk)
  }
  spec.nodes.push(node)
  spec.blocks[block].nodes.push(n)
  return n
}
