/**
 * Failures and self-healing as a trainee sees them (issue 4): faults from the Hardware
 * diagram, the Data Resiliency status and the rebuild on Home, the rebuild task on Tasks,
 * Hades' verdict, the metadata ring, and data loss that is never hidden.
 */
import type { Page } from '@playwright/test'
import { expect, openScenario, test } from './fixtures'

/** Go to a page like the page menu does (the hash only: a new URL would reload the default scenario). */
async function nav(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h
  }, hash)
}

async function act(page: Page, entity: string, label: string, action: string): Promise<void> {
  await nav(page, '#/hardware')
  await page.getByTestId(entity).click()
  await page.getByRole('menu', { name: `${label} actions` }).getByRole('menuitem', { name: action }).click()
}

async function playUntil(page: Page, speed: string, done: () => Promise<void>): Promise<void> {
  await page.getByLabel('Speed').selectOption(speed)
  await page.getByRole('button', { name: 'Play' }).click()
  await done()
  await page.getByRole('button', { name: 'Pause' }).click()
}

test.describe('self-healing', () => {
  test('a disk, then a node, fail from the Hardware diagram: Critical, rebuild with progress, back to OK; the node returns and Curator cleans the extra copies', async ({ page }) => {
    test.setTimeout(120_000)
    const sim = await openScenario(page, 'four-blocks-of-2', 1, '#/hardware')

    // 1. a disk of node-2 fails: Stargate marks it offline, Hades fails it, Curator rebuilds its data
    await act(page, 'disk-disk-2-1', 'Disk disk-2-1', 'Fail disk')
    await expect(page.getByTestId('disk-disk-2-1')).toHaveAttribute('data-state', 'offline')
    await nav(page, '#/home')
    await expect(page.getByTestId('resiliency-status')).toHaveText('Computing')
    await expect(page.getByTestId('rebuild-state')).toHaveAttribute('data-state', 'rebuilding')
    await playUntil(page, '3600', () => expect(page.getByTestId('rebuild-state')).toHaveAttribute('data-state', 'complete', { timeout: 30_000 }))
    await expect(page.getByTestId('rebuild-state')).toHaveText('Data Rebuild Complete')
    let r = await sim.report()
    expect(r.resiliency.underReplicatedBytes).toBe(0)
    expect(r.events.some((e) => e.type === 'DiskSmartFailed' && e.entity === 'disk-2-1')).toBe(true)

    // 2. then node-2 is powered off
    await act(page, 'node-node-2', 'Host node-2', 'Power off node')
    await expect(page.getByTestId('node-node-2')).toHaveAttribute('data-state', 'down')
    await sim.advance(120)
    await nav(page, '#/home')
    await expect(page.getByTestId('resiliency-status')).toHaveText('Critical')
    await expect(page.getByTestId('rebuild-state')).toHaveAttribute('data-state', 'rebuilding')
    await expect(page.getByTestId('rebuild-state')).toContainText(/remaining · ETA/)

    // the rebuild task moves on the Tasks page
    await nav(page, '#/tasks')
    const bar = page.getByRole('row').filter({ hasText: /running/i }).getByRole('progressbar', { name: 'Data Rebuild progress' })
    const before = Number(await bar.getAttribute('aria-valuenow'))
    await sim.advance(1200)
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(before)

    // at 3,600× the rest of the rebuild, the ring change and the Zookeeper move play out: OK again
    await nav(page, '#/home')
    await playUntil(page, '3600', () => expect(page.getByTestId('resiliency-status')).toHaveText('OK', { timeout: 30_000 }))
    r = await sim.report()
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.resiliency.underReplicatedBytes).toBe(0)
    expect(r.tasks.filter((t) => t.type === 'DataRebuild').map((t) => t.state)).toEqual(['succeeded', 'succeeded'])
    await expect(page.getByTestId('data-loss-banner')).toHaveCount(0)

    // 3. node-2 comes back: its old copies are over-replicated until the next Curator scan removes them
    await act(page, 'node-node-2', 'Host node-2', 'Restore')
    await expect(page.getByTestId('node-node-2')).toHaveAttribute('data-state', 'up')
    r = await sim.report()
    expect(r.resiliency.overReplicatedBytes).toBeGreaterThan(0)
    await nav(page, '#/home')
    await page.getByRole('button', { name: /Data resiliency .*: open details/ }).click()
    const dialog = page.getByTestId('resiliency-dialog')
    await expect(dialog.getByTestId('resiliency-dialog-rebuild')).toContainText(/Over-replicated \(waiting for Curator\)\s*[1-9]/)
    await page.keyboard.press('Escape')
    await sim.settle(600)
    r = await sim.report()
    expect(r.resiliency.overReplicatedBytes).toBe(0)
    const cleaned = r.events.find((e) => e.type === 'OverReplicatedDataRemoved')!
    expect(cleaned.message).toMatch(/Curator removed .* of over-replicated data/)
    await nav(page, '#/alerts')
    await page.getByRole('tab', { name: 'Events' }).click()
    await expect(page.getByText(cleaned.message)).toBeVisible()
  })

  test('transient disk errors: Hades passes the disk and it comes back online by itself', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/hardware')
    await act(page, 'disk-disk-1-2', 'Disk disk-1-2', 'Transient disk errors')
    await expect(page.getByTestId('disk-disk-1-2')).toHaveAttribute('data-state', 'offline')
    await sim.advance(60)
    await expect(page.getByTestId('disk-disk-1-2')).toHaveAttribute('data-state', 'online')
    await nav(page, '#/tasks')
    await expect(page.getByRole('row', { name: /Hades Disk Diagnosis/ })).toContainText('succeeded', { ignoreCase: true })
  })

  test('two nodes at once on FT1: the data is unavailable (offline, not lost), shown on every page and as a critical alert', async ({ page }) => {
    const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/home')
    await sim.inject({ kind: 'node', target: 'node-1' })
    await sim.inject({ kind: 'node', target: 'node-6' })
    const r = await sim.report()
    expect(r.resiliency.unavailableBytes).toBeGreaterThan(0)
    expect(r.resiliency.lostBytes).toBe(0)
    const banner = page.getByTestId('data-unavailable-banner')
    await expect(banner).toContainText('offline, not lost')
    await expect(page.getByTestId('data-loss-banner')).toHaveCount(0)
    await expect(page.getByTestId('data-unavailable')).toBeVisible()
    await nav(page, '#/storage')
    await expect(banner).toBeVisible()
    await nav(page, '#/alerts')
    await expect(page.getByRole('row', { name: /Data unavailable/ }).first()).toBeVisible()
    await sim.restore('node-6')
    await expect(banner).toHaveCount(0)
  })

  test('Step jumps to the next event: the Zookeeper move 5 minutes after its node fails', async ({ page }) => {
    const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/metadata')
    const zk = (await sim.report()).zookeeper[0]
    await sim.inject({ kind: 'node', target: zk })
    // step through events until the move happened; each step lands exactly on an event
    for (let i = 0; i < 80; i++) {
      const r = await sim.report()
      if (!r.zookeeper.includes(zk)) break
      await page.getByRole('button', { name: 'Step' }).click()
      await expect.poll(async () => (await sim.report()).time).toBeGreaterThan(r.time)
    }
    const r = await sim.report()
    expect(r.zookeeper).not.toContain(zk)
    expect(r.time).toBe(300)
    expect(r.events.some((e) => e.type === 'ZookeeperMoved' && e.time === 300)).toBe(true)
  })
})
