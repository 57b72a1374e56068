/**
 * Scenario `expect` checks (drills as data): validation by JSON path, Report paths and
 * comparisons, `until` windows, and the run they drive (same final Report as
 * "advance to the last moment, then settle").
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Simulation } from '../simulation'
import { builtinScenario } from './builtins'
import { runDrill, readPath, valueCheck } from './expect'
import type { ExpectCheck } from './expectSchema'
import type { Until } from '../types'
import { compileScenario } from './normalize'
import type { Scenario } from './schema'

const fcParams = {
  verbose: 1 as const,
  ...(process.env.FC_SEED !== undefined ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
}
const base = builtinScenario('starter-3')!
const withChecks = (expectList: unknown[], steps: Scenario['steps'] = [{ at: 60, action: { inject: { kind: 'node', target: 'node-2' } } }]) =>
  ({ ...base, seed: 3, steps, expect: expectList }) as Scenario

describe('expect: validation', () => {
  it('lists every problem by JSON path and refuses the scenario', () => {
    const res = compileScenario(
      withChecks([
        { path: 'resiliency.status' },
        { path: 'resiliency.status', equals: 'OK', atMost: 3 },
        { at: 10, afterStep: 0, path: 'time', atLeast: 0 },
        { afterStep: 4, path: 'time', atLeast: 0 },
        { until: { status: 'OK' } },
        { until: { vm: 'vm-99', power: 'on' }, within: 10 },
        { until: { status: 'Fine' }, within: 10 },
        { at: 'later', path: 'time', equals: 1 },
        { path: 'time', equals: 1, colour: 'red' },
        {},
      ]),
    )
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.problems).toEqual(
      expect.arrayContaining([
        'expect[0]: give exactly one comparison (equals, notEquals, atLeast, atMost, greaterThan, lessThan, contains), got none',
        'expect[1]: give exactly one comparison (equals, notEquals, atLeast, atMost, greaterThan, lessThan, contains), got equals, atMost',
        'expect[2]: give "at" or "afterStep", not both',
        'expect[3].afterStep: there is no steps[4] (the scenario has 1 step)',
        'expect[4].within: is required with "until" (seconds to wait for it)',
        'expect[5].until.vm: unknown VM "vm-99"',
        'expect[6].until: must be one of {event}, {task, state}, {status}, {vm, power}',
        'expect[7].at: must be a number of seconds or "end"',
        'expect[8].colour: unknown field',
        'expect[9]: give "path" with a comparison, or "until" with "within"',
      ]),
    )
  })

  it('accepts a valid list', () => {
    const res = compileScenario(withChecks([{ afterStep: 0, until: { event: 'HaRestartStarted' }, within: 300 }, { path: 'resiliency.lostBytes', equals: 0 }]))
    expect(res.ok).toBe(true)
  })
})

describe('expect: Report paths and comparisons', () => {
  const report = Simulation.create(base, 3).report()
  it('reads fields, indices, id selectors and lengths; names what is missing', () => {
    expect(readPath(report, 'resiliency.status')).toEqual({ found: true, value: 'OK' })
    expect(readPath(report, 'topology.nodes[1].id')).toEqual({ found: true, value: 'node-2' })
    expect(readPath(report, 'topology.nodes[id=node-3].host')).toEqual({ found: true, value: 'up' })
    expect(readPath(report, 'vms.length')).toEqual({ found: true, value: report.vms.length })
    expect(readPath(report, 'topology.nodez')).toEqual({ found: false, problem: 'topology has no field "nodez"' })
    expect(readPath(report, 'topology.nodes[id=node-9].host')).toEqual({ found: false, problem: 'topology.nodes[id=node-9]: no item has id = node-9' })
    expect(readPath(report, 'topology.nodes[7]')).toEqual({ found: false, problem: 'topology.nodes[7]: no such item (3 items)' })
  })
  it('compares, and says what was expected and what was found', () => {
    const check = (c: Partial<ExpectCheck>) => valueCheck(c as ExpectCheck, report)
    expect(check({ path: 'resiliency.status', equals: 'OK' })).toEqual({ passed: true, message: 'resiliency.status = "OK"' })
    expect(check({ path: 'resiliency.status', equals: 'Critical' })).toEqual({ passed: false, message: 'resiliency.status: expected "Critical", got "OK"' })
    expect(check({ path: 'resiliency.status', notEquals: 'OK' }).passed).toBe(false)
    expect(check({ path: 'vms.length', atLeast: report.vms.length }).passed).toBe(true)
    expect(check({ path: 'vms.length', greaterThan: report.vms.length })).toEqual({ passed: false, message: `vms.length: expected > ${report.vms.length}, got ${report.vms.length}` })
    expect(check({ path: 'resiliency.lostBytes', lessThan: 1 }).passed).toBe(true)
    expect(check({ path: 'resiliency.status', atMost: 1 })).toEqual({ passed: false, message: 'resiliency.status: expected a number ≤ 1, got "OK"' })
    expect(check({ path: 'events', contains: { type: 'ClusterStart' } }).passed).toBe(true)
    expect(check({ path: 'events', contains: { type: 'HostDown' } }).passed).toBe(false)
    expect(check({ path: 'cluster.name', contains: 'zzz' }).passed).toBe(false)
    expect(check({ path: 'metadataRing', contains: 'node-1' }).passed).toBe(true)
    expect(check({ path: 'cluster.awareness', equals: report.cluster.awareness }).passed).toBe(true)
  })
})

describe('expect: a drill run', () => {
  it('decides each check at its moment; until checks at the event; the final Report is the plain run', () => {
    const scenario = withChecks([
      { afterStep: 0, path: 'topology.nodes[id=node-2].host', equals: 'down' },
      { afterStep: 0, until: { event: 'HaRestartStarted' }, within: 600 },
      { at: 0, until: { task: 'DataRebuild', state: 'running' }, within: 30 },
      { at: 61, path: 'resiliency.status', equals: 'OK' },
      { path: 'topology.nodes[id=node-2].host', equals: 'down' },
    ])
    const res = runDrill(Simulation.create(scenario), 7 * 86400)
    const byIndex = res.checks.map((c) => [c.index, c.passed, c.time])
    const restart = res.report.events.find((e) => e.type === 'HaRestartStarted')!.time
    expect(byIndex).toEqual([
      [0, true, 60],
      [1, true, restart],
      [2, false, 30],
      [3, false, 61],
      [4, true, res.report.time],
    ])
    expect(res.passed).toBe(false)
    expect(res.checks[2].message).toBe('task DataRebuild running not met within 30 s (T+0 … T+30 s)')
    const plain = Simulation.create(scenario)
    plain.advance(restart)
    plain.settle(7 * 86400)
    expect(JSON.stringify(res.report)).toBe(JSON.stringify(plain.report()))
  })

  it('overlapping until windows are watched together', () => {
    const scenario = withChecks([
      { at: 0, until: { event: 'HaRestartStarted' }, within: 1000 },
      { afterStep: 0, until: { event: 'HostDown' }, within: 1 },
      { at: 100, until: { event: 'HaRestartStarted' }, within: 1000 },
    ])
    const res = runDrill(Simulation.create(scenario), 0)
    // HostDown is emitted by the step itself, before "after step 0": it does not count (only events after the moment do)
    expect(res.checks.map((c) => c.passed)).toEqual([true, false, true])
    // the restart at T120 after the failure
    expect(res.checks.map((c) => c.time)).toEqual([180, 61, 180])
  })

  it('a scenario without checks runs as before: no results, passed', () => {
    const res = runDrill(Simulation.create(base, 3), 0)
    expect(res).toMatchObject({ passed: true, checks: [] })
  })
})

describe('expect: property', () => {
  const untils: Until[] = [{ event: 'HaRestartStarted' }, { event: 'RebuildCompleted' }, { task: 'DataRebuild', state: 'running' }, { status: 'OK' }, { status: 'Critical' }]
  const check = fc.oneof(
    fc.integer({ min: 0, max: 3000 }).map((at) => ({ at, path: 'time', equals: at })),
    fc.integer({ min: 0, max: 3000 }).map((at) => ({ at, path: 'resiliency.status', equals: 'OK' })),
    fc.record({ at: fc.integer({ min: 0, max: 3000 }), until: fc.constantFrom(...untils), within: fc.integer({ min: 0, max: 4000 }) }),
  )
  it('checks never change the run: the final Report is "advance to the last moment, then settle"; a value check sees the Report of a plain run at its moment', () => {
    fc.assert(
      fc.property(fc.array(check, { maxLength: 5 }), fc.constantFrom('node-1', 'node-2', 'node-3'), (checks, target) => {
        const scenario = withChecks(checks, [{ at: 60, action: { inject: { kind: 'node', target } } }])
        const res = runDrill(Simulation.create(scenario), 20_000)
        const horizon = Math.max(60, ...checks.map((c) => c.at))
        const plain = Simulation.create(scenario)
        plain.advance(horizon)
        plain.settle(20_000)
        expect(JSON.stringify(res.report)).toBe(JSON.stringify(plain.report()))
        checks.forEach((c, i) => {
          const r = res.checks[i]
          if ('path' in c) {
            expect(r.time).toBe(c.at)
            // a value check is decided on the Report of that moment
            const at = Simulation.create(scenario)
            at.advance(c.at)
            expect(r.passed).toBe((c.path === 'time' ? at.report().time : at.report().resiliency.status) === c.equals)
            if (c.path === 'time') expect(r.passed).toBe(true)
          } else {
            // decided within its window: met at or before the deadline, or failed exactly at it
            expect(r.time).toBeGreaterThanOrEqual(c.at)
            expect(r.time).toBeLessThanOrEqual(c.at + c.within)
            if (!r.passed) expect(r.time).toBe(c.at + c.within)
          }
        })
      }),
      { ...fcParams, numRuns: 20 },
    )
  })
})
