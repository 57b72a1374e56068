/**
 * Hardware page drills: the diagram's selectors and action menus (DRILL-API.md §4),
 * the table and overview views, the o/d/t keys, and the 64-node diagram.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, openScenario, test } from './fixtures'

test.describe('Hardware diagram', () => {
  test('powers off a node from its menu: diagram, report and events agree', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/hardware')
    await expect(page.getByRole('tab', { name: 'Diagram' })).toHaveAttribute('aria-selected', 'true')
    const node = page.getByTestId('node-node-2')
    await expect(node).toHaveAttribute('data-state', 'up')

    await node.click()
    const menu = page.getByRole('menu', { name: 'Host node-2 actions' })
    await expect(menu).toBeVisible()
    await expect(menu.getByRole('menuitem')).toHaveText(['Shut down CVM', 'Power off node', 'Partition network', 'Enter maintenance mode', 'Remove host'])
    await expect(page.getByTestId('host-details')).toContainText('node-2')
    await expect(page.getByTestId('host-details')).toContainText('10.10.0.11')

    await menu.getByRole('menuitem', { name: 'Power off node' }).click()
    await expect(menu).toBeHidden()
    await expect(node).toHaveAttribute('data-state', 'down')
    // the diagram shows the result, so no visible toast: screen readers hear it (issue 18)
    await expect(page.getByTestId('announcements')).toContainText('node-2 powered off')
    await expect(page.locator('[role="status"]:not([data-testid="announcements"])').filter({ hasText: 'node-2 powered off' })).toHaveCount(0)

    const report = await sim.report()
    expect(report.topology.nodes.find((n) => n.id === 'node-2')?.host).toBe('down')
    expect(report.events.some((e) => e.entity === 'node-2')).toBe(true)
    // the details panel lists the entity's events from the store
    await expect(page.getByTestId('hardware-entity-events')).toContainText('node-2')

    // a node with an active fault offers Restore, and not the fault it already has
    await node.click()
    await expect(menu.getByRole('menuitem')).toHaveText(['Shut down CVM', 'Partition network', 'Restore'])
    await menu.getByRole('menuitem', { name: 'Restore' }).click()
    await expect(node).toHaveAttribute('data-state', 'up')
  })

  test('fails a disk and restores it', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/hardware')
    const disk = page.getByTestId('disk-disk-1-1')
    await expect(disk).toHaveAttribute('data-state', 'online')

    await disk.click()
    const menu = page.getByRole('menu', { name: 'Disk disk-1-1 actions' })
    await expect(menu.getByRole('menuitem')).toHaveText(['Fail disk', 'Transient disk errors', 'Corrupt data (bit rot)', 'Remove disk'])
    await expect(page.getByTestId('disk-details')).toContainText('SSD')
    await menu.getByRole('menuitem', { name: 'Fail disk' }).click()
    await expect(disk).toHaveAttribute('data-state', 'offline')
    expect((await sim.report()).topology.disks.find((d) => d.id === 'disk-1-1')?.mode).toBe('offline')
    await expect(page.getByTestId('disk-details').locator('[data-field="Mode"]')).toHaveText('offline')

    await disk.click()
    await expect(menu.getByRole('menuitem')).toHaveText(['Remove disk', 'Restore'])
    await menu.getByRole('menuitem', { name: 'Restore' }).click()
    await expect(disk).toHaveAttribute('data-state', 'online')
    expect((await sim.report()).topology.disks.find((d) => d.id === 'disk-1-1')?.mode).toBe('online')
  })

  test('shows state injected through the drill API: CVM down, partition, block and rack down', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/hardware')
    await sim.inject({ kind: 'cvm', target: 'node-1' })
    await sim.inject({ kind: 'partition', target: 'node-3' })
    await expect(page.getByTestId('node-node-1')).toHaveAttribute('data-state', 'cvm-down')
    await expect(page.getByTestId('node-node-3')).toHaveAttribute('data-state', 'partitioned')
    await expect(page.getByTestId('block-block-1')).toHaveAttribute('data-state', 'up')

    await page.getByTestId('block-block-1').click()
    await page.getByRole('menu', { name: 'Block block-1 actions' }).getByRole('menuitem', { name: 'Fail block' }).click()
    await expect(page.getByTestId('block-block-1')).toHaveAttribute('data-state', 'down')
    await expect(page.getByTestId('rack-rack-1')).toHaveAttribute('data-state', 'down')
    for (const n of ['node-1', 'node-2', 'node-3']) await expect(page.getByTestId(`node-${n}`)).toHaveAttribute('data-state', 'down')
    const report = await sim.report()
    expect(report.topology.blocks[0].state).toBe('down')
    expect(report.topology.racks[0].state).toBe('down')

    await page.getByTestId('rack-rack-1').click()
    await expect(page.getByRole('menu', { name: 'Rack rack-1 actions' }).getByRole('menuitem')).toHaveText(['Fail rack'])
    await page.keyboard.press('Escape')
    await expect(page.getByRole('menu')).toHaveCount(0)
  })

  test('is keyboard operable: Enter opens the menu, arrows move, Escape closes and returns focus', async ({ page }) => {
    await openScenario(page, 'starter-3', 1, '#/hardware')
    const node = page.getByTestId('node-node-1')
    await expect(node).toHaveAttribute('role', 'button')
    await node.focus()
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu', { name: 'Host node-1 actions' })
    await expect(menu.getByRole('menuitem', { name: 'Shut down CVM' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(menu.getByRole('menuitem', { name: 'Power off node' })).toBeFocused()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await expect(menu.getByRole('menuitem', { name: 'Remove host' })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(menu).toBeHidden()
    await expect(node).toBeFocused()
    await expect(node).toHaveAttribute('data-state', 'up')

    // Space opens the menu too, without choosing its first item
    const disk = page.getByTestId('disk-disk-2-3')
    await disk.focus()
    await page.keyboard.press(' ')
    const diskMenu = page.getByRole('menu', { name: 'Disk disk-2-3 actions' })
    await expect(diskMenu.getByRole('menuitem', { name: 'Fail disk' })).toBeFocused()
    await expect(disk).toHaveAttribute('data-state', 'online')
    await page.keyboard.press('Escape')
    await expect(disk).toBeFocused()

    // only one menu at a time (disk-1-5 is above node-2's menu, so not covered by it)
    await page.getByTestId('node-node-2').click()
    await page.getByTestId('disk-disk-1-5').click()
    await expect(page.getByRole('menu')).toHaveCount(1)
    await expect(page.getByRole('menu')).toHaveAccessibleName('Disk disk-1-5 actions')
  })

  test('draws all 64 nodes and 768 disks of the large cluster within the page width', async ({ page }) => {
    test.setTimeout(120_000)
    await openScenario(page, 'large-64', 1, '#/hardware/diagram')
    await expect(page.locator('[data-testid^="node-node-"]')).toHaveCount(64, { timeout: 30_000 })
    await expect(page.locator('[data-testid^="disk-"]')).toHaveCount(768)
    await expect(page.locator('[data-testid^="block-"]')).toHaveCount(16)
    await expect(page.locator('[data-testid^="rack-"]')).toHaveCount(8)
    const box = await page.getByRole('group', { name: /^Hardware diagram/ }).boundingBox()
    expect(box).not.toBeNull()
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440)
    const n64 = page.getByTestId('node-node-64')
    await n64.click()
    await page.getByRole('menu', { name: 'Host node-64 actions' }).getByRole('menuitem', { name: 'Shut down CVM' }).click()
    await expect(n64).toHaveAttribute('data-state', 'cvm-down')
  })
})

test.describe('Hardware views', () => {
  test('keys o, d and t switch views; tabs are named', async ({ page }) => {
    await openScenario(page, 'starter-3', 1, '#/hardware')
    await expect(page.getByTestId('node-node-1')).toBeVisible()

    await page.keyboard.press('o')
    await expect(page).toHaveURL(/#\/hardware\/overview$/)
    await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId('overview-host-count')).toHaveText('3')
    await expect(page.getByTestId('tier-SSD')).toContainText('6')
    await expect(page.getByTestId('tier-HDD')).toContainText('12')

    await page.keyboard.press('t')
    await expect(page).toHaveURL(/#\/hardware\/table$/)
    await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('table', { name: 'Hosts' }).locator('tbody tr')).toHaveCount(3)

    await page.keyboard.press('d')
    await expect(page).toHaveURL(/#\/hardware\/diagram$/)
    await expect(page.getByRole('tab', { name: 'Diagram' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId('node-node-1')).toBeVisible()

    await page.getByRole('tab', { name: 'Table' }).click()
    await expect(page).toHaveURL(/#\/hardware\/table$/)
  })

  test('table: host and disk tabs reflect state; a row selects the entity', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/hardware/table')
    await sim.inject({ kind: 'node', target: 'node-3' })
    await sim.inject({ kind: 'disk', target: 'disk-1-4' })
    const hosts = page.getByRole('table', { name: 'Hosts' })
    await expect(page.getByTestId('host-row-node-3')).toContainText('Down')
    await expect(page.getByTestId('host-row-node-1')).toContainText('10.11.0.10')
    await expect(hosts.locator('tbody tr')).toHaveCount(3)

    await page.getByTestId('host-row-node-2').getByRole('button', { name: 'node-2' }).click()
    await expect(page.getByTestId('host-details')).toContainText('10.10.0.11')

    await page.getByRole('tab', { name: 'Disk' }).click()
    await expect(page.getByRole('table', { name: 'Disks' }).locator('tbody tr')).toHaveCount(18)
    await expect(page.getByTestId('disk-row-disk-1-4')).toContainText('offline')
    await expect(page.getByTestId('disk-row-disk-1-3')).toContainText('online')

    // the details panel's Actions menu restores the disk
    await page.getByTestId('disk-row-disk-1-4').getByRole('button', { name: 'disk-1-4' }).click()
    await page.getByRole('button', { name: 'Actions for disk-1-4' }).click()
    await page.getByRole('menu', { name: 'Disk disk-1-4 actions' }).getByRole('menuitem', { name: 'Restore' }).click()
    await expect(page.getByTestId('disk-row-disk-1-4')).toContainText('online')
  })
})

test('hardware views have no serious accessibility violations', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/hardware/diagram')
  await sim.inject({ kind: 'node', target: 'node-2' })
  await page.getByTestId('node-node-2').click()
  await expect(page.getByRole('menu')).toBeVisible()
  for (const view of ['diagram', 'overview', 'table']) {
    // the open menu keeps letter keys to itself: Escape first
    if (view === 'overview') await page.keyboard.press('Escape')
    if (view !== 'diagram') await page.keyboard.press(view[0])
    await expect(page.getByRole('tab', { name: view[0].toUpperCase() + view.slice(1) })).toHaveAttribute('aria-selected', 'true')
    const result = await new AxeBuilder({ page }).include('[data-testid="hardware-page"]').analyze()
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${view}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([])
  }
})
