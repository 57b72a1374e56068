/**
 * Offline is not lost (DOMAIN.md §9): unavailable vs lost data, against a brute force that
 * knows which disks were destroyed from the history of the test itself (a disk fault with
 * a failing SMART test that lasted past Hades' test), not from the model's flags.
 * Property tests print their fast-check seed on failure; replay with
 * FC_SEED=<seed> npx vitest run src/model/storage/tolerance/availability.test.ts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { STRIP_STRIDE } from '../ec'
import { clusterArb, fcParams, scenarioOf } from './resiliency.testkit'
import { builtinScenario } from '../../scenario/builtins'
import { Simulation } from '../../simulation'
import type { Fault } from '../../types'
import { UNIT_BYTES } from '../../kernel/units'
import { dataAvailability, ownerVdisk } from './availability'
import { faultEntity } from '../../cluster/partition'

/** Brute force: [unavailable, lost] bytes; `destroyed`: disk ids whose copies are gone. */
function brute(sim: Simulation, destroyed: ReadonlySet<string>): [number, number] {
  const { data, topo, spec } = sim
  const online = (d: number) => d >= 0 && topo.diskAvailable(d)
  const exists = (d: number) => d >= 0 && !destroyed.has(spec.disks[d].id)
  let unavailable = 0
  let lost = 0
  for (let u = 0; u < data.units; u++) {
    const slots = Array.from({ length: data.rf }, (_, k) => data.replicaDisk[u * data.rf + k])
    if (slots.some(online)) continue
    if (slots.some(exists)) unavailable++
    else lost++
  }
  for (let s = 0; s < data.strips; s++) {
    const k = data.stripK[s]
    const members = Array.from({ length: k + data.stripP[s] }, (_, j) => data.stripDisk[s * STRIP_STRIDE + j])
    if (members.filter(online).length >= k) continue
    const down = members.slice(0, k).filter((d) => !online(d)).length
    if (members.filter(exists).length >= k) unavailable += down
    else lost += down
  }
  return [unavailable * UNIT_BYTES, lost * UNIT_BYTES]
}

type Op = { op: 'inject'; kind: Fault['kind']; pick: number; smart: 'fail' | 'pass' } | { op: 'restore'; pick: number } | { op: 'advance'; seconds: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('inject' as const), kind: fc.constantFrom<Fault['kind']>('disk', 'disk', 'cvm', 'node', 'block', 'partition'), pick: fc.nat(), smart: fc.constantFrom<'fail' | 'pass'>('fail', 'pass') }),
  fc.record({ op: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 400 }) }),
)

describe('offline is not lost (DOMAIN.md §9)', () => {
  it('CVM of node-2 down + node-5 off on twelve-3-blocks: data unavailable, nothing lost; back when both return', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    sim.inject({ kind: 'cvm', target: 'node-2' })
    sim.inject({ kind: 'node', target: 'node-5' })
    let r = sim.report()
    expect(r.resiliency.unavailableBytes).toBeGreaterThan(0)
    expect(r.resiliency.lostBytes).toBe(0)
    expect([r.resiliency.unavailableBytes, r.resiliency.lostBytes]).toEqual(brute(sim, new Set()))
    const open = r.alerts.filter((a) => a.resolvedTime === null).map((a) => a.type)
    expect(open).toContain('DataUnavailable')
    expect(open).not.toContain('DataLoss')
    sim.advance(3600)
    sim.restore('node-2')
    sim.restore('node-5')
    sim.settle()
    r = sim.report()
    expect(r.resiliency.unavailableBytes).toBe(0)
    expect(r.resiliency.lostBytes).toBe(0)
    const unavailable = r.alerts.find((a) => a.type === 'DataUnavailable')!
    expect(unavailable.resolvedTime).not.toBeNull()
    expect(r.alerts.some((a) => a.type === 'DataLoss')).toBe(false)
  })

  it('every unit of the VM container belongs to exactly one vDisk, and the per-vDisk counts add up', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    sim.inject({ kind: 'node', target: 'node-1' })
    sim.inject({ kind: 'node', target: 'node-6' })
    const V = sim.vdiskCount
    const avail = new Uint8Array(sim.spec.disks.length).map((_, d) => (sim.topo.diskAvailable(d) ? 1 : 0))
    const a = dataAvailability(sim.data, avail, sim.destroyedDisks, V)
    let owned = 0
    for (let u = 0; u < sim.data.units; u++) if (sim.data.unitContainer[u] === 0) owned++
    for (let s = 0; s < sim.data.strips; s++) if (sim.data.stripContainer[s] === 0) owned += sim.data.stripK[s]
    expect(a.vdiskUnits.reduce((x, y) => x + y, 0)).toBe(owned)
    expect(a.vdiskMissing.reduce((x, y) => x + y, 0)).toBeGreaterThan(0)
    expect(a.vdiskMissing.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(a.unavailableUnits + a.lostUnits)
    expect(ownerVdisk(V + 3, V)).toBe(3)
    expect(ownerVdisk(5, 0)).toBe(-1)
  })

  it('property: random failure sequences never call offline data lost; restoring every part brings both to 0 unless disks were destroyed', () => {
    fc.assert(
      fc.property(clusterArb({ maxRacks: 2, fill: [0.05, 0.4] }), fc.array(opArb, { minLength: 1, maxLength: 12 }), (shape, ops) => {
        const sim = Simulation.create(scenarioOf(shape))
        const ids: Record<string, string[]> = {
          disk: sim.spec.disks.map((d) => d.id),
          node: sim.spec.nodes.map((n) => n.id),
          block: sim.spec.blocks.map((b) => b.id),
        }
        const hades = sim.spec.healing.hadesTestSeconds
        /** disk id → time its failing SMART fault was injected (a SMART fail destroys it `hades` s later) */
        const failing = new Map<string, number>()
        const destroyed = new Set<string>()
        let everDestroyed = false
        const clock = () => {
          for (const [id, t] of failing) if (sim.time >= t + hades) destroyed.add(id)
          if (destroyed.size > 0) everDestroyed = true
        }
        for (const o of ops) {
          if (o.op === 'advance') sim.advance(o.seconds)
          else if (o.op === 'inject') {
            const pool = o.kind === 'disk' ? ids.disk : o.kind === 'block' ? ids.block : ids.node
            const target = pool[o.pick % pool.length]
            const f: Fault = o.kind === 'disk' ? { kind: 'disk', target, smart: o.smart } : ({ kind: o.kind, target } as Fault)
            if (sim.topo.faultProblem(f) !== null) continue
            sim.inject(f)
            if (o.kind === 'disk' && o.smart === 'fail') failing.set(target, sim.time)
          } else {
            const active = sim.topo.faults
            if (active.length === 0) continue
            const target = faultEntity(active[o.pick % active.length])
            clock()
            sim.restore(target)
            // a destroyed disk is replaced by an empty one; a disk restored before its test was never destroyed
            failing.delete(target)
            destroyed.delete(target)
          }
          clock()
          const r = sim.report()
          expect([r.resiliency.unavailableBytes, r.resiliency.lostBytes]).toEqual(brute(sim, destroyed))
          if (!everDestroyed) expect(r.resiliency.lostBytes).toBe(0)
          const open = r.alerts.filter((a) => a.resolvedTime === null).map((a) => a.type)
          expect(open.includes('DataUnavailable')).toBe(r.resiliency.unavailableBytes > 0)
          if (r.resiliency.lostBytes > 0) expect(open).toContain('DataLoss')
        }
        for (const f of [...sim.topo.faults]) if (sim.topo.faults.includes(f)) sim.restore(faultEntity(f))
        sim.settle()
        const r = sim.report()
        expect(r.resiliency.unavailableBytes).toBe(0)
        if (!everDestroyed) expect(r.resiliency.lostBytes).toBe(0)
      }),
      fcParams(40),
    )
  })
})
