/**
 * What the hardware views know about an entity: its kind, its display state (the
 * `data-state` drills read) and the active faults aimed at it. Pure functions over
 * the store's structure and state sections.
 */
import type { StateSection, Structure } from '../bridge/types'

export type EntityKind = 'rack' | 'block' | 'node' | 'disk'

/** A selected entity; `loadId` ties it to one scenario load. */
export interface EntityRef {
  kind: EntityKind
  id: string
  loadId: number
}

export type NodeState = 'up' | 'down' | 'partitioned' | 'cvm-down' | 'maintenance' | 'removing'
export type DiskState = 'online' | 'offline'
export type UnitState = 'up' | 'down'

export const HOST_STATE_NAMES = ['up', 'down', 'partitioned'] as const
export const CVM_STATE_NAMES = ['up', 'down'] as const

/** Node n was removed from the cluster (lifecycle/nodeRemoval.ts): the views no longer show it. */
export function nodeGone(state: Pick<StateSection, 'removal'>, n: number): boolean {
  return (state.removal?.[n] ?? 0) === 2
}

export function nodeState(state: StateSection, n: number): NodeState {
  const host = state.hostState[n]
  if ((state.removal?.[n] ?? 0) === 1 && host === 0) return 'removing'
  if (host === 1) return 'down'
  if (host === 2) return 'partitioned'
  if ((state.maintenance?.[n] ?? 0) !== 0) return 'maintenance'
  return state.cvmState[n] === 1 ? 'cvm-down' : 'up'
}

export function diskState(state: StateSection, d: number): DiskState {
  return state.diskMode[d] === 1 ? 'offline' : 'online'
}

/** Prism's words for a disk's status (the removal phase from the model, else Normal / Offline). */
export function diskStatusWords(state: Pick<StateSection, 'diskMode' | 'diskPhase'>, d: number): string {
  const phase = state.diskPhase?.[d] ?? 0
  if (phase === 0) return state.diskMode[d] === 1 ? 'Offline' : 'Normal'
  return ['Normal', 'Marked for removal', 'Data migration initiated', 'Removed'][phase]
}

/** A block is down when every one of its hosts is down (as the model's report says). */
export function blockState(structure: Structure, state: StateSection, b: number): UnitState {
  const nodes = structure.blocks[b].nodes.filter((n) => !nodeGone(state, n))
  return nodes.length > 0 && nodes.every((n) => state.hostState[n] === 1) ? 'down' : 'up'
}

export function rackState(structure: Structure, state: StateSection, r: number): UnitState {
  const blocks = structure.racks[r].blocks.filter((b) => structure.blocks[b].nodes.some((n) => !nodeGone(state, n)))
  return blocks.length > 0 && blocks.every((b) => blockState(structure, state, b) === 'down') ? 'down' : 'up'
}

/**
 * The structure as the diagram draws it: removed nodes left out of their blocks, blocks left
 * without nodes out of their racks (same arrays and indices; a rack without blocks is not drawn).
 */
export function shownStructure(structure: Structure, state: Pick<StateSection, 'removal'>): Structure {
  if (!state.removal?.some((x) => x === 2)) return structure
  const blocks = structure.blocks.map((b) => ({ ...b, nodes: b.nodes.filter((n) => !nodeGone(state, n)) }))
  const racks = structure.racks.map((r) => ({ ...r, blocks: r.blocks.filter((b) => blocks[b].nodes.length > 0) }))
  return { ...structure, blocks, racks }
}

/** Human words for a node state, used in labels and tables. */
export function nodeStateText(s: NodeState): string {
  return s === 'up' ? 'Normal' : s === 'down' ? 'Down' : s === 'partitioned' ? 'Partitioned' : s === 'maintenance' ? 'In maintenance' : s === 'removing' ? 'Being removed' : 'CVM down'
}

export interface EntityIndex {
  rack: Map<string, number>
  block: Map<string, number>
  node: Map<string, number>
  disk: Map<string, number>
}

export function buildIndex(structure: Structure): EntityIndex {
  const map = (items: Array<{ id: string }>) => new Map(items.map((x, i) => [x.id, i]))
  return { rack: map(structure.racks), block: map(structure.blocks), node: map(structure.nodes), disk: map(structure.disks) }
}

/** Fault kinds active per target id. */
export function faultsByTarget(state: StateSection): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const f of state.activeFaults) {
    // a multi-node partition is active on each of its nodes (any of them restores it)
    for (const target of typeof f.target === 'string' ? [f.target] : f.target) {
      const list = out.get(target)
      if (list) list.push(f.kind)
      else out.set(target, [f.kind])
    }
  }
  return out
}

export function kindName(kind: EntityKind): string {
  return kind === 'node' ? 'Host' : kind === 'disk' ? 'Disk' : kind === 'block' ? 'Block' : 'Rack'
}

/** Racks, blocks, hosts and disks of the cluster now (a removed node and its disks, and units left empty, no longer count). */
export function clusterCounts(structure: Structure, state: Pick<StateSection, 'removal'>): { racks: number; blocks: number; hosts: number; disks: number } {
  const shown = shownStructure(structure, state)
  return {
    racks: shown.racks.filter((r) => r.blocks.length > 0).length,
    blocks: shown.racks.reduce((a, r) => a + r.blocks.length, 0),
    hosts: structure.nodes.filter((_, i) => !nodeGone(state, i)).length,
    disks: structure.disks.filter((d) => !nodeGone(state, d.node)).length,
  }
}
