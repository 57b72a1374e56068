/**
 * Drills as data in the browser: a scenario carrying `expect` checks, opened from the object;
 * the Runs page's "Drill checks" panel evaluates them as the headless runner does.
 */
import { readFileSync } from 'node:fs'
import { expect, openScenario, test, type Scenario } from '../fixtures'
import { runChecked } from '../../scripts/drill'

test('the Runs page shows each check of a scenario pass or fail, as the headless runner does', async ({ page }) => {
  const scenario = JSON.parse(readFileSync('e2e/drills/failing-check.json', 'utf8')) as Scenario
  const sim = await openScenario(page, scenario, undefined, '#/runs')
  const panel = page.getByTestId('drill-checks')
  await panel.getByRole('button', { name: 'Run checks' }).click()
  await expect(panel.getByTestId('drill-checks-summary')).toContainText('1 passed, 2 failed')
  await expect(panel.getByTestId('drill-check-0')).toHaveAttribute('data-passed', 'true')
  await expect(panel.getByTestId('drill-check-1')).toHaveAttribute('data-passed', 'false')
  await expect(panel.getByTestId('drill-check-1')).toContainText('FAIL')
  await expect(panel.getByTestId('drill-check-1')).toContainText('resiliency.status: expected "OK", got "Critical"')
  await expect(panel.getByTestId('drill-check-2')).toContainText('event HaRestartStarted not met within 5 s')
  // the same results as the headless runner, check for check
  const headless = runChecked(scenario, undefined, 7 * 86400).checks
  expect((await sim.checkExpectations()).checks).toEqual(headless)
  // the live simulation was not touched by the check run
  expect((await sim.report()).time).toBe(0)
  await panel.screenshot({ path: test.info().outputPath('drill-checks.png') })
})

test('openScenario opens a run share link', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 3)
  await sim.inject({ kind: 'node', target: 'node-1' })
  await sim.advance(300)
  const run = await sim.exportRun()
  // a Run object opens through importRun
  const again = await openScenario(page, run, undefined, '#/runs')
  expect((await again.report()).time).toBe(300)
  // a link: the app's own Copy share link
  await page.getByRole('button', { name: 'Copy share link' }).click()
  const link = await page.getByTestId('share-link').inputValue()
  const viaLink = await openScenario(page, link)
  const r = await viaLink.report()
  expect(r.time).toBe(300)
  expect(r.topology.nodes.find((n) => n.id === 'node-1')!.host).toBe('down')
  await expect(page).toHaveURL(/#\/runs$/)
  // a broken link is refused with the app's message
  expect(await viaLink.errorOf(() => openScenario(page, '?run=j.notjson#/runs'))).toContain('URL parameter run')
})
