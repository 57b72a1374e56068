/**
 * advanceUntil (DRILL-API.md §5): each kind of condition, refusals that leave the simulation
 * as it was, and the property that stopping at a condition is an ordinary clock move
 * (a fresh simulation advanced by the same seconds has the same Report, byte for byte).
 * Property tests print their fast-check seed on failure; replay with
 * FC_SEED=<seed> FC_PATH=<path> npx vitest run src/model/scenario/until.test.ts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SimError, Simulation } from '../simulation'
import { builtinScenario } from './builtins'
import type { Until } from '../types'

const fcParams = {
  verbose: 1 as const,
  ...(process.env.FC_SEED !== undefined ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
}

const starter = () => Simulation.create(builtinScenario('starter-3'), 3)
const vmOn = (sim: Simulation, host: string) => sim.report().vms.find((v) => v.host === host && v.power === 'on')!.id

describe('advanceUntil', () => {
  it('stops at the HA restart of a failed host, with its VMs on again elsewhere', () => {
    const sim = starter()
    const victims = sim.report().vms.filter((v) => v.host === 'node-2' && v.power === 'on').map((v) => v.id)
    expect(victims.length).toBeGreaterThan(0)
    sim.inject({ kind: 'node', target: 'node-2' })
    const res = sim.advanceUntil({ event: 'HaRestartStarted' }, 3600)
    expect(res.met).toBe(true)
    const r = sim.report()
    const ev = r.events.find((e) => e.type === 'HaRestartStarted')!
    expect(res.seconds).toBe(ev.time)
    expect(r.time).toBe(ev.time)
    // the rest of the instant ran: every victim is on, on another host
    for (const id of victims) {
      const vm = r.vms.find((v) => v.id === id)!
      expect(vm.power).toBe('on')
      expect(vm.host).not.toBe('node-2')
    }
  })

  it('waits for a task to start and for it to end', () => {
    const sim = starter()
    sim.inject({ kind: 'node', target: 'node-3' })
    const started = sim.advanceUntil({ task: 'DataRebuild', state: 'running' }, 7200)
    expect(started.met).toBe(true)
    const rebuild = sim.report().tasks.find((t) => t.type === 'DataRebuild')!
    expect(rebuild.state).toBe('running')
    expect(rebuild.startTime).toBe(sim.time)
    // already running: met at once
    expect(sim.advanceUntil({ task: 'DataRebuild', state: 'running' }, 10)).toEqual({ met: true, seconds: 0 })
    const ended = sim.advanceUntil({ task: 'DataRebuild', state: 'succeeded' }, 86400)
    expect(ended.met).toBe(true)
    expect(sim.report().tasks.find((t) => t.id === rebuild.id)!.endTime).toBe(sim.time)
    // that task ended before this call: it does not count again
    expect(sim.advanceUntil({ task: 'DataRebuild', state: 'succeeded' }, 600)).toEqual({ met: false, seconds: 600 })
  })

  it('waits for a status and for a VM power state; an event must be new', () => {
    const sim = starter()
    expect(sim.advanceUntil({ status: 'OK' }, 100)).toEqual({ met: true, seconds: 0 })
    const vm = vmOn(sim, 'node-1')
    sim.inject({ kind: 'node', target: 'node-1' })
    const restarting = sim.advanceUntil({ vm, power: 'restarting' }, 600)
    expect(restarting.met).toBe(true)
    expect(sim.report().vms.find((v) => v.id === vm)!.power).toBe('restarting')
    const on = sim.advanceUntil({ vm, power: 'on' }, 600)
    expect(on.met).toBe(true)
    expect(sim.report().vms.find((v) => v.id === vm)!.power).toBe('on')
    // FaultInjected was emitted before the call: waiting for another one runs the whole time
    expect(sim.advanceUntil({ event: 'FaultInjected' }, 50)).toEqual({ met: false, seconds: 50 })
    sim.restore('node-1')
    const ok = sim.advanceUntil({ status: 'OK' }, 7 * 86400)
    expect(ok.met).toBe(true)
    expect(sim.report().resiliency.status).toBe('OK')
  })

  it('not met within maxSeconds: runs exactly maxSeconds', () => {
    const sim = starter()
    const res = sim.advanceUntil({ status: 'Critical' }, 1234.5)
    expect(res).toEqual({ met: false, seconds: 1234.5 })
    expect(sim.time).toBe(1234.5)
  })

  it('refuses a bad condition or limit, naming the problem, and leaves the simulation as it was', () => {
    const sim = starter()
    sim.advance(30)
    const before = JSON.stringify(sim.report())
    const cases: Array<[unknown, number, string]> = [
      [{ vm: 'vm-999', power: 'on' }, 10, 'unknown VM "vm-999"'],
      [{ status: 'Fine' }, 10, 'until.status must be one of "OK", "Warning", "Critical", "Computing", got "Fine"'],
      [{ task: 'DataRebuild', state: 'done' }, 10, 'until.state must be one of "running", "succeeded", "failed", got "done"'],
      [{ event: '' }, 10, 'until.event must be an event type such as "HaRestartStarted"'],
      [{ colour: 'red' }, 10, 'until must be one of {event}, {task, state}, {status}, {vm, power}; got the fields {colour}'],
      [null, 10, 'until must be an object: {event}, {task, state}, {status} or {vm, power}'],
      [{ status: 'OK' }, -1, 'maxSeconds must be a finite number ≥ 0, got -1'],
      [{ status: 'OK' }, Number.NaN, 'maxSeconds must be a finite number ≥ 0, got NaN'],
    ]
    for (const [u, max, msg] of cases) {
      expect(() => sim.advanceUntil(u as Until, max)).toThrow(new SimError(msg))
    }
    expect(JSON.stringify(sim.report())).toBe(before)
  })

  it('property: stopping on a condition is a clock move — a fresh run advanced as far has the same Report', () => {
    const conds: Until[] = [
      { event: 'HaRestartStarted' },
      { event: 'RebuildStarted' },
      { task: 'DataRebuild', state: 'running' },
      { task: 'DataRebuild', state: 'succeeded' },
      { status: 'Critical' },
      { status: 'OK' },
    ]
    fc.assert(
      fc.property(fc.constantFrom('node-1', 'node-2', 'node-3'), fc.constantFrom<'node' | 'cvm'>('node', 'cvm'), fc.constantFrom(...conds), fc.integer({ min: 0, max: 600 }), (target, kind, until, lead) => {
        const a = starter()
        a.advance(lead)
        a.inject({ kind, target })
        const res = a.advanceUntil(until, 86400)
        const b = starter()
        b.advance(lead)
        b.inject({ kind, target })
        b.advance(res.seconds)
        expect(JSON.stringify(b.report())).toBe(JSON.stringify(a.report()))
      }),
      { ...fcParams, numRuns: 25 },
    )
  })
})
