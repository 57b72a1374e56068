/**
 * Issue 8: time travel, shareable runs, saved runs and the scenario editor (#/runs).
 */
import AxeBuilder from '@axe-core/playwright'
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, openScenario, test, type PrismSimDriver } from './fixtures'

const reportJson = async (sim: PrismSimDriver) => JSON.stringify(await sim.report())

/** A run with faults, restores and clock moves; returns the Report JSON at some moments. */
async function playRun(sim: PrismSimDriver): Promise<Map<number, string>> {
  const seen = new Map<number, string>()
  const mark = async () => {
    const r = await sim.report()
    seen.set(r.time, JSON.stringify(r))
  }
  await mark()
  await sim.advance(120)
  await sim.inject({ kind: 'node', target: 'node-2' })
  await sim.advance(45)
  await mark()
  await sim.settle(3600)
  await mark()
  await sim.advance(5) // travel shows the latest state at an instant: act a little later than the mark
  await sim.restore('node-2')
  await sim.inject({ kind: 'disk', target: 'disk-5-1' })
  await sim.advance(900)
  await mark()
  return seen
}

const slider = (page: Page) => page.getByRole('slider', { name: 'Run timeline' })

test('scrubbing back restores the earlier state exactly (Report equal), then continue forks', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 11, '#/runs')
  const seen = await playRun(sim)
  const times = [...seen.keys()]
  const end = times[times.length - 1]
  const final = seen.get(end)!

  // the timeline's keyboard: Home goes to the very start
  await slider(page).focus()
  await page.keyboard.press('Home')
  await expect(page.getByTestId('travel-time')).toHaveText('T+00:00:00')
  await expect(page.getByTestId('travel-banner')).toContainText('You are viewing T+00:00:00')
  expect(await reportJson(sim)).toBe(seen.get(0))

  // every recorded moment, in any order, through the drill API
  for (const t of [times[2], times[1], times[3], times[1]]) {
    await page.evaluate((s) => window.prismSim!.travelTo(s), t)
    expect(await reportJson(sim) === seen.get(t), `Report at T+${t} s`).toBe(true)
  }
  // End goes back to the latest moment
  await slider(page).focus()
  await page.keyboard.press('End')
  await expect(page.getByTestId('travel-banner')).toHaveCount(0)
  expect(await reportJson(sim)).toBe(final)

  // back again, then "Continue from here" drops the later actions
  await page.evaluate((s) => window.prismSim!.travelTo(s), times[1])
  await expect(page.getByTestId('travel-banner')).toContainText('later action')
  await page.getByRole('button', { name: 'Continue from here' }).click()
  await expect(page.getByTestId('travel-banner')).toHaveCount(0)
  const run = await page.evaluate(() => window.prismSim!.exportRun())
  expect(run.end).toBe(times[1])
  expect(run.actions.map((a) => a.op)).toEqual(['inject'])

  const axe = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})

test('an exported run re-imported on a fresh page gives the same final Report (file and share link)', async ({ page, browser }) => {
  const sim = await openScenario(page, 'starter-3', 5, '#/runs')
  await sim.advance(60)
  await sim.inject({ kind: 'cvm', target: 'node-3' })
  await sim.settle(3600)
  await page.evaluate(() => window.prismSim!.setWarnThreshold(50))
  await sim.advance(300)
  const final = await reportJson(sim)

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download JSON' }).click()
  const file = await (await downloading).path()
  const text = await readFile(file, 'utf8')

  await page.getByRole('button', { name: 'Copy share link' }).click()
  const link = await page.getByTestId('share-link').inputValue()
  expect(link).toMatch(/[?&]run=[zj]\./)

  // a fresh page (its own browser context: nothing shared) imports the file
  const ctx = await browser.newContext()
  const fresh = await ctx.newPage()
  const other = await openScenario(fresh, 'twelve-3-blocks', 1, '#/runs')
  await fresh.getByTestId('run-file').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(fresh.getByText('Imported “run.json”')).toBeVisible()
  expect(await reportJson(other)).toBe(final)

  // and the share link opens the same run
  const viaLink = await ctx.newPage()
  await viaLink.goto(link)
  const linked = await new (other.constructor as new (p: Page) => PrismSimDriver)(viaLink)
  await linked.ready()
  expect(await reportJson(linked)).toBe(final)
  await expect(viaLink.getByTestId('startup-banner')).toHaveCount(0)
  await ctx.close()
})

test('a broken import shows the error and keeps saved runs and the running simulation', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 2, '#/runs')
  await sim.advance(30)
  // save the run in the browser; saving again under the same name asks first
  const save = page.getByTestId('run-export')
  await save.getByLabel('Name').fill('keep me')
  await save.getByRole('button', { name: 'Save in browser' }).click()
  await expect(page.getByTestId('saved-runs').getByRole('cell', { name: 'keep me', exact: true })).toBeVisible()
  await save.getByRole('button', { name: 'Save in browser' }).click()
  await expect(save.getByText('“keep me” is already saved. Replace it?')).toBeVisible()
  await save.getByRole('button', { name: 'Keep both names' }).click()
  const before = await reportJson(sim)

  const broken = { format: 'prism-sim-run', version: 1, scenario: 'starter-3', seed: 2, actions: [{ at: 10, op: 'inject', args: [{ kind: 'nod', target: 'node-1' }] }], end: 5 }
  await page.getByTestId('run-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) })
  const errors = page.getByTestId('import-errors')
  await expect(errors).toContainText('actions[0].args[0]')
  await expect(errors).toContainText('"kind" must be one of')
  await page.getByTestId('run-file').setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') })
  await expect(errors).toContainText('“junk.json” is not valid JSON')
  // a run whose action is refused on replay names that action
  const refused = { ...broken, actions: [{ at: 10, op: 'restore', args: ['node-1'] }], end: 20 }
  await page.getByTestId('run-file').setInputFiles({ name: 'refused.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(refused)) })
  await expect(errors).toContainText('actions[0] (restore at 10 s): "node-1" has no active fault to restore')

  await expect(page.getByTestId('saved-runs').getByRole('cell', { name: 'keep me', exact: true })).toBeVisible()
  expect(await reportJson(sim)).toBe(before)
  const msg = await sim.errorOf(() => page.evaluate(() => window.prismSim!.importRun({ format: 'prism-sim-run' })))
  expect(msg).toContain('version: must be 1')

  // the saved run loads (after a reload: kept in the browser)
  await page.reload()
  await sim.ready()
  await page.getByRole('button', { name: 'Load keep me' }).click()
  await expect(page.getByText('Loaded run “keep me”')).toBeVisible()
  expect(await reportJson(sim)).toBe(before)

  // a bad share link is named in a banner and the scenario runs
  await page.goto('/?scenario=starter-3&run=z.AAAA#/runs')
  await sim.ready()
  await expect(page.getByTestId('startup-banner')).toContainText('URL parameter run:')
  await expect(page.getByTestId('saved-runs').getByRole('cell', { name: 'keep me', exact: true })).toBeVisible()
})

test('the scenario editor shows problems by JSON path, loads and saves a valid scenario', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1, '#/runs')
  const editor = page.getByTestId('scenario-editor')
  const text = editor.getByLabel(/Scenario \(JSON/)
  await expect(text).toHaveValue(/"starter-3"/)
  const bad = { id: 'edit-1', title: 'Edited', cluster: { name: 'E', ftLevel: 2, layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 3, ssdPerNode: 2, hddPerNode: 4, ssdTB: 1.92, hddTB: 4 } }, vms: [{ id: 'db', host: 'node-9', vcpus: 2, memoryGiB: 8, vdisks: 1 }] }
  await text.fill(JSON.stringify(bad, null, 2))
  await editor.getByRole('button', { name: 'Validate' }).click()
  const problems = editor.getByTestId('scenario-problems')
  await expect(problems).toContainText('cluster.ftLevel')
  await expect(problems).toContainText('vms[0].host')
  await editor.getByRole('button', { name: 'Save in browser' }).click()
  await expect(page.getByTestId('saved-scenarios')).toContainText('Nothing saved')

  const good = { ...bad, cluster: { ...bad.cluster, ftLevel: 1 }, vms: [{ ...bad.vms[0], host: 'node-2' }] }
  await text.fill(JSON.stringify(good, null, 2))
  await editor.getByRole('button', { name: 'Validate' }).click()
  await expect(editor.getByRole('status')).toContainText('Valid: 3 nodes')
  await editor.getByLabel('Save as').fill('three nodes')
  await editor.getByRole('button', { name: 'Save in browser' }).click()
  await expect(page.getByTestId('saved-scenarios').getByRole('cell', { name: 'three nodes', exact: true })).toBeVisible()
  await editor.getByRole('button', { name: 'Load' }).click()
  await expect.poll(async () => (await sim.report()).scenarioId).toBe('edit-1')
})

test('dragging the scrubber paints intermediate moments; the Report where it stops equals a fresh replay to that moment', async ({ page, browser }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 3, '#/runs')
  await sim.advance(1800)
  await sim.inject({ kind: 'node', target: 'node-4' })
  await sim.advance(4 * 3600)
  await sim.restore('node-4')
  await sim.advance(3 * 3600)
  const label = page.getByTestId('travel-time')
  await expect(label).toBeVisible()

  // drag the handle from the end to the start in small moves, holding the button
  const box = (await slider(page).locator('svg').boundingBox())!
  const y = box.y + 30
  const right = box.x + box.width - 14
  const left = box.x + 14
  await page.mouse.move(right, y)
  await page.mouse.down()
  const painted = new Set<string>()
  for (let i = 1; i <= 24; i++) {
    await page.mouse.move(right - ((right - left) * i) / 26, y)
    await page.waitForTimeout(60)
    painted.add((await label.textContent()) ?? '')
  }
  // still dragging: the clock shows moments between the end and where the pointer is
  painted.delete('T+07:30:00') // the end, where the drag started
  expect(painted.size, `moments painted during the drag: ${[...painted].join(', ')}`).toBeGreaterThanOrEqual(3)
  const stopAt = right - ((right - left) * 9) / 26
  await page.mouse.move(stopAt, y)
  await page.mouse.up()
  await expect(page.getByTestId('travel-banner')).toContainText('You are viewing')
  await expect.poll(async () => (await sim.report()).time).toBeLessThan(7.5 * 3600)
  await expect(slider(page)).toHaveAttribute('aria-busy', 'false')
  const shown = JSON.parse(await reportJson(sim)) as { time: number }

  // a fresh page replays the run from load to that moment only
  const run = await page.evaluate(() => window.prismSim!.exportRun())
  const upTo = { ...run, actions: run.actions.filter((a) => a.at <= shown.time), end: shown.time }
  const ctx = await browser.newContext()
  const fresh = await ctx.newPage()
  const other = await openScenario(fresh, 'starter-3', 1, '#/runs')
  await fresh.evaluate((r) => window.prismSim!.importRun(r), upTo)
  expect(await reportJson(other)).toBe(JSON.stringify(shown))
  await ctx.close()
})
