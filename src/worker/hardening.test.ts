/**
 * Issue 21: the facade driven with random, hostile and huge arguments. Every call returns or
 * refuses within a bound, a refusal leaves the Report (and the recorded run) byte-identical, and
 * a refusal message is short, in words, and names the argument.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_CALL_SECONDS, MAX_RUN_SECONDS } from '../model/scenario/limits'
import { builtinScenario } from '../model/scenario/builtins'
import { Simulation } from '../model/simulation'
import { SimFacade } from './facade'

const HUGE = 'x'.repeat(10_000_000)
const deep = (() => {
  let o: Record<string, unknown> = { title: 't' }
  for (let i = 0; i < 100_000; i++) o = { a: o }
  return o
})()
const cyclic: Record<string, unknown> = { title: 'x' }
cyclic.self = cyclic
const throwing = Object.defineProperty({}, 'kind', {
  get() {
    throw new Error('boom')
  },
  enumerable: true,
})

/** hostile values: engine corner cases, huge text and numbers, odd objects */
const hostile = fc.oneof(
  fc.anything(),
  fc.constantFrom<unknown>(
    HUGE, 1e9, -1, NaN, Infinity, -Infinity, 1e-320, 1e300, 0, 2 ** 53 + 1, '', ' ', 'constructor', '__proto__', 'toString',
    { kind: 'constructor', target: 'x' }, { kind: 'node', target: HUGE }, { kind: 'disk', target: 'x', smart: {} }, { kind: 'toString', target: 'node-1' },
    { kind: 'partition', target: [] }, { kind: 'partition', target: [HUGE] }, { kind: 'partition', target: ['node-1', 'node-1'] }, { kind: 'partition', target: [1, 2] },
    { kind: 'partition', target: ['node-1', 'node-2', 'node-3'] }, { kind: 'partition', target: ['node-1', 'block-1'] },
    deep, cyclic, throwing, [], [1, 2], null, undefined, () => 1, Symbol('s'), 10n, new Date(0), /x/, new Map(),
  ),
)

type Call = { method: string; names: RegExp; run: (f: SimFacade, a: unknown, b: unknown) => unknown }
const call = (method: string, names: RegExp, run: Call['run']): Call => ({ method, names, run })
/* eslint-disable @typescript-eslint/no-explicit-any -- hostile arguments on purpose */
const CALLS: Call[] = [
  call('load', /scenario|seed|: |load/, (f, a, b) => f.load(a, b as any)),
  call('inject', /fault|target|disk|node|block|rack|cvm/, (f, a) => f.inject(a)),
  call('restore', /target/, (f, a) => f.restore(a as any)),
  call('advance', /seconds|run may reach/, (f, a) => f.advance(a as any)),
  call('settle', /maxSeconds|run may reach/, (f, a) => f.settle(a as any)),
  call('tick', /./, (f, a) => f.tick(a as any)),
  call('step', /event|run may reach/, (f) => f.step()),
  call('powerOn', /vmId|VM/, (f, a) => f.powerOn(a as any)),
  call('powerOff', /vmId|VM/, (f, a) => f.powerOff(a as any)),
  call('acknowledgeAlert', /alertId|alert/, (f, a) => f.acknowledgeAlert(a as any)),
  call('setWarnThreshold', /pct|threshold/, (f, a) => f.setWarnThreshold(a as any)),
  call('setHaMode', /mode|guarantee|protect/, (f, a) => f.setHaMode(a as any)),
  call('setGrowthRate', /tbPerDay|growth rate/, (f, a) => f.setGrowthRate(a as any)),
  call('writeData', /\btb\b|TB|write/, (f, a) => f.writeData(a as any)),
  call('whatIf', /target/, (f, a) => f.whatIf(a as any)),
  call('redirectorLog', /hostId|host|lines/, (f, a, b) => f.redirectorLog(a as any, b as any)),
  call('ncli', /type/, (f, a) => f.ncli(a as any)),
  call('exportRun', /name/, (f, a) => f.exportRun(a as any)),
  call('importRun', /run|: /, (f, a) => f.importRun(a)),
  call('travelTo', /seconds/, (f, a) => f.travelTo(a as any)),
  call('forkRun', /./, (f) => f.forkRun()),
  call('runTimeline', /./, (f) => f.runTimeline()),
  call('report', /./, (f) => f.report()),
]
/* eslint-enable @typescript-eslint/no-explicit-any */

/** a generous bound for one call on the 3-node scenario (the machine is shared) */
const BOUND_MS = 10_000

describe('the facade under random, hostile and huge arguments', () => {
  let f: SimFacade
  beforeAll(() => {
    f = new SimFacade()
    f.load('starter-3')
    f.inject({ kind: 'node', target: 'node-2' })
    f.advance(600)
  })

  it('every call returns or refuses within the bound; a refusal changes nothing and its message is short and names the argument', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CALLS), hostile, hostile, (c, a, b) => {
        const before = JSON.stringify(f.report())
        const runBefore = JSON.stringify(f.exportRun())
        const t0 = performance.now()
        let error: unknown = null
        try {
          c.run(f, a, b)
        } catch (e) {
          error = e
        }
        const ms = performance.now() - t0
        expect(ms, `${c.method} took ${ms} ms`).toBeLessThan(BOUND_MS)
        if (error === null) return
        expect(error).toBeInstanceOf(Error)
        const msg = (error as Error).message
        expect(msg.length, msg.slice(0, 300)).toBeLessThanOrEqual(1000)
        expect(msg).not.toMatch(/\[object |native code|call stack|^undefined$|Cannot read prop/)
        expect(msg, `${c.method}: ${msg}`).toMatch(c.names)
        expect(JSON.stringify(f.report())).toBe(before)
        expect(JSON.stringify(f.exportRun())).toBe(runBefore)
      }),
      { numRuns: Number(process.env.HARDENING_RUNS ?? 400) },
    )
  }, 240_000)

  it('the issue\'s cases: refused quickly by name with the limit', () => {
    const g = new SimFacade()
    g.load('starter-3')
    const before = JSON.stringify(g.report())
    const refused = (fn: () => unknown) => {
      const t0 = performance.now()
      try {
        fn()
      } catch (e) {
        expect(performance.now() - t0).toBeLessThan(2000)
        return (e as Error).message
      }
      throw new Error('not refused')
    }
    expect(refused(() => g.advance(1e9))).toBe(`seconds must be a number of seconds from 0 to ${MAX_CALL_SECONDS} (30 simulated days, the most one call may run), got 1000000000`)
    expect(refused(() => g.settle(1e9))).toMatch(/^maxSeconds must be a number of seconds from 0 to 2592000/)
    expect(refused(() => g.restore(HUGE)).length).toBeLessThan(200)
    expect(refused(() => g.inject({ kind: 'constructor', target: 'x' }))).toBe('fault.kind must be one of "disk", "cvm", "node", "block", "rack", "partition", "corrupt", got "constructor"')
    expect(refused(() => g.writeData(0.001))).toBe('0.001 TB is less than one extent group: the smallest write is 0.002 TB raw (1 GB written RF2)')
    expect(refused(() => g.writeData(0.0009))).toMatch(/smallest write is 0\.002 TB raw/)
    expect(refused(() => g.setGrowthRate(1e300))).toMatch(/^growth rate must be a number of TB per day from 0 to 10000, got 1e\+300/)
    expect(refused(() => g.inject(throwing))).toBe('inject failed reading fault: boom')
    expect(refused(() => g.load(deep))).toBe('load: the input is nested too deeply to read')
    expect(refused(() => g.load(cyclic))).toBe('load: the input refers to itself (it must be plain JSON data)')
    expect(refused(() => g.importRun({ format: 'prism-sim-run', version: 1, scenario: 'starter-3', seed: 1, actions: [], end: 10 * 365 * 86400 }))).toBe(`not a valid run:\nend: must be at most ${MAX_RUN_SECONDS}`)
    expect(JSON.stringify(g.report())).toBe(before)
    // 0.0039 TB writes one extent group (2 GB raw at RF2): whole extent groups, never more than asked
    g.writeData(0.0039)
    expect(g.report().storage.usedBytes - (JSON.parse(before) as { storage: { usedBytes: number } }).storage.usedBytes).toBe(2e9)
  })

  it('scenarios: disk capacity, raw capacity, vDisks, step times and growth are bounded and refused by JSON path; problems capped at 100', () => {
    const g = new SimFacade()
    const layout = { racks: 4, blocksPerRack: 4, nodesPerBlock: 4, ssdPerNode: 0, hddPerNode: 24, ssdTB: 1, hddTB: 1000 }
    const msg = (s: unknown) => {
      const t0 = performance.now()
      try {
        g.load(s)
      } catch (e) {
        expect(performance.now() - t0).toBeLessThan(3000)
        return (e as Error).message
      }
      throw new Error('accepted')
    }
    expect(msg({ title: 't', cluster: { layout, data: { usedPct: 95 } } }).split('\n')[0]).toBe('cluster.layout.hddTB: must be at most 200')
    expect(msg({ title: 't', cluster: { layout: { ...layout, hddTB: 200 } } })).toMatch(/^cluster\.layout: the disks hold 307200 TB raw, more than the 20000 TB/)
    expect(msg({ title: 't', cluster: { layout: { ...layout, racks: 1, hddTB: 8 }, data: { growthTBPerDay: 1e300 } } })).toBe('cluster.data.growthTBPerDay: must be at most 10000')
    expect(msg({ title: 't', cluster: { layout: { ...layout, racks: 1, hddTB: 8 } }, steps: [{ at: 1e9, say: 'late' }] })).toBe(`steps[0].at: must be at most ${MAX_CALL_SECONDS}`)
    expect(msg({ title: 't', cluster: { layout: { ...layout, racks: 1, hddTB: 8 } }, vmFill: { count: 20000, vcpus: 1, memoryGiB: 1, vdisks: 64 } })).toMatch(/^vms: 1280000 vDisks in all, more than the 100000/)
    const vms = Array.from({ length: 20000 }, (_, i) => ({ id: `v${i}`, host: 'nowhere', vcpus: 1, memoryGiB: 1, vdisks: 1 }))
    const lines = msg({ title: 't', cluster: { layout: { ...layout, racks: 1, hddTB: 8 } }, vms }).split('\n')
    expect(lines).toHaveLength(101)
    expect(lines[100]).toBe('… and 19900 more problems')
  })

  it('a long advance runs in slices with progress, to the same Report as one run of the model', () => {
    const g = new SimFacade()
    g.load('twelve-3-blocks')
    g.inject({ kind: 'node', target: 'node-3' })
    const reports: number[] = []
    g.advance(3 * 86400 + 17.5, (p) => reports.push(p))
    const sim = Simulation.create(builtinScenario('twelve-3-blocks'))
    sim.inject({ kind: 'node', target: 'node-3' })
    sim.advance(3 * 86400 + 17.5)
    expect(JSON.stringify(g.report())).toBe(JSON.stringify(sim.report()))
    for (let i = 1; i < reports.length; i++) expect(reports[i]).toBeGreaterThanOrEqual(reports[i - 1])
    expect(reports.every((p) => p >= 0 && p <= 1)).toBe(true)
  })
})
