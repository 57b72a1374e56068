/**
 * Which copies a corrupt fault hits (DRILL-API §5 `{ kind: 'corrupt', target, extentGroups? }`):
 * the copies in slots that point to the disk and are not corrupt already, `n` of them chosen
 * with the simulation's seeded PRNG (a partial Fisher–Yates shuffle), so the same scenario and
 * actions corrupt the same copies.
 */
import type { Prng } from '../../kernel/prng'
import type { DataStore } from '../data'
import { STRIP_STRIDE } from '../ec'

export const chooseCorruptCopies = {
  /** Keys (see corruption.ts) of the copies on disk d that are not marked corrupt, in slot order. */
  candidates(data: DataStore, d: number): number[] {
    const out: number[] = []
    const rd = data.replicaDisk
    const marks = data.corruption.marks
    for (let i = 0; i < data.units * data.rf; i++) if (rd[i] === d && !marks.has(i)) out.push(i)
    const sd = data.stripDisk
    for (let i = 0; i < data.strips * STRIP_STRIDE; i++) if (sd[i] === d && !marks.has(-i - 1)) out.push(-i - 1)
    return out
  },
  /** `n` of `keys`, chosen with `rng` (the list is shuffled in place as far as needed). */
  pick(rng: Prng, keys: number[], n: number): number[] {
    for (let i = 0; i < n; i++) {
      const j = i + rng.int(keys.length - i)
      const t = keys[i]
      keys[i] = keys[j]
      keys[j] = t
    }
    return keys.slice(0, n)
  },
}
