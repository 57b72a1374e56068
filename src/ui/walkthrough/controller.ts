/**
 * Walkthrough mode: Next runs the simulated clock exactly to the next narrated step;
 * Back (or any step behind the clock) reloads the same scenario and seed and advances to
 * that step's time — the model is deterministic, so the replay is exact.
 */
import { pause, simClient } from '../bridge/client'
import { rememberScenario } from '../app/lastScenario'
import { navigate } from '../app/routes'
import { useSim } from '../store/simStore'
import { stepView } from './focusView'
import { narratedSteps } from './narratedSteps'
import { useWalkthrough } from './walkthroughStore'

/** The scenario to replay: the last load when it is the one running, else the built-in scenario by id. */
function replaySource(): { scenario: unknown; seed: number } {
  const structure = useSim.getState().structure
  if (!structure) throw new Error('no scenario loaded')
  const last = simClient.lastLoad()
  if (last && last.loadId === structure.loadId) return { scenario: last.scenario, seed: structure.seed }
  if (structure.scenarioId) return { scenario: structure.scenarioId, seed: structure.seed }
  throw new Error('this scenario cannot be replayed: load it again from the Scenarios dialog')
}

async function runTo(index: number, replay: boolean): Promise<void> {
  const wt = useWalkthrough.getState()
  const steps = narratedSteps(useSim.getState().structure)
  const step = steps[index]
  if (!step) return
  pause()
  const now = useSim.getState().time
  const loadId = useSim.getState().structure?.loadId
  if (replay || now > step.at || loadId !== wt.loadId) {
    const src = replaySource()
    await simClient.load(src.scenario, src.seed)
  }
  const t = useSim.getState().time
  if (step.at > t) await simClient.advance(step.at - t)
  const structure = useSim.getState().structure!
  useWalkthrough.getState().set({ index, loadId: structure.loadId })
  const view = stepView(structure, step.stepIndex, step.focus)
  if (view) navigate(view.page, view.view)
}

async function guarded(fn: () => Promise<void>): Promise<void> {
  const wt = useWalkthrough.getState()
  if (wt.busy) return
  wt.set({ busy: true, error: null })
  try {
    await fn()
  } catch (e) {
    useWalkthrough.getState().set({ error: (e as Error).message })
  } finally {
    useWalkthrough.getState().set({ busy: false })
  }
}

/** Which run a saved position belongs to: the scenario (id or title) and its seed. */
export function resumeKey(): string | null {
  const s = useSim.getState().structure
  return s ? `${s.scenarioId ?? s.title}#${s.seed}` : null
}

/** The step a presenter left this scenario's walkthrough at, or null. */
export function resumeIndex(): number | null {
  const r = useWalkthrough.getState().resume
  return r && r.key === resumeKey() ? r.index : null
}

export const walkthrough = {
  /** Start from the first narrated step, on a fresh replay of the loaded scenario. */
  start(): Promise<void> {
    if (narratedSteps(useSim.getState().structure).length === 0) return Promise.resolve()
    useWalkthrough.getState().set({ active: true, index: 0, resume: null })
    return guarded(() => runTo(0, true))
  },
  /** Go back to where the presenter left (replayed exactly), else start at step 1. */
  resume(): Promise<void> {
    const at = resumeIndex()
    if (at === null) return walkthrough.start()
    useWalkthrough.getState().set({ active: true, index: at })
    return guarded(() => runTo(at, true))
  },
  /** `w`: resume this scenario's walkthrough, or open the list when it has none. */
  key(): Promise<void> {
    if (narratedSteps(useSim.getState().structure).length === 0) {
      useWalkthrough.getState().set({ listOpen: true })
      return Promise.resolve()
    }
    return walkthrough.resume()
  },
  /** Load a built-in walkthrough scenario and start it at step 1. */
  async open(id: string): Promise<void> {
    useWalkthrough.getState().set({ listOpen: false })
    await simClient.load(id)
    rememberScenario(null)
    const url = new URL(window.location.href)
    url.searchParams.set('scenario', id)
    url.searchParams.delete('seed')
    window.history.replaceState(null, '', url)
    await walkthrough.start()
  },
  next(): Promise<void> {
    const { index } = useWalkthrough.getState()
    const n = narratedSteps(useSim.getState().structure).length
    if (index + 1 >= n) return Promise.resolve()
    return guarded(() => runTo(index + 1, false))
  },
  back(): Promise<void> {
    const { index } = useWalkthrough.getState()
    if (index <= 0) return Promise.resolve()
    return guarded(() => runTo(index - 1, true))
  },
  /** Leave walkthrough mode; `keep` remembers the step for `w` / Resume (not after Finish or another load). */
  exit(keep = true): void {
    const { index, active } = useWalkthrough.getState()
    const key = resumeKey()
    useWalkthrough.getState().set({ active: false, error: null, resume: active && keep && key ? { key, index } : null })
  },
}
