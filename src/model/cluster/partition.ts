/**
 * Network partitions (DOMAIN.md §10; README our rule 15.4).
 *
 * - Every active partition fault is a cut: the nodes it names are cut off from every node
 *   it does not name. Several cuts combine: two nodes still talk to each other exactly when
 *   no cut separates them, i.e. when they are named by the same set of partition faults.
 *   The nodes named by none form the side of "the rest of the cluster".
 * - The side whose Zookeeper servers that run (CVM up, a metadata disk online, host not
 *   powered off) are a majority of the ensemble keeps the cluster: it has the quorum. At most
 *   one side can. Without such a side no side has the quorum, and the side that stays "the
 *   cluster" for what is drawn and served (its hosts up, the others partitioned) is the one
 *   holding the most Zookeeper servers (running or not), then the most nodes, then the
 *   lowest node. A side that holds a majority of the servers is therefore the one that keeps
 *   the cluster whatever else fails on it, and one host cut off alone is never it.
 * - Hosts of the other sides are partitioned: their CVMs serve nobody and their VMs reach
 *   no Stargate (the cut-off side cannot tell its own Stargates to serve the cluster).
 */
import type { Fault } from '../types'

/** The node ids a partition fault names: one, or several cut off together. */
export function partitionTargets(f: Fault): string[] {
  if (f.kind !== 'partition') return []
  return typeof f.target === 'string' ? [f.target] : f.target
}

/** Does fault f name this id: its target, or one of the nodes of a multi-node partition. */
export function faultNames(f: Fault, id: string): boolean {
  return typeof f.target === 'string' ? f.target === id : f.target.includes(id)
}

/** The entity a fault's events name: its target, or the first node of a multi-node partition. */
export function faultEntity(f: Fault): string {
  return typeof f.target === 'string' ? f.target : f.target[0]
}

export interface PartitionSides {
  /** side label per node: 0 is the side of the first node, labels count up in node order */
  side: Int32Array
  count: number
  /** the side that keeps the cluster (see above) */
  keeper: number
  /** the keeper holds a Zookeeper majority (the cluster has its quorum, as far as the partition goes) */
  majority: boolean
}

/**
 * The sides of the network under `cuts` (node index sets) and the one that keeps the
 * cluster, given the Zookeeper ensemble and which of its servers run.
 */
export function partitionSides(nodeCount: number, cuts: readonly (readonly number[])[], zookeeper: readonly number[], zkRuns: (n: number) => boolean): PartitionSides {
  const keys: string[] = new Array<string>(nodeCount).fill('')
  const member = new Uint8Array(nodeCount)
  for (const cut of cuts) {
    member.fill(0)
    for (const x of cut) member[x] = 1
    for (let x = 0; x < nodeCount; x++) keys[x] += member[x] === 1 ? '1' : '0'
  }
  const label = new Map<string, number>()
  const side = new Int32Array(nodeCount)
  for (let x = 0; x < nodeCount; x++) {
    let s = label.get(keys[x])
    if (s === undefined) label.set(keys[x], (s = label.size))
    side[x] = s
  }
  const count = label.size
  const nodes = new Int32Array(count)
  const held = new Int32Array(count)
  const running = new Int32Array(count)
  for (let x = 0; x < nodeCount; x++) nodes[side[x]]++
  for (const z of zookeeper) {
    held[side[z]]++
    if (zkRuns(z)) running[side[z]]++
  }
  const need = Math.floor(zookeeper.length / 2) + 1
  for (let s = 0; s < count; s++) if (zookeeper.length > 0 && running[s] >= need) return { side, count, keeper: s, majority: true }
  // no majority anywhere: the side holding the most servers, then the most nodes, then the lowest node (labels follow node order)
  let keeper = 0
  for (let s = 1; s < count; s++) if (held[s] > held[keeper] || (held[s] === held[keeper] && nodes[s] > nodes[keeper])) keeper = s
  return { side, count, keeper, majority: false }
}

/** The fault as it is kept among the active ones: a copy, a one-node partition list as its id, a disk fault with its SMART outcome. */
export function storedFault(f: Fault): Fault {
  if (f.kind === 'disk') return { kind: 'disk', target: f.target, smart: f.smart ?? 'fail' }
  if (f.kind === 'partition') return { kind: 'partition', target: typeof f.target === 'string' ? f.target : f.target.length === 1 ? f.target[0] : [...f.target] }
  return { kind: f.kind, target: f.target }
}
