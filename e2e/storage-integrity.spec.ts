/**
 * Storage lifecycle, issue 17 items 6 and 7: opt-in fault domains judged on Home's Data
 * Resiliency widget, and silent corruption found and repaired by reads and the scrubber.
 */
import { expect, openScenario, test } from './fixtures'

/** 4 nodes in 2 blocks, block awareness desired: FT1 block fault tolerance needs 3 blocks. */
const twoBlocks = {
  id: 'two-blocks',
  title: 'Two blocks, block awareness desired',
  cluster: {
    awareness: 'block' as const,
    layout: { racks: 1, blocksPerRack: 2, nodesPerBlock: 2, ssdPerNode: 1, hddPerNode: 2, ssdTB: 1.92, hddTB: 4 },
    data: { usedPct: 30 },
  },
  vmFill: { count: 8, vcpus: 2, memoryGiB: 8, vdisks: 2 },
}

test.describe('Storage integrity and fault domains', () => {
  test('opt-in block fault tolerance on 2 blocks: Data Resiliency shows Warning and says why', async ({ page }) => {
    const sim = await openScenario(page, twoBlocks, 1, '#/home')
    await expect(page.getByTestId('resiliency-status')).toHaveText('OK')
    await expect(page.getByTestId('resiliency-domain')).toHaveText('Node')
    await expect(page.getByTestId('resiliency-reason')).toHaveCount(0)

    await page.evaluate(() => { location.hash = '#/settings' })
    const pane = page.getByTestId('settings-fault-tolerance')
    await expect(pane.getByTestId('judged-domain')).toHaveText('Node')
    await pane.getByTestId('awareness-opt-in').check()
    await pane.getByTestId('awareness-save').click()
    await expect(pane.getByTestId('judged-domain')).toHaveText('Block')
    expect((await sim.report()).cluster.awarenessMode).toBe('opt-in')

    await page.evaluate(() => { location.hash = '#/home' })
    await expect(page.getByTestId('resiliency-status')).toHaveText('Warning')
    await expect(page.getByTestId('resiliency-domain')).toHaveText('Block')
    const reason = page.getByTestId('resiliency-reason')
    await expect(reason).toContainText('Block fault tolerance is opt-in, but the cluster has 2 blocks')
    await expect(reason).toContainText('needs at least 3')
    await page.getByRole('button', { name: /Data resiliency Warning: open details/ }).click()
    await expect(page.getByTestId('resiliency-dialog-reason')).toContainText('Why Warning: Block fault tolerance is opt-in')

    // back to best effort: OK again, judged on the node level in force
    await sim.setAwarenessMode('best-effort')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('resiliency-status')).toHaveText('OK')
  })

  test('corrupt data from the disk menu: reads and the scrubber find it, Scrub tasks replace it, nothing is lost', async ({ page }) => {
    const sim = await openScenario(page, 'starter-3', 1, '#/hardware')
    await page.getByTestId('disk-disk-2-3').click()
    await page.getByRole('menu', { name: 'Disk disk-2-3 actions' }).getByRole('menuitem', { name: 'Corrupt data (bit rot)' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'silently corrupt' })).toBeVisible()
    let r = await sim.report()
    const corrupt = r.resiliency.corruptCopies
    expect(corrupt).toBeGreaterThan(0)
    expect(r.resiliency.corruptFoundCopies).toBe(0)
    // run until the scrubber starts a repair: the Home widget says corrupt data is being replaced
    const met = await sim.advanceUntil({ task: 'Scrub', state: 'running' }, 7 * 86400)
    expect(met.met).toBe(true)
    await page.evaluate(() => { location.hash = '#/home' })
    await expect(page.getByTestId('corrupt-data')).toContainText('failed checksum validation')
    await sim.advance(7 * 86400)
    r = await sim.report()
    expect(r.resiliency.corruptCopies).toBe(0)
    expect(r.resiliency.corruptRepairedCopies).toBe(corrupt)
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.tasks.filter((t) => t.type === 'Scrub').every((t) => t.state === 'succeeded')).toBe(true)
    expect(r.alerts.some((a) => a.type === 'DiskCorruptData' && a.message.startsWith('Disk disk-2-3 has corrupt data'))).toBe(true)
    await expect(page.getByTestId('corrupt-data')).toHaveCount(0)
  })
})
