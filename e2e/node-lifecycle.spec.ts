/**
 * Node lifecycle drills (issue 17 items 4 and 5): expanding four-blocks-of-2 by a node from
 * the Hardware → Expand cluster dialog, and removing a host from the diagram.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, openScenario, test } from './fixtures'

type W = { prismSim: { setSpeed(s: number): Promise<void>; play(): Promise<void>; pause(): Promise<void> } }

test.describe('Node lifecycle', () => {
  test('expands four-blocks-of-2 by a node from the dialog: the node in the diagram, the task, its usage climbing', async ({ page }) => {
    const sim = await openScenario(page, 'four-blocks-of-2', 1, '#/hardware')
    await page.getByRole('button', { name: 'Expand cluster' }).click()
    const dialog = page.getByRole('dialog', { name: 'Expand cluster' })
    await expect(dialog.getByLabel('Host name')).toHaveValue('node-9')
    await expect(dialog.getByLabel('Block', { exact: true })).toHaveValue('__new__')
    await expect(dialog.getByLabel('New block id')).toHaveValue('block-5')
    // a refusal lists the problem and leaves the cluster as it was
    await dialog.getByLabel('Host name').fill('node-1')
    await dialog.getByRole('button', { name: 'Expand cluster' }).click()
    await expect(dialog.getByRole('alert')).toContainText('node.id: "node-1" is already a node id')
    expect((await sim.report()).topology.nodes).toHaveLength(8)
    await dialog.getByLabel('Host name').fill('node-9')
    await dialog.getByLabel('Memory (GiB)', { exact: true }).fill('384')
    await dialog.getByRole('button', { name: 'Expand cluster' }).click()
    await expect(dialog).toBeHidden()

    const node = page.getByTestId('node-node-9')
    await expect(node).toHaveAttribute('data-state', 'up')
    await expect(page.getByTestId('block-block-5')).toBeVisible()
    await expect(page.getByTestId('disk-disk-9-1')).toBeVisible()
    let r = await sim.report()
    const added = r.topology.nodes.find((n) => n.id === 'node-9')!
    expect(added).toMatchObject({ block: 'block-5', rack: 'rack-1', removal: 'none' })
    expect(r.tasks.some((t) => t.type === 'ClusterExpansion' && t.entity === 'node-9')).toBe(true)
    expect(r.ha.hosts.find((h) => h.id === 'node-9')!.capacityBytes).toBe((384 - 32) * 1024 ** 3)

    // its usage climbs as disk balancing fills it (played at 3,600×)
    await node.click()
    await page.keyboard.press('Escape')
    const used = page.getByTestId('host-details').locator('[data-field="Storage Used"]')
    await expect(used).toHaveText(/^0(\.00)? B/)
    await page.evaluate(async () => {
      const p = (globalThis as unknown as W).prismSim
      await p.setSpeed(3600)
      await p.play()
    })
    await expect(used).not.toHaveText(/^0(\.00)? B/, { timeout: 30_000 })
    await page.evaluate(() => (globalThis as unknown as W).prismSim.pause())
    r = await sim.report()
    expect(r.tasks.find((t) => t.type === 'ClusterExpansion')!.state).toBe('succeeded')
    expect(r.tasks.some((t) => t.type === 'DiskBalancing')).toBe(true)
    expect(r.topology.nodes.find((n) => n.id === 'node-9')!.inMetadataRing).toBe(true)
    expect(r.storage.nodes.find((n) => n.id === 'node-9')!.usedBytes).toBeGreaterThan(0)
  })

  test('removes a host from the diagram: Being removed, its disks migrate, then it is gone', async ({ page }) => {
    const sim = await openScenario(page, 'four-blocks-of-2', 1, '#/hardware')
    const node = page.getByTestId('node-node-3')
    await node.click()
    const menu = page.getByRole('menu', { name: 'Host node-3 actions' })
    await menu.getByRole('menuitem', { name: 'Remove host' }).click()
    await expect(page.getByTestId('announcements')).toContainText('node-3 marked for removal')
    await expect(node).toHaveAttribute('data-state', 'removing')
    await expect(page.getByTestId('host-details').locator('[data-field="Host State"]')).toHaveText('Being removed')
    let r = await sim.report()
    expect(r.topology.nodes.find((n) => n.id === 'node-3')!.removal).toBe('removing')
    expect(r.tasks.some((t) => t.type === 'NodeRemoval' && t.state === 'running')).toBe(true)
    // a host being removed offers no actions
    await node.click()
    await expect(page.getByTestId('action-menu-empty')).toHaveText('No actions apply now')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('action-menu-empty')).toBeHidden()

    // its VMs live-migrate off, then its disks' data migrates at full RF
    await sim.advanceUntil({ event: 'NodeDataMigration' }, 3600)
    await sim.advance(300)
    const disk = page.getByTestId('disk-disk-3-3')
    await disk.click()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('disk-details').getByTestId('disk-status')).toHaveText('Data migration initiated')
    r = await sim.report()
    expect(r.vms.some((v) => v.host === 'node-3')).toBe(false)
    expect(r.resiliency.status).toBe('OK')

    await sim.advanceUntil({ task: 'NodeRemoval', state: 'succeeded' }, 86400)
    await expect(page.getByTestId('node-node-3')).toHaveCount(0)
    await expect(page.getByTestId('disk-disk-3-3')).toHaveCount(0)
    await expect(page.getByTestId('hardware-page')).toContainText('7 hosts')
    r = await sim.report()
    expect(r.topology.nodes.find((n) => n.id === 'node-3')!.removal).toBe('removed')
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.events.some((e) => e.type === 'NodeRemoved' && e.entity === 'node-3')).toBe(true)
  })
})

test('the Expand cluster dialog has no serious accessibility violations', async ({ page }) => {
  await openScenario(page, 'rack-aware-3', 1, '#/hardware')
  await page.getByRole('button', { name: 'Expand cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'Expand cluster' })
  await dialog.getByLabel('Rack', { exact: true }).selectOption('__new__')
  await expect(dialog.getByLabel('New rack id')).toHaveValue('rack-4')
  const result = await new AxeBuilder({ page }).include('[data-testid="expand-cluster-dialog"]').analyze()
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([])
})
