import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Prng } from './prng'

/**
 * fast-check prints the seed and path of a failing run ("Counterexample: … Shrunk …
 * (seed: …, path: "…")"); FC_SEED / FC_PATH in the environment replay that run.
 */
const fcParams = {
  verbose: 1 as const,
  ...(process.env.FC_SEED !== undefined ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
}

const draws = (seed: number, n: number): number[] => {
  const r = new Prng(seed)
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(r.float(), r.int(1000), r.fastInt(77))
  return out
}

const seedArb = fc.integer({ min: 0, max: 4294967295 })

describe('Prng', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draws(1, 200)).toEqual(draws(1, 200))
    expect(draws(4294967295, 50)).toEqual(draws(4294967295, 50))
  })

  it('gives different sequences for different seeds', () => {
    expect(draws(1, 20)).not.toEqual(draws(2, 20))
    expect(draws(0, 20)).not.toEqual(draws(1, 20))
    // every seed of the scenario range is distinct (seed | 0 is a bijection on [0, 2^32))
    expect(draws(2147483648, 20)).not.toEqual(draws(0, 20))
  })

  it('is a pure function of the seed and the order of draws (two interleaved generators do not interfere)', () => {
    const a = new Prng(7)
    const b = new Prng(7)
    const seqA: number[] = []
    const seqB: number[] = []
    for (let i = 0; i < 100; i++) {
      seqA.push(a.int(10))
      seqB.push(b.int(10))
      seqB.push(new Prng(99).int(10)) // unrelated generator in between
    }
    expect(seqA).toEqual(seqB.filter((_, i) => i % 2 === 0))
  })

  it('int(n) is 0 for n ≤ 1 and does not consume a draw', () => {
    const a = new Prng(3)
    const b = new Prng(3)
    expect(a.int(1)).toBe(0)
    expect(a.int(0)).toBe(0)
    expect(a.int(-5)).toBe(0)
    expect(a.float()).toBe(b.float())
  })

  it('int(6) is roughly uniform', () => {
    const r = new Prng(12345)
    const counts = new Array<number>(6).fill(0)
    const n = 60000
    for (let i = 0; i < n; i++) counts[r.int(6)]++
    for (const c of counts) expect(Math.abs(c - n / 6)).toBeLessThan(n / 6 * 0.05)
  })

  it('pick returns an element of the list', () => {
    const r = new Prng(5)
    const items = ['a', 'b', 'c'] as const
    const seen = new Set<string>()
    for (let i = 0; i < 100; i++) seen.add(r.pick(items))
    expect([...seen].sort()).toEqual(['a', 'b', 'c'])
  })

  it('property: same seed → same sequence', () => {
    fc.assert(
      fc.property(seedArb, fc.array(fc.integer({ min: 1, max: 2 ** 31 }), { minLength: 1, maxLength: 30 }), (seed, ns) => {
        const a = new Prng(seed)
        const b = new Prng(seed)
        for (const n of ns) expect(a.int(n)).toBe(b.int(n))
      }),
      fcParams,
    )
  })

  it('property: int(n) is an integer in [0, n)', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 2 ** 32 }), (seed, n) => {
        const r = new Prng(seed)
        for (let i = 0; i < 20; i++) {
          const x = r.int(n)
          expect(Number.isInteger(x)).toBe(true)
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThan(n)
        }
      }),
      fcParams,
    )
  })

  it('property: fastInt(n) is an integer in [0, n) and float() in [0, 1)', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 100000 }), (seed, n) => {
        const r = new Prng(seed)
        for (let i = 0; i < 20; i++) {
          const x = r.fastInt(n)
          expect(Number.isInteger(x)).toBe(true)
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThan(n)
          const f = r.float()
          expect(f).toBeGreaterThanOrEqual(0)
          expect(f).toBeLessThan(1)
        }
      }),
      fcParams,
    )
  })

  it('property: distinct seeds give distinct first draws', () => {
    fc.assert(
      fc.property(seedArb, seedArb, (s1, s2) => {
        fc.pre(s1 !== s2)
        expect(draws(s1, 4)).not.toEqual(draws(s2, 4))
      }),
      fcParams,
    )
  })
})
