/**
 * Issue 21: bounded work, a worker that can't silently die, limits on input size, crash-proof pages.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, openScenario, test } from './fixtures'

const reportJson = (page: Page) => page.evaluate(async () => JSON.stringify(await window.prismSim!.report()))

/** Watch animation frames in the page; `gaps()` gives the longest wait between two frames since. */
async function watchFrames(page: Page): Promise<{ maxGap: () => Promise<number> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __gap: number; __last: number; __watch: boolean }
    w.__gap = 0
    w.__last = performance.now()
    w.__watch = true
    const tick = (t: number) => {
      w.__gap = Math.max(w.__gap, t - w.__last)
      w.__last = t
      if (w.__watch) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  return {
    maxGap: () =>
      page.evaluate(() => {
        const w = window as unknown as { __gap: number; __watch: boolean }
        w.__watch = false
        return w.__gap
      }),
  }
}

test('advance(1e9) is refused at once by name with the limit, the UI stays responsive and a playing clock plays on', async ({ page, sim }) => {
  await openScenario(page, 'starter-3', 1)
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  const frames = await watchFrames(page)
  const t0 = Date.now()
  const msg = await sim.errorOf(() => sim.advance(1e9))
  expect(Date.now() - t0).toBeLessThan(3000)
  expect(msg).toBe('seconds must be a number of seconds from 0 to 2592000 (30 simulated days, the most one call may run), got 1000000000')
  expect(await frames.maxGap()).toBeLessThan(500)
  const load = await sim.errorOf(() => page.evaluate(() => window.prismSim!.load({ title: 'x' })))
  expect(load).toMatch(/^cluster: is required/)
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
  const speed = await sim.errorOf(() => page.evaluate(() => window.prismSim!.setSpeed(1e-320)))
  expect(speed).toBe('speed must be a number from 1 to 1000000, got 1e-320')
})

test('a long advance shows its progress; Cancel brings the cluster back as it was before the call', async ({ page, sim }) => {
  await openScenario(page, 'large-64', 1)
  await sim.inject({ kind: 'node', target: 'node-5' })
  await sim.advance(600)
  const before = await reportJson(page)
  const pending = sim.errorOf(() => sim.advance(29 * 86400))
  const busy = page.getByTestId('worker-busy')
  await expect(busy).toContainText('Running the clock…')
  await busy.getByRole('button', { name: 'Cancel' }).click()
  expect(await pending).toBe('cancelled: the simulation is back as it was before the call')
  await expect(busy).toBeHidden({ timeout: 30_000 })
  expect(await reportJson(page)).toBe(before)
})

test('a 20,000-problem paste is checked in a worker: the page keeps painting, 100 problems are listed then "and N more"', async ({ page }) => {
  await openScenario(page, 'starter-3', 1, '#/runs')
  const vms = Array.from({ length: 20000 }, (_, i) => ({ id: `v${i}`, host: 'nowhere', vcpus: 1, memoryGiB: 1, vdisks: 1 }))
  const text = JSON.stringify({ title: 'big', cluster: { layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 3, ssdPerNode: 1, hddPerNode: 1, ssdTB: 1, hddTB: 1 } }, vms }, null, 2)
  const editor = page.getByTestId('scenario-editor')
  // paste the text (fill() types 3 MB far too slowly): set the value and fire the input event
  await page.evaluate((t) => {
    const ta = document.querySelector('[data-testid="scenario-editor"] textarea') as HTMLTextAreaElement
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(ta, t)
    ta.dispatchEvent(new Event('input', { bubbles: true }))
  }, text)
  await page.waitForTimeout(500)
  const frames = await watchFrames(page)
  await editor.getByRole('button', { name: 'Validate' }).click()
  const problems = page.getByTestId('scenario-problems')
  await expect(problems.getByRole('listitem')).toHaveCount(101, { timeout: 30_000 })
  expect(await frames.maxGap()).toBeLessThan(200)
  await expect(problems).toContainText('vms[0].host: unknown host "nowhere"')
  await expect(problems.getByRole('listitem').last()).toHaveText('… and 19900 more problems')
})

test('killing the worker shows "The simulation stopped", calls reject instead of hanging, Restart restores the run', async ({ page, sim }) => {
  test.setTimeout(90_000)
  await openScenario(page, 'twelve-3-blocks', 7)
  await sim.inject({ kind: 'node', target: 'node-3' })
  await sim.advance(900)
  await sim.restore('node-3')
  await sim.advance(120)
  const before = await reportJson(page)
  const worker = page.workers().find((w) => w.url().includes('sim.worker'))
  expect(worker).toBeDefined()
  await worker!.evaluate(() => (self as unknown as { close(): void }).close())
  const msg = await sim.errorOf(() => sim.report())
  expect(msg).toMatch(/^The simulation stopped \(it did not answer for 15 s\); press Restart/)
  const banner = page.getByTestId('worker-stopped')
  await expect(banner).toContainText('The simulation stopped')
  // later calls reject at once
  const t0 = Date.now()
  expect(await sim.errorOf(() => sim.advance(1))).toMatch(/^The simulation stopped/)
  expect(Date.now() - t0).toBeLessThan(2000)
  await banner.getByRole('button', { name: 'Restart' }).click()
  await expect(banner).toBeHidden({ timeout: 30_000 })
  expect(await reportJson(page)).toBe(before)
})

test('a corrupt saved entry is listed as unreadable and kept; the others open; deleting goes by id', async ({ page, sim }) => {
  await openScenario(page, 'starter-3', 3, '#/runs')
  await sim.inject({ kind: 'node', target: 'node-2' })
  await sim.advance(60)
  const run = await page.evaluate(() => window.prismSim!.exportRun())
  const entries = [
    { id: 'a', name: 'good run', savedAt: '2026-01-01T00:00:00Z', data: run },
    { name: 'broken', data: { actions: 'nope' } },
    { id: 'b', name: 'twin', savedAt: '2026-01-02T00:00:00Z', data: run },
    { id: 'c', name: 'twin', savedAt: '2026-01-03T00:00:00Z', data: run },
  ]
  await page.evaluate((e) => localStorage.setItem('prism-sim.saved-runs', JSON.stringify(e)), entries)
  await page.reload()
  await sim.ready()
  const saved = page.getByTestId('saved-runs')
  await expect(saved.getByTestId('unreadable-runs')).toContainText('“broken” is unreadable')
  await saved.getByRole('button', { name: 'Load good run' }).click()
  await expect(page.getByText('Loaded run “good run”')).toBeVisible()
  // delete one of the two twins: the other stays, and so does the unreadable entry
  await saved.getByRole('button', { name: 'Delete twin' }).first().click()
  await saved.getByRole('button', { name: 'Confirm delete' }).click()
  await expect(saved.getByRole('cell', { name: 'twin', exact: true })).toHaveCount(1)
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('prism-sim.saved-runs')!) as { id?: string; name: string }[])
  expect(kept.map((e) => e.name)).toEqual(['good run', 'broken', 'twin'])
  expect(kept[2].id).toBe('c')
})

test('the CSV of a VM named =1+1 starts the cell with a quote', async ({ page, sim }) => {
  await openScenario(page, 'starter-3', 1, '#/vms/table')
  await sim.load({
    title: 'csv',
    cluster: { layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 3, ssdPerNode: 1, hddPerNode: 2, ssdTB: 2, hddTB: 4 } },
    vms: [
      { id: 'vm-a', name: '=1+1', host: 'node-1', vcpus: 2, memoryGiB: 4, vdisks: 1 },
      { id: 'vm-b', name: '@SUM(1+1)', host: 'node-2', vcpus: 2, memoryGiB: 4, vdisks: 1 },
    ],
  })
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).first().click()
  const text = await readFile(await (await downloading).path(), 'utf8')
  const rows = text.split('\r\n')
  expect(rows.some((r) => r.startsWith(`"'=1+1"`))).toBe(true)
  expect(rows.some((r) => r.startsWith(`"'@SUM(1+1)"`))).toBe(true)
  expect(text).not.toMatch(/(^|,)=1\+1/m)
})

test('a page that crashes shows the error with a way back, never a blank app', async ({ page }) => {
  await page.addInitScript(() => {
    // a browser where the Hardware page's ResizeObserver fails (the other pages' charts use it too, and work)
    const Native = window.ResizeObserver
    ;(window as unknown as { ResizeObserver: unknown }).ResizeObserver = class extends Native {
      constructor(cb: ResizeObserverCallback) {
        if (location.hash.startsWith('#/hardware')) throw new Error('ResizeObserver is not available')
        super(cb)
      }
    }
  })
  await openScenario(page, 'starter-3', 1, '#/hardware')
  const panel = page.getByTestId('error-panel')
  await expect(panel).toContainText('The Hardware page failed and could not be shown.')
  await expect(panel).toContainText('ResizeObserver is not available')
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  await panel.getByRole('button', { name: 'Back to Home' }).click()
  await expect(panel).toBeHidden()
  await expect(page.getByTestId('resiliency-status').first()).toBeVisible()
})

test('a browser that blocks storage still opens the Runs page and says why nothing can be saved', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.getItem = () => {
      throw new Error('The operation is insecure.')
    }
  })
  await openScenario(page, 'starter-3', 1, '#/runs')
  await expect(page.getByTestId('saved-runs').first()).toContainText('this browser does not let the page keep saved runs (The operation is insecure.)')
  await expect(page.getByTestId('saved-scenarios').first()).toContainText('this browser does not let the page keep saved scenarios')
})

test('the Scenarios dialog checks a pasted scenario off the page thread: problems capped at 100, a good one loads', async ({ page }) => {
  await openScenario(page, 'starter-3', 1)
  await page.getByRole('button', { name: /change scenario/ }).click()
  const dialog = page.getByTestId('scenario-dialog')
  const layout = { racks: 1, blocksPerRack: 1, nodesPerBlock: 3, ssdPerNode: 1, hddPerNode: 1, ssdTB: 1, hddTB: 1 }
  const vms = Array.from({ length: 5000 }, (_, i) => ({ id: `v${i}`, host: 'nowhere', vcpus: 1, memoryGiB: 1, vdisks: 1 }))
  await dialog.getByLabel('Scenario JSON').fill(JSON.stringify({ title: 'big', cluster: { layout }, vms }))
  await dialog.getByRole('button', { name: 'Load JSON' }).click()
  const alert = dialog.getByRole('alert')
  await expect(alert).toContainText('The scenario was not loaded')
  await expect(alert.getByRole('listitem')).toHaveCount(101)
  await expect(alert.getByRole('listitem').last()).toHaveText('… and 4900 more problems')
  await dialog.getByLabel('Scenario JSON').fill(JSON.stringify({ title: 'Pasted', cluster: { name: 'Pasted-3', layout } }))
  await dialog.getByRole('button', { name: 'Load JSON' }).click()
  await expect(page.getByText('Loaded pasted scenario')).toBeVisible()
  await expect(page.getByRole('button', { name: /Pasted-3: change scenario/ })).toBeVisible()
})

test('a ?run= link with a long replay shows its progress and can be cancelled: the scenario stays', async ({ page }) => {
  const run = { format: 'prism-sim-run', version: 1, scenario: 'large-64', seed: 1, actions: [{ at: 60, op: 'inject', args: [{ kind: 'node', target: 'node-2' }] }], end: 25 * 86400 }
  const param = `j.${Buffer.from(JSON.stringify(run)).toString('base64url')}`
  await page.goto(`/?scenario=large-64&run=${param}#/home`)
  const busy = page.getByTestId('worker-busy')
  await expect(busy).toContainText('Replaying the run…', { timeout: 30_000 })
  await busy.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('startup-banner')).toContainText('URL parameter run: cancelled: the simulation is back as it was before the call', { timeout: 30_000 })
  await page.waitForFunction(() => window.prismSim !== undefined)
  const report = JSON.parse(await page.evaluate(async () => JSON.stringify(await window.prismSim!.report()))) as { time: number; cluster: { name: string }; events: { type: string }[] }
  expect(report.time).toBe(0)
  expect(report.cluster.name).toBe('Large-64')
  expect(report.events.some((e) => e.type === 'FaultInjected')).toBe(false)
})
