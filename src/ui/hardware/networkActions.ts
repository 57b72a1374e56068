/**
 * Network partitions from the Hardware page (issue 15, DOMAIN.md §10): cut a whole block or
 * rack off the network (one side), or a chosen set of hosts, and reconnect it. Pure functions
 * over the store's structure and active faults; the model judges which side keeps the cluster.
 */
import type { StateSection, Structure } from '../bridge/types'
import type { EntityAction } from './entityActions'
import type { EntityKind } from './entities'

/** An active partition: its nodes (one, or several cut off together). */
export interface ActivePartition {
  nodes: string[]
}

export function activePartitions(state: Pick<StateSection, 'activeFaults'>): ActivePartition[] {
  return state.activeFaults.filter((f) => f.kind === 'partition').map((f) => ({ nodes: typeof f.target === 'string' ? [f.target] : [...f.target] }))
}

/**
 * The id to restore a partition by: `restore(id)` heals every fault that names the id, so
 * prefer one of its nodes no other active fault names (a CVM shut down stays down).
 */
export function reconnectTarget(nodes: readonly string[], state: Pick<StateSection, 'activeFaults'>, among: readonly string[] = nodes): string {
  const named = (id: string) => state.activeFaults.filter((f) => (typeof f.target === 'string' ? f.target === id : f.target.includes(id))).length
  return among.find((id) => named(id) === 1) ?? among[0] ?? nodes[0]
}

/** The node ids of a block or rack. */
export function nodesOfUnit(structure: Structure, kind: 'block' | 'rack', id: string): string[] {
  const blocks = kind === 'block' ? structure.blocks.filter((b) => b.id === id) : structure.racks.filter((r) => r.id === id).flatMap((r) => r.blocks.map((b) => structure.blocks[b]))
  return blocks.flatMap((b) => b.nodes.map((n) => structure.nodes[n].id))
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))

/**
 * The network actions of a block or rack: "Disconnect from network" (its nodes cut off
 * together), unless that exact partition is active or the unit holds every host; and
 * "Reconnect to network" for each active partition that holds some of its nodes.
 */
export function networkActionsFor(kind: EntityKind, id: string, structure: Structure, state: Pick<StateSection, 'activeFaults'>): EntityAction[] {
  if (kind !== 'block' && kind !== 'rack') return []
  const nodes = nodesOfUnit(structure, kind, id)
  const parts = activePartitions(state)
  const what = kind === 'block' ? 'Block' : 'Rack'
  const out: EntityAction[] = []
  if (nodes.length > 0 && nodes.length < structure.nodes.length && !parts.some((p) => sameSet(p.nodes, nodes)))
    out.push({
      key: 'disconnect',
      label: 'Disconnect from network',
      danger: true,
      fault: { kind: 'partition', target: nodes },
      restore: null,
      done: `${what} ${id} disconnected: its ${nodes.length} hosts are cut off together from the rest of the cluster`,
    })
  for (const p of parts) {
    const mine = p.nodes.filter((n) => nodes.includes(n))
    if (mine.length === 0 || p.nodes.length < 2) continue
    out.push({
      key: `reconnect-${p.nodes[0]}`,
      label: sameSet(p.nodes, nodes) ? 'Reconnect to network' : `Reconnect ${p.nodes.length} hosts (${p.nodes[0]}…)`,
      danger: false,
      fault: null,
      restore: reconnectTarget(p.nodes, state, mine),
      done: `${p.nodes.length} hosts reconnected to the cluster network`,
    })
  }
  return out
}

/** What the chosen hosts would form, in words: the two sides and where the Zookeeper servers are (the model judges the rest). */
export function partitionPreview(structure: Structure, zookeeper: readonly number[], chosen: ReadonlySet<string>): string {
  const total = structure.nodes.length
  if (chosen.size === 0) return 'Choose the hosts to cut off together.'
  if (chosen.size >= total) return 'A partition must leave at least one host on the other side.'
  const zkIn = zookeeper.filter((n) => chosen.has(structure.nodes[n].id)).length
  const need = Math.floor(zookeeper.length / 2) + 1
  return (
    `${chosen.size} host${chosen.size === 1 ? '' : 's'} cut off together from the other ${total - chosen.size}. ` +
    `Zookeeper servers: ${zkIn} of ${zookeeper.length} on the chosen side, ${zookeeper.length - zkIn} on the other. ` +
    `The side where at least ${need} of them run keeps the cluster; with no such side, the cluster loses its quorum.`
  )
}
