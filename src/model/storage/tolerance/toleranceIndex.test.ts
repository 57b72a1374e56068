/**
 * The incremental EXTENT_GROUPS tolerance (toleranceIndex.ts) must equal the full pass
 * (scanExtentGroups) in every state the simulation reaches: failures, restores, scans,
 * rebuilds, re-admissions, over-replication clean-up, replaced disks, data growth.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scanExtentGroups } from './resiliency'
import { BULK_SHARE } from './toleranceIndex'
import { clusterArb, fcParams, scenarioOf } from './resiliency.testkit'
import { builtinScenario } from '../../scenario/builtins'
import { Simulation } from '../../simulation'
import type { Fault } from '../../types'
import { POWER_ON } from '../../cluster/vms'
import { faultEntity } from '../../cluster/partition'

function availOf(sim: Simulation): Uint8Array {
  const a = new Uint8Array(sim.spec.disks.length)
  for (let d = 0; d < a.length; d++) a[d] = sim.topo.diskAvailable(d) ? 1 : 0
  return a
}

function expectSameAsFullPass(sim: Simulation, label: string): void {
  const avail = availOf(sim)
  const inc = sim.data.tolerance.scan(avail)
  const ref = scanExtentGroups(sim.data, avail)
  expect([...inc.mins], `${label}: mins`).toEqual([...ref.mins])
  expect(inc.health, `${label}: health`).toEqual(ref.health)
}

type Step =
  | { op: 'inject'; kind: Fault['kind']; pick: number; smart: 'fail' | 'pass' }
  | { op: 'restore'; pick: number }
  | { op: 'advance'; seconds: number }
  | { op: 'write'; tenths: number }

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('inject' as const), kind: fc.constantFrom<Fault['kind']>('disk', 'disk', 'node', 'cvm', 'block', 'rack', 'partition'), pick: fc.nat(), smart: fc.constantFrom<'fail' | 'pass'>('fail', 'pass') }),
  fc.record({ op: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 6000 }) }),
  fc.record({ op: fc.constant('write' as const), tenths: fc.integer({ min: 1, max: 5 }) }),
)

function apply(sim: Simulation, s: Step): void {
  try {
    if (s.op === 'inject') {
      const pool = s.kind === 'disk' ? sim.spec.disks : s.kind === 'block' ? sim.spec.blocks : s.kind === 'rack' ? sim.spec.racks : sim.spec.nodes
      const target = pool[s.pick % pool.length].id
      sim.inject(s.kind === 'disk' ? { kind: 'disk', target, smart: s.smart } : ({ kind: s.kind, target } as Fault))
    } else if (s.op === 'restore') {
      const faults = sim.topo.faults
      if (faults.length > 0) sim.restore(faultEntity(faults[s.pick % faults.length]))
    } else if (s.op === 'advance') sim.advance(s.seconds)
    else sim.growth.write(s.tenths / 10)
  } catch {
    // refused (already failed, no room, …): the state is unchanged
  }
}

// every test twice: as the model runs (large changes: one full pass), and following every change group by group
describe.each([
  ['as configured', BULK_SHARE],
  ['group by group', 0],
])('incremental extent-group tolerance (%s)', (_mode, bulkShare) => {
  const create = (input: unknown): Simulation => {
    const sim = Simulation.create(input)
    sim.data.tolerance.bulkShare = bulkShare
    return sim
  }

  it('property: equals the full pass after every step of random failure / restore / rebuild / growth sequences', () => {
    fc.assert(
      fc.property(clusterArb({ maxRacks: 3, maxBlocks: 3, maxDisks: 3, fill: [0.05, 0.5] }), fc.array(fc.tuple(stepArb, fc.boolean()), { minLength: 1, maxLength: 14 }), (shape, steps) => {
        const sim = create(scenarioOf(shape))
        expectSameAsFullPass(sim, 'load')
        steps.forEach(([s, look], i) => {
          apply(sim, s)
          // sometimes let changes pile up between two looks
          if (look) expectSameAsFullPass(sim, `step ${i} ${JSON.stringify(s)}`)
        })
        sim.settle(86400)
        expectSameAsFullPass(sim, 'settled')
      }),
      fcParams(40),
    )
  })

  // the rebuild replicates extent groups first, then strips: stop it while it does the one or the other
  it.each([
    ['ft2-ec', 2000],
    ['ft2-ec', 7000],
    ['twelve-3-blocks', 3000],
  ])('%s, %i s into the rebuild: copies rebuilt before a new failure, re-admitted copies, a replaced disk', (name, rebuildSeconds) => {
    const sim = create(builtinScenario(name)!)
    const nodes = sim.spec.nodes.map((n) => n.id)
    const disk = sim.spec.disks[sim.spec.nodes[2].disks[0]].id
    // [step, look after it]: not looking lets rebuilt copies and a new failure meet in one scan
    const steps: Array<[() => void, boolean]> = [
      [() => sim.inject({ kind: 'node', target: nodes[0] }), true],
      [() => sim.advance(rebuildSeconds), false],
      [() => sim.inject({ kind: 'node', target: nodes[1] }), true],
      [() => sim.advance(600), false],
      [() => sim.restore(nodes[0]), true],
      [() => sim.advance(3600), true],
      [() => sim.inject({ kind: 'disk', target: disk, smart: 'fail' }), true],
      [() => sim.advance(7200), false],
      [() => sim.restore(disk), true],
      [() => sim.restore(nodes[1]), true],
      [() => sim.settle(), true],
    ]
    steps.forEach(([step, look], i) => {
      step()
      if (look) expectSameAsFullPass(sim, `step ${i}`)
    })
    // the sequence did exercise re-admission and over-replication clean-up
    expect(sim.curator.readmittedCopies).toBeGreaterThan(0)
    expect(sim.curator.removedCopies).toBeGreaterThan(0)
    if (name === 'ft2-ec') expect(sim.data.strips).toBeGreaterThan(0)
  })

  it('two copies on one disk, the third gone: the disk level sees one copy (incremental and full pass)', () => {
    const sim = create(builtinScenario('ft2-ec')!)
    const { data } = sim
    sim.faultTolerance()
    const d = data.replicaDisk[0]
    data.assign(0, 1, d)
    data.assign(0, 2, -1)
    expectSameAsFullPass(sim, 'incremental')
    const avail = availOf(sim)
    expect(data.tolerance.scan(avail).mins[0]).toBe(0)
    data.tolerance.reset()
    expect(data.tolerance.scan(avail).mins[0]).toBe(0)
    expect(data.tolerance.scan(avail).mins[1]).toBe(0)
  })

  it('property: copies moved by hand (DataStore.assign / assignStripMember) between two looks', () => {
    const sim = create(builtinScenario('ft2-ec')!)
    const { data } = sim
    const D = sim.spec.disks.length
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.nat(), fc.integer({ min: -1, max: D - 1 })), { minLength: 1, maxLength: 40 }), (moves) => {
        sim.faultTolerance()
        expectSameAsFullPass(sim, 'before')
        for (const [strip, g, slot, d] of moves) {
          // a slot may end up next to a sibling on the same node: the tolerance must follow
          if (strip) data.assignStripMember(g % data.strips, slot % (data.stripK[g % data.strips] + data.stripP[g % data.strips]), d)
          else data.assign(g % data.units, slot % data.rf, d)
        }
        expectSameAsFullPass(sim, 'after')
        // and the full pass on such odd layouts (two copies on one node, or one disk)
        data.tolerance.reset()
        expectSameAsFullPass(sim, 'after, every group evaluated')
      }),
      fcParams(30),
    )
  })

})

describe('incremental extent-group tolerance: cost', () => {
  it('a node failure on large-64 re-evaluates only the extent groups with a copy there', () => {
    const sim = Simulation.create(builtinScenario('large-64')!)
    sim.faultTolerance() // the first look computes every code
    const computed = sim.data.tolerance.codesComputed
    sim.inject({ kind: 'node', target: 'node-5' })
    const onNode = sim.spec.nodes[4].disks.reduce((a, d) => a + sim.data.diskUnits[d], 0)
    expect(onNode).toBeGreaterThan(40_000)
    // each of them before and after (the counted code is not stored), not the million
    expect(sim.data.tolerance.codesComputed - computed).toBe(2 * onNode)
    expectSameAsFullPass(sim, 'node-5 down')
    // a VM power cycle changes nothing the data depends on: nothing is recomputed
    const quiet = sim.data.tolerance.codesComputed
    const vm = sim.spec.vms.find((v) => sim.vms.power[sim.vms.index.get(v.id)!] === POWER_ON)!.id
    sim.powerOff(vm)
    sim.powerOn(vm)
    sim.faultTolerance()
    expect(sim.data.tolerance.codesComputed).toBe(quiet)
    sim.settle(6 * 3600)
    expectSameAsFullPass(sim, 'rebuilt')
    sim.restore('node-5')
    sim.settle(3600)
    expectSameAsFullPass(sim, 'node-5 back, over-replicated copies removed')
  })
})
