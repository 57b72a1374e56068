/** The steps a walkthrough shows: the scenario steps that say something, with where they sit in the scenario. */
import type { Structure } from '../bridge/types'

export interface NarratedStep {
  /** index in the scenario's `steps` */
  stepIndex: number
  at: number
  say: string
  focus: string | null
}

const cache = new WeakMap<Structure, NarratedStep[]>()

/** Stable per structure, so it can be used in selectors. */
export function narratedSteps(structure: Structure | null): NarratedStep[] {
  if (!structure) return []
  let out = cache.get(structure)
  if (!out) {
    out = []
    structure.steps.forEach((s, i) => {
      if (s.say !== null) out!.push({ stepIndex: i, at: s.at, say: s.say, focus: s.focus })
    })
    cache.set(structure, out)
  }
  return out
}
