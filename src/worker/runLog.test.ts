import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SimFacade } from './facade'
import { RunLog } from './runLog'
import { parseRun } from './runSchema'

const reportJson = (f: SimFacade) => JSON.stringify(f.report())

describe('RunLog', () => {
  it('records actions with their time and a clock run only when it did not move the time after an action', () => {
    const log = new RunLog({}, 1)
    log.clock(0, 0) // a zero run at the load instant: it ran the events due at 0
    log.clock(0, 0) // twice is the same
    log.record(0, { op: 'restore', args: ['x'] })
    log.clock(0, 60_000)
    log.record(60_000, { op: 'inject', args: [{ kind: 'node', target: 'node-1' }] })
    log.record(60_000, { op: 'restore', args: ['node-1'] })
    log.clock(60_000, 60_000)
    log.clock(60_000, 90_500)
    log.clock(90_500, 90_500) // no action here: nothing to keep
    expect(log.actions).toEqual([
      { at: 0, op: 'run' },
      { at: 0, op: 'restore', args: ['x'] },
      { at: 60, op: 'inject', args: [{ kind: 'node', target: 'node-1' }] },
      { at: 60, op: 'restore', args: ['node-1'] },
      { at: 60, op: 'run' },
    ])
    expect(log.end(90_500)).toBe(90.5)
  })

  it('splits past and future after a travel, and a new action drops the future (a fork)', () => {
    const log = new RunLog({}, 1)
    const all = [
      { at: 10, op: 'restore' as const, args: ['a'] as [string] },
      { at: 20, op: 'restore' as const, args: ['b'] as [string] },
    ]
    log.travelled(15_000, all, 30_000)
    expect(log.actions.length).toBe(1)
    expect(log.futureActions.length).toBe(1)
    expect(log.viewingPast(15_000)).toBe(true)
    expect(log.end(15_000)).toBe(30)
    log.record(15_000, { op: 'restore', args: ['c'] })
    expect(log.futureActions.length).toBe(0)
    expect(log.viewingPast(15_000)).toBe(false)
    expect(log.end(15_000)).toBe(15)
  })
})

describe('parseRun', () => {
  it('names every problem by path', () => {
    const res = parseRun({ format: 'prism-sim-run', version: 1, scenario: 'starter-3', seed: -1, actions: [{ at: 5, op: 'inject', args: [{ kind: 'nod', target: 'node-1' }] }, { at: 1, op: 'explode' }], end: 10, extra: 1 })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.problems).toContain('seed: must be at least 0')
    expect(res.problems).toContain('extra: unknown field')
    expect(res.problems.some((p) => p.startsWith('actions[0].args[0]'))).toBe(true)
    expect(res.problems.some((p) => p.startsWith('actions[1]') && p.includes('"op" must be one of'))).toBe(true)
  })
  it('refuses actions out of time order and an end before the last action', () => {
    const res = parseRun({ format: 'prism-sim-run', version: 1, scenario: 'starter-3', seed: 1, actions: [{ at: 5, op: 'restore', args: ['a'] }, { at: 1, op: 'restore', args: ['b'] }], end: 2 })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.problems[0]).toMatch(/^actions\[1\]\.at: 1 is earlier than actions\[0\]\.at/)
    expect(res.problems.some((p) => p.startsWith("end: 2 is earlier than the last action"))).toBe(true)
  })
  it('refuses text that is not JSON', () => {
    const res = parseRun('{ nope')
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.problems[0]).toMatch(/^\(run\): not valid JSON/)
  })
})

describe('time travel on the facade', () => {
  it('travelling back to any recorded moment gives a byte-identical Report; forward again gives the latest', () => {
    const f = new SimFacade()
    f.load('twelve-3-blocks', 7)
    const seen: Array<[number, string]> = []
    // travel restores the latest state at an instant (after every action at that instant)
    const mark = () => {
      const t = f.report().time
      if (seen.length > 0 && seen[seen.length - 1][0] === t) seen.pop()
      seen.push([t, reportJson(f)])
    }
    f.advance(45)
    mark()
    f.inject({ kind: 'node', target: 'node-3' })
    f.inject({ kind: 'disk', target: 'disk-5-1' }) // same instant, no clock run between
    mark()
    f.step()
    f.step()
    mark()
    f.tick(120)
    f.setWarnThreshold(60)
    f.settle(1800)
    mark()
    const alert = f.report().alerts.find((a) => !a.acknowledged)
    if (alert) f.acknowledgeAlert(alert.id)
    f.restore('node-3')
    f.advance(0)
    mark()
    f.advance(600)
    f.writeData(5)
    f.setGrowthRate(20)
    f.advance(7200)
    mark()
    const final = seen[seen.length - 1]
    for (const [t, json] of [...seen].reverse()) {
      f.travelTo(t)
      expect(f.report().time).toBe(t)
      expect(reportJson(f)).toBe(json)
    }
    // forward from the earliest, along the recorded future
    for (const [t, json] of seen) {
      f.travelTo(t)
      expect(reportJson(f)).toBe(json)
    }
    expect(reportJson(f)).toBe(final[1])
  })

  it('an exported run imported on a fresh facade gives the same final Report', () => {
    const f = new SimFacade()
    f.load('starter-3', 3)
    f.advance(30)
    f.inject({ kind: 'disk', target: 'disk-1-1', smart: 'pass' })
    f.settle()
    f.powerOff(f.report().vms[0].id)
    f.advance(100)
    const run = JSON.parse(JSON.stringify(f.exportRun('my run'))) as unknown
    const g = new SimFacade()
    g.importRun(run)
    expect(reportJson(g)).toBe(reportJson(f))
    expect(g.exportRun('my run')).toEqual(run)
  })

  it('a broken run is refused with the reason and leaves the current simulation untouched', () => {
    const f = new SimFacade()
    f.load('starter-3', 3)
    f.advance(30)
    const before = reportJson(f)
    const runBefore = JSON.stringify(f.exportRun())
    expect(() => f.importRun({ format: 'prism-sim-run', version: 1, scenario: { id: 'x' }, seed: 1, actions: [], end: 0 })).toThrow(/scenario\.cluster: is required/)
    expect(() => f.importRun({ format: 'prism-sim-run', version: 1, scenario: 'starter-3', seed: 1, actions: [{ at: 5, op: 'restore', args: ['node-1'] }], end: 10 })).toThrow(
      /actions\[0\] \(restore at 5 s\): "node-1" has no active fault to restore/,
    )
    expect(() => f.importRun({ hello: 1 })).toThrow(/format: /)
    expect(reportJson(f)).toBe(before)
    expect(JSON.stringify(f.exportRun())).toBe(runBefore)
  })

  it('travelling back and acting forks: the recorded future is dropped', () => {
    const f = new SimFacade()
    f.load('starter-3', 3)
    f.advance(60)
    f.inject({ kind: 'cvm', target: 'node-2' })
    f.advance(600)
    f.travelTo(30)
    expect(f.exportRun().end).toBe(660)
    expect(() => f.travelTo(661)).toThrow(/from 0 to 660/)
    f.inject({ kind: 'node', target: 'node-1' })
    const run = f.exportRun()
    expect(run.end).toBe(30)
    expect(run.actions).toEqual([{ at: 30, op: 'inject', args: [{ kind: 'node', target: 'node-1' }] }])
  })

  it('property: random action sequences replay exactly', () => {
    const targets = ['node-1', 'node-2', 'node-3', 'disk-1-1', 'disk-2-2', 'block-1']
    const step = fc.oneof(
      fc.record({ t: fc.constant('advance' as const), s: fc.integer({ min: 0, max: 900 }) }),
      fc.record({ t: fc.constant('step' as const) }),
      fc.record({ t: fc.constant('inject' as const), kind: fc.constantFrom('node', 'cvm', 'disk', 'partition', 'block'), target: fc.constantFrom(...targets) }),
      fc.record({ t: fc.constant('restore' as const), target: fc.constantFrom(...targets) }),
      fc.record({ t: fc.constant('threshold' as const), pct: fc.integer({ min: 1, max: 100 }) }),
    )
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1000 }), (steps, seed) => {
        const f = new SimFacade()
        f.load('starter-3', seed)
        const seen: Array<[number, string]> = []
        for (const s of steps) {
          try {
            if (s.t === 'advance') f.advance(s.s)
            else if (s.t === 'step') f.step()
            else if (s.t === 'inject') f.inject({ kind: s.kind, target: s.target } as never)
            else if (s.t === 'restore') f.restore(s.target)
            else f.setWarnThreshold(s.pct)
          } catch {
            // refused commands are not recorded
          }
          const t = f.report().time
          const last = seen[seen.length - 1]
          if (last && last[0] === t) seen.pop() // the latest state at an instant is the one travel restores
          seen.push([t, reportJson(f)])
        }
        for (const [t, json] of [...seen].reverse()) {
          f.travelTo(t)
          expect(reportJson(f)).toBe(json)
        }
      }),
      { numRuns: 15 },
    )
  })
})
