/**
 * Storage lifecycle drills (issue 17): removing a disk from the diagram with Prism's status
 * words, and a restored node refilling through disk balancing.
 */
import { expect, openScenario, test } from './fixtures'

test.describe('Storage lifecycle', () => {
  test('removes a disk from the diagram: Marked for removal → Data migration initiated → Removed', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/hardware')
    const disk = page.getByTestId('disk-disk-2-3')
    await disk.click()
    const status = page.getByTestId('disk-details').getByTestId('disk-status')
    await expect(status).toHaveText('Normal')
    const menu = page.getByRole('menu', { name: 'Disk disk-2-3 actions' })
    await menu.getByRole('menuitem', { name: 'Remove disk' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'disk-2-3 marked for removal' })).toBeVisible()
    await disk.click()
    await expect(status).toHaveText('Marked for removal')
    await page.keyboard.press('Escape')
    let r = await sim.report()
    expect(r.topology.disks.find((d) => d.id === 'disk-2-3')!.status).toBe('removing')
    expect(r.tasks.some((t) => t.type === 'DiskRemoval' && t.state === 'running')).toBe(true)
    await sim.advance(120)
    await expect(status).toHaveText('Data migration initiated')
    await sim.advanceUntil({ task: 'DiskRemoval', state: 'succeeded' }, 86400)
    await expect(status).toHaveText('Removed')
    r = await sim.report()
    const d = r.topology.disks.find((x) => x.id === 'disk-2-3')!
    expect(d.status).toBe('removed')
    expect(d.usedBytes).toBe(0)
    expect(r.resiliency.lostBytes).toBe(0)
    await expect(disk).toHaveAttribute('data-state', 'offline')
    // a removed disk offers no actions
    await disk.click()
    await expect(page.getByRole('menu', { name: 'Disk disk-2-3 actions' }).getByRole('menuitem')).toHaveCount(0)
    await expect(page.getByTestId('action-menu-empty')).toHaveText('No actions apply now')
  })

  test('refuses a second removal while one runs, with the reason, and changes nothing', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/hardware')
    await sim.removeDisk('disk-1-3')
    const before = JSON.stringify(await sim.report())
    await expect(sim.removeDisk('disk-2-3')).rejects.toThrow(/a removal is already in progress/)
    await expect(sim.removeDisk('no-such-disk')).rejects.toThrow(/unknown disk "no-such-disk"/)
    expect(JSON.stringify(await sim.report())).toBe(before)
  })

  test('a failed and restored node refills at 3,600×: its usage climbs back on Storage View Details and Hardware', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/storage')
    await sim.inject({ kind: 'node', target: 'node-1' })
    await sim.settle()
    await sim.restore('node-1')
    await sim.advance(300)
    await page.getByTestId('storage-summary').getByRole('button', { name: 'View Details' }).click()
    const bar = page.getByTestId('storage-details').getByTestId('storage-node-node-1').getByRole('img')
    const shownPct = async () => Number(/([\d.]+)\s*% used/.exec((await bar.getAttribute('aria-label')) ?? '')?.[1] ?? NaN)
    const low = await shownPct()
    const r0 = await sim.report()
    const node0 = r0.storage.nodes.find((n) => n.id === 'node-1')!
    expect(low).toBeCloseTo((100 * node0.usedBytes) / node0.totalBytes, 0)
    type W = { prismSim: { setSpeed(s: number): Promise<void>; play(): Promise<void>; pause(): Promise<void> } }
    await page.evaluate(async () => {
      const p = (globalThis as unknown as W).prismSim
      await p.setSpeed(3600)
      await p.play()
    })
    await expect.poll(shownPct, { timeout: 30000 }).toBeGreaterThan(low * 1.5)
    await page.evaluate(() => (globalThis as unknown as W).prismSim.pause())
    await page.keyboard.press('Escape')
    const r = await sim.report()
    expect(r.tasks.some((t) => t.type === 'DiskBalancing')).toBe(true)
    // Hardware shows the same disks refilled
    await page.goto('#/hardware')
    await page.getByTestId('disk-disk-1-3').click()
    const disk = r.topology.disks.find((d) => d.id === 'disk-1-3')!
    expect(disk.usedBytes).toBeGreaterThan(0)
    await expect(page.getByTestId('disk-details').locator('[data-field="Used (Physical)"]')).not.toHaveText('0 B')
  })
})
