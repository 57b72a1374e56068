/**
 * X-Ray tests in the browser (issue 19): import a fixture folder through the Scenarios dialog,
 * play it at top speed, read the X-Ray page; a broken file is refused with its file and path;
 * the headless runner (`npm run drill -- --xray`) gives the same Report as the browser.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { formatXraySummary, readXrayFolder, runXray } from '../scripts/drillXray'
import AxeBuilder from '@axe-core/playwright'
import { expect, openScenario, test } from './fixtures'

const folder = (name: string) => join('fixtures', 'xray', name)
const filesOf = (name: string) => readdirSync(folder(name)).sort().map((f) => join(folder(name), f))

test('import an X-Ray folder through the dialog, play it at top speed, see charts and annotations', async ({ page }) => {
  await openScenario(page, 'starter-3')
  await page.getByTestId('cluster-name').click()
  const dialog = page.getByTestId('scenario-dialog')
  await dialog.getByLabel('X-Ray target cluster').selectOption('twelve-3-blocks')
  await dialog.getByLabel('X-Ray test files').setInputFiles(filesOf('node-outage'))
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/#\/xray$/)
  await expect(page.getByTestId('xray-name')).toHaveText('Node Outage Drill')
  await expect(page.getByTestId('xray-steps').locator('li')).toHaveCount(11)
  await page.evaluate(async () => {
    await window.prismSim!.setSpeed(1_000_000)
    await window.prismSim!.play()
  })
  await expect(page.getByTestId('xray-phase')).toHaveText('Finished', { timeout: 60_000 })
  await page.evaluate(() => window.prismSim!.pause())
  await expect(page.getByTestId('xray-result')).toHaveCount(5)
  await expect(page.getByTestId('xray-chart')).toHaveCount(5) // the CPU metric too: the model's cluster CPU
  await expect(page.getByText('Not simulated: the model has no such cluster metric.')).toHaveCount(0)
  await expect(page.getByTestId('xray-anyfail')).toHaveText('AnyFail: passed')
  const annotations = page.getByTestId('xray-annotations')
  await expect(annotations).toContainText('Node 0 (node-1): powering off')
  await expect(annotations).toContainText('Node 0 (node-1): ready')
  await expect(page.getByTestId('xray-chart').first().locator('line[stroke="#dc2626"]')).toHaveCount(3)
  const x = await page.evaluate(async () => (await window.prismSim!.report()).xray)
  expect(x?.phase).toBe('done')
  await page.screenshot({ path: 'test-results/xray-page.png', fullPage: true })
  const axe = await new AxeBuilder({ page }).include('main').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})

test('a broken file is refused with its file and path, and nothing is loaded', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3')
  const before = JSON.stringify(await sim.report())
  await page.getByTestId('cluster-name').click()
  const dialog = page.getByTestId('scenario-dialog')
  await dialog.getByLabel('X-Ray test files').setInputFiles(filesOf('broken-unknown-step'))
  const alert = dialog.getByRole('alert')
  await expect(alert).toContainText('The X-Ray test was not loaded; the running simulation is unchanged.')
  await expect(alert).toContainText('test.yml: run[3]: unknown step "nodes.Explode"')
  await page.screenshot({ path: 'test-results/xray-refused.png' })
  expect(JSON.stringify(await sim.report())).toBe(before)
})

test('files dropped on the zone load the test', async ({ page }) => {
  await openScenario(page, 'starter-3')
  await page.getByTestId('cluster-name').click()
  const files = readXrayFolder(folder('peak-corners'))
  const drop = await page.evaluateHandle((f) => {
    const dt = new DataTransfer()
    for (const [name, text] of Object.entries(f)) dt.items.add(new File([text], name, { type: 'text/plain' }))
    return dt
  }, files)
  await page.getByTestId('xray-drop').dispatchEvent('drop', { dataTransfer: drop })
  await expect(page).toHaveURL(/#\/xray$/)
  await expect(page.getByTestId('xray-steps').locator('[aria-current="step"]')).toHaveCount(1)
  expect(await page.evaluate(async () => (await window.prismSim!.report()).xray?.name)).toBe(files['test.yml'].match(/display_name: "?([^"\n]+)/)![1])
})

test('the headless runner and the browser agree on the node-outage test, byte for byte', async ({ page }) => {
  const files = readXrayFolder(folder('node-outage'))
  const wall = Date.now()
  const headless = runXray(files, 'twelve-3-blocks', undefined, 7 * 86400)
  const wallMs = Date.now() - wall
  test.info().annotations.push({ type: 'runner', description: `simulated ${headless.time} s in ${wallMs} ms wall` })
  expect(wallMs).toBeLessThan(10_000)
  expect(formatXraySummary(headless)).toContain('X-Ray test "Node Outage Drill" · finished')
  const sim = await openScenario(page, 'starter-3')
  await page.evaluate(async (f) => window.prismSim!.loadXray(f, { cluster: 'twelve-3-blocks' }), files)
  await sim.settle(7 * 86400)
  const browser = await page.evaluate(async () => JSON.stringify(await window.prismSim!.report()))
  const json = JSON.stringify(headless)
  expect(browser.length).toBe(json.length)
  expect(browser === json).toBe(true)
})
