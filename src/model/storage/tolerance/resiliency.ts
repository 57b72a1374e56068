/**
 * Fault tolerance status ("failures tolerable") per component and domain type,
 * following DOMAIN.md §4, computed from where data, metadata and services really are.
 *
 * For a domain type D (disk, node, block = rackable unit, rack) and a component, the
 * figure is the number of further D-units that can fail at once, in the worst case, with
 * the component still available — capped at the FT level. Every rule below is exact: it
 * equals what enumerating every set of failed D-units gives (resiliency.test.ts checks it
 * by brute force).
 *
 * - EXTENT_GROUPS: replicated extent groups: (distinct D-units holding an available
 *   replica) − 1; EC strips: the largest f such that losing the f D-units holding the most
 *   available members leaves ≥ k members. Minimum over both.
 * - OPLOG: the same over open OpLog episodes.
 * - METADATA: per token range, the largest f such that losing the f worst D-units leaves
 *   a quorum of its RF_m replicas running Cassandra; minimum over ranges. For disks: a
 *   replica dies with the last of its node's online metadata disks (metadata.ts).
 * - ZOOKEEPER: the same for the ensemble's quorum.
 * - STARGATE_HEALTH: after losing any f D-units, ≥ RF nodes with a healthy Stargate remain
 *   (disk failures don't stop Stargate).
 * - FREE_SPACE: Simulation.freeSpaceTolerance (resilient capacity, DOMAIN.md §5).
 * - ERASURE_CODE_STRIP_SIZE: with EC on, the largest f such that after losing any f D-units
 *   enough units of the awareness domain (with an available disk) remain to hold a full
 *   strip (k + p of the strips in use; 2 + p when no strip fits); else the FT level.
 * - STATIC_CONFIGURATION: the FT level if the cluster has the minimum units at D (seed 004
 *   table), else the highest level whose minimum it meets (0 if none); disks: as nodes.
 *
 * Status (Prism's Data Resiliency widget): OK when the figure for the awareness domain in
 * force is ≥ the FT level; Warning when not, but the node figure is; Critical otherwise
 * (node figure 0, or below 2 on FT2). The domain in force is the desired one unless
 * best-effort awareness fell back (DOMAIN.md §2): a cluster that never had the units for
 * block awareness is judged at node level, not flagged forever. A failure at the desired
 * level still drops the figure and raises Warning. With opt-in fault domains the desired
 * domain is judged (judged.ts).
 */
import { staticFaultTolerance } from '../../cluster/awareness'
import { DOMAIN_OF_LEVEL, LEVEL_OF, type DataStore, type DomainIndex, type Level, type OplogStore } from '../data'
import { minStripWidth } from '../ec'
import { metadataDisks, metadataServiceUp, quorumOf, tokenRanges } from '../../metadata/ring'
import type { ClusterSpec } from '../../scenario/normalize'
import { type DataHealth } from './toleranceIndex'
import { DISK_ONLINE, type Topology } from '../../cluster/topology'
import {
  COMPONENTS,
  DOMAIN_TYPES,
  type Component,
  type ComponentStatus,
  type Domain,
  type DomainType,
  type FaultToleranceRow,
  type ResiliencyStatus,
} from '../../types'
import { tolerableLosses, tolerableCostLosses } from './losses'
import { scanOplog } from './scans'
export * from './scans'
export * from './losses'
import { ALL_AVAILABLE, corruptAvailability, dataAvailability, type DataAvailability } from './availability'
import { judgedDomain, statusReason } from './judged'

/** What the fault tolerance computation reads (the composition root implements it). */
export interface FaultToleranceContext {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly data: DataStore
  readonly oplog: OplogStore
  readonly effectiveAwareness: Domain
  /** simulated time (s) Curator last evaluated the fault tolerance */
  readonly faultToleranceStamp: number
  ringMembers(): number[]
  zookeeperServers(): number[]
  metadataDomain(): Domain
  freeSpaceTolerance(dt: DomainType): number
  /** 1 per disk whose copies are destroyed (failed SMART): DOMAIN.md §9 */
  readonly destroyedDisks: Uint8Array
  /** vDisks of all VMs (each owns its share of the VM container's data, availability.ts) */
  readonly vdiskCount: number
}

export const DOMAIN_OF_TYPE: Record<DomainType, Domain | 'disk'> = { DISK: 'disk', NODE: 'node', RACKABLE_UNIT: 'block', RACK: 'rack' }
export const TYPE_OF_DOMAIN: Record<Domain, DomainType> = { node: 'NODE', block: 'RACKABLE_UNIT', rack: 'RACK' }
const LEVEL_OF_TYPE: Record<DomainType, Level> = { DISK: 0, NODE: 1, RACKABLE_UNIT: 2, RACK: 3 }

const UNIT_WORD: Record<DomainType, { one: string; many: string }> = {
  DISK: { one: 'disk', many: 'disks' },
  NODE: { one: 'node', many: 'nodes (hosts)' },
  RACKABLE_UNIT: { one: 'block', many: 'blocks (rackable units)' },
  RACK: { one: 'rack', many: 'racks' },
}

export type { DataHealth }

export interface FaultToleranceResult {
  rows: FaultToleranceRow[]
  status: ResiliencyStatus
  health: DataHealth
  /** the data with no online copy, split into unavailable and lost, and per vDisk (availability.ts) */
  availability: DataAvailability
  /** simulated seconds since load at which the inputs last changed */
  lastUpdateTime: number
  /** the domain the status judges (judged.ts) and why the status is not OK (null when OK) */
  judged: Domain
  reason: string | null
}

/** Per-level minimum tolerance of a set of copy groups (extent groups, strips, episodes); raw (not capped). */
/**
 * Tolerance of a quorum group of nodes (a token range's replicas, the Zookeeper
 * ensemble) at `level`: members are up per `up`; need `need` of them.
 * Disk level: a member dies with the last of its online metadata disks.
 */
function groupTolerance(members: readonly number[], up: Uint8Array, need: number, level: Level, index: DomainIndex, metaDiskCount: Int32Array): number {
  if (level === 0) {
    const costs: number[] = []
    for (const n of members) if (up[n]) costs.push(metaDiskCount[n])
    return tolerableCostLosses(costs, need)
  }
  const map = index.nodeUnit[level]
  const per = new Map<number, number>()
  let count = 0
  for (const n of members) {
    if (!up[n]) continue
    count++
    per.set(map[n], (per.get(map[n]) ?? 0) + 1)
  }
  if (count < need) return -1
  return tolerableLosses([...per.values()], need)
}

/**
 * ERASURE_CODE_STRIP_SIZE at `level`: largest f (≤ cap) such that after losing any f
 * units of that level, ≥ `width` units of the awareness level `eff` still have an
 * available disk.
 */
export function stripSizeTolerance(index: DomainIndex, avail: Uint8Array, eff: Level, level: Level, width: number, cap: number): number {
  const effMap = index.diskUnit[eff]
  const usable = new Uint8Array(index.unitCount[eff])
  for (let d = 0; d < avail.length; d++) if (avail[d]) usable[effMap[d]] = 1
  let total = 0
  for (let e = 0; e < usable.length; e++) total += usable[e]
  const remainingAfter = (f: number): number => {
    if (f === 0) return total
    if (level >= eff) {
      // each lost unit takes every awareness unit inside it
      const map = index.diskUnit[level]
      const per = new Int32Array(index.unitCount[level])
      const seen = new Uint8Array(usable.length)
      for (let d = 0; d < avail.length; d++) {
        const e = effMap[d]
        if (usable[e] && !seen[e]) {
          seen[e] = 1
          per[map[d]]++
        }
      }
      const sorted = Array.from(per).sort((a, b) => b - a)
      let left = total
      for (let i = 0; i < f && i < sorted.length; i++) left -= sorted[i]
      return left
    }
    // a finer unit: an awareness unit dies once all its supporting finer units are lost
    const map = index.diskUnit[level]
    const supports = new Map<number, Set<number>>()
    for (let d = 0; d < avail.length; d++) {
      if (!avail[d]) continue
      const e = effMap[d]
      let s = supports.get(e)
      if (!s) supports.set(e, (s = new Set()))
      s.add(map[d])
    }
    const costs = [...supports.values()].map((s) => s.size).sort((a, b) => a - b)
    let budget = f
    let left = total
    for (const c of costs) {
      if (c > budget) break
      budget -= c
      left--
    }
    return left
  }
  let best = -1
  for (let f = 0; f <= cap; f++) {
    if (remainingAfter(f) >= width) best = f
    else break
  }
  return best
}

function failureWord(dt: DomainType, n: number): string {
  return `${n} ${UNIT_WORD[dt].one} failure${n === 1 ? '' : 's'}`
}

export function computeFaultTolerance(sim: FaultToleranceContext): FaultToleranceResult {
  const { topo, data, spec } = sim
  const ft: number = spec.ftLevel
  const rf = spec.replicationFactor
  const index = data.index
  const D = spec.disks.length
  const N = spec.nodes.length

  const avail = new Uint8Array(D)
  for (let d = 0; d < D; d++) avail[d] = topo.diskAvailable(d) ? 1 : 0
  const serving = new Uint8Array(N)
  const metaUp = new Uint8Array(N)
  const metaDiskCount = new Int32Array(N)
  for (let n = 0; n < N; n++) {
    serving[n] = topo.cvmServing(n) ? 1 : 0
    metaUp[n] = metadataServiceUp(topo, n) ? 1 : 0
    metaDiskCount[n] = metaUp[n] ? onlineMetadataDisks(topo, n) : 0
  }

  const eg = data.tolerance.scan(avail)
  const op = scanOplog(sim.oplog, index, avail)

  const rfm = spec.metadataReplicationFactor
  const ranges = tokenRanges(sim.ringMembers(), rfm)
  const quorum = quorumOf(rfm)
  const zk = sim.zookeeperServers()
  const zkQuorum = quorumOf(zk.length)
  const metaDom = sim.metadataDomain()
  const eff = LEVEL_OF[sim.effectiveAwareness]
  const ecWidth = ecStripWidth(sim)

  // the data with no online copy, and the groups whose only copies online are corrupt (availability.ts)
  const noOnlineCopy = eg.health.lostUnits + eg.health.lostStripMembers > 0
  const corrupt = data.corruption
  const availability = noOnlineCopy
    ? dataAvailability(data, avail, sim.destroyedDisks, sim.vdiskCount, corrupt)
    : corrupt.count > 0
      ? corruptAvailability(data, avail, sim.destroyedDisks, sim.vdiskCount, corrupt)
      : ALL_AVAILABLE
  const corruptLost = availability.corruptLostUnits

  const rows: FaultToleranceRow[] = []
  for (const dt of DOMAIN_TYPES) {
    const level = LEVEL_OF_TYPE[dt]
    const comps = {} as Record<Component, ComponentStatus>
    const word = UNIT_WORD[dt]
    const set = (c: Component, value: number, reason: (v: number) => string) => {
      const v = Math.max(0, Math.min(value, ft))
      comps[c] = { failuresTolerable: v, message: v < ft ? reason(v) : null }
    }
    const placement = (what: string) => (v: number) => `Based on placement of ${what} the cluster can tolerate a maximum of ${failureWord(dt, v)}`

    const lostAny = eg.health.lostUnits + eg.health.lostStripMembers > 0
    set('EXTENT_GROUPS', corruptLost > 0 ? 0 : eg.mins[level],
      lostAny ? () => `${eg.health.lostUnits + eg.health.lostStripMembers} extent groups have no available replica`
        : corruptLost > 0 ? () => `${corruptLost} extent groups have no valid replica: every copy failed its checksum`
          : placement('extent group replicas'))
    set('OPLOG', op.mins[level], placement('OpLog episode replicas'))

    let meta = ranges.length === 0 ? -1 : Infinity
    for (const r of ranges) meta = Math.min(meta, groupTolerance(r.replicas, metaUp, quorum, level, index, metaDiskCount))
    const metaNote = level >= 2 && LEVEL_OF[metaDom] < level ? ` (metadata is not ${DOMAIN_OF_LEVEL[level]} aware: the other ${word.many} hold fewer than ${ft === 2 ? 4 : 2}X nodes)` : ''
    set('METADATA', meta, (v) => placement('metadata replicas in the Cassandra ring')(v) + metaNote)

    const zkVal = zk.length === 0 ? -1 : groupTolerance(zk, metaUp, zkQuorum, level, index, metaDiskCount)
    set('ZOOKEEPER', zkVal, placement('Zookeeper servers'))

    // Stargate health: after losing any f units, at least RF nodes with a healthy Stargate; disks don't stop it
    let sg: number
    if (level === 0) sg = countOnes(serving) >= rf ? Infinity : -1
    else {
      const per = new Int32Array(index.unitCount[level])
      let total = 0
      for (let n = 0; n < N; n++) if (serving[n]) {
        per[index.nodeUnit[level][n]]++
        total++
      }
      sg = total < rf ? -1 : tolerableLosses(per, rf)
    }
    set('STARGATE_HEALTH', sg, () => `Not enough nodes (hosts) with a healthy Stargate to tolerate ${failureWord(dt, ft)}`)

    set('FREE_SPACE', sim.freeSpaceTolerance(dt), (v) =>
      v === 0 ? `Cluster does not have enough capacity to tolerate a ${word.one} failure` : `Cluster does not have enough capacity to tolerate ${failureWord(dt, v + 1)}`,
    )

    if (spec.erasureCoding) {
      const f = stripSizeTolerance(index, avail, eff, level, ecWidth.width, ft)
      set('ERASURE_CODE_STRIP_SIZE', f, (v) =>
        ecWidth.shape
          ? `Not enough ${UNIT_WORD[typeOfLevel(eff)].many} to hold a ${ecWidth.shape.k}/${ecWidth.shape.p} erasure-coded strip after ${failureWord(dt, v + 1)}`
          : `Not enough ${UNIT_WORD[typeOfLevel(eff)].many} to form an erasure-coded strip`,
      )
    } else set('ERASURE_CODE_STRIP_SIZE', ft, () => '')

    // the units of the cluster now: a removed node (and a block or rack left empty) no longer counts
    const staticUnits = topo.activeUnitCount(DOMAIN_OF_LEVEL[Math.max(1, level)] as Domain)
    set('STATIC_CONFIGURATION', staticFaultTolerance(staticUnits, spec.ftLevel, spec.erasureCoding), () =>
      `Not enough ${UNIT_WORD[level === 0 ? 'NODE' : dt].many} in the cluster`,
    )

    let min = ft
    for (const c of COMPONENTS) min = Math.min(min, comps[c].failuresTolerable)
    rows.push({ domainType: dt, failuresTolerable: min, components: comps })
  }

  // opt-in fault domains (judged.ts): the desired domain is judged even when the cluster falls back
  const judged = judgedDomain(spec.awarenessMode, spec.desiredAwareness, sim.effectiveAwareness)
  const status = resiliencyStatus(rows, judged, spec.ftLevel)
  const unitCounts = { node: index.unitCount[1], block: index.unitCount[2], rack: index.unitCount[3] }
  const reason = statusReason({ rows, status, mode: spec.awarenessMode, desired: spec.desiredAwareness, inForce: sim.effectiveAwareness, ftLevel: spec.ftLevel, erasureCoding: spec.erasureCoding, unitCounts })
  return { rows, status, health: eg.health, availability, lastUpdateTime: sim.faultToleranceStamp, judged, reason }
}

/** Prism's Data Resiliency status from the rows (see the header). */
export function resiliencyStatus(rows: readonly FaultToleranceRow[], inForce: Domain, ftLevel: number): ResiliencyStatus {
  const domainRow = rows.find((r) => r.domainType === TYPE_OF_DOMAIN[inForce])
  const nodeRow = rows.find((r) => r.domainType === 'NODE')
  if (!domainRow || !nodeRow) return 'Critical'
  if (domainRow.failuresTolerable >= ftLevel) return 'OK'
  if (nodeRow.failuresTolerable >= ftLevel) return 'Warning'
  return 'Critical'
}

/** The width (k + p) of the strips in use (widest), or the smallest possible strip when none fits. */
export function ecStripWidth(sim: Pick<FaultToleranceContext, 'data' | 'spec'>): { width: number; shape: { k: number; p: number } | null } {
  let best: { k: number; p: number } | null = null
  for (const c of sim.data.containers) if (c.shape && (!best || c.shape.k + c.shape.p > best.k + best.p)) best = c.shape
  return best ? { width: best.k + best.p, shape: best } : { width: minStripWidth(sim.spec.ftLevel), shape: null }
}

function typeOfLevel(l: Level): DomainType {
  return l === 0 ? 'DISK' : l === 1 ? 'NODE' : l === 2 ? 'RACKABLE_UNIT' : 'RACK'
}

function countOnes(a: Uint8Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]
  return s
}

function onlineMetadataDisks(topo: Topology, n: number): number {
  let c = 0
  for (const d of metadataDisks(topo, n)) if (topo.diskMode[d] === DISK_ONLINE) c++
  return c
}
