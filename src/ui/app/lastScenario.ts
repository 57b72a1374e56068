/**
 * A pasted (custom) scenario survives a page reload (our rule): the Scenarios dialog keeps
 * it in this tab's sessionStorage, and start-up loads it again when the URL names no
 * scenario and no shared run. Loading a built-in scenario forgets it.
 */
const KEY = 'prism-sim.custom-scenario'

export interface RememberedScenario {
  scenario: unknown
  /** the seed the dialog passed, undefined = the scenario's own */
  seed?: number
}

export function rememberScenario(s: RememberedScenario | null): void {
  try {
    if (s === null) window.sessionStorage.removeItem(KEY)
    else window.sessionStorage.setItem(KEY, JSON.stringify(s))
  } catch {
    // storage full or disabled: the scenario simply won't survive a reload
  }
}

export function rememberedScenario(): RememberedScenario | null {
  try {
    const raw = window.sessionStorage.getItem(KEY)
    if (raw === null) return null
    const parsed = JSON.parse(raw) as RememberedScenario
    return typeof parsed === 'object' && parsed !== null && 'scenario' in parsed ? parsed : null
  } catch {
    return null
  }
}
