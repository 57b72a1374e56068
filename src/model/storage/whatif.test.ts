/** What-if (whatif.ts): would the cluster heal if this unit failed now? */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildStorage } from '../report/report'
import { applyFaults, clusterArb, faultsArb, fcParams, scenarioOf } from './tolerance/resiliency.testkit'
import { builtinScenario } from '../scenario/builtins'
import type { Scenario } from '../scenario/schema'
import { Simulation } from '../simulation'
import { TB, UNIT_BYTES } from '../kernel/units'
import { whatIfFailure } from './whatif'

const bible = (usedPct: number): Scenario => ({
  title: 'Bible 4 x 10 TB',
  cluster: {
    awareness: 'node',
    layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 4, ssdPerNode: 1, hddPerNode: 1, ssdTB: 2, hddTB: 8 },
    data: { usedPct },
  },
})

describe('whatIfFailure', () => {
  it('4 × 10 TB: heals below 30 TB used, not above', () => {
    const ok = Simulation.create(bible(60)) // 24 TB
    const w = whatIfFailure(ok, 'node-1')
    expect(w.heals).toBe(true)
    expect(w.failedNodes).toEqual(['node-1'])
    expect(w.domainAfter).toBe('node')
    expect(w.neededBytes).toBe(ok.availableUsedBytes())
    expect(w.capacityBytes).toBe(30 * TB)
    expect(w.lostBytes).toBe(0)
    // the copies that were on node-1 are re-created
    expect(w.rebuildBytes).toBe(ok.report().storage.nodes[0].usedBytes)
    expect(w.rebuildSeconds).toBeCloseTo(w.rebuildBytes / (3 * ok.spec.rebuildBytesPerSecPerNode), 6)
    // 3 nodes left: static FT1 still holds, but 24 TB does not fit after a second loss (19 TB)
    expect(w.failuresTolerableAfter).toBe(0)
    expect(w.message).toMatch(/^Would heal/)

    const full = Simulation.create(bible(80)) // 32 TB
    const x = whatIfFailure(full, 'node-2')
    expect(x.heals).toBe(false)
    expect(x.shortfallBytes).toBe(full.availableUsedBytes() - 30 * TB)
    expect(x.rebuildSeconds).toBeNull()
    expect(x.message).toMatch(/^Would not heal: .* 1\.82 TiB short/)
  })

  it('non-homogeneous: losing a 40 TB block leaves node awareness and 40 TB (Nutanix Bible)', () => {
    const sim = Simulation.create(builtinScenario('non-homogeneous')!)
    const w = whatIfFailure(sim, 'block-a')
    expect(w.domainBefore).toBe('block')
    expect(w.domainAfter).toBe('node')
    expect(w.capacityBytes).toBe(40 * TB)
    expect(w.message).toContain('node awareness after the failure')
    // losing the small block keeps two 40 TB nodes: 2 copies fit in 80 TB
    expect(whatIfFailure(sim, 'block-c').capacityBytes).toBe(80 * TB)
  })

  it('a rack on the large FT2 cluster keeps rack awareness and heals', () => {
    const sim = Simulation.create(builtinScenario('large-64')!)
    const w = whatIfFailure(sim, 'rack-1')
    expect(w.failedNodes).toHaveLength(8)
    expect(w.domainAfter).toBe('rack')
    expect(w.heals).toBe(true)
    expect(w.failuresTolerableAfter).toBeGreaterThanOrEqual(1)
  })

  it('refuses unknown, disk and already-down targets and changes nothing', () => {
    const sim = Simulation.create(bible(40))
    sim.inject({ kind: 'node', target: 'node-3' })
    const before = JSON.stringify(sim.report())
    expect(() => whatIfFailure(sim, 'node-9')).toThrow('unknown target "node-9"')
    expect(() => whatIfFailure(sim, 'disk-1-1')).toThrow('what-if takes a node, block or rack id; "disk-1-1" is a disk')
    expect(() => whatIfFailure(sim, 'node-3')).toThrow('"node-3" is already down: no node of it serves data now')
    whatIfFailure(sim, 'node-1')
    expect(JSON.stringify(sim.report())).toBe(before)
  })

  it('counts data that would lose its last copy', () => {
    const sim = Simulation.create(bible(40))
    sim.inject({ kind: 'node', target: 'node-1' })
    const w = whatIfFailure(sim, 'node-2')
    // extent groups with copies on node-1 and node-2 only: no copy left
    let lost = 0
    for (let u = 0; u < sim.data.units; u++) {
      const nodes = [0, 1].map((k) => sim.spec.disks[sim.data.replicaDisk[u * sim.data.rf + k]].node)
      if (nodes.every((n) => n === 0 || n === 1)) lost++
    }
    expect(lost).toBeGreaterThan(0)
    expect(w.lostBytes).toBe(lost * UNIT_BYTES)
    expect(w.message).toContain('would have no surviving copy')
  })

  it('property (FT1, no failure): used ≤ resilient capacity ⇔ every single-unit what-if heals', () => {
    fc.assert(
      fc.property(clusterArb({ maxRacks: 3, maxBlocks: 3, fill: [0.3, 0.99] }).filter((s) => s.ftLevel === 1 && !s.erasureCoding), (shape) => {
        const sim = Simulation.create(scenarioOf(shape))
        if (sim.data.unplaced + sim.data.relaxed > 0) return // placement had to break the awareness
        const dom = sim.effectiveAwareness
        const ids = dom === 'node' ? sim.spec.nodes.map((n) => n.id) : dom === 'block' ? sim.spec.blocks.map((b) => b.id) : sim.spec.racks.map((r) => r.id)
        const all = ids.map((id) => whatIfFailure(sim, id))
        const s = buildStorage(sim)
        expect(all.every((w) => w.heals)).toBe(s.usedBytes <= s.resilientCapacityBytes)
        // and resilient capacity is the tightest of them (or all the cluster holds)
        const tightest = Math.min(...all.map((w) => w.capacityBytes))
        expect(s.resilientCapacityBytes).toBeLessThanOrEqual(tightest + 1)
      }),
      fcParams(40),
    )
  })

  it('property: never throws on a live unit after random faults, and needed = held + rebuilt', () => {
    fc.assert(
      fc.property(clusterArb({ maxRacks: 2, maxBlocks: 3 }), faultsArb(), fc.nat(), (shape, faults, pick) => {
        const sim = Simulation.create(scenarioOf(shape))
        applyFaults(sim, faults)
        const live = sim.spec.nodes.filter((_, n) => sim.topo.cvmServing(n))
        if (live.length === 0) return
        const w = whatIfFailure(sim, live[pick % live.length].id)
        expect(w.neededBytes).toBeGreaterThanOrEqual(w.rebuildBytes)
        expect(w.heals).toBe(w.neededBytes <= w.capacityBytes + 1)
        expect(w.failuresTolerableAfter).toBeLessThanOrEqual(shape.ftLevel)
      }),
      fcParams(40),
    )
  })
})
