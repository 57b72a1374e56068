import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Simulation } from '../simulation'
import { builtinScenario } from './builtins'
import { compileScenario } from './normalize'
import { fillVms, mixCounts, PROFILE, PROFILES, type ProfileName } from './workloads'

const layout = { racks: 1, blocksPerRack: 2, nodesPerBlock: 2, ssdPerNode: 1, hddPerNode: 2, ssdTB: 1.92, hddTB: 4 }
const problems = (s: unknown) => {
  const r = compileScenario(s)
  return r.ok ? [] : r.problems
}

describe('vmFill profile mix (issue 18)', () => {
  it('mixCounts splits the count by weight, summing exactly, each within 1 of its share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.dictionary(fc.constantFrom(...PROFILES), fc.integer({ min: 1, max: 50 }), { minKeys: 1 }), (count, mix) => {
        const out = mixCounts(count, mix)
        expect(out.reduce((a, [, n]) => a + n, 0)).toBe(count)
        const total = Object.values(mix).reduce((a, b) => a + b, 0)
        for (const [p, n] of out) expect(Math.abs(n - (count * mix[p]!) / total)).toBeLessThan(1)
      }),
    )
  })

  it('every generated VM has a shape of its profile; dev VMs are off, one VDI desktop in eight is off, Oracle VMs get affinity', () => {
    const mix: Partial<Record<ProfileName, number>> = { sql: 5, oracle: 3, app: 10, web: 10, vdi: 40, infra: 4, dev: 4 }
    const vms = fillVms({ count: 76, mix }, 'k')
    expect(vms).toHaveLength(76)
    for (const v of vms) {
      const name = PROFILES.find((p) => v.id.startsWith(`${PROFILE[p].prefix}-`))!
      const p = PROFILE[name]
      expect(p.vcpus).toContain(v.vcpus)
      expect(p.memoryGiB).toContain(v.memoryGiB)
      expect(v.vdisks).toBeGreaterThanOrEqual(p.vdisks[0])
      expect(v.vdisks).toBeLessThanOrEqual(p.vdisks[1])
      expect(v.affinity).toBe(name === 'oracle')
      if (name === 'dev') expect(v.power).toBe('off')
    }
    const sql = vms.filter((v) => v.id.startsWith('sql-'))
    expect(sql.every((v) => v.vdisks >= 6 && v.vdisks <= 8 && v.memoryGiB >= 32 && v.memoryGiB <= 128)).toBe(true)
    expect(vms.filter((v) => v.id.startsWith('vdi-') && v.power === 'off')).toHaveLength(5)
    expect(vms.filter((v) => v.id.startsWith('vdi-')).every((v) => v.vcpus === 2 && v.memoryGiB === 4)).toBe(true)
    expect(new Set(vms.map((v) => v.id)).size).toBe(76)
  })

  it('the default scenario looks real: varied VMs and hosts, names equal ids, some off, a few pinned by affinity', () => {
    const r = Simulation.create(builtinScenario('twelve-3-blocks')!).report()
    expect(new Set(r.vms.map((v) => v.memoryBytes)).size).toBeGreaterThanOrEqual(5)
    expect(new Set(r.vms.map((v) => v.vdisks.length)).size).toBeGreaterThanOrEqual(4)
    expect(r.vms.every((v) => v.name === v.id)).toBe(true)
    expect(r.vms.filter((v) => v.power === 'off').length).toBeGreaterThan(0)
    const spec = compileScenario(builtinScenario('twelve-3-blocks')!)
    if (!spec.ok) throw new Error(spec.problems.join('; '))
    const pinned = spec.spec.vms.filter((v) => v.affinity !== null)
    expect(pinned.length).toBeGreaterThan(0)
    expect(pinned.length).toBeLessThan(r.vms.length / 10)
    // pinned to its host and one in another block
    for (const v of pinned) expect(new Set(v.affinity!.map((h) => spec.spec.nodes[h].block)).size).toBe(2)
    const perHost = new Map<string, number>()
    for (const v of r.vms) if (v.host) perHost.set(v.host, (perHost.get(v.host) ?? 0) + v.memoryBytes)
    expect(new Set(perHost.values()).size).toBeGreaterThan(6)
    // nobody is over-committed: running VMs use at most 80 % of host memory beside the CVM
    for (const used of perHost.values()) expect(used).toBeLessThanOrEqual((512 - 32) * 2 ** 30 * 0.8)
  })

  it('shapes differ per scenario (same profile numbers, another scenario)', () => {
    const a = fillVms({ count: 40, mix: { sql: 1, app: 1 } }, 'twelve-3-blocks')
    const b = fillVms({ count: 40, mix: { sql: 1, app: 1 } }, 'rack-aware-3')
    expect(a.map((v) => v.id)).toEqual(b.map((v) => v.id))
    expect(a.map((v) => `${v.vcpus}/${v.memoryGiB}/${v.vdisks}`)).not.toEqual(b.map((v) => `${v.vcpus}/${v.memoryGiB}/${v.vdisks}`))
  })

  it('a scenario gives either one shape or a mix, and names the problem otherwise', () => {
    expect(problems({ title: 'x', cluster: { layout }, vmFill: { count: 4, mix: { web: 1 } } })).toEqual([])
    expect(problems({ title: 'x', cluster: { layout }, vmFill: { count: 4, vcpus: 2, memoryGiB: 4, vdisks: 1 } })).toEqual([])
    expect(problems({ title: 'x', cluster: { layout }, vmFill: { count: 4, vcpus: 2, mix: { web: 1 } } })).toEqual(['vmFill: give either "mix" or "vcpus", not both'])
    expect(problems({ title: 'x', cluster: { layout }, vmFill: { count: 4, vcpus: 2 } })).toEqual([
      'vmFill: give "vcpus", "memoryGiB" and "vdisks" (one shape for every VM) or a profile "mix" (sql, oracle, app, web, vdi, infra, dev)',
    ])
    expect(problems({ title: 'x', cluster: { layout }, vmFill: { count: 4, mix: { web: 0 } } })).toEqual(['vmFill.mix: at least one profile needs a weight above 0'])
    expect(problems({ title: 'x', cluster: { layout }, vmFill: { count: 4, mix: { mainframe: 1 } } })[0]).toMatch(/^vmFill\.mix/)
    expect(problems({ title: 'x', cluster: { layout }, vms: [{ id: 'web-01', host: 'node-1', vcpus: 2, memoryGiB: 4, vdisks: 1 }], vmFill: { count: 4, mix: { web: 1 } } })).toEqual([
      'vmFill: generated id "web-01" collides with vms[0].id',
    ])
  })
})
