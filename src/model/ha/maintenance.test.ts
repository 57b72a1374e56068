import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinScenario } from '../scenario/builtins'
import type { Scenario } from '../scenario/schema'
import { Simulation } from '../simulation'
import { POWER_ON } from '../cluster/vms'
import { migrationSeconds } from './migration'

function ready(id: string, mutate?: (s: Scenario) => void): Simulation {
  const s = structuredClone(builtinScenario(id)!)
  mutate?.(s)
  const sim = Simulation.create(s)
  sim.settle(3600)
  return sim
}

describe('live migration', () => {
  it('moves a running VM after memory ÷ 10 Gb/s + 2 s; it keeps running and its sessions log in to the new host', () => {
    const sim = ready('twelve-3-blocks')
    const v = 0
    const vm = sim.spec.vms[v]
    const from = sim.vms.host[v]
    const to = (from + 1) % sim.spec.nodes.length
    sim.migrate(vm.id, sim.spec.nodes[to].id)
    const secs = migrationSeconds(vm.memoryBytes)
    expect(secs).toBeCloseTo((vm.memoryBytes * 8) / 10e9 + 2, 3)
    const task = sim.log.tasks.find((t) => t.type === 'VmMigrate')!
    expect(task.state).toBe('running')
    sim.advance(secs - 0.5)
    expect(sim.vms.host[v]).toBe(from)
    expect(sim.vms.power[v]).toBe(POWER_ON)
    sim.advance(1)
    expect(sim.vms.host[v]).toBe(to)
    expect(sim.vms.power[v]).toBe(POWER_ON)
    expect(task.state).toBe('succeeded')
    for (let vd = sim.vms.vdiskStart[v]; vd < sim.vms.vdiskStart[v + 1]; vd++) expect(sim.vms.vdiskStargate[vd]).toBe(to)
  })

  it('without a host the placement picks one; bad input is refused by name and changes nothing', () => {
    const sim = ready('twelve-3-blocks')
    const before = JSON.stringify(sim.report())
    expect(() => sim.migrate('nope')).toThrow(/unknown VM "nope"/)
    expect(() => sim.migrate(sim.spec.vms[0].id, 'node-99')).toThrow(/unknown host "node-99"/)
    expect(() => sim.migrate(sim.spec.vms[0].id, sim.spec.nodes[sim.vms.host[0]].id)).toThrow(/already runs on/)
    expect(JSON.stringify(sim.report())).toBe(before)
    sim.migrate(sim.spec.vms[0].id)
    sim.settle()
    expect(sim.report().tasks.filter((t) => t.type === 'VmMigrate' && t.state === 'succeeded')).toHaveLength(1)
  })

  it('respects VM-host affinity', () => {
    const sim = ready('starter-3', (s) => {
      s.vms = [{ id: 'db', name: 'db', vcpus: 4, memoryGiB: 16, vdisks: 1, host: 'node-1', affinityHosts: ['node-1', 'node-2'] }]
      delete s.vmFill
    })
    expect(() => sim.migrate('db', 'node-3')).toThrow(/not in the VM's host affinity/)
    sim.migrate('db', 'node-2')
    sim.settle()
    expect(sim.report().vms.find((v) => v.id === 'db')!.host).toBe('node-2')
  })
})

describe('maintenance mode', () => {
  it('entering moves every VM off; the host shows In maintenance and takes none; exiting brings them back', () => {
    const sim = ready('twelve-3-blocks')
    const h = 3
    const id = sim.spec.nodes[h].id
    const mine = Array.from({ length: sim.vms.count }, (_, v) => v).filter((v) => sim.vms.host[v] === h && sim.vms.power[v] === POWER_ON)
    expect(mine.length).toBeGreaterThan(0)
    sim.enterMaintenance(id)
    expect(sim.report().topology.nodes[h].maintenance).toBe('entering')
    sim.settle()
    const r = sim.report()
    expect(r.topology.nodes[h].maintenance).toBe('in')
    expect(r.vms.filter((v) => v.host === id && v.power === 'on')).toHaveLength(0)
    expect(mine.every((v) => sim.vms.power[v] === POWER_ON)).toBe(true)
    // takes no new VMs
    const other = mine[0]
    expect(() => sim.migrate(sim.spec.vms[other].id, id)).toThrow(/maintenance/)
    expect(() => sim.enterMaintenance(id)).toThrow(/already in maintenance/)
    sim.exitMaintenance(id)
    expect(sim.report().topology.nodes[h].maintenance).toBe('exiting')
    sim.settle()
    expect(sim.report().topology.nodes[h].maintenance).toBe('none')
    expect(mine.every((v) => sim.vms.host[v] === h && sim.vms.power[v] === POWER_ON)).toBe(true)
    expect(sim.report().tasks.filter((t) => t.type === 'HostMaintenance' && t.state === 'succeeded')).toHaveLength(2)
  })

  it('powers off only VMs pinned to the host by affinity, and says so; powers them on again at exit', () => {
    const sim = ready('starter-3', (s) => {
      s.vms = [
        { id: 'pinned', name: 'pinned', vcpus: 2, memoryGiB: 8, vdisks: 1, host: 'node-1', affinityHosts: ['node-1'] },
        { id: 'free', name: 'free', vcpus: 2, memoryGiB: 8, vdisks: 1, host: 'node-1' },
      ]
      delete s.vmFill
    })
    sim.enterMaintenance('node-1')
    sim.settle()
    const r = sim.report()
    expect(r.vms.find((v) => v.id === 'pinned')!.power).toBe('off')
    expect(r.vms.find((v) => v.id === 'free')!.power).toBe('on')
    expect(r.events.some((e) => e.entity === 'pinned' && /pinned by VM-host affinity/.test(e.message))).toBe(true)
    sim.exitMaintenance('node-1')
    sim.settle()
    expect(sim.report().vms.every((v) => v.power === 'on' && v.host === 'node-1')).toBe(true)
  })

  it('refuses with the reason when the VMs cannot all go, and changes nothing', () => {
    const sim = ready('starter-3', (s) => {
      s.vms = [{ id: 'big', name: 'big', vcpus: 2, memoryGiB: 200, vdisks: 1, host: 'node-1' }, { id: 'big2', name: 'big2', vcpus: 2, memoryGiB: 200, vdisks: 1, host: 'node-2' }, { id: 'big3', name: 'big3', vcpus: 2, memoryGiB: 200, vdisks: 1, host: 'node-3' }]
      delete s.vmFill
    })
    const before = JSON.stringify(sim.report())
    expect(() => sim.enterMaintenance('node-1')).toThrow(/cannot enter maintenance mode on node-1: VM big cannot be live-migrated/)
    expect(JSON.stringify(sim.report())).toBe(before)
  })

  it('Guarantee mode: never powers off a migratable VM and never overcommits a host (property)', () => {
    let entered = 0
    fc.assert(
      fc.property(fc.constantFrom('twelve-3-blocks', 'four-blocks-of-2', 'rack-aware-3'), fc.integer({ min: 0, max: 11 }), (id, k) => {
        const sim = ready(id)
        try {
          sim.ha.setMode('guarantee')
        } catch {
          return
        }
        const h = k % sim.spec.nodes.length
        const on = Array.from({ length: sim.vms.count }, (_, v) => v).filter((v) => sim.vms.power[v] === POWER_ON)
        const before = JSON.stringify(sim.report())
        try {
          sim.enterMaintenance(sim.spec.nodes[h].id)
        } catch (e) {
          expect((e as Error).message).toMatch(/cannot enter maintenance mode/)
          expect(JSON.stringify(sim.report())).toBe(before)
          return
        }
        const check = () => {
          expect(sim.ha.overcommitted()).toBeNull()
          for (const v of on) expect(sim.vms.power[v]).toBe(POWER_ON)
          return false
        }
        sim.runUntilMet(() => check() || sim.topo.maintenance[h] === 2, 3600)
        expect(sim.topo.maintenance[h]).toBe(2)
        expect(sim.ha.mode).toBe('guarantee')
        entered++
        sim.exitMaintenance(sim.spec.nodes[h].id)
        sim.runUntilMet(() => check() || sim.topo.maintenance[h] === 0, 3600)
        expect(sim.topo.maintenance[h]).toBe(0)
      }),
      { numRuns: 10 },
    )
    expect(entered).toBeGreaterThan(3)
  })
})
