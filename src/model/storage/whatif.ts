/**
 * What-if: "if this node / block / rack failed now, would the cluster heal?" — computed
 * from the data where it really is, with the resilient-capacity rule (DOMAIN.md §5):
 *
 * - The data to re-protect: every replicated extent group that keeps at least one copy
 *   outside the failed unit needs its full RF again (rf × 1 GB raw); every EC strip that
 *   keeps at least k members needs k + p members. Data left with no copy is lost (counted,
 *   never hidden) and needs no room.
 * - The room: the survivors' disks, 95 % of them (Stargate turns read-only at 95 %),
 *   as raw_D'(survivors) — copies of one extent group on distinct D'-units, D' being the
 *   awareness in force after the failure: the current one while enough units of it remain
 *   (seed 004 minimums), else node awareness (the same fallback as resilient capacity).
 * - Heals ⇔ needed ≤ raw_D'(survivors). With no failure active this is exactly the
 *   term of the resilient-capacity minimum for that unit, so the cluster's used bytes are
 *   within resilient capacity iff every single-unit what-if heals (whatif.test.ts).
 * - After the rebuild (our rule): the failures the cluster would still tolerate at D' —
 *   the lower of STATIC_CONFIGURATION (units left) and FREE_SPACE (resilient capacity of
 *   the survivors for f more failures); 0 when it can't heal.
 * - Rebuild estimate: the copies to re-create ÷ (surviving nodes with a serving CVM ×
 *   the scenario's per-node rebuild bandwidth), DOMAIN.md §6.
 */
import { effectiveAwareness, staticFaultTolerance } from '../cluster/awareness'
import { rawCapacity, resilientCapacity } from './capacity'
import { STRIP_STRIDE } from './ec'
import { SimError } from '../kernel/errors'
import type { Domain } from '../types'
import { formatBytes, plural, UNIT_BYTES } from '../kernel/units'
import type { ClusterSpec } from '../scenario/normalize'
import type { Topology } from '../cluster/topology'
import type { CapacityUnits } from './capacity'
import type { DataStore } from './data'

/** What the what-if reads: the cluster facts and the capacity units of a domain. */
export interface WhatIfContext {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly effectiveAwareness: Domain
  capacityUnits(dom: Domain, nodeCap?: readonly number[]): CapacityUnits
}

export interface WhatIfResult {
  target: string
  kind: 'node' | 'block' | 'rack'
  /** nodes that would go down (those of the target still serving now) */
  failedNodes: string[]
  /** awareness in force now, and after the failure (fallback to node when too few units remain) */
  domainBefore: Domain
  domainAfter: Domain
  /** raw bytes the surviving data needs at full protection */
  neededBytes: number
  /** the raw usage the survivors can hold with copies on distinct `domainAfter` units */
  capacityBytes: number
  heals: boolean
  /** neededBytes − capacityBytes when it can't heal, else 0 */
  shortfallBytes: number
  /** logical bytes that would have no surviving copy */
  lostBytes: number
  /** raw bytes of copies the rebuild would re-create */
  rebuildBytes: number
  /** estimated rebuild time, null when nothing can rebuild it */
  rebuildSeconds: number | null
  /** failures at `domainAfter` tolerable after the rebuild (see header) */
  failuresTolerableAfter: number
  ftLevel: 1 | 2
  message: string
}


export function whatIfFailure(sim: WhatIfContext, target: string): WhatIfResult {
  const { topo, spec, data } = sim
  if (typeof target !== 'string') throw new SimError(`what-if needs a node, block or rack id, got ${String(target)}`)
  const kind = topo.kindOf(target)
  if (kind === null) throw new SimError(`unknown target "${target}"`)
  if (kind === 'disk') throw new SimError(`what-if takes a node, block or rack id; "${target}" is a disk`)
  const members =
    kind === 'node' ? [topo.nodeIndex.get(target)!] : kind === 'block' ? topo.nodesOfBlock(topo.blockIndex.get(target)!) : topo.nodesOfRack(topo.rackIndex.get(target)!)
  const failed = new Uint8Array(spec.nodes.length)
  for (const n of members) if (topo.cvmServing(n)) failed[n] = 1
  const failedNodes = members.filter((n) => failed[n] === 1)
  if (failedNodes.length === 0) throw new SimError(`"${target}" is already down: no node of it serves data now`)

  // per-disk availability after the failure
  const avail = new Uint8Array(spec.disks.length)
  for (let d = 0; d < spec.disks.length; d++) avail[d] = topo.diskAvailable(d) && failed[spec.disks[d].node] === 0 ? 1 : 0
  const nodeCap = spec.nodes.map((n) => n.disks.reduce((a, d) => a + (avail[d] ? spec.disks[d].capacityBytes : 0), 0))

  // data: what survives, what it needs, what is lost
  let neededUnits = 0
  let heldUnits = 0
  let lostLogicalUnits = 0
  const R = data.rf
  for (let u = 0; u < data.units; u++) {
    const rf = data.rfOf(u)
    let alive = 0
    for (let k = 0; k < rf; k++) {
      const d = data.replicaDisk[u * R + k]
      if (d >= 0 && avail[d]) alive++
    }
    if (alive === 0) lostLogicalUnits++
    else {
      neededUnits += rf
      heldUnits += alive
    }
  }
  for (let s = 0; s < data.strips; s++) {
    const k = data.stripK[s]
    const width = k + data.stripP[s]
    let alive = 0
    for (let j = 0; j < width; j++) {
      const d = data.stripDisk[s * STRIP_STRIDE + j]
      if (d >= 0 && avail[d]) alive++
    }
    if (alive < k) lostLogicalUnits += k
    else {
      neededUnits += width
      heldUnits += alive
    }
  }
  const neededBytes = neededUnits * UNIT_BYTES
  const rebuildBytes = (neededUnits - heldUnits) * UNIT_BYTES

  // the awareness after the failure, and the survivors' room at it
  const before = sim.effectiveAwareness
  const unitsBefore = sim.capacityUnits(before, nodeCap)
  const remaining = unitsBefore.unitCapacity.filter((c) => c > 0).length
  const after: Domain =
    before === 'node' ? 'node' : effectiveAwareness(before, { ...unitsBefore.unitCounts, [before]: remaining }, spec.ftLevel, spec.erasureCoding) === before ? before : 'node'
  const unitsAfter = after === before ? unitsBefore : sim.capacityUnits(after, nodeCap)
  const rawAfter = rawCapacity(unitsAfter.unitCapacity, R)
  const capacityBytes = rawAfter
  const heals = neededBytes <= capacityBytes

  // failures tolerable after the rebuild
  let tolerable = 0
  if (heals) {
    const left = unitsAfter.unitCapacity.filter((c) => c > 0).length
    const staticFt = staticFaultTolerance(left, spec.ftLevel, spec.erasureCoding)
    let free = 0
    for (let f = 1; f <= spec.ftLevel; f++) {
      if (neededBytes <= resilientCapacity(after, unitsAfter, R, f, spec.ftLevel, spec.erasureCoding)) free = f
      else break
    }
    tolerable = Math.min(staticFt, free)
  }

  let serving = 0
  for (let n = 0; n < spec.nodes.length; n++) if (failed[n] === 0 && topo.cvmServing(n)) serving++
  const bandwidth = serving * spec.rebuildBytesPerSecPerNode
  const rebuildSeconds = rebuildBytes === 0 ? 0 : heals && bandwidth > 0 ? rebuildBytes / bandwidth : null

  const survivorsWord = `${plural(remaining, before === 'node' ? 'node' : before)} left`
  const domainNote = after === before ? `${after} awareness kept` : `too few ${before}s left for ${before} awareness: node awareness after the failure`
  const lostNote = lostLogicalUnits > 0 ? ` ${formatBytes(lostLogicalUnits * UNIT_BYTES)} of data would have no surviving copy and be lost.` : ''
  const message = heals
    ? `Would heal: the surviving data needs ${formatBytes(neededBytes)} raw at full protection and the survivors can hold ${formatBytes(capacityBytes)} (${survivorsWord}, ${domainNote}). ` +
      `The rebuild re-creates ${formatBytes(rebuildBytes)}; afterwards the cluster tolerates ${plural(tolerable, `${after} failure`)} more.${lostNote}`
    : `Would not heal: the surviving data needs ${formatBytes(neededBytes)} raw at full protection but the survivors can hold only ${formatBytes(capacityBytes)} (${survivorsWord}, ${domainNote}); ` +
      `${formatBytes(neededBytes - capacityBytes)} short, so some data would stay under-replicated.${lostNote}`

  return {
    target,
    kind,
    failedNodes: failedNodes.map((n) => spec.nodes[n].id),
    domainBefore: before,
    domainAfter: after,
    neededBytes,
    capacityBytes: Math.floor(capacityBytes),
    heals,
    shortfallBytes: heals ? 0 : Math.ceil(neededBytes - capacityBytes),
    lostBytes: lostLogicalUnits * UNIT_BYTES,
    rebuildBytes,
    rebuildSeconds,
    failuresTolerableAfter: tolerable,
    ftLevel: spec.ftLevel,
    message,
  }
}
