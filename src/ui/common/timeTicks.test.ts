import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { distinctTicks, tickLabel, tickStep, timeTicks } from './timeTicks'

describe('time axis ticks (issue 18)', () => {
  it('round clock steps from T0, labelled m:ss under an hour', () => {
    expect(timeTicks(0, 151, 6)).toEqual([0, 30, 60, 90, 120, 150])
    expect(timeTicks(0, 151, 6).map((t) => tickLabel(t, 30, 151))).toEqual(['0:00', '0:30', '1:00', '1:30', '2:00', '2:30'])
    expect(timeTicks(0, 180, 4).map((t) => tickLabel(t, 60, 180))).toEqual(['0:00', '1:00', '2:00', '3:00'])
    expect(timeTicks(0, 5 * 3600, 6).map((t) => tickLabel(t, 3600, 5 * 3600))).toEqual(['0:00', '1:00', '2:00', '3:00', '4:00', '5:00'])
    expect(tickLabel(2 * 86400 + 4 * 3600, 3600, 3 * 86400)).toBe('2d 4:00')
  })
  it('an empty span (T0) gives one tick, not eleven', () => {
    expect(timeTicks(0, 0, 10)).toEqual([0])
  })
  it('a window holding no multiple of the step still gets a tick (found by npm run fuzz)', () => {
    expect(timeTicks(604801, 604801 + 345601, 2)).toEqual([604801])
  })
  it('never more than asked, always increasing, inside the domain, labels never repeat', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 1, max: 10 ** 7 }), fc.integer({ min: 2, max: 12 }), (t0, span, n) => {
        const t = timeTicks(t0, t0 + span, n)
        expect(t.length).toBeLessThanOrEqual(n + 1)
        expect(t.length).toBeGreaterThan(0)
        for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThan(t[i - 1])
        expect(t[0]).toBeGreaterThanOrEqual(t0)
        expect(t[t.length - 1]).toBeLessThanOrEqual(t0 + span)
        const labels = t.map((x) => tickLabel(x, tickStep(t), t0 + span))
        expect(new Set(labels).size).toBe(labels.length)
      }),
    )
  })
  it('value ticks drop to fewer when the format would repeat a label (1, 1, 1, 0, 0, 0)', () => {
    const linear = (top: number) => (n: number) => Array.from({ length: n + 1 }, (_, i) => (top * i) / n)
    const whole = (v: number) => String(Math.round(v))
    expect(distinctTicks(linear(1), whole, 5)).toEqual([0, 1])
    expect(distinctTicks(linear(12), whole, 4)).toEqual([0, 3, 6, 9, 12])
  })
})
