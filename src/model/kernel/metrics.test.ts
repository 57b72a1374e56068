/**
 * MetricsLog: a bounded history (MAX_SAMPLES, decimating the older half) stored by column.
 * Checked against the plain array of sample objects it replaced.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_SAMPLES, MetricsLog, type MetricSample } from './metrics'

/** The reference: the array-of-objects history (same rules). */
class ArrayLog {
  samples: MetricSample[] = []
  add(s: MetricSample): void {
    const last = this.samples[this.samples.length - 1]
    if (last && last.time === s.time) this.samples[this.samples.length - 1] = s
    else this.samples.push(s)
    if (this.samples.length > MAX_SAMPLES) {
      const half = this.samples.length >> 1
      this.samples = this.samples.slice(0, half).filter((_, i) => i % 2 === 0).concat(this.samples.slice(half))
    }
  }
}

const sample = (time: number, x: number): MetricSample => ({
  time, usedBytes: 1.2e14 + x, totalBytes: 5.6e15, resilientBytes: 3.9e15 - x, hostsUp: 64 - (x % 3), cvmsUp: 63, disksOnline: 768, vmsOn: 10000 - x,
  unresolvedAlerts: x % 5, iops: 12000 + x, readIops: 8000, writeIops: 4000 + x, bandwidthBps: 1.2e9 + x * 1000, latencyMs: 1.234 + x / 1000,
})

describe('MetricsLog', () => {
  it('property: same samples, in the same order with the same fields, as the array it replaced, across decimations', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1000 })), { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 9000 }), (steps, bulk) => {
        const a = new MetricsLog()
        const b = new ArrayLog()
        let t = 0
        // a long run of regular samples (crossing MAX_SAMPLES once or twice), then irregular ones (same time: replaced)
        for (let i = 0; i < bulk; i++) {
          t += 300
          a.add(sample(t, i))
          b.add(sample(t, i))
        }
        for (const [dt, x] of steps) {
          t += dt
          a.add(sample(t, x))
          b.add(sample(t, x))
        }
        expect(a.count).toBe(b.samples.length)
        expect(JSON.stringify(a.samples)).toBe(JSON.stringify(b.samples))
        expect(a.count).toBeLessThanOrEqual(MAX_SAMPLES)
        const from = Math.floor(a.count / 2)
        expect(a.since(from)).toEqual(b.samples.slice(from))
      }),
      { numRuns: 25 },
    )
  })

  it('counts every add in its version; holds at most MAX_SAMPLES', () => {
    const m = new MetricsLog()
    for (let i = 0; i < 3 * MAX_SAMPLES; i++) m.add(sample(i, i))
    expect(m.version).toBe(3 * MAX_SAMPLES)
    expect(m.count).toBeLessThanOrEqual(MAX_SAMPLES)
    expect(m.at(m.count - 1)).toEqual(sample(3 * MAX_SAMPLES - 1, 3 * MAX_SAMPLES - 1))
  })

  it('property: addSeries gives the history of the same adds one by one (versions, rewrites, samples), computing only survivors', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 12000 }), fc.boolean(), (before, count, sameTime) => {
        const a = new MetricsLog()
        const b = new MetricsLog()
        for (let i = 0; i < before; i++) {
          a.add(sample(i * 300, i))
          b.add(sample(i * 300, i))
        }
        // the series may start at the time of the last sample (it replaces it, like add)
        const t0 = before > 0 && sameTime ? (before - 1) * 300 : before * 300
        const at = (i: number) => t0 + i * 300
        for (let i = 0; i < count; i++) a.add(sample(at(i), at(i) / 300))
        let computed = 0
        b.addSeries(count, at, (time) => {
          computed++
          return sample(time, time / 300)
        })
        expect(b.version).toBe(a.version)
        expect(b.rewrites).toBe(a.rewrites)
        expect(b.count).toBe(a.count)
        expect(JSON.stringify(b.samples)).toBe(JSON.stringify(a.samples))
        expect(computed).toBeLessThanOrEqual(Math.min(count, MAX_SAMPLES))
      }),
      { numRuns: 20 },
    )
  })
})
