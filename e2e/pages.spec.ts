/**
 * The Alerts, Tasks, VM, Health and Settings pages against the drill API: what the
 * simulation reports is what the pages show, and their controls act on the simulation.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, openScenario, test } from './fixtures'

test.describe('Alerts page', () => {
  test('a node fault raises a critical alert that can be acknowledged and resolves on restore; Events logs HostDown', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/alerts')
    await expect(page.getByRole('tab', { name: 'Alerts' })).toHaveAttribute('aria-selected', 'true')
    await sim.inject({ kind: 'node', target: 'node-1' })

    const alerts = page.getByRole('table', { name: 'Alerts' })
    const row = alerts.getByRole('row').filter({ hasText: 'Host Down' }).filter({ hasText: 'node-1' })
    await expect(row).toHaveCount(1)
    await expect(row.locator('[data-severity="critical"]')).toHaveText('Critical')
    await expect(row).toContainText('Unresolved')
    await expect(row.getByRole('cell', { name: 'No', exact: true })).toBeVisible()

    // Acknowledge
    await row.getByRole('button', { name: /^Acknowledge/ }).click()
    await expect(row.getByRole('cell', { name: 'Yes', exact: true })).toBeVisible()
    await expect(row.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0)
    const acked = (await sim.report()).alerts.find((a) => a.type === 'HostDown' && a.entity === 'node-1')
    expect(acked?.acknowledged).toBe(true)

    // Events tab (also reachable as #/alerts/events)
    await page.getByRole('tab', { name: 'Events' }).click()
    await expect(page).toHaveURL(/#\/alerts\/events$/)
    await expect(page.getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'true')
    const events = page.getByRole('table', { name: 'Events' })
    await expect(events.getByRole('row').filter({ hasText: 'HostDown' }).filter({ hasText: 'node-1' })).toHaveCount(1)
    // newest first: the first data row is the report's last event
    const log = (await sim.report()).events
    await expect(events.getByRole('row').nth(1)).toContainText(log[log.length - 1].message)

    // restore: the alert resolves itself
    await sim.restore('node-1')
    await page.getByRole('tab', { name: 'Alerts' }).click()
    await expect(row).not.toContainText('Unresolved')
    await expect(row).toContainText(/T\+\d\d:\d\d:\d\d/)
    const resolved = (await sim.report()).alerts.find((a) => a.id === acked?.id)
    expect(resolved?.resolvedTime).not.toBeNull()
    // "Unresolved only" hides it
    await page.getByRole('checkbox', { name: 'Unresolved only' }).check()
    await expect(row).toHaveCount(0)
  })

  test('#/alerts/events opens the Events tab directly', async ({ page }) => {
    await openScenario(page, 'starter-3', 1, '#/alerts/events')
    await expect(page.getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('table', { name: 'Events' }).getByRole('row').filter({ hasText: 'ClusterStart' })).toHaveCount(1)
    // arrow keys move between the tabs
    await page.getByRole('tab', { name: 'Events' }).focus()
    await page.keyboard.press('ArrowLeft')
    await expect(page.getByRole('tab', { name: 'Alerts' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('tab', { name: 'Alerts' })).toBeFocused()
    await expect(page).toHaveURL(/#\/alerts$/)
  })
})

test.describe('VM page', () => {
  test('the table lists every VM of the scenario and powers one off from its details', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/vms/table')
    const r = await sim.report()
    await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByText(`${r.vms.length} items`, { exact: true })).toBeVisible()
    await expect(page.locator('[data-testid^="vm-row-"]')).toHaveCount(Math.min(25, r.vms.length))

    const vm = r.vms.find((v) => v.power === 'on')!
    const table = page.getByRole('table', { name: 'VMs' })
    await table.getByRole('button', { name: vm.name, exact: true }).click()
    const details = page.getByTestId('vm-details')
    await expect(details).toContainText(vm.name)
    await expect(details).toContainText(vm.host!)
    for (const vd of vm.vdisks) {
      await expect(details.getByTestId(`vm-vdisk-${vd.id}`)).toHaveAttribute('data-path', vd.path)
    }
    await details.getByRole('button', { name: 'Power off' }).click()
    await expect.poll(async () => (await sim.report()).vms.find((v) => v.id === vm.id)?.power).toBe('off')
    await expect(page.getByTestId(`vm-row-${vm.id}`)).toContainText('Off')
    await expect(details.getByRole('button', { name: 'Power on' })).toBeEnabled()
  })

  test('powering on a VM whose host is down shows the refusal in the details panel', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/vms/table')
    const victim = (await sim.report()).vms.find((v) => v.host === 'node-1')!
    await sim.inject({ kind: 'node', target: 'node-1' })
    const after = (await sim.report()).vms.find((v) => v.id === victim.id)!
    expect(after.power).not.toBe('on')
    // the drill API's own refusal, read in the page (page.evaluate would wrap it)
    const expected = await page.evaluate((id) => window.prismSim!.powerOn(id).then(() => null, (e: Error) => e.message), victim.id)
    expect(expected).toContain('node-1')

    await page.getByRole('table', { name: 'VMs' }).getByRole('button', { name: victim.name, exact: true }).click()
    const details = page.getByTestId('vm-details')
    await details.getByRole('button', { name: 'Power on' }).click()
    const error = details.getByRole('alert')
    await expect(error).toContainText(expected!)
    expect((await sim.report()).vms.find((v) => v.id === victim.id)?.power).toBe(after.power)
  })

  test('the overview counts VMs by power state', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/vms')
    const r = await sim.report()
    await expect(page.getByTestId('vm-total')).toHaveText(String(r.vms.length))
    const on = r.vms.filter((v) => v.power === 'on').length
    await expect(page.getByTestId('vm-count-on')).toContainText(String(on))
  })
})

test('Tasks page renders the task list', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1, '#/tasks')
  const tasks = (await sim.report()).tasks
  await expect(page.getByRole('table', { name: 'Tasks' })).toBeVisible()
  await expect(page.getByText(`${tasks.length} items`, { exact: true })).toBeVisible()
  await expect(page.getByRole('progressbar')).toHaveCount(Math.min(25, tasks.length))
})

test('Health page counts the down host as critical and lists the failed check', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1, '#/health')
  await expect(page.getByTestId('health-hosts').locator('[data-critical]')).toHaveAttribute('data-critical', '0')
  await sim.inject({ kind: 'node', target: 'node-1' })
  await expect(page.getByTestId('health-hosts').locator('[data-critical]')).toHaveAttribute('data-critical', '1')
  await expect(page.getByTestId('failed-checks').getByRole('row').filter({ hasText: 'node-1' })).not.toHaveCount(0)
})

test('Settings: the Storage Summary threshold changes the report, and a refusal is shown', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1, '#/settings')
  const input = page.getByLabel('Warning threshold (%)')
  await expect(input).toHaveValue(String((await sim.report()).storage.warnThresholdPct))
  await input.fill('60')
  await page.getByTestId('settings-threshold').getByRole('button', { name: 'Save' }).click()
  await expect.poll(async () => (await sim.report()).storage.warnThresholdPct).toBe(60)
  await expect(page.getByTestId('threshold-current')).toHaveText('60 %')

  await input.fill('0')
  await page.getByTestId('settings-threshold').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('settings-threshold').getByRole('alert')).toContainText('between 1 and 100')
  expect((await sim.report()).storage.warnThresholdPct).toBe(60)

  await expect(page.getByTestId('scenario-id')).toHaveText('starter-3')
  await expect(page.getByTestId('settings-rack-rack-1')).toContainText('node-3')
})

test('the pages have no axe violations with a node down', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1, '#/alerts')
  await sim.inject({ kind: 'node', target: 'node-1' })
  const vm = (await sim.report()).vms[0]
  const pages: Array<[string, string]> = [
    ['#/alerts', 'Alerts'], ['#/alerts/events', 'Alerts'], ['#/vms', 'VM'], ['#/vms/table', 'VM'],
    ['#/health', 'Health'], ['#/tasks', 'Tasks'], ['#/settings', 'Settings'],
  ]
  for (const [hash, name] of pages) {
    await page.evaluate((h) => {
      window.location.hash = h
    }, hash)
    await expect(page.getByRole('main', { name })).toBeVisible()
    if (hash === '#/vms/table') {
      await page.getByRole('table', { name: 'VMs' }).getByRole('button', { name: vm.name, exact: true }).click()
      await expect(page.getByTestId('vm-details')).toBeVisible()
    }
    const result = await new AxeBuilder({ page }).include('main').analyze()
    expect(result.violations.map((v) => `${hash} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
})

test('the start-up status ("Starting the simulation…") has no axe violations', async ({ page }) => {
  // hold the worker back so the page stays in its start-up state while axe looks at it
  let release: () => void = () => undefined
  const held = new Promise<void>((r) => {
    release = r
  })
  await page.route(/sim\.worker[^/]*\.js/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto('/?scenario=starter-3#/io-paths')
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Starting the simulation…')
  const result = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  release()
  await page.waitForFunction(() => window.prismSim !== undefined)
  await expect(page.getByTestId('iopath-map')).toBeVisible()
})
