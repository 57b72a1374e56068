import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { builtinScenario } from '../model/scenario/builtins'
import { Simulation } from '../model/simulation'
import { SimFacade } from './facade'
import { replay } from './runLog'
import { Checkpoints } from './checkpoints'
import { runSliced } from './chunked'

const reportJson = (f: SimFacade) => JSON.stringify(f.report())
const checkpointsOf = (f: SimFacade) => (f as unknown as { ckpt: Checkpoints }).ckpt

/** The Report at `t` by a replay from load (what travelTo did before checkpoints). */
function replayed(f: SimFacade, t: number): string {
  const run = f.exportRun()
  const sim = Simulation.create(run.scenario, run.seed)
  replay(sim, run.actions, t)
  return JSON.stringify(sim.report())
}

describe('time travel from checkpoints (worker/checkpoints.ts)', () => {
  // the cost rule reads the wall clock; these tests check the interval rule alone
  const wallClock = Checkpoints.clock
  beforeEach(() => {
    Checkpoints.clock = null
  })
  afterEach(() => {
    Checkpoints.clock = wallClock
  })

  it('cost rule: after a checkpoint costing more than 25 ms, the next waits until the clock has run as long as it cost', () => {
    let now = 0
    const sim = Simulation.create(builtinScenario('starter-3')!, 3)
    Checkpoints.clock = () => now
    const c = new Checkpoints(sim)
    // a fake clock: every snapshot "costs" 40 ms of wall time
    const take = (applied: number) => {
      const before = c.count
      const orig = Checkpoints.clock
      let calls = 0
      Checkpoints.clock = () => (calls++ === 0 ? now : (now += 40))
      c.maybeTake(applied)
      Checkpoints.clock = orig
      return c.count > before
    }
    expect(take(0)).toBe(true) // at load, nothing to wait for
    sim.advance(1800)
    now += 30 // ran 30 ms < 40 ms
    expect(take(0)).toBe(false)
    now += 15 // 45 ms ≥ 40 ms
    expect(take(0)).toBe(true)
    expect(c.times).toEqual([0, 1_800_000])
  })

  it('takes one at load and one per 30 simulated minutes, and travels from the nearest one', () => {
    const f = new SimFacade()
    f.load('starter-3', 7)
    expect(checkpointsOf(f).times).toEqual([0])
    f.advance(3 * 3600)
    expect(checkpointsOf(f).times).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => k * 1_800_000))
    f.inject({ kind: 'node', target: 'node-2' })
    f.advance(1000)
    const json = replayed(f, 5000)
    f.travelTo(5000)
    expect(reportJson(f)).toBe(json)
    expect(checkpointsOf(f).nearest(5_000_000)?.timeMs).toBe(3_600_000)
    expect(checkpointsOf(f).bytes()).toBeGreaterThan(0)
  })

  it('a fork drops the checkpoints after the moment it forks from', () => {
    const f = new SimFacade()
    f.load('starter-3', 7)
    f.advance(2 * 3600)
    f.travelTo(2000)
    expect(checkpointsOf(f).times).toEqual([0, 1_800_000, 3_600_000, 5_400_000, 7_200_000])
    f.inject({ kind: 'disk', target: 'disk-1-1' }) // a fork at T+2000 s
    expect(checkpointsOf(f).times).toEqual([0, 1_800_000])
    f.advance(3600)
    const json = replayed(f, 4000)
    f.travelTo(4000)
    expect(reportJson(f)).toBe(json)
  })

  it('over the memory cap, every second checkpoint goes (never the load one) and the interval doubles', () => {
    const run = (cap?: number) => {
      const c = new Checkpoints(Simulation.create(builtinScenario('starter-3')), cap)
      c.maybeTake(0)
      runSliced(c.sim, 6 * 3_600_000, () => c.maybeTake(0))
      return c
    }
    const all = run().bytes() // no cap reached: T+0 and every half hour to T+6 h
    const c = run(all * 0.8)
    expect(c.bytes() <= all * 0.8 || c.count === 2, `${c.bytes()} bytes in ${c.count} checkpoints, cap ${all * 0.8}`).toBe(true) // the load one and the latest always stay
    expect(c.count).toBeLessThan(13) // 13 without the cap: T+0 and every half hour to T+6 h
    expect(c.count).toBeGreaterThanOrEqual(2)
    expect(c.intervalMs).toBeGreaterThan(1_800_000)
    expect(c.times[0]).toBe(0)
    expect(c.times[c.count - 1]).toBeGreaterThan(6 * 3_600_000 - c.intervalMs) // one in the latest interval
  })

  it('property: travelTo(t) gives the byte-identical Report of a replay from load to t, for random runs and t, also after forks', () => {
    const targets = ['node-1', 'node-2', 'node-3', 'disk-1-1', 'disk-2-2', 'block-1']
    const step = fc.oneof(
      fc.record({ t: fc.constant('advance' as const), s: fc.integer({ min: 0, max: 7200 }) }),
      fc.record({ t: fc.constant('inject' as const), kind: fc.constantFrom('node', 'cvm', 'disk', 'partition', 'block'), target: fc.constantFrom(...targets) }),
      fc.record({ t: fc.constant('restore' as const), target: fc.constantFrom(...targets) }),
      // multi-node partitions (issue 15): recorded with their list, replayed and travelled through
      fc.record({ t: fc.constant('cut' as const), nodes: fc.constantFrom(['node-1', 'node-2'], ['node-2', 'node-3'], ['node-3', 'node-1']) }),
      fc.record({ t: fc.constant('ha' as const), mode: fc.constantFrom('default' as const, 'guarantee' as const) }),
      fc.record({ t: fc.constant('power' as const), on: fc.boolean(), vm: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ t: fc.constant('travel' as const), frac: fc.double({ min: 0, max: 1, noNaN: true }) }),
    )
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (steps, seed, at) => {
          const f = new SimFacade()
          f.load('starter-3', seed)
          for (const s of steps) {
            try {
              if (s.t === 'advance') f.advance(s.s)
              else if (s.t === 'inject') f.inject({ kind: s.kind, target: s.target } as never)
              else if (s.t === 'restore') f.restore(s.target)
              else if (s.t === 'cut') f.inject({ kind: 'partition', target: s.nodes })
              else if (s.t === 'ha') f.setHaMode(s.mode)
              else if (s.t === 'power') (s.on ? f.powerOn : f.powerOff).call(f, `vm-${s.vm}`)
              else f.travelTo(Math.round(s.frac * f.exportRun().end)) // the next action forks
            } catch {
              // refused commands are not recorded
            }
          }
          for (const frac of at) {
            const t = Math.round(frac * f.exportRun().end * 10) / 10
            const json = replayed(f, t)
            f.travelTo(t)
            expect(reportJson(f)).toBe(json)
          }
        },
      ),
      { numRuns: 25 },
    )
  })
})
