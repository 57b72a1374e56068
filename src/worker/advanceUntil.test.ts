/**
 * advanceUntil and drill checks through the worker facade: stopping on a condition is a clock
 * move the run can replay exactly (an action at that very instant included), and
 * checkExpectations runs a fresh copy without touching the live simulation.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SimFacade } from './facade'

const reportJson = (f: SimFacade) => JSON.stringify(f.report())

describe('facade advanceUntil', () => {
  it('an action at the instant the condition was met replays exactly (export/import and time travel)', () => {
    const f = new SimFacade()
    f.load('starter-3', 3)
    f.inject({ kind: 'node', target: 'node-2' })
    const { result } = f.advanceUntil({ event: 'HaRestartStarted' }, 3600)
    expect(result.met).toBe(true)
    const atRestart = reportJson(f)
    const vm = f.report().vms.find((v) => v.power === 'on')!.id
    f.powerOff(vm) // at the stop instant
    f.advance(500)
    const final = reportJson(f)
    const g = new SimFacade()
    g.importRun(JSON.parse(JSON.stringify(f.exportRun())) as unknown)
    expect(reportJson(g)).toBe(final)
    // travel to just before the power-off instant's actions is not possible; travel to after them is exact
    f.travelTo(result.seconds + 100)
    const h = new SimFacade()
    h.load('starter-3', 3)
    h.inject({ kind: 'node', target: 'node-2' })
    h.advance(result.seconds)
    expect(reportJson(h)).toBe(atRestart)
    h.powerOff(vm)
    h.advance(100)
    expect(reportJson(f)).toBe(reportJson(h))
  })

  it('a refused condition changes nothing and records nothing', () => {
    const f = new SimFacade()
    f.load('starter-3', 3)
    f.advance(10)
    const before = reportJson(f)
    const run = JSON.stringify(f.exportRun())
    expect(() => f.advanceUntil({ vm: 'nope', power: 'on' }, 10)).toThrow('unknown VM "nope"')
    expect(reportJson(f)).toBe(before)
    expect(JSON.stringify(f.exportRun())).toBe(run)
  })
})

describe('facade checkExpectations', () => {
  it('evaluates the loaded scenario afresh; the live simulation is untouched', () => {
    const f = new SimFacade()
    f.load(JSON.parse(readFileSync('e2e/drills/failing-check.json', 'utf8')) as unknown)
    f.advance(5)
    const before = reportJson(f)
    const res = f.checkExpectations()
    expect(res.passed).toBe(false)
    expect(res.checks.map((c) => c.passed)).toEqual([true, false, false])
    expect(reportJson(f)).toBe(before)
  })
})
