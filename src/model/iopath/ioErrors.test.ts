/**
 * Beyond the fault tolerance, running VMs see it (DOMAIN.md §9): a vDisk whose data is
 * unavailable serves only the available share of its I/O and the rest fails.
 * Replay a property failure with FC_SEED=<seed> npx vitest run src/model/iopath/ioErrors.test.ts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinScenario } from '../scenario/builtins'
import { Simulation } from '../simulation'
import { fcParams } from '../storage/tolerance/resiliency.testkit'

describe('VM I/O errors from unavailable data', () => {
  it('CVM of node-2 down + node-5 off: the affected VMs see I/O errors and events; I/O resumes when both return', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    const before = sim.report().io.cluster.iops
    sim.inject({ kind: 'cvm', target: 'node-2' })
    sim.inject({ kind: 'node', target: 'node-5' })
    sim.advance(200)
    let r = sim.report()
    const hit = r.vms.filter((v) => v.vdisks.some((d) => !d.dataAvailable))
    expect(hit.length).toBeGreaterThan(0)
    for (const v of hit) if (v.power === 'on') expect(v.io.errorsPerSecond, v.id).toBeGreaterThan(0)
    expect(r.io.cluster.iops).toBeLessThan(before * 0.95)
    expect(r.events.some((e) => e.type === 'VmIoErrors')).toBe(true)
    sim.restore('node-2')
    sim.restore('node-5')
    sim.settle()
    r = sim.report()
    expect(r.vms.every((v) => v.io.errorsPerSecond === 0 && v.vdisks.every((d) => d.dataAvailable))).toBe(true)
    expect(r.events.some((e) => e.type === 'VmIoResumed')).toBe(true)
  })

  it('property: no vDisk whose data is unavailable reports full I/O; whole vDisks report no errors', () => {
    const ids = ['starter-3', 'twelve-3-blocks', 'four-blocks-of-2', 'rack-aware-3']
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.uniqueArray(fc.nat(11), { minLength: 1, maxLength: 4 }), fc.boolean(), (id, picks, cvmOnly) => {
        const sim = Simulation.create(builtinScenario(id)!)
        const nodes = sim.spec.nodes.map((n) => n.id)
        for (const p of new Set(picks.map((x) => x % nodes.length))) sim.inject({ kind: cvmOnly ? 'cvm' : 'node', target: nodes[p] })
        sim.advance(300)
        const r = sim.report()
        const load = sim.io.load()
        const share = sim.vdiskDataShare().share
        r.vms.forEach((v, vi) => {
          if (v.power !== 'on') return
          const partial = v.vdisks.some((d) => !d.dataAvailable && d.session === 'active')
          const noPath = v.vdisks.some((d) => d.session === 'none')
          if (partial) expect(load.vmErrors[vi], v.id).toBeGreaterThan(0)
          if (!partial && !noPath) expect(v.io.errorsPerSecond, v.id).toBe(0)
        })
        // a vDisk's I/O is its demand times its available share: never more
        for (let vd = 0; vd < sim.vdiskCount; vd++) if (share && share[vd] === 0) expect(load.vdiskIops[vd]).toBe(0)
      }),
      fcParams(25),
    )
  })
})
