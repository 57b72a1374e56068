/**
 * Quiet periodic work is fast-forwarded (issue 21 item 1): NOP-OUT rounds that would change
 * nothing are skipped to the next event or the end of the run, and metrics samples are taken
 * lazily (only those that survive decimation are computed). The Report and the metrics
 * history must not depend on how the time was cut into calls.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinScenario } from './scenario/builtins'
import { Simulation } from './simulation'
import { BALANCE_CHECK_SECONDS } from './storage/curator/balance'
import type { Fault } from './types'
import { faultEntity } from './cluster/partition'

const YEAR = 365 * 86400

function countPops(sim: Simulation): () => number {
  let pops = 0
  const q = sim.queue
  const pop = q.pop.bind(q)
  q.pop = () => {
    pops++
    return pop()
  }
  return () => pops
}

const state = (sim: Simulation) => JSON.stringify({ report: sim.report(), metrics: sim.metrics.samples, v: sim.metrics.version, r: sim.metrics.rewrites })

describe('fast-forward of quiet periodic events', () => {
  it('a simulated year on a quiet twelve-3-blocks pops almost no events (the quiet rounds are skipped)', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    const pops = countPops(sim)
    sim.advance(YEAR)
    expect(sim.time).toBe(YEAR)
    // one NOP-OUT round every 5 s would be 6.3 million events; the quiet ones are skipped. What
    // remains is Curator's disk-balance check every 6 simulated hours (storage/curator/balance.ts)
    expect(pops()).toBeLessThan(10 + 2 * Math.ceil(YEAR / BALANCE_CHECK_SECONDS))
    // its wall time is measured by bench/quiet.bench.ts (npm run bench -- quiet), not asserted here
    // the metrics history still spans the year, bounded, with the time-of-day I/O curve
    const s = sim.metrics.samples
    expect(s[s.length - 1].time).toBe(YEAR)
    expect(s.length).toBeGreaterThan(1000)
    expect(new Set(s.slice(-288).map((x) => x.iops)).size).toBeGreaterThan(100)
  })

  it('a year in one call or in 4 calls, and 30 days in one call or in 30, give the same Report and metrics history', () => {
    const scenario = builtinScenario('twelve-3-blocks')!
    const one = Simulation.create(scenario)
    one.advance(YEAR)
    const quarters = Simulation.create(scenario)
    for (let i = 0; i < 4; i++) quarters.advance(i < 3 ? 91 * 86400 : YEAR - 3 * 91 * 86400)
    expect(state(quarters)).toBe(state(one))
    const month = Simulation.create(scenario)
    month.advance(30 * 86400)
    const days = Simulation.create(scenario)
    for (let i = 0; i < 30; i++) days.advance(86400)
    expect(state(days)).toBe(state(month))
  })

  it('property: faults, restores and settles between advances; cutting each advance into pieces changes nothing', () => {
    const scenario = builtinScenario('starter-3')!
    const probe = Simulation.create(scenario)
    const targets: Fault[] = [
      { kind: 'cvm', target: probe.spec.nodes[1].id },
      { kind: 'node', target: probe.spec.nodes[2].id },
      { kind: 'disk', target: probe.spec.disks[probe.spec.nodes[0].disks[0]].id },
    ]
    const op = fc.oneof(
      fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 3 * 86400 }), cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }) }),
      fc.record({ kind: fc.constant('inject' as const), f: fc.integer({ min: 0, max: targets.length - 1 }) }),
      fc.record({ kind: fc.constant('restore' as const), f: fc.integer({ min: 0, max: targets.length - 1 }) }),
      fc.record({ kind: fc.constant('settle' as const) }),
    )
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
        const a = Simulation.create(scenario)
        const b = Simulation.create(scenario)
        for (const o of ops) {
          if (o.kind === 'advance') {
            a.advance(o.seconds)
            // the same span in pieces (whole milliseconds, like the clock)
            const marks = [...new Set(o.cuts.map((c) => Math.round(c * o.seconds * 1000)))].sort((x, y) => x - y)
            let done = 0
            for (const m of [...marks, o.seconds * 1000]) {
              b.advance((m - done) / 1000)
              done = m
            }
          } else {
            for (const s of [a, b]) {
              try {
                if (o.kind === 'inject') s.inject(targets[o.f])
                else if (o.kind === 'restore') s.restore(faultEntity(targets[o.f]))
                else s.settle()
              } catch {
                // refused the same way in both
              }
            }
          }
          expect(b.timeMs).toBe(a.timeMs)
        }
        expect(state(b)).toBe(state(a))
      }),
      { numRuns: 15 },
    )
  })
})
