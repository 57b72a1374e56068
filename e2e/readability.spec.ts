/**
 * Issue 18: every dialog and menu readable in its own colours (axe color-contrast with each
 * one open), walkthroughs easy to find, a custom scenario that survives a reload, Reset,
 * and the VM details beside the table at 1280×720.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, openScenario, test } from './fixtures'

async function contrast(page: Page, include: string): Promise<void> {
  const r = await new AxeBuilder({ page }).include(include).withRules(['color-contrast']).analyze()
  expect(r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`))).toEqual([])
}

test('every dialog, popover and menu passes axe color-contrast while open', async ({ page }) => {
  await openScenario(page, 'twelve-3-blocks')
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help.locator('kbd', { hasText: /^w$/ })).toBeVisible()
  await contrast(page, '[role="dialog"]')
  await page.keyboard.press('Escape')

  await page.getByTestId('cluster-name').click()
  const scen = page.getByTestId('scenario-dialog')
  await scen.getByLabel('Scenario JSON').fill('{"title": "typed text must be readable"}')
  await expect(scen.getByRole('button', { name: /^Load / }).first()).toBeVisible()
  await contrast(page, '[role="dialog"]')
  await page.keyboard.press('Escape')

  await page.getByTestId('walkthroughs-button').click()
  await expect(page.getByTestId('walkthrough-item').first()).toBeVisible()
  await contrast(page, '[role="dialog"]')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: /^Data resiliency/ }).click()
  await expect(page.getByTestId('resiliency-dialog')).toBeVisible()
  await contrast(page, '[role="dialog"]')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'View Details' }).click()
  await expect(page.getByTestId('storage-details')).toBeVisible()
  await contrast(page, '[role="dialog"]')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Storage summary threshold settings' }).click()
  await expect(page.getByRole('dialog', { name: 'Storage Summary threshold' })).toBeVisible()
  await contrast(page, '[role="dialog"]')
  await page.keyboard.press('Escape')

  await page.keyboard.press('m')
  await expect(page.getByRole('menu', { name: 'Pages' })).toBeVisible()
  await contrast(page, '[role="menu"]')
})

test('the page menu groups the simulator pages under "Simulator"', async ({ page }) => {
  await openScenario(page, 'twelve-3-blocks')
  await page.keyboard.press('m')
  const menu = page.getByRole('menu', { name: 'Pages' })
  const items = await menu.locator('li').allInnerTexts()
  const sim = items.indexOf('SIMULATOR')
  expect(sim).toBeGreaterThan(0)
  expect(items.slice(sim + 1)).toEqual(['I/O Paths', 'X-Ray', 'VM High Availability', 'Metadata', 'Runs', 'Walkthroughs…'])
  expect(items.slice(0, sim)).toContain('Home')
})

test('w on the default scenario (no walkthrough of its own) opens the walkthrough list; Start runs one', async ({ page }) => {
  await openScenario(page, 'twelve-3-blocks')
  await page.keyboard.press('w')
  const list = page.getByTestId('walkthrough-list')
  await expect(list).toBeVisible()
  await expect(list.getByTestId('walkthrough-item')).toHaveCount(9)
  await expect(list.getByTestId('walkthrough-item').first()).toContainText('steps')
  await list.getByRole('button', { name: 'Start Walkthrough: node failure, HA restart and rebuild' }).click()
  await expect(page.getByTestId('walkthrough-progress')).toHaveText(/^Step 1 of \d+$/)
  expect(new URL(page.url()).searchParams.get('scenario')).toBe('walkthrough-node-ha')
})

test('leaving a walkthrough and pressing w resumes at the same step; Restart goes back to step 1', async ({ page }) => {
  await openScenario(page, 'walkthrough-node-ha')
  await page.keyboard.press('w')
  await expect(page.getByTestId('walkthrough-progress')).toHaveText(/^Step 1 of/)
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByTestId('walkthrough-progress')).toHaveText(/^Step 3 of/)
  await expect(page.getByTestId('walkthrough-caption')).toHaveAttribute('data-busy', 'false')
  const at = await page.getByTestId('sim-clock').getAttribute('data-seconds')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('walkthrough-caption')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Resume at step 3' })).toBeVisible()
  await page.keyboard.press('w')
  await expect(page.getByTestId('walkthrough-progress')).toHaveText(/^Step 3 of/)
  await expect(page.getByTestId('walkthrough-caption')).toHaveAttribute('data-busy', 'false')
  await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-seconds', at!)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Restart' }).click()
  await expect(page.getByTestId('walkthrough-progress')).toHaveText(/^Step 1 of/)
})

test('the walkthrough caption never covers the entity the step points at (every step, 1280×720)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openScenario(page, 'walkthrough-block-awareness')
  await page.getByRole('button', { name: 'Start walkthrough' }).click()
  const total = Number((await page.getByTestId('walkthrough-progress').textContent())!.match(/of (\d+)/)![1])
  let checked = 0
  for (let i = 0; i < total; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.getByTestId('walkthrough-caption')).toHaveAttribute('data-busy', 'false')
    await expect(page.getByTestId('walkthrough-progress')).toHaveText(`Step ${i + 1} of ${total}`)
    const style = page.getByTestId('walkthrough-focus-style')
    if ((await style.count()) > 0) {
      const focus = await style.getAttribute('data-focus')
      // the elements the walkthrough outlines (focusView.ts), when the step's page draws one
      const prefixes = ['disk-', 'iohost-', 'stargate-', 'ha-host-', 'storage-node-', 'vm-row-', 'node-', 'block-', 'rack-']
      const target = page.locator(prefixes.map((p) => `[data-testid="${p}${focus}"]`).join(', ')).first()
      await page.waitForTimeout(1200) // the highlight scrolls it into view within a second
      if ((await target.count()) === 0) continue
      await expect
        .poll(async () => {
          const cap = await page.getByTestId('walkthrough-caption').boundingBox()
          const box = await target.boundingBox()
          return box && cap ? box.y + box.height <= cap.y : false
        })
        .toBe(true)
      checked++
    }
  }
  expect(checked).toBeGreaterThan(2)
})

test('a pasted scenario keeps its own seed, survives a reload, and Reset reloads it at T0', async ({ page, sim }) => {
  await openScenario(page, 'twelve-3-blocks')
  await page.getByTestId('cluster-name').click()
  const scenario = {
    title: 'Pasted drill',
    seed: 4242,
    cluster: { name: 'Pasted-4', layout: { racks: 1, blocksPerRack: 2, nodesPerBlock: 2, ssdPerNode: 1, hddPerNode: 2, ssdTB: 1.92, hddTB: 4 } },
    vmFill: { count: 10, mix: { web: 2, app: 1 } },
  }
  await page.getByLabel('Scenario JSON').fill(JSON.stringify(scenario))
  await page.getByRole('button', { name: 'Load JSON' }).click()
  await expect(page.getByTestId('cluster-name')).toHaveText('Pasted-4')
  expect((await sim.report()).seed).toBe(4242)

  await sim.advance(300)
  await page.reload()
  await sim.ready()
  await expect(page.getByTestId('cluster-name')).toHaveText('Pasted-4')
  const after = await sim.report()
  expect(after.seed).toBe(4242)
  expect(after.vms).toHaveLength(10)

  await sim.advance(120)
  await sim.inject({ kind: 'node', target: 'node-2' })
  await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-seconds', '120')
  await page.getByRole('button', { name: 'Reset' }).click()
  await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-seconds', '0')
  const reset = await sim.report()
  expect(reset.time).toBe(0)
  expect(reset.topology.nodes.every((n) => n.host === 'up')).toBe(true)
  expect(reset.cluster.name).toBe('Pasted-4')

  // a changed seed field wins over the pasted seed
  await page.getByTestId('cluster-name').click()
  await page.getByLabel('Seed').fill('9')
  await page.getByLabel('Scenario JSON').fill(JSON.stringify(scenario))
  await page.getByRole('button', { name: 'Load JSON' }).click()
  await expect(page.getByTestId('scenario-dialog')).toHaveCount(0)
  expect((await sim.report()).seed).toBe(9)
})

test('the VM page at 1280×720 shows a selected VM beside the table, without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openScenario(page, 'twelve-3-blocks', undefined, '#/vms')
  await page.keyboard.press('t')
  await expect(page).toHaveURL(/#\/vms\/table$/)
  const row = page.locator('[data-testid^="vm-row-"]').first()
  const name = (await row.locator('td').first().innerText()).trim()
  await row.click()
  const details = page.getByTestId('vm-details')
  await expect(details).toContainText(name)
  await expect(details).toBeInViewport({ ratio: 0.5 })
  const box = (await details.boundingBox())!
  expect(box.y).toBeLessThan(200)
  expect(box.x + box.width).toBeLessThanOrEqual(1280)
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
  await page.keyboard.press('o')
  await expect(page).toHaveURL(/#\/vms$/)
})

test('a skip link is the first Tab stop and moves focus to the page content', async ({ page }) => {
  await openScenario(page, 'twelve-3-blocks', undefined, '#/storage')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.locator('main#content')).toBeFocused()
})

test('Prism widgets fed by the Report: top VMs by IOPS and latency, storage alerts and events, health checks', async ({ page, sim }) => {
  await openScenario(page, 'twelve-3-blocks', 1, '#/vms')
  const r = await sim.report()
  const running = r.vms.filter((v) => v.power === 'on')
  const byIops = [...running].sort((a, b) => b.io.iops - a.io.iops)[0]
  const byLatency = [...running].sort((a, b) => b.io.latencyMs - a.io.latencyMs)[0]
  await expect(page.getByTestId('top-vms-iops').locator('li').first()).toContainText(byIops.name)
  await expect(page.getByTestId('top-vms-latency').locator('li').first()).toContainText(`${byLatency.io.latencyMs.toFixed(2)} ms`)
  // VMs the workload keeps off never appear in a top list
  const off = r.vms.filter((v) => v.power === 'off').map((v) => v.name)
  expect(off.length).toBeGreaterThan(0)
  for (const name of await page.getByTestId('top-vms-memory').locator('li button').allInnerTexts()) expect(off).not.toContain(name)

  await sim.inject({ kind: 'disk', target: 'disk-3-2' })
  await page.evaluate(() => (location.hash = '#/storage'))
  await expect(page.getByTestId('storage-alerts')).toContainText('disk-3-2')
  await expect(page.getByTestId('storage-events')).toContainText('disk-3-2')
  await page.evaluate(() => (location.hash = '#/health'))
  await expect(page.getByTestId('check-DiskOffline')).toHaveAttribute('data-state', 'failed')
  await expect(page.getByTestId('check-HostDown')).toHaveAttribute('data-state', 'passed')
})
