/**
 * The one seeded PRNG of a simulation (xoroshiro128+ from pure-rand). Mutable in place:
 * every draw advances it, so the order of draws is part of the determinism contract.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

export class Prng {
  private readonly rng: RandomGenerator
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed | 0)
  }
  /** Uniform float in [0, 1), 32 bits of entropy. */
  float(): number {
    return (this.rng.next() >>> 0) / 4294967296
  }
  /** Uniform integer in [0, n). Unbiased. */
  int(n: number): number {
    if (n <= 1) return 0
    return uniformInt(this.rng, 0, n - 1)
  }
  /** Fast integer in [0, n) for hot loops (bias below 2^-32 · n). */
  fastInt(n: number): number {
    return Math.floor(((this.rng.next() >>> 0) / 4294967296) * n)
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]
  }
}
