/**
 * Playwright fixtures: `sim` (a PrismSimClient on the test's page) and `prism` (the page
 * objects), and `openScenario`, which opens the app on a built-in scenario, a Scenario object,
 * a recorded Run or a run share link, and waits for window.prismSim.
 */
import {
  test as base, expect, type Page, type PlaywrightTestArgs, type PlaywrightTestOptions, type PlaywrightWorkerArgs, type PlaywrightWorkerOptions, type TestType,
} from '@playwright/test'
import { PrismSimClient } from './client.js'
import { prism } from './pages/index.js'
import type { PageHash } from './pages/PrismFrame.js'
import type { Run, Scenario } from './types.gen.js'

/** The kit's fixtures: `sim` and `prism`, next to Playwright's own. */
export interface KitFixtures {
  sim: PrismSimClient
  prism: ReturnType<typeof prism>
}

// typed by name so the published .d.ts needs nothing but @playwright/test
export const test: TestType<PlaywrightTestArgs & PlaywrightTestOptions & KitFixtures, PlaywrightWorkerArgs & PlaywrightWorkerOptions> = base.extend<KitFixtures>({
  sim: async ({ page }, provide) => {
    await provide(new PrismSimClient(page))
  },
  prism: async ({ page }, provide) => {
    await provide(prism(page))
  },
})

/** What openScenario opens. */
export type ScenarioSource = string | Scenario | Run

const isRun = (x: object): x is Run => (x as { format?: unknown }).format === 'prism-sim-run'

/** A share link (`…?run=z.…#/runs`, absolute or relative): its `run` parameter, else null. */
function runParam(link: string): string | null {
  if (!link.includes('run=')) return null
  const query = link.includes('?') ? link.slice(link.indexOf('?') + 1).split('#')[0] : link
  return new URLSearchParams(query).get('run')
}

/**
 * Open the app and wait for the drill API:
 * - a built-in scenario id (`'twelve-3-blocks'`): through the URL, with `seed`;
 * - a Scenario object: the app starts, then `load(scenario)` (with `seed` when given, as `scenario.seed`);
 * - a Run object: the app starts, then `importRun(run)` (replayed to its end);
 * - a run share link (`http://…/?run=z.…#/runs` or just `?run=z.…`): opened as it is; a link the
 *   app refuses rejects with the app's message.
 * `hash` is the page to show (default `#/home`; for a link, the link's own page when it has one).
 */
export async function openScenario(page: Page, scenario: ScenarioSource, seed?: number, hash?: PageHash): Promise<PrismSimClient> {
  const sim = new PrismSimClient(page)
  if (typeof scenario === 'string') {
    const run = runParam(scenario)
    if (run !== null) {
      const linkHash = scenario.includes('#') ? scenario.slice(scenario.indexOf('#')) : null
      await page.goto(`/?${new URLSearchParams({ run }).toString()}${hash ?? linkHash ?? '#/home'}`)
      await sim.ready()
      const banner = page.getByTestId('startup-banner')
      if (await banner.isVisible()) throw new Error((await banner.innerText()).trim())
      return sim
    }
    const q = new URLSearchParams({ scenario })
    if (seed !== undefined) q.set('seed', String(seed))
    await page.goto(`/?${q.toString()}${hash ?? '#/home'}`)
    await sim.ready()
    return sim
  }
  await page.goto(`/${hash ?? '#/home'}`)
  await sim.ready()
  if (isRun(scenario)) await sim.importRun(scenario)
  else await sim.load(seed === undefined ? scenario : { ...scenario, seed })
  return sim
}

export { expect }
