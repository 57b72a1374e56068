/**
 * The cheap planning pass (balancePlan.ts) plans exactly what a full pass plans, and the
 * spread flags it relies on (spread.ts) match a brute-force read of the copy table.
 * Property tests print their fast-check seed on failure; replay with FC_SEED=<seed>.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LEVEL_OF } from '../data'
import { STRIP_STRIDE } from '../ec'
import { Prng } from '../../kernel/prng'
import { sharesUnit } from '../spread'
import { applyFaults, clusterArb, faultsArb, fcParams, scenarioOf } from '../tolerance/resiliency.testkit'
import { builtinScenario } from '../../scenario/builtins'
import { Simulation } from '../../simulation'
import { planBalanceMoves } from './balancePlan'

/** The spread flags as a brute force reads them from the copy table. */
function bruteSpread(sim: Simulation): { units: number[]; strips: number[] } {
  const { data } = sim
  const node = data.index.diskUnit[1]
  const unit = data.index.diskUnit[LEVEL_OF[sim.effectiveAwareness]]
  const units: number[] = []
  const strips: number[] = []
  for (let u = 0; u < data.units; u++) {
    const ds = Array.from(data.replicaDisk.subarray(u * data.rf, (u + 1) * data.rf)).filter((d) => d >= 0)
    if (new Set(ds.map((d) => node[d])).size < ds.length || new Set(ds.map((d) => unit[d])).size < ds.length) units.push(u)
  }
  for (let s = 0; s < data.strips; s++) {
    const ds = Array.from(data.stripDisk.subarray(s * STRIP_STRIDE, (s + 1) * STRIP_STRIDE)).filter((d) => d >= 0)
    if (new Set(ds.map((d) => node[d])).size < ds.length || new Set(ds.map((d) => unit[d])).size < ds.length) strips.push(s)
  }
  return { units, strips }
}

function flagged(sim: Simulation): { units: number[]; strips: number[] } {
  const sp = sim.data.spread
  sp.refresh(LEVEL_OF[sim.effectiveAwareness])
  const units: number[] = []
  const strips: number[] = []
  for (let u = 0; u < sim.data.units; u++) if (sp.unitShared[u] === 1) units.push(u)
  for (let s = 0; s < sim.data.strips; s++) if (sp.stripShared[s] === 1) strips.push(s)
  expect(sp.sharedUnits).toBe(units.length)
  expect(sp.sharedStrips).toBe(strips.length)
  return { units, strips }
}

/** The plan with quiet checks after every group, and a full pass, from the same PRNG state. */
function bothPlans(sim: Simulation, seed: number) {
  const quick = { groupsRead: 0 }
  const full = { groupsRead: 0 }
  const a = planBalanceMoves(sim.data, sim.topo, sim.effectiveAwareness, new Prng(seed), { checkEvery: 1, stats: quick })
  const b = planBalanceMoves(sim.data, sim.topo, sim.effectiveAwareness, new Prng(seed), { checkEvery: Infinity, stats: full })
  return { quick: a && Array.from(a), full: b && Array.from(b), read: quick.groupsRead, fullRead: full.groupsRead }
}

describe('disk balancing plan', () => {
  it('property: after failures, rebuilds and restores, the quick pass plans exactly what a full pass plans; spread flags are exact', () => {
    let skipped = 0
    fc.assert(
      fc.property(clusterArb({ fill: [0.05, 0.5], maxDisks: 3 }), faultsArb(), fc.integer({ min: 0, max: 4000 }), fc.nat(), (shape, faults, wait, seed) => {
        const sim = Simulation.create(scenarioOf(shape))
        const done = applyFaults(sim, faults)
        sim.advance(wait)
        expect(flagged(sim)).toEqual(bruteSpread(sim))
        let p = bothPlans(sim, seed)
        expect(p.quick).toEqual(p.full)
        sim.settle()
        for (const f of done) {
          try {
            sim.restore(f.split(':')[1])
          } catch {
            // restored with another fault of the same target
          }
        }
        sim.advance(wait)
        expect(flagged(sim)).toEqual(bruteSpread(sim))
        p = bothPlans(sim, seed)
        expect(p.quick).toEqual(p.full)
        if (p.read < p.fullRead) skipped++
      }),
      fcParams(40),
    )
    // the quick pass does skip groups (the property is not vacuous)
    expect(skipped).toBeGreaterThan(3)
  })

  it('a restored node refills with the same plan, the quick pass reading a fraction of the groups', () => {
    const sim = Simulation.create(builtinScenario('four-blocks-of-2')!, 5)
    sim.inject({ kind: 'node', target: sim.spec.nodes[2].id })
    sim.settle()
    sim.restore(sim.spec.nodes[2].id)
    sim.advance(200)
    const p = bothPlans(sim, 7)
    expect(p.quick).toEqual(p.full)
    expect(p.quick!.length).toBeGreaterThan(0)
    expect(p.read).toBeLessThan(p.fullRead)
  })

  it('sharesUnit: two copies on one node or one unit', () => {
    const node = Int32Array.from([0, 0, 1, 2])
    const unit = Int32Array.from([0, 0, 1, 1])
    expect(sharesUnit(Int32Array.from([0, 2]), 0, 2, node, unit)).toBe(false)
    expect(sharesUnit(Int32Array.from([0, 1]), 0, 2, node, unit)).toBe(true)
    expect(sharesUnit(Int32Array.from([2, -1, 3]), 0, 3, node, unit)).toBe(true)
    expect(sharesUnit(Int32Array.from([-1, 2, -1]), 0, 3, node, unit)).toBe(false)
  })
})
