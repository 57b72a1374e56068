/** Every caption of "Rolling upgrade without downtime" checked against the Report at its step's time. */
import { describe, expect, it } from 'vitest'
import { Simulation } from '../simulation'
import type { Report } from '../types'
import { builtinScenario } from './builtins'
import { ROLLING_UPGRADE_WALKTHROUGH } from './walkthroughUpgrade'

describe('walkthrough: rolling upgrade without downtime', () => {
  it('each step says what the model shows', () => {
    const scenario = builtinScenario('walkthrough-rolling-upgrade')!
    expect(scenario).toBe(ROLLING_UPGRADE_WALKTHROUGH)
    const sim = Simulation.create(scenario)
    const steps = scenario.steps!
    let stalls = 0
    const at = (i: number): Report => {
      sim.runUntilMet(() => {
        for (let vd = 0; vd < sim.vms.vdiskCount; vd++) {
          const st = sim.io.sessionState(vd)
          if (st === 1 || (st === 3 && sim.vms.power[sim.vms.vmOfVdisk(vd)] === 0)) stalls++
        }
        return false
      }, steps[i].at - sim.time)
      expect(sim.narration?.text).toBe(steps[i].say)
      return sim.report()
    }
    const db = (r: Report) => r.vms.find((v) => v.id === 'db-1')!
    let r = at(0)
    expect(r.cluster.versions.aos).toBe('6.5.2')
    expect(r.resiliency.status).toBe('OK')
    expect(db(r).host).toBe('node-1')
    expect(db(r).vdisks.every((d) => d.stargate === 'node-1')).toBe(true)

    r = at(1)
    expect(r.upgrade).toMatchObject({ state: 'running', current: 'node-1' })
    expect(r.topology.nodes[0].cvm).toBe('down')
    expect(db(r).power).toBe('on')
    expect(db(r).vdisks.every((d) => d.stargate !== 'node-1' && d.stargate !== null)).toBe(true)

    r = at(2)
    expect(r.topology.nodes[0].cvm).toBe('down')
    expect(r.tasks.some((t) => t.type === 'DataRebuild')).toBe(false)
    expect(db(r).host).toBe('node-1')
    expect(db(r).vdisks.every((d) => d.path === 'remote')).toBe(true)

    r = at(3)
    expect(r.topology.nodes[0].cvm).toBe('up')
    expect(r.upgrade).toMatchObject({ current: 'node-1', done: [] })
    expect(db(r).vdisks.every((d) => d.path === 'remote')).toBe(true)

    r = at(4)
    expect(r.upgrade).toMatchObject({ current: 'node-2', done: ['node-1'] })
    expect(db(r).vdisks.every((d) => d.stargate === 'node-1')).toBe(true)
    expect(r.topology.nodes.filter((n) => n.cvm === 'down').map((n) => n.id)).toEqual(['node-2'])

    r = at(5)
    expect(r.upgrade).toMatchObject({ state: 'succeeded', done: ['node-1', 'node-2', 'node-3', 'node-4'] })
    expect(r.cluster.versions.aos).toBe('6.5.3')
    expect(r.vms.every((v) => v.power === 'on' && v.vdisks.every((d) => d.stargate === v.host))).toBe(true)
    expect(r.tasks.some((t) => t.type === 'DataRebuild')).toBe(false)
    expect(stalls).toBe(0)
  })
})
