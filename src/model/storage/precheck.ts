/**
 * The one pre-check of every configuration change (DOMAIN.md §12): removing a disk or a
 * node, adding a node, changing the awareness mode. Each change passes through
 * `configurationChangeProblem`, which returns the reason it is refused (null: allowed), so a
 * rule that applies to every change (e.g. a Zookeeper quorum) is added here once.
 *
 * Our rules for removal: a disk or node already being removed, or a removal already running,
 * is refused; the rest of the cluster must hold all the data at full RF with the awareness in
 * force and still tolerate the FT level's failures (its resilient capacity, capacity.ts); an
 * offline disk can be removed only once the rebuild has re-protected every copy it held.
 */
import type { Topology } from '../cluster/topology'
import type { ClusterSpec } from '../scenario/normalize'
import type { AwarenessMode, Domain } from '../types'
import { formatBytes, formatUnits } from '../kernel/units'
import { resilientCapacity } from './capacity'
import { availableUsedBytes, capacityUnitsOf, nodeAvailableCapacity } from './capacityNow'
import type { DataStore } from './data'
import { STRIP_STRIDE } from './ec'
import { nodeAdditionProblem, nodeRemovalProblem, type NodeChangeFacts, type NodePlan } from './nodePrecheck'

export type ConfigChange =
  | { kind: 'removeDisk'; disk: number }
  | { kind: 'awarenessMode'; mode: AwarenessMode }
  | { kind: 'removeNode'; node: number; facts: NodeChangeFacts }
  | { kind: 'addNode'; plan: NodePlan; facts: NodeChangeFacts }

export interface PrecheckContext {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly effectiveAwareness: Domain
  /** the removal running now (its entity id), or null */
  removalInProgress(): string | null
  /** 'normal' | 'removing' | 'removed' of disk d */
  diskStatus(d: number): 'normal' | 'removing' | 'removed'
  /** no Zookeeper quorum: why the configuration cannot change (metadata/quorum.ts), else null */
  configChangeRefusal(): string | null
}


/** Why the change is refused, or null when it may go ahead. */
export function configurationChangeProblem(ctx: PrecheckContext, change: ConfigChange): string | null {
  const frozen = ctx.configChangeRefusal()
  if (frozen) return frozen
  switch (change.kind) {
    case 'removeDisk':
      return diskRemovalProblem(ctx, change.disk)
    case 'awarenessMode':
      // our rule: only the quorum above; the mode changes what is judged, not where data is
      return null
    case 'removeNode':
      return nodeRemovalProblem(change.facts, change.node)
    case 'addNode':
      return nodeAdditionProblem(change.facts, change.plan)
  }
}

function diskRemovalProblem(ctx: PrecheckContext, d: number): string | null {
  const { spec, topo, data } = ctx
  const id = spec.disks[d].id
  const status = ctx.diskStatus(d)
  if (status !== 'normal') return `disk "${id}" is already ${status === 'removing' ? 'being removed' : 'removed'}`
  const running = ctx.removalInProgress()
  if (running) return `a removal is already in progress (${running}); wait until it finishes`
  if (!topo.diskAvailable(d)) {
    if (slotsOn(data, d) > 0) return `disk "${id}" is offline and the rebuild has not yet re-protected its data; wait for the rebuild to finish`
    return null
  }
  // the rest must hold everything at full RF with the awareness in force, and tolerate the FT level
  const dom = ctx.effectiveAwareness
  const nodeCap = nodeAvailableCapacity(ctx)
  nodeCap[spec.disks[d].node] -= spec.disks[d].capacityBytes
  const cap = resilientCapacity(dom, capacityUnitsOf(ctx, dom, nodeCap), data.rf, spec.ftLevel, spec.ftLevel, spec.erasureCoding)
  const used = availableUsedBytes(ctx)
  if (used > cap) return `the remaining disks could not hold the data: ${formatBytes(used)} used, ${formatBytes(Math.max(0, cap))} can be held at full RF with ${dom} awareness and FT${spec.ftLevel} without disk "${id}"`
  let room = 0
  for (let x = 0; x < spec.disks.length; x++) if (x !== d && topo.diskAvailable(x) && data.closed[x] === 0) room += Math.max(0, data.capUnits[x] - data.diskUnits[x])
  if (room < data.diskUnits[d]) return `the remaining disks have room for ${formatUnits(room)}, disk "${id}" holds ${formatUnits(data.diskUnits[d])}`
  return null
}

/** Replica slots and strip members that point to disk d. */
export function slotsOn(data: DataStore, d: number): number {
  let n = 0
  const rd = data.replicaDisk
  for (let i = 0; i < data.units * data.rf; i++) if (rd[i] === d) n++
  for (let i = 0; i < data.strips * STRIP_STRIDE; i++) if (data.stripDisk[i] === d) n++
  return n
}
