/**
 * Storage Summary, resilient capacity, threshold, per-node details, data growth, what-if
 * and the Storage page views, against the drill API (DRILL-API.md §4).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, openScenario, test, type PrismSimDriver, type Scenario } from './fixtures'

/** The Nutanix Bible's 4 × 10 TB cluster: resilient capacity 40 − 10 = 30 TB (DOMAIN.md §5, no 0.95 factor). */
const bible = (usedPct: number): Scenario => ({
  title: 'Bible 4 x 10 TB',
  cluster: {
    name: 'Bible-4',
    awareness: 'node',
    layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 4, ssdPerNode: 1, hddPerNode: 1, ssdTB: 2, hddTB: 8 },
    data: { usedPct },
  },
})

async function writeData(page: Page, tb: number): Promise<void> {
  await page.evaluate((t) => window.prismSim!.writeData(t), tb)
}

async function freeSpaceNode(sim: PrismSimDriver) {
  const r = await sim.report()
  return r.resiliency.faultTolerance.find((x) => x.domainType === 'NODE')!.components.FREE_SPACE
}

/** Fraction of the track where an element's centre (line) or right edge (bar) sits. */
async function positions(page: Page) {
  const summary = page.getByTestId('storage-summary')
  const track = (await summary.getByTestId('storage-track').boundingBox())!
  const bar = (await summary.getByTestId('storage-used-bar').boundingBox())!
  const line = (await summary.getByTestId('resilient-capacity-line').boundingBox())!
  const warn = (await summary.getByTestId('warning-threshold-line').boundingBox())!
  return {
    barStart: (bar.x - track.x) / track.width,
    used: bar.width / track.width,
    resilient: (line.x + line.width / 2 - track.x) / track.width,
    threshold: (warn.x - track.x) / track.width,
  }
}

test('the gray line sits at resilient ÷ total of the bar (30 of 40 TB), on Home and on Storage', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1)
  await sim.load(bible(30))
  const r = await sim.report()
  expect(r.storage.totalBytes).toBe(40e12)
  expect(r.storage.resilientCapacityBytes).toBe(30e12)
  for (const hash of ['#/home', '#/storage']) {
    await page.goto(`/${hash}`)
    await sim.ready()
    await sim.load(bible(30))
    await expect(page.getByTestId('storage-summary').getByTestId('resilient-capacity')).toBeVisible()
    const p = await positions(page)
    expect(p.barStart).toBeCloseTo(0, 2)
    expect(p.resilient).toBeCloseTo(30 / 40, 2)
    expect(p.used).toBeCloseTo(12 / 40, 2)
    expect(p.threshold).toBeCloseTo((30 * 0.75) / 40, 2)
  }
})

test('raising usage across the threshold turns the widget to warning, then critical, and FREE_SPACE drops', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1)
  await sim.load(bible(20)) // 8 TB used; threshold 75 % × 30 = 22.5 TB
  const state = page.getByTestId('storage-summary').getByTestId('storage-state')
  await expect(state).toHaveAttribute('data-state', 'ok')
  await expect(page.getByTestId('storage-state-badge')).toHaveText('OK')
  expect((await freeSpaceNode(sim)).failuresTolerable).toBe(1)

  await writeData(page, 15) // 23 TB
  await expect(state).toHaveAttribute('data-state', 'warning')
  await expect(page.getByTestId('storage-state-text')).toHaveText('Usage has crossed the resilient capacity threshold (75% of resilient capacity).')
  await expect(page.getByTestId('storage-used-bar')).toHaveClass(/bg-amber-400/)
  expect((await sim.report()).storage.state).toBe('warning')
  expect((await freeSpaceNode(sim)).failuresTolerable).toBe(1)
  let p = await positions(page)
  expect(p.used).toBeCloseTo(23 / 40, 2)
  expect(p.used).toBeGreaterThan(p.threshold)
  expect(p.used).toBeLessThan(p.resilient)

  await writeData(page, 8) // 31 TB > 30 TB
  await expect(state).toHaveAttribute('data-state', 'critical')
  await expect(page.getByTestId('storage-state-text')).toContainText('Usage exceeds resilient capacity: the cluster might not be able to tolerate and recover from a node failure')
  await expect(page.getByTestId('storage-used-bar')).toHaveClass(/bg-red-500/)
  p = await positions(page)
  expect(p.used).toBeGreaterThan(p.resilient)
  expect(await freeSpaceNode(sim)).toEqual({ failuresTolerable: 0, message: 'Cluster does not have enough capacity to tolerate a node failure' })

  // the Data Resiliency dialog shows the FREE_SPACE drop
  await page.getByRole('button', { name: /Data resiliency .*: open details/ }).click()
  const dialog = page.getByTestId('resiliency-dialog')
  await expect(dialog.getByTestId('ft-NODE-FREE_SPACE')).toHaveText('0')
  await expect(dialog).toContainText('Cluster does not have enough capacity to tolerate a node failure')
})

test('a bad write is refused with the reason and nothing changes; the growth rate writes data over time', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1)
  await sim.load(bible(60))
  const before = (await sim.report()).storage.usedBytes
  const msg = await sim.errorOf(() => writeData(page, 30))
  expect(msg).toMatch(/^cannot write 27.28 TiB: the healthy disks can take only [\d.]+ TiB more/)
  expect(await sim.errorOf(() => page.evaluate(() => window.prismSim!.setGrowthRate(-1)))).toContain('growth rate must be a number of TB per day')
  expect((await sim.report()).storage.usedBytes).toBe(before)

  await page.evaluate(() => window.prismSim!.setGrowthRate(2.4))
  await sim.advance(24 * 3600)
  const after = await sim.report()
  expect(after.storage.growthBytesPerDay).toBe(2.4e12)
  expect(after.storage.usedBytes - before).toBeGreaterThan(2.39e12)
  expect(after.storage.usedBytes - before).toBeLessThan(2.41e12)
})

test('View Details lists every node against its share of resilient capacity, from the model', async ({ page }) => {
  const sim = await openScenario(page, 'non-homogeneous', 1, '#/storage')
  const r = await sim.report()
  await page.getByTestId('storage-summary').getByRole('button', { name: 'View Details' }).click()
  const dialog = page.getByTestId('storage-details')
  await expect(dialog).toBeVisible()
  for (const n of r.storage.nodes) {
    const row = dialog.getByTestId(`storage-node-${n.id}`)
    await expect(row).toHaveAttribute('data-state', n.state)
    expect(n.resilientBytes).toBeGreaterThan(0)
  }
  const a1 = r.storage.nodes.find((n) => n.id === 'node-a1')!
  const c1 = r.storage.nodes.find((n) => n.id === 'node-c1')!
  expect(a1.resilientBytes / c1.resilientBytes).toBeCloseTo(4, 3)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
})

test('the gear sets the threshold: the dashed line moves, the state follows, a bad value is refused', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1)
  await sim.load(bible(40)) // 16 TB used = 53 % of 30 TB
  const summary = page.getByTestId('storage-summary')
  await expect(summary.getByTestId('storage-state')).toHaveAttribute('data-state', 'ok')
  await summary.getByRole('button', { name: 'Storage summary threshold settings' }).click()
  const input = page.getByLabel('Warning threshold (% of resilient capacity)')
  await input.fill('150')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('between 1 and 100')
  await input.fill('50')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(summary.getByTestId('storage-state')).toHaveAttribute('data-state', 'warning')
  expect((await sim.report()).storage.warnThresholdPct).toBe(50)
  const p = await positions(page)
  expect(p.threshold).toBeCloseTo((30 * 0.5) / 40, 2)
})

test('what-if: the model says whether the cluster would heal, and the answer follows the usage', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1, '#/storage')
  await sim.load(bible(60)) // 24 TB ≤ 30 TB
  const panel = page.getByTestId('whatif-panel')
  await panel.getByLabel('Unit to fail (what-if)').selectOption('node-2')
  const result = panel.getByTestId('whatif-result')
  await expect(result).toHaveAttribute('data-heals', 'true')
  await expect(result).toContainText('Yes: the cluster would heal after losing node-2')
  const w = await page.evaluate(() => window.prismSim!.whatIf('node-2'))
  expect(w.heals).toBe(true)
  expect(w.capacityBytes).toBe(30e12)

  await writeData(page, 7.5) // 31.5 TB > 30 TB
  await expect(result).toHaveAttribute('data-heals', 'false')
  await expect(result).toContainText('No: the cluster could not re-protect all data after losing node-2')
  const w2 = await page.evaluate(() => window.prismSim!.whatIf('node-2'))
  expect(w2.shortfallBytes).toBe(1.5e12)
  expect(w2.message).toContain('1.36 TiB short') // 1.5 TB, in binary units as everywhere (README rule 15.7)
  await expect(result).toContainText('Short by1.36 TiB')

  // a node that is already down is refused with the reason
  await sim.inject({ kind: 'node', target: 'node-3' })
  await panel.getByLabel('Unit to fail (what-if)').selectOption('node-3')
  await expect(panel.getByRole('alert')).toHaveText('"node-3" is already down: no node of it serves data now')
})

test('Storage page: data growth form, Diagram and Table show the model\'s containers; axe passes', async ({ page }) => {
  const sim = await openScenario(page, 'ft2-ec', 1, '#/storage')
  const r = await sim.report()
  const growth = page.getByTestId('data-growth')
  await growth.getByLabel('Write data now (TB, raw)').fill('-3')
  await growth.getByRole('button', { name: 'Write' }).click()
  await expect(growth.getByRole('alert')).toContainText('data to write must be a positive number of TB (raw), got -3')
  await growth.getByLabel('Growth rate (TB per day)').fill('1.5')
  await growth.getByRole('button', { name: 'Set rate' }).click()
  await expect(growth.getByTestId('growth-rate')).toHaveText('1.36 TiB per day')

  const axe = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

  await page.keyboard.press('t')
  const table = page.getByRole('table', { name: 'Storage containers' })
  await expect(table.getByRole('row')).toHaveCount(r.containers.length + 1)
  for (const c of r.containers) {
    const row = page.getByTestId(`container-${c.name}`)
    await expect(row).toContainText(`RF${c.replicationFactor}`)
    await expect(row).toContainText(c.erasureCoding ? 'On' : 'Off')
  }
  await page.keyboard.press('d')
  const diagram = page.getByTestId('storage-diagram')
  await expect(diagram).toContainText('default-storage-pool')
  for (const c of r.containers) await expect(diagram.getByTestId(`diagram-container-${c.name}`)).toBeVisible()
})
