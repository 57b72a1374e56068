/**
 * Fault tolerance ("failures tolerable") and the Data Resiliency status (DOMAIN.md §2, §4).
 * Property tests print their fast-check seed on failure; replay with
 * FC_SEED=<seed> npx vitest run src/model/resiliency.test.ts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { minimumUnits } from '../../cluster/awareness'
import { LEVEL_OF } from '../data'
import { computeFaultTolerance, resiliencyStatus, tolerableCostLosses, tolerableLosses, worstRawAfterDiskLosses } from './resiliency'
import { builtinScenario } from '../../scenario/builtins'
import { compileScenario } from '../../scenario/normalize'
import type { Scenario } from '../../scenario/schema'
import { Simulation } from '../../simulation'
import {
  applyFaults,
  availableAfter,
  bruteForceFreeSpace,
  bruteForceTolerance,
  clusterArb,
  faultsArb,
  fcParams,
  JUDGED,
  LEVEL_OF_TYPE,
  scenarioOf,
  subsets,
  unitsAt,
} from './resiliency.testkit'
import { COMPONENTS, DOMAIN_TYPES, type Domain, type DomainType, type FaultToleranceRow } from '../../types'
import { UNIT_BYTES } from '../../kernel/units'

const load = (id: string, seed?: number) => Simulation.create(builtinScenario(id)!, seed)
const TYPE_OF: Record<Domain, DomainType> = { node: 'NODE', block: 'RACKABLE_UNIT', rack: 'RACK' }
const rowOf = (sim: Simulation, dt: DomainType): FaultToleranceRow => sim.faultTolerance().rows.find((r) => r.domainType === dt)!

describe('helpers', () => {
  it('tolerableLosses removes the units holding the most members first', () => {
    expect(tolerableLosses([1, 1, 1], 1)).toBe(2)
    expect(tolerableLosses([2, 1], 2)).toBe(0)
    expect(tolerableLosses([1, 1, 1, 1, 1], 3)).toBe(2)
    expect(tolerableLosses([2, 1, 1, 1], 3)).toBe(1)
    expect(tolerableLosses([1], 2)).toBe(0)
  })
  it('tolerableCostLosses kills the cheapest members first', () => {
    expect(tolerableCostLosses([2, 2, 2], 2)).toBe(3) // kill 2 members at 2 disks each → 4 − 1
    expect(tolerableCostLosses([1, 1, 1], 2)).toBe(1)
    expect(tolerableCostLosses([1, 2], 2)).toBe(0)
  })
  it('worstRawAfterDiskLosses: the worst disk to lose is not always the largest', () => {
    // A [20, 20], B [5], C [5], RF2: losing a 20 leaves raw 20, losing a 5 leaves 10
    expect(worstRawAfterDiskLosses([[20, 20], [5], [5]], 2, 1)).toBe(10)
    expect(worstRawAfterDiskLosses([[20, 20], [5], [5]], 2, 2)).toBe(0)
    expect(worstRawAfterDiskLosses([[4, 4], [4, 4], [4, 4]], 2, 1)).toBe(20)
    expect(worstRawAfterDiskLosses([[4, 4], [4, 4], [4, 4]], 2, 2)).toBe(16)
  })
  it('status: OK at the FT level in the domain in force, Warning when only nodes keep it, else Critical', () => {
    const row = (dt: DomainType, f: number) => ({ domainType: dt, failuresTolerable: f, components: {} as FaultToleranceRow['components'] })
    expect(resiliencyStatus([row('NODE', 1), row('RACKABLE_UNIT', 1)], 'block', 1)).toBe('OK')
    expect(resiliencyStatus([row('NODE', 1), row('RACKABLE_UNIT', 0)], 'block', 1)).toBe('Warning')
    expect(resiliencyStatus([row('NODE', 0), row('RACKABLE_UNIT', 0)], 'block', 1)).toBe('Critical')
    expect(resiliencyStatus([row('NODE', 1), row('RACKABLE_UNIT', 0)], 'node', 1)).toBe('OK')
    expect(resiliencyStatus([row('NODE', 1), row('RACK', 1)], 'rack', 2)).toBe('Critical')
    expect(resiliencyStatus([row('NODE', 2), row('RACK', 1)], 'rack', 2)).toBe('Warning')
  })
})

/** A cluster of `units` units of `dom`, 2 nodes per unit (1 per unit for node). */
function tableScenario(dom: Domain, units: number, ftLevel: 1 | 2, ec: boolean): Scenario {
  const layout =
    dom === 'node'
      ? { racks: 1, blocksPerRack: units, nodesPerBlock: 1 }
      : dom === 'block'
        ? { racks: 1, blocksPerRack: units, nodesPerBlock: 2 }
        : { racks: units, blocksPerRack: 1, nodesPerBlock: 2 }
  return {
    title: `${dom} ${units} FT${ftLevel}${ec ? ' EC' : ''}`,
    cluster: {
      ftLevel,
      awareness: dom,
      erasureCoding: ec,
      data: { usedPct: 15 },
      layout: { ...layout, ssdPerNode: 1, hddPerNode: 2, ssdTB: 0.2, hddTB: 0.4 },
    },
    vmFill: { count: 8, vcpus: 2, memoryGiB: 4, vdisks: 2 },
  }
}

describe('awareness table (seed 004): minimum units give the FT level, one fewer does not', () => {
  const rows: Array<[Domain, 1 | 2, boolean, number]> = []
  for (const dom of ['node', 'block', 'rack'] as const)
    for (const ft of [1, 2] as const) for (const ec of [false, true]) rows.push([dom, ft, ec, minimumUnits(ft, ec)])

  it.each(rows)('%s awareness, FT%i, EC %s: %i units', (dom, ft, ec, min) => {
    // the table: 3 / 4 with EC for FT1, 5 / 6 with EC for FT2, for every domain
    expect(min).toBe(ft === 1 ? (ec ? 4 : 3) : ec ? 6 : 5)
    const sim = Simulation.create(tableScenario(dom, min, ft, ec))
    expect(sim.effectiveAwareness).toBe(dom)
    expect(sim.metadataDomain()).toBe(dom)
    const row = rowOf(sim, TYPE_OF[dom])
    for (const c of COMPONENTS) expect(row.components[c], `${c}`).toEqual({ failuresTolerable: ft, message: null })
    expect(row.failuresTolerable).toBe(ft)
    expect(rowOf(sim, 'NODE').failuresTolerable).toBe(ft)
    expect(sim.report().resiliency.status).toBe('OK')

    const fewer = compileScenario(tableScenario(dom, min - 1, ft, ec))
    if (!fewer.ok) {
      // the cluster can't even be built (under 3 nodes, or RF3 under 5 nodes)
      expect(dom).toBe('node')
      expect(fewer.problems.join('\n')).toMatch(/at least (3|5) nodes/)
      return
    }
    const less = Simulation.create(tableScenario(dom, min - 1, ft, ec))
    expect(less.effectiveAwareness === dom && dom !== 'node').toBe(false)
    const lessRow = rowOf(less, TYPE_OF[dom])
    expect(lessRow.failuresTolerable).toBeLessThan(ft)
    expect(lessRow.components.STATIC_CONFIGURATION.failuresTolerable).toBeLessThan(ft)
    expect(lessRow.components.STATIC_CONFIGURATION.message).toMatch(/^Not enough (nodes \(hosts\)|blocks \(rackable units\)|racks) in the cluster$/)
  })
})

describe('failures tolerable agrees with brute force (every failure set, small clusters)', () => {
  it('per component and domain type, with random earlier faults', () => {
    fc.assert(
      fc.property(clusterArb({ maxRacks: 3, maxBlocks: 3, maxDisks: 2, diskTB: [0.1, 0.2], fill: [0.05, 0.5] }), faultsArb(), (shape, faults) => {
        const sim = Simulation.create(scenarioOf(shape))
        applyFaults(sim, faults)
        const model = computeFaultTolerance(sim)
        for (const dt of DOMAIN_TYPES) {
          const bf = bruteForceTolerance(sim, LEVEL_OF_TYPE[dt])
          const row = model.rows.find((r) => r.domainType === dt)!
          for (const c of JUDGED) expect(row.components[c].failuresTolerable, `${dt} ${c}`).toBe(bf[c])
          expect(row.components.FREE_SPACE.failuresTolerable, `${dt} FREE_SPACE`).toBe(bruteForceFreeSpace(sim, LEVEL_OF_TYPE[dt]))
          // the row is the minimum over its components
          expect(row.failuresTolerable).toBe(Math.min(...COMPONENTS.map((c) => row.components[c].failuresTolerable)))
        }
      }),
      fcParams(60),
    )
  })
})

describe('failing any f ≤ FT units of the effective domain leaves everything available', () => {
  it('every extent group, strip, token range and the Zookeeper ensemble survive', () => {
    fc.assert(
      fc.property(clusterArb({ maxDisks: 2, diskTB: [0.1, 0.2], fill: [0.05, 0.5] }), faultsArb(), (shape, faults) => {
        const sim = Simulation.create(scenarioOf(shape))
        applyFaults(sim, faults)
        const level = LEVEL_OF[sim.effectiveAwareness]
        const ft = rowOf(sim, TYPE_OF[sim.effectiveAwareness]).failuresTolerable
        const units = unitsAt(sim, level)
        // what is unavailable already (earlier faults beyond tolerance) has FT 0 and is not judged here
        const now = availableAfter(sim, level, new Set())
        const judged = (['EXTENT_GROUPS', 'OPLOG', 'METADATA', 'ZOOKEEPER'] as const).filter((c) => now[c])
        if (judged.length < 4) expect(ft).toBe(0)
        for (let f = 1; f <= ft; f++) {
          for (const set of subsets(units, Math.min(f, units))) {
            const av = availableAfter(sim, level, new Set(set))
            for (const c of judged) expect(av[c], `${c} after losing ${sim.effectiveAwareness}s ${set.join(',')}`).toBe(true)
          }
        }
      }),
      fcParams(60),
    )
  })

  it('a healthy cluster whose data and metadata are aware of the domain in force tolerates the FT level there', () => {
    fc.assert(
      fc.property(clusterArb({ maxDisks: 2, diskTB: [0.1, 0.2], fill: [0.05, 0.4] }), (shape) => {
        const sim = Simulation.create(scenarioOf(shape))
        fc.pre(sim.metadataDomain() === sim.effectiveAwareness && sim.data.relaxed === 0 && sim.data.unplaced === 0)
        const row = rowOf(sim, TYPE_OF[sim.effectiveAwareness])
        const ft = sim.spec.ftLevel
        for (const c of ['EXTENT_GROUPS', 'OPLOG', 'METADATA', 'ZOOKEEPER', 'STARGATE_HEALTH'] as const) expect(row.components[c].failuresTolerable, c).toBe(ft)
        // and then every f ≤ FT failure set of that domain keeps it all available
        const level = LEVEL_OF[sim.effectiveAwareness]
        for (const set of subsets(unitsAt(sim, level), Math.min(ft, unitsAt(sim, level)))) {
          const av = availableAfter(sim, level, new Set(set))
          expect(av.EXTENT_GROUPS && av.METADATA && av.ZOOKEEPER && av.OPLOG, set.join(',')).toBe(true)
        }
      }),
      fcParams(60),
    )
  })
})

describe('recomputed when anything changes', () => {
  it('cached until invalidate(); inject and restore recompute it', () => {
    const sim = load('twelve-3-blocks')
    const a = sim.faultTolerance()
    expect(sim.faultTolerance()).toBe(a)
    expect(a.status).toBe('OK')
    sim.advance(60)
    sim.inject({ kind: 'node', target: 'node-1' })
    const b = sim.faultTolerance()
    expect(b).not.toBe(a)
    expect(rowOf(sim, 'NODE').failuresTolerable).toBe(0)
    expect(b.status).toBe('Critical')
    expect(b.lastUpdateTime).toBe(60)
    sim.advance(60)
    sim.restore('node-1')
    expect(sim.faultTolerance().status).toBe('OK')
    expect(sim.faultTolerance().lastUpdateTime).toBe(120)
    sim.invalidate()
    expect(sim.faultTolerance()).not.toBe(b)
  })
})

describe('Prism-style figures and messages', () => {
  it('twelve-3-blocks: block failure tolerable 1; a failed block leaves one copy of everything', () => {
    const sim = load('twelve-3-blocks')
    expect(rowOf(sim, 'RACKABLE_UNIT').failuresTolerable).toBe(1)
    expect(rowOf(sim, 'RACK').failuresTolerable).toBe(0)
    sim.inject({ kind: 'block', target: 'block-2' })
    // the Curator scan that follows the change: Computing until it finishes
    expect(sim.report().resiliency.status).toBe('Computing')
    sim.advance(120)
    const r = sim.report()
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.resiliency.underReplicatedBytes).toBeGreaterThan(0)
    expect(r.resiliency.status).toBe('Critical')
    const eg = rowOf(sim, 'RACKABLE_UNIT').components.EXTENT_GROUPS
    expect(eg).toEqual({ failuresTolerable: 0, message: 'Based on placement of extent group replicas the cluster can tolerate a maximum of 0 block failures' })
    // the ring keeps quorum everywhere, each range one replica short
    expect(r.metadata.tokenRanges.every((t) => t.available && t.replicasUp === 2)).toBe(true)
    expect(r.metadata.zookeeper).toMatchObject({ up: 2, quorum: 2, available: true })
  })

  it('a failed disk: its replicas are under-replicated, never lost', () => {
    const sim = load('four-blocks-of-2')
    const d = sim.topo.diskIndex.get('disk-3-2')!
    const held = sim.data.diskUnits[d]
    sim.inject({ kind: 'disk', target: 'disk-3-2' })
    const r = sim.report()
    expect(r.resiliency.underReplicatedBytes).toBe(held * UNIT_BYTES)
    expect(r.resiliency.lostBytes).toBe(0)
    expect(rowOf(sim, 'DISK').components.EXTENT_GROUPS.failuresTolerable).toBe(0)
    // Cassandra keeps running on the node's other SSD
    expect(rowOf(sim, 'DISK').components.METADATA.failuresTolerable).toBe(1)
  })

  it('more failures than tolerated make data unavailable, and the report says so', () => {
    const sim = load('starter-3')
    sim.inject({ kind: 'node', target: 'node-1' })
    sim.inject({ kind: 'node', target: 'node-2' })
    sim.advance(120)
    const r = sim.report()
    expect(r.resiliency.unavailableBytes).toBeGreaterThan(0)
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.resiliency.status).toBe('Critical')
    expect(rowOf(sim, 'NODE').components.EXTENT_GROUPS.message).toMatch(/^\d+ extent groups have no available replica$/)
    expect(r.metadata.tokenRanges.some((t) => !t.available)).toBe(true)
    expect(r.metadata.zookeeper.available).toBe(false)
  })

  it('"Not enough nodes (hosts) in the cluster": EC on a 3-node FT1 cluster', () => {
    const sim = Simulation.create({
      title: 'ec-3',
      cluster: { awareness: 'node', erasureCoding: true, data: { usedPct: 20 }, layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 3, ssdPerNode: 1, hddPerNode: 1, ssdTB: 0.2, hddTB: 0.4 } },
    })
    const node = rowOf(sim, 'NODE')
    expect(node.components.STATIC_CONFIGURATION).toEqual({ failuresTolerable: 0, message: 'Not enough nodes (hosts) in the cluster' })
    expect(node.components.ERASURE_CODE_STRIP_SIZE).toEqual({ failuresTolerable: 0, message: 'Not enough nodes (hosts) to form an erasure-coded strip' })
    expect(sim.data.strips).toBe(0)
    expect(node.components.EXTENT_GROUPS.failuresTolerable).toBe(1) // the data itself is still RF2
    expect(sim.report().resiliency.status).toBe('Critical')
  })

  it('"Cluster does not have enough capacity to tolerate a node failure"', () => {
    const sim = Simulation.create({
      title: 'full-3',
      cluster: { awareness: 'node', data: { usedPct: 80 }, layout: { racks: 1, blocksPerRack: 3, nodesPerBlock: 1, ssdPerNode: 1, hddPerNode: 1, ssdTB: 0.2, hddTB: 0.4 } },
    })
    expect(rowOf(sim, 'NODE').components.FREE_SPACE).toEqual({ failuresTolerable: 0, message: 'Cluster does not have enough capacity to tolerate a node failure' })
  })

  it('metadata that is not block aware holds the block figure at 0 (Warning), and says why', () => {
    const sim = load('non-homogeneous')
    expect(sim.effectiveAwareness).toBe('block')
    expect(sim.metadataDomain()).toBe('node')
    const meta = rowOf(sim, 'RACKABLE_UNIT').components.METADATA
    expect(meta.failuresTolerable).toBe(0)
    expect(meta.message).toContain('metadata is not block aware')
    expect(sim.report().resiliency.status).toBe('Warning')
  })

  it('FT2 rack-aware large-64 tolerates 2 racks; a failed rack leaves 1', () => {
    const sim = load('large-64')
    for (const dt of DOMAIN_TYPES) expect(rowOf(sim, dt).failuresTolerable, dt).toBe(2)
    sim.inject({ kind: 'rack', target: 'rack-3' })
    expect(rowOf(sim, 'RACK').failuresTolerable).toBe(1)
    expect(rowOf(sim, 'NODE').failuresTolerable).toBe(1)
    expect(sim.report().resiliency.lostBytes).toBe(0)
  })

  it('EC strips count in EXTENT_GROUPS: losing p members of a strip leaves it readable, p + 1 does not', () => {
    const sim = load('ft2-ec')
    expect(sim.data.strips).toBeGreaterThan(0)
    // fail the nodes of the first strip's members one by one
    const members = [0, 1, 2, 3, 4, 5].map((j) => sim.spec.disks[sim.data.stripDisk[j]].node)
    sim.inject({ kind: 'node', target: sim.spec.nodes[members[0]].id })
    expect(rowOf(sim, 'NODE').components.EXTENT_GROUPS.failuresTolerable).toBe(1)
    sim.inject({ kind: 'node', target: sim.spec.nodes[members[1]].id })
    expect(rowOf(sim, 'NODE').components.EXTENT_GROUPS.failuresTolerable).toBe(0)
    expect(sim.report().resiliency.unavailableBytes).toBe(0)
    sim.inject({ kind: 'node', target: sim.spec.nodes[members[2]].id })
    // the members are offline, not destroyed: the strip is unavailable, not lost
    expect(sim.report().resiliency.unavailableBytes).toBeGreaterThan(0)
    expect(sim.report().resiliency.lostBytes).toBe(0)
  })
})
