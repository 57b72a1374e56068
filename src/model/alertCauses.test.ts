/**
 * One alert per cause (issue 18 item 6): an injected fault is a cause; the events that follow
 * from it carry its id, only its headline event may be critical, and the alerts it raises about
 * components are one alert, updated in place, resolved when every condition in it is gone.
 */
import { describe, expect, it } from 'vitest'
import { builtinScenario } from './scenario/builtins'
import { Simulation } from './simulation'
import type { Report } from './types'
import { ClusterLog } from './kernel/log'

const openAlerts = (r: Report) => r.alerts.filter((a) => a.resolvedTime === null)
const critical = (r: Report, from: number) => r.events.slice(from).filter((e) => e.severity === 'critical')

describe('one alert per cause', () => {
  it('a disk failure: one critical event, one alert for the disk (offline, then failed SMART), one for the cluster', () => {
    const sim = Simulation.create(builtinScenario('starter-3')!)
    const from = sim.report().events.length
    const disk = sim.spec.disks[sim.spec.nodes[1].disks[0]].id
    sim.inject({ kind: 'disk', target: disk })
    const r0 = sim.report()
    expect(openAlerts(r0).map((a) => [a.type, a.entity])).toEqual([['DiskOffline', disk]])
    sim.advance(120)
    const r = sim.report()
    expect(critical(r, from).map((e) => e.type)).toEqual(['FaultInjected'])
    const cause = r.events[from].cause
    expect(cause).toMatch(/^cause-\d+$/)
    // everything that followed (Stargate, Hades, Curator) carries the cause
    for (const e of r.events.slice(from)) expect(e.cause).toBe(cause)
    const open = openAlerts(r)
    expect(open.map((a) => a.type).sort()).toEqual(['DataResiliencyCritical', 'DiskFailure'])
    const diskAlert = open.find((a) => a.entity === disk)!
    // the same alert (same id), now saying the disk failed its SMART test
    expect(diskAlert.id).toBe(openAlerts(r0)[0].id)
    expect(diskAlert.cause).toBe(cause)
    expect(diskAlert.severity).toBe('critical')
    expect(sim.log.unresolvedAlerts).toBe(2)
  })

  it('a node power-off: one critical event, one alert for the node; the restore resolves it', () => {
    const sim = Simulation.create(builtinScenario('starter-3')!)
    const from = sim.report().events.length
    const node = sim.spec.nodes[1].id
    sim.inject({ kind: 'node', target: node })
    sim.advance(300)
    const r = sim.report()
    expect(critical(r, from).map((e) => e.type)).toEqual(['FaultInjected'])
    expect(r.events.slice(from).filter((e) => e.severity === 'warning').map((e) => e.type)).toEqual(expect.arrayContaining(['HostDown', 'CvmDown', 'VmsDown']))
    expect(openAlerts(r).filter((a) => a.entity !== null).map((a) => [a.type, a.entity])).toEqual([['HostDown', node]])
    sim.restore(node)
    sim.settle()
    const after = sim.report()
    expect(after.alerts.find((a) => a.type === 'HostDown')!.resolvedTime).not.toBeNull()
    expect(openAlerts(after)).toEqual([])
  })

  it('a block failure: one alert for the block (not one per host), two faults: two alerts', () => {
    const sim = Simulation.create(builtinScenario('four-blocks-of-2')!)
    sim.inject({ kind: 'block', target: sim.spec.blocks[1].id })
    const comp = () => openAlerts(sim.report()).filter((a) => a.entity !== null)
    expect(comp().map((a) => [a.type, a.entity])).toEqual([['BlockDown', sim.spec.blocks[1].id]])
    sim.inject({ kind: 'cvm', target: sim.spec.nodes[0].id })
    expect(comp().map((a) => a.type)).toEqual(['BlockDown', 'CvmDown'])
    expect(new Set(comp().map((a) => a.cause)).size).toBe(2)
  })
})

describe('ClusterLog causes', () => {
  it('groups component alerts of a cause, resolves when every condition is gone, reverts to what remains', () => {
    let t = 0
    const log = new ClusterLog(() => t)
    log.groupable = (e) => e !== null
    log.cause = log.newCause()
    expect(log.event('critical', 'A', 'x', 'headline').severity).toBe('critical')
    expect(log.event('critical', 'B', 'x', 'consequence').severity).toBe('warning')
    const a = log.raise('k1', 'warning', 'T1', 'x', 'first')
    t = 5
    const b = log.raise('k2', 'critical', 'T2', 'y', 'second')
    const c = log.raise('k0', 'critical', 'Cluster', null, 'cluster-wide: its own alert')
    log.cause = null
    expect(b).toBe(a)
    expect(c).not.toBe(a)
    expect(a).toMatchObject({ type: 'T2', entity: 'y', severity: 'critical', message: 'second', createdTime: 0 })
    expect(log.unresolvedAlerts).toBe(2)
    expect(log.isOpen('k1') && log.isOpen('k2')).toBe(true)
    log.resolve('k2')
    // what remains of the cause: the first condition, with its own severity
    expect(a).toMatchObject({ type: 'T1', entity: 'x', message: 'first', resolvedTime: null, severity: 'warning' })
    log.resolve('k1')
    expect(a.resolvedTime).toBe(5)
    expect(log.unresolvedAlerts).toBe(1)
    expect(log.alerts.length).toBe(2)
    // without a cause, every key is its own alert, as before
    const d = log.raise('k3', 'warning', 'T3', 'z', 'alone')
    const e = log.raise('k4', 'warning', 'T4', 'z', 'alone too')
    expect(d).not.toBe(e)
    expect(log.event('critical', 'X', null, 'no cause').severity).toBe('critical')
  })
})
