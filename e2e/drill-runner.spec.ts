/**
 * The headless runner (`npm run drill`) and the browser give the same Report for the same
 * run: load the scenario, run to its last step, settle.
 */
import { readFileSync } from 'node:fs'
import { runDrill } from '../scripts/drill'
import { expect, openScenario, test, type Scenario } from './fixtures'

test('npm run drill and the browser agree, byte for byte', async ({ page }) => {
  const scenario = JSON.parse(readFileSync('e2e/drills/node-failure.json', 'utf8')) as Scenario & { steps: Array<{ at: number }> }
  const headless = JSON.stringify(runDrill(scenario, undefined, 7 * 86400))
  const sim = await openScenario(page, 'starter-3')
  await sim.load(scenario)
  await sim.advance(Math.max(...scenario.steps.map((s) => s.at)))
  await sim.settle(7 * 86400)
  const browser = await page.evaluate(async () => JSON.stringify(await window.prismSim!.report()))
  expect(browser.length).toBe(headless.length)
  expect(browser === headless).toBe(true)
  await expect(page.getByTestId('resiliency-status')).toHaveText(JSON.parse(headless).resiliency.status)
})
