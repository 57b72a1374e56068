import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { minimumUnits } from '../cluster/awareness'
import { rawCapacity, resilientCapacity, type CapacityUnits } from './capacity'
import { storageState } from '../report/report'
import { applyFaults, clusterArb, faultsArb, fcParams as kitParams, scenarioOf } from './tolerance/resiliency.testkit'
import { Simulation } from '../simulation'
import { builtinScenario } from '../scenario/builtins'
import { TB } from '../kernel/units'
import type { Domain } from '../types'

/** fast-check prints seed and path on failure; FC_SEED / FC_PATH replay a run. */
const fcParams = {
  verbose: 1 as const,
  ...(process.env.FC_SEED !== undefined ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
}

/** Units of one domain where every unit is one node (node domain). */
const nodeUnits = (caps: number[]): CapacityUnits => ({
  unitCapacity: [...caps],
  nodesOfUnit: caps.map((c) => (c > 0 ? [c] : [])),
  unitCounts: { node: caps.length, block: 1, rack: 1 },
})

/** Units of the block domain from node capacities grouped by block (one rack). */
const blockUnits = (blocks: number[][]): CapacityUnits => ({
  unitCapacity: blocks.map((b) => b.reduce((a, c) => a + c, 0)),
  nodesOfUnit: blocks.map((b) => b.filter((c) => c > 0)),
  unitCounts: { node: blocks.reduce((a, b) => a + b.length, 0), block: blocks.length, rack: 1 },
})

describe('rawCapacity', () => {
  it('holds every byte when units are balanced', () => {
    expect(rawCapacity([10, 10, 10, 10], 2)).toBe(40)
    expect(rawCapacity([10, 10, 10], 3)).toBe(30)
  })
  it('is limited by the small units when one unit dominates', () => {
    // one 40 TB node and two 10 TB: each replica pair needs a copy off the big node
    expect(rawCapacity([40, 10, 10], 2)).toBe(40)
    expect(rawCapacity([100, 1, 1], 2)).toBe(4)
    expect(rawCapacity([100, 1, 1], 3)).toBe(3)
  })
  it('is 0 with fewer units than copies', () => {
    expect(rawCapacity([10], 2)).toBe(0)
    expect(rawCapacity([10, 10], 3)).toBe(0)
    expect(rawCapacity([10, 0, 0], 2)).toBe(0)
    expect(rawCapacity([], 2)).toBe(0)
  })
  it('handles a fractional L*', () => {
    // [3, 3, 2] rf 3: L ≤ 2 → 3L ≥ 3L; between 2 and 3: 2 + 2L ≥ 3L ⇒ L ≤ 2 → L* = 2 → 6
    expect(rawCapacity([3, 3, 2], 3)).toBe(6)
    // [5, 5, 1] rf 2: 1 + 2L ≥ 2L always for L ≤ 5, then 11 ≥ 2L ⇒ L = 5.5 > 5, so L* = 5.5 → 11
    expect(rawCapacity([5, 5, 1], 2)).toBe(11)
    // [4, 1, 1] rf 2: 2 + L ≥ 2L ⇒ L = 2 → 4
    expect(rawCapacity([4, 1, 1], 2)).toBe(4)
  })
  it('does not depend on the order of the units', () => {
    expect(rawCapacity([1, 40, 10, 3], 2)).toBe(rawCapacity([40, 10, 3, 1], 2))
  })

  it('property: matches a brute-force search over L on small integer capacities', () => {
    // L* is a breakpoint (an integer here) or below / (rf − above), a multiple of 1/k with
    // k ≤ rf ≤ 5: searching L on the grid of 1/60 finds it exactly, in integer arithmetic.
    const D = 60
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        (caps, rf) => {
          const total = caps.reduce((a, c) => a + c, 0)
          let best = 0
          for (let k = 0; k <= D * total; k++) {
            let s = 0
            for (const c of caps) s += Math.min(D * c, k)
            if (s >= rf * k) best = k
          }
          const want = (rf * best) / D
          expect(rawCapacity(caps, rf)).toBeCloseTo(want, 9)
        },
      ),
      fcParams,
    )
  })

  it('property: monotone in every capacity and never above the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 2, max: 3 }),
        (caps, which, extra, rf) => {
          const raw = rawCapacity(caps, rf)
          expect(raw).toBeLessThanOrEqual(caps.reduce((a, c) => a + c, 0) + 1e-9)
          const more = [...caps]
          more[which % caps.length] += extra
          expect(rawCapacity(more, rf)).toBeGreaterThanOrEqual(raw - 1e-9)
        },
      ),
      fcParams,
    )
  })
})

describe('resilientCapacity (Nutanix Bible examples, DOMAIN.md §5)', () => {
  it('4 × 10 TB nodes, FT1 → 40 − 10 = 30 TB (no 0.95 factor, DOMAIN.md §5)', () => {
    const got = resilientCapacity('node', nodeUnits([10, 10, 10, 10].map((x) => x * TB)), 2, 1, 1, false)
    expect(got).toBeCloseTo(30 * TB, -1)
    // with no failure to absorb, the whole 40 TB (less the 5 % read-only margin) is usable
    expect(resilientCapacity('node', nodeUnits([10, 10, 10, 10].map((x) => x * TB)), 2, 0, 1, false)).toBeCloseTo(40 * TB, -1)
  })

  it('blocks [40] [40] [10 10] with block awareness → 40 TB, not the naive 60 TB (seed 004)', () => {
    const units = blockUnits([[40 * TB], [40 * TB], [10 * TB, 10 * TB]])
    const got = resilientCapacity('block', units, 2, 1, 1, false)
    expect(got).toBeCloseTo(40 * TB, -1)
    expect(got).not.toBeCloseTo((100 - 40) * TB, -1)
  })

  it('the non-homogeneous built-in reports 40 TB resilient capacity', () => {
    const sim = Simulation.create(builtinScenario('non-homogeneous'))
    const r = sim.report()
    expect(r.cluster.awareness.effective).toBe('block')
    expect(r.storage.totalBytes).toBe(100 * TB)
    expect(Math.abs(r.storage.resilientCapacityBytes - 40 * TB)).toBeLessThanOrEqual(1)
  })

  it('a simulated 4 × 10 TB cluster reports 30 TB', () => {
    const sim = Simulation.create({
      title: 'Bible 4 x 10 TB',
      cluster: {
        awareness: 'node',
        layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 4, ssdPerNode: 1, hddPerNode: 1, ssdTB: 2, hddTB: 8 },
        data: { usedPct: 10 },
      },
    })
    const r = sim.report()
    expect(r.storage.totalBytes).toBe(40 * TB)
    expect(Math.abs(r.storage.resilientCapacityBytes - 30 * TB)).toBeLessThanOrEqual(1)
  })

  it('is 0 when no more than f units are left', () => {
    expect(resilientCapacity('node', nodeUnits([10, 10]), 2, 2, 2, false)).toBe(0)
    expect(resilientCapacity('node', nodeUnits([10, 0, 10]), 2, 2, 1, false)).toBe(0)
  })

  it('ignores failed (zero) units', () => {
    expect(resilientCapacity('node', nodeUnits([10, 10, 10, 0, 10]), 2, 1, 1, false)).toBeCloseTo(30, 9)
  })

  /** The definition of DOMAIN.md §5, by enumerating every set F of f units. */
  const reference = (dom: Domain, u: CapacityUnits, rf: number, f: number, ftLevel: 1 | 2, ec: boolean): number => {
    const live = u.unitCapacity.map((c, i) => [c, i] as const).filter(([c]) => c > 0).map(([, i]) => i)
    const rawAt = (d: Domain, us: number[]) =>
      d === 'node' && dom !== 'node' ? rawCapacity(us.flatMap((x) => u.nodesOfUnit[x]), rf) : rawCapacity(us.map((x) => u.unitCapacity[x]), rf)
    let best = rawAt(dom, live)
    if (f === 0) return best
    if (live.length <= f) return 0
    const after: Domain = dom === 'node' || live.length - f >= minimumUnits(ftLevel, ec) ? dom : 'node'
    const subsets = (from: number[], k: number): number[][] =>
      k === 0 ? [[]] : from.flatMap((x, i) => subsets(from.slice(i + 1), k - 1).map((s) => [x, ...s]))
    for (const F of subsets(live, f)) best = Math.min(best, rawAt(after, live.filter((x) => !F.includes(x))))
    return best
  }

  it('property: node domain equals the minimum over every set of f failed nodes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
        (caps, rf, f) => {
          const ftLevel = rf === 3 ? 2 : 1
          const u = nodeUnits(caps)
          expect(resilientCapacity('node', u, rf, f, ftLevel, false)).toBeCloseTo(reference('node', u, rf, f, ftLevel, false), 9)
        },
      ),
      fcParams,
    )
  })

  it('property: block domain (with fallback to node awareness) equals the enumeration', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 7 }),
        fc.constantFrom(1, 2) as fc.Arbitrary<1 | 2>,
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        (blocks, ftLevel, ec, f) => {
          const rf = ftLevel === 2 ? 3 : 2
          const u = blockUnits(blocks)
          expect(resilientCapacity('block', u, rf, f, ftLevel, ec)).toBeCloseTo(reference('block', u, rf, f, ftLevel, ec), 9)
        },
      ),
      fcParams,
    )
  })
})

describe('resilient capacity of simulated clusters, by brute force over every failure set', () => {
  /** Every k-subset of the items (the "every failure set" of DOMAIN.md §5). */
  const subsetsOf = <T,>(items: readonly T[], k: number): T[][] =>
    k === 0 ? [[]] : items.flatMap((x, i) => subsetsOf(items.slice(i + 1), k - 1).map((s) => [x, ...s]))

  /**
   * DOMAIN.md §5 straight from the spec and disk availability: D = the awareness in force,
   * f = FT level; for every set F of f live D-units, the raw the rest can hold at D'
   * (node awareness when fewer than the minimum D-units remain); no 0.95 factor.
   */
  const bruteForce = (sim: Simulation): number => {
    const { spec, topo } = sim
    const rf = sim.data.rf
    const D = sim.effectiveAwareness
    const nodeCap = spec.nodes.map((n) => n.disks.reduce((a, d) => a + (topo.diskAvailable(d) ? spec.disks[d].capacityBytes : 0), 0))
    const unitOf = (n: number, d: Domain) => (d === 'node' ? n : d === 'block' ? spec.nodes[n].block : spec.nodes[n].rack)
    const capsAt = (d: Domain, lost: ReadonlySet<number>) => {
      const m = new Map<number, number>()
      nodeCap.forEach((c, n) => {
        if (c > 0 && !lost.has(unitOf(n, D))) m.set(unitOf(n, d), (m.get(unitOf(n, d)) ?? 0) + c)
      })
      return [...m.values()]
    }
    const live = [...new Set(nodeCap.flatMap((c, n) => (c > 0 ? [unitOf(n, D)] : [])))]
    let best = rawCapacity(capsAt(D, new Set()), rf)
    const f = spec.ftLevel
    if (live.length <= f) return 0
    const after: Domain = D !== 'node' && live.length - f < minimumUnits(spec.ftLevel, spec.erasureCoding) ? 'node' : D
    for (const F of subsetsOf(live, f)) best = Math.min(best, rawCapacity(capsAt(after, new Set(F)), rf))
    return Math.floor(best)
  }

  it('property: Report.storage.resilientCapacityBytes equals the enumeration, with and without failures', () => {
    fc.assert(
      fc.property(clusterArb({ maxRacks: 3, maxBlocks: 3 }), faultsArb(), (shape, faults) => {
        const sim = Simulation.create(scenarioOf(shape))
        applyFaults(sim, faults)
        const r = sim.report()
        expect(Math.abs(r.storage.resilientCapacityBytes - bruteForce(sim))).toBeLessThanOrEqual(1)
        expect(r.storage.domain).toBe(sim.effectiveAwareness)
        expect(r.storage.failures).toBe(shape.ftLevel)
      }),
      kitParams(60),
    )
  })

  it('the state follows used against resilient capacity and the threshold', () => {
    expect(storageState(0, 0, 75)).toBe('ok')
    expect(storageState(74, 100, 75)).toBe('ok')
    expect(storageState(75, 100, 75)).toBe('warning')
    expect(storageState(100, 100, 75)).toBe('warning')
    expect(storageState(101, 100, 75)).toBe('critical')
    expect(storageState(1, 0, 75)).toBe('critical')
  })

  it('per-node shares of resilient capacity come from the model and add up to it', () => {
    const sim = Simulation.create(builtinScenario('non-homogeneous'))
    const s = sim.report().storage
    const sum = s.nodes.reduce((a, n) => a + n.resilientBytes, 0)
    expect(Math.abs(sum - s.resilientCapacityBytes)).toBeLessThanOrEqual(s.nodes.length)
    for (const n of s.nodes) expect(n.resilientBytes / n.totalBytes).toBeCloseTo(s.resilientCapacityBytes / s.totalBytes, 6)
    // node-a1 (40 TB) gets four times node-c1's (10 TB) share
    const a = s.nodes.find((n) => n.id === 'node-a1')!
    const c = s.nodes.find((n) => n.id === 'node-c1')!
    expect(a.resilientBytes / c.resilientBytes).toBeCloseTo(4, 6)
  })

  it('failures lower the total and the resilient capacity; a node down leaves its share at 0', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks'))
    const before = sim.report().storage
    sim.inject({ kind: 'node', target: 'node-1' })
    const after = sim.report().storage
    expect(after.totalBytes).toBeLessThan(before.totalBytes)
    expect(after.resilientCapacityBytes).toBeLessThan(before.resilientCapacityBytes)
    const n1 = after.nodes.find((n) => n.id === 'node-1')!
    expect(n1.totalBytes).toBe(0)
    expect(n1.resilientBytes).toBe(0)
  })
})
