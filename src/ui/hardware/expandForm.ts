/**
 * The Expand cluster dialog's form (Prism "Expand Cluster"): its defaults from the cluster as
 * it is, and the `addNode` argument it builds. Pure: the model checks the argument (and
 * refuses it with every problem named); nothing here is a rule of its own.
 */
import type { AddNodeInput, StateSection, Structure } from '../bridge/types'
import { nodeGone } from './entities'

export const NEW = '__new__'

export interface DiskRow {
  tier: 'SSD' | 'HDD'
  capacityTB: string
}

export interface ExpandForm {
  id: string
  /** an existing block id, or NEW */
  block: string
  newBlock: string
  /** for a new block: an existing rack id, or NEW */
  rack: string
  newRack: string
  /** for a new block: its hardware model (empty: the model's default) */
  model: string
  memoryGiB: string
  cvmMemoryGiB: string
  cpuCores: string
  disks: DiskRow[]
}

const GiB = 1024 ** 3

/** The first free `${prefix}${k}` (k from `from`) among `taken`. */
function freeId(prefix: string, from: number, taken: ReadonlySet<string>): string {
  let k = from
  while (taken.has(`${prefix}${k}`)) k++
  return `${prefix}${k}`
}

/** Every id of the cluster (a new node, disk, block or rack may use none of them). */
export function takenIds(structure: Structure): Set<string> {
  return new Set([...structure.racks, ...structure.blocks, ...structure.nodes, ...structure.disks, ...structure.vms].map((x) => x.id))
}

/** Disk ids of a new node: `disk-9-1 …` for `node-9` (as layouts name them), else `<id>-disk1 …`. */
export function diskIds(nodeId: string, count: number): string[] {
  const m = /^node-(\d+)$/.exec(nodeId)
  return Array.from({ length: count }, (_, k) => (m ? `disk-${m[1]}-${k + 1}` : `${nodeId}-disk${k + 1}`))
}

/** Defaults: the next node id, a new block in the first rack, the block model, memory and disks of the cluster's first node. */
export function defaultForm(structure: Structure, state: Pick<StateSection, 'removal'>): ExpandForm {
  const taken = takenIds(structure)
  const ref = structure.nodes.find((_, i) => !nodeGone(state, i)) ?? structure.nodes[0]
  return {
    id: freeId('node-', structure.nodes.length + 1, taken),
    block: NEW,
    newBlock: freeId('block-', structure.blocks.length + 1, taken),
    rack: structure.racks[0]?.id ?? NEW,
    newRack: freeId('rack-', structure.racks.length + 1, taken),
    model: structure.blocks[ref.block]?.model ?? '',
    memoryGiB: String(Math.round(ref.memoryBytes / GiB)),
    cvmMemoryGiB: String(Math.round(ref.cvmMemoryBytes / GiB)),
    cpuCores: String(ref.cpuCores),
    disks: ref.disks.map((d) => ({ tier: structure.disks[d].tier, capacityTB: String(Math.round((structure.disks[d].capacityBytes / 1e12) * 100) / 100) })),
  }
}

/** Blocks a node can join: in the cluster, with fewer than 4 nodes. */
export function openBlocks(structure: Structure, state: Pick<StateSection, 'removal'>): Array<{ id: string; label: string }> {
  return structure.blocks.flatMap((b) => {
    const n = b.nodes.filter((x) => !nodeGone(state, x)).length
    return n > 0 && n < 4 ? [{ id: b.id, label: `${b.id} (${structure.racks[b.rack].id}, ${n} node${n === 1 ? '' : 's'})` }] : []
  })
}

/** Text → number as typed (empty or not a number: NaN, which the model refuses with its message). */
const num = (s: string) => (s.trim() === '' ? NaN : Number(s))

/** The `addNode` argument the form describes. */
export function toAddNode(f: ExpandForm): AddNodeInput {
  const newBlock = f.block === NEW
  const ids = diskIds(f.id.trim(), f.disks.length)
  return {
    id: f.id.trim(),
    block: newBlock ? f.newBlock.trim() : f.block,
    ...(newBlock ? { rack: f.rack === NEW ? f.newRack.trim() : f.rack } : {}),
    ...(newBlock && f.model.trim() !== '' ? { model: f.model.trim() } : {}),
    memoryGiB: num(f.memoryGiB),
    cvmMemoryGiB: num(f.cvmMemoryGiB),
    cpuCores: num(f.cpuCores),
    disks: f.disks.map((d, k) => ({ id: ids[k], tier: d.tier, capacityTB: num(d.capacityTB) })),
  }
}
