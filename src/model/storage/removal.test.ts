/**
 * Disk removal (DOMAIN.md §12, removal.ts, precheck.ts).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fcParams } from './tolerance/resiliency.testkit'
import { builtinScenario } from '../scenario/builtins'
import { SimError, Simulation } from '../simulation'
import type { Report } from '../types'
import { slotsOn } from './precheck'

const load = (id: string, seed?: number) => Simulation.create(builtinScenario(id)!, seed)
const disk = (r: Report, id: string) => r.topology.disks.find((d) => d.id === id)!
const tolerable = (r: Report) => r.resiliency.faultTolerance.map((x) => x.failuresTolerable)
const minTol = (r: Report) => Math.min(...tolerable(r).slice(0, 2))

describe('disk removal', () => {
  it('marked for removal → data migration initiated → removed, data moved at full RF, status words on the way', () => {
    const sim = load('starter-3', 1)
    const id = sim.spec.disks[2].id
    const d = 2
    const before = sim.report()
    expect(disk(before, id).statusWords).toBe('Normal')
    const held = sim.data.diskUnits[d]
    expect(held).toBeGreaterThan(0)
    sim.removeDisk(id)
    let r = sim.report()
    expect(disk(r, id).status).toBe('removing')
    expect(disk(r, id).statusWords).toBe('Marked for removal')
    expect(r.tasks.some((t) => t.type === 'DiskRemoval' && t.state === 'running' && t.entity === id)).toBe(true)
    const words = new Set<string>()
    for (let i = 0; i < 2000 && sim.report().topology.disks[d].status === 'removing'; i++) {
      sim.advance(30)
      r = sim.report()
      words.add(disk(r, id).statusWords)
      expect(r.resiliency.lostBytes).toBe(0)
      expect(r.resiliency.underReplicatedBytes).toBe(0)
      expect(minTol(r)).toBeGreaterThanOrEqual(minTol(before))
    }
    expect(words.has('Data migration initiated')).toBe(true)
    r = sim.report()
    expect(disk(r, id).status).toBe('removed')
    expect(disk(r, id).usedBytes).toBe(0)
    expect(disk(r, id).mode).toBe('offline')
    expect(slotsOn(sim.data, d)).toBe(0)
    expect(r.tasks.find((t) => t.type === 'DiskRemoval')!.state).toBe('succeeded')
    expect(r.events.some((e) => e.type === 'DiskRemoved' && e.entity === id)).toBe(true)
    sim.settle()
    r = sim.report()
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.resiliency.underReplicatedBytes).toBe(0)
    expect(held).toBeGreaterThan(0)
    // a removed disk takes no fault and no second removal
    expect(() => sim.inject({ kind: 'disk', target: id })).toThrow(/was removed/)
    expect(() => sim.removeDisk(id)).toThrow(/already removed/)
  })

  it('refuses with the reason and leaves the simulation exactly as it was', () => {
    const sim = load('starter-3', 2)
    const before = JSON.stringify(sim.report())
    expect(() => sim.removeDisk('no-such-disk')).toThrow(SimError)
    expect(() => sim.removeDisk('no-such-disk')).toThrow(/unknown disk "no-such-disk"/)
    expect(JSON.stringify(sim.report())).toBe(before)
    sim.removeDisk(sim.spec.disks[0].id)
    const during = JSON.stringify(sim.report())
    expect(() => sim.removeDisk(sim.spec.disks[5].id)).toThrow(/a removal is already in progress/)
    expect(JSON.stringify(sim.report())).toBe(during)
  })

  it('refuses when the rest could not hold the data at full RF and FT', () => {
    const sc = structuredClone(builtinScenario('starter-3')!) as unknown as { cluster: { data?: object } }
    // fill the cluster close to its resilient capacity, then removing a disk no longer fits
    const full = Simulation.create({ ...sc, cluster: { ...sc.cluster, data: { usedPct: 60 } } })
    const before = JSON.stringify(full.report())
    expect(() => full.removeDisk(full.spec.disks[3].id)).toThrow(/could not hold the data/)
    expect(JSON.stringify(full.report())).toBe(before)
  })

  it('property: removal never loses data nor lowers the failures tolerable while it runs', () => {
    fc.assert(
      fc.property(fc.constantFrom('starter-3', 'four-blocks-of-2', 'rack-aware-3', 'ft2-ec'), fc.nat(), fc.nat(4), (id, pick, seed) => {
        const sim = load(id, seed)
        const d = pick % sim.spec.disks.length
        const before = sim.report()
        try {
          sim.removeDisk(sim.spec.disks[d].id)
        } catch (e) {
          expect(String(e)).toMatch(/cannot remove disk/)
          return
        }
        for (let i = 0; i < 400 && sim.report().topology.disks[d].status === 'removing'; i++) {
          sim.advance(60)
          const r = sim.report()
          expect(r.resiliency.lostBytes).toBe(0)
          expect(minTol(r)).toBeGreaterThanOrEqual(minTol(before))
        }
        expect(sim.report().topology.disks[d].status).toBe('removed')
        expect(slotsOn(sim.data, d)).toBe(0)
      }),
      fcParams(10),
    )
  })
})

describe('disk removal with failures on the way', () => {
  it('property: a failure and restore during the removal lose nothing; the disk is removed once the cluster heals', () => {
    fc.assert(
      fc.property(fc.constantFrom('starter-3', 'four-blocks-of-2', 'twelve-3-blocks'), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3000 }), (id, pickDisk, pickNode, wait) => {
        const sim = load(id, 1)
        const d = pickDisk % sim.spec.disks.length
        const n = pickNode % sim.spec.nodes.length
        if (sim.spec.disks[d].node === n) return
        try {
          sim.removeDisk(sim.spec.disks[d].id)
        } catch {
          return
        }
        sim.advance(wait)
        sim.inject({ kind: 'node', target: sim.spec.nodes[n].id })
        sim.advance(wait)
        expect(sim.report().resiliency.lostBytes).toBe(0)
        sim.restore(sim.spec.nodes[n].id)
        sim.settle()
        const r = sim.report()
        expect(r.resiliency.lostBytes).toBe(0)
        expect(r.resiliency.underReplicatedBytes).toBe(0)
        expect(r.topology.disks[d].status).toBe('removed')
        expect(slotsOn(sim.data, d)).toBe(0)
      }),
      fcParams(12),
    )
  })
})
