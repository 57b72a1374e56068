import { expect, openScenario, test } from './fixtures'

test('loads a scenario from the URL and exposes window.prismSim', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 7)
  const r = await sim.report()
  expect(r.scenarioId).toBe('starter-3')
  expect(r.seed).toBe(7)
  await expect(page.getByTestId('cluster-name')).toHaveText('Starter-3')
  await expect(page.getByTestId('sim-clock')).toHaveText('00:00:00')
})
