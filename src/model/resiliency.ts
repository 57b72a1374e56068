/**
 * Fault tolerance status ("failures tolerable") per component and domain type,
 * following DOMAIN.md §4. Computed from where data, metadata and services really are.
 */
import { staticFaultTolerance } from './awareness'
import type { Simulation } from './simulation'
import { COMPONENTS, DOMAIN_TYPES, type Component, type ComponentStatus, type Domain, type DomainType, type FaultToleranceRow, type ResiliencyStatus } from './types'

export const DOMAIN_OF_TYPE: Record<DomainType, Domain | 'disk'> = { DISK: 'disk', NODE: 'node', RACKABLE_UNIT: 'block', RACK: 'rack' }
export const TYPE_OF_DOMAIN: Record<Domain, DomainType> = { node: 'NODE', block: 'RACKABLE_UNIT', rack: 'RACK' }

const UNIT_WORD: Record<DomainType, string> = { DISK: 'disks', NODE: 'nodes (hosts)', RACKABLE_UNIT: 'blocks', RACK: 'racks' }

/**
 * Largest f such that removing the f units holding the most members still leaves at
 * least `need` members. `members` = count of healthy members per unit.
 */
export function tolerableLosses(membersPerUnit: readonly number[], need: number): number {
  const sorted = membersPerUnit.filter((x) => x > 0).sort((a, b) => b - a)
  let left = sorted.reduce((a, b) => a + b, 0)
  if (left < need) return 0
  let f = 0
  for (const m of sorted) {
    if (left - m < need) break
    left -= m
    f++
  }
  return f
}

export interface FaultToleranceResult {
  rows: FaultToleranceRow[]
  status: ResiliencyStatus
}

export function computeFaultTolerance(sim: Simulation): FaultToleranceResult {
  const { topo, data, spec } = sim
  const ft: number = spec.ftLevel
  const rf = data.rf
  const disks = spec.disks
  const unitOfDisk = (dt: DomainType, d: number): number => {
    const node = disks[d].node
    switch (dt) {
      case 'DISK': return d
      case 'NODE': return node
      case 'RACKABLE_UNIT': return spec.nodes[node].block
      case 'RACK': return spec.nodes[node].rack
    }
  }
  const unitOfNode = (dt: DomainType, n: number): number =>
    dt === 'NODE' || dt === 'DISK' ? n : dt === 'RACKABLE_UNIT' ? spec.nodes[n].block : spec.nodes[n].rack
  const unitCount = (dt: DomainType): number =>
    dt === 'DISK' ? disks.length : dt === 'NODE' ? spec.nodes.length : dt === 'RACKABLE_UNIT' ? spec.blocks.length : spec.racks.length

  const available = new Uint8Array(disks.length)
  for (let d = 0; d < disks.length; d++) available[d] = topo.diskAvailable(d) ? 1 : 0

  // extent groups: worst case over units of (distinct healthy units holding a replica) − 1
  const egWorst: Record<DomainType, number> = { DISK: rf, NODE: rf, RACKABLE_UNIT: rf, RACK: rf }
  const tmp = new Int32Array(rf)
  for (let u = 0; u < data.units; u++) {
    for (const dt of DOMAIN_TYPES) {
      let distinct = 0
      for (let k = 0; k < rf; k++) {
        const d = data.replicaDisk[u * rf + k]
        if (d < 0 || !available[d]) continue
        const unit = unitOfDisk(dt, d)
        let dup = false
        for (let j = 0; j < distinct; j++) if (tmp[j] === unit) dup = true
        if (!dup) tmp[distinct++] = unit
      }
      if (distinct < egWorst[dt]) egWorst[dt] = distinct
    }
  }

  // metadata: per token range (owner + next RF_m − 1 ring members), quorum
  const ring = sim.ringMembers()
  const rfm = spec.metadataReplicationFactor
  const quorum = Math.floor(rfm / 2) + 1
  const zk = sim.zookeeperServers()
  const zkQuorum = Math.floor(zk.length / 2) + 1
  const serving = (n: number) => topo.cvmServing(n)

  const rows: FaultToleranceRow[] = []
  for (const dt of DOMAIN_TYPES) {
    const comps = {} as Record<Component, ComponentStatus>
    const word = UNIT_WORD[dt]
    const set = (c: Component, value: number, reason: string | null) => {
      const v = Math.max(0, Math.min(value, ft))
      comps[c] = { failuresTolerable: v, message: v < ft ? reason : null }
    }
    set('EXTENT_GROUPS', egWorst[dt] - 1, egWorst[dt] <= 0 ? 'Some extent groups have no available replica' : `Some extent groups have replicas on fewer than ${ft + 1} available ${word}`)

    // OpLog episodes live on the same peers as the extent store replicas of recent writes:
    // modelled by the per-episode placement of the OpLog (see oplog tolerance below)
    set('OPLOG', sim.oplogTolerance(dt), `Not enough ${word} hold OpLog episode replicas`)

    let meta = ft
    if (ring.length === 0) meta = 0
    for (let i = 0; i < ring.length; i++) {
      const per = new Map<number, number>()
      for (let k = 0; k < Math.min(rfm, ring.length); k++) {
        const n = ring[(i + k) % ring.length]
        if (!serving(n)) continue
        const unit = unitOfNode(dt, n)
        per.set(unit, (per.get(unit) ?? 0) + 1)
      }
      meta = Math.min(meta, tolerableLosses([...per.values()], quorum))
    }
    if (dt === 'DISK') meta = ft // metadata lives on the CVM's SSDs, mirrored by the ring: a disk loss does not touch quorum
    set('METADATA', meta, `Metadata ring does not have enough ${word} to keep quorum`)

    const zkPer = new Map<number, number>()
    for (const n of zk) if (serving(n)) zkPer.set(unitOfNode(dt, n), (zkPer.get(unitOfNode(dt, n)) ?? 0) + 1)
    set('ZOOKEEPER', dt === 'DISK' ? ft : tolerableLosses([...zkPer.values()], zkQuorum), `Zookeeper servers are not spread over enough ${word}`)

    // Stargate health: after losing any f units, at least RF nodes with a healthy Stargate
    const sgPer = new Map<number, number>()
    for (let n = 0; n < spec.nodes.length; n++) if (serving(n)) sgPer.set(unitOfNode(dt, n), (sgPer.get(unitOfNode(dt, n)) ?? 0) + 1)
    set('STARGATE_HEALTH', dt === 'DISK' ? ft : tolerableLosses([...sgPer.values()], rf), `Not enough ${word} with a healthy Stargate`)

    set('FREE_SPACE', sim.freeSpaceTolerance(dt), dt === 'DISK' ? 'Cluster does not have enough capacity to tolerate a disk failure' : `Cluster does not have enough capacity to tolerate a ${dt === 'NODE' ? 'node' : dt === 'RACKABLE_UNIT' ? 'block' : 'rack'} failure`)

    const units = unitCount(dt)
    if (spec.erasureCoding) {
      // enough live units remain for a full strip (k + p, k ≥ 2) after losing f
      const liveUnits = dt === 'DISK' ? units : new Set(ring.filter(serving).map((n) => unitOfNode(dt, n))).size
      let f = 0
      while (f < ft && liveUnits - (f + 1) >= 2 + ft) f++
      set('ERASURE_CODE_STRIP_SIZE', f, `Not enough ${word} to hold a full erasure-coded strip`)
    } else set('ERASURE_CODE_STRIP_SIZE', ft, null)

    set('STATIC_CONFIGURATION', dt === 'DISK' ? ft : staticFaultTolerance(units, spec.ftLevel, spec.erasureCoding), `Not enough ${word} in the cluster`)

    let min = ft
    for (const c of COMPONENTS) min = Math.min(min, comps[c].failuresTolerable)
    rows.push({ domainType: dt, failuresTolerable: min, components: comps })
  }

  // the domain in force: the desired one, or the one best-effort awareness fell back to
  const domainRow = rows.find((r) => r.domainType === TYPE_OF_DOMAIN[sim.effectiveAwareness])!
  const nodeRow = rows.find((r) => r.domainType === 'NODE')!
  const status: ResiliencyStatus =
    domainRow.failuresTolerable >= ft ? 'OK' : nodeRow.failuresTolerable >= ft ? 'Warning' : 'Critical'
  return { rows, status }
}
