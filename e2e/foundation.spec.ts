import AxeBuilder from '@axe-core/playwright'
import { Simulation } from '../src/model/simulation'
import { builtinScenario } from '../src/model/scenario/builtins'
import type { Fault } from '../src/model/types'
import { expect, openScenario, test } from './fixtures'

test('?scenario=&seed= loads that scenario at start', async ({ page }) => {
  const sim = await openScenario(page, 'four-blocks-of-2', 42)
  const r = await sim.report()
  expect(r.scenarioId).toBe('four-blocks-of-2')
  expect(r.seed).toBe(42)
  expect(r.topology.blocks).toHaveLength(4)
  await expect(page.getByTestId('cluster-name')).toHaveText('Quad-2')
})

test('a wrong URL parameter is named and the default scenario runs', async ({ page }) => {
  await page.goto('/?scenario=no-such-cluster&seed=abc')
  await page.waitForFunction(() => window.prismSim)
  const banner = page.getByTestId('startup-banner')
  await expect(banner).toContainText('seed: must be a whole number')
  await expect(banner).toContainText('unknown scenario "no-such-cluster"')
  const r = await page.evaluate(() => window.prismSim!.report())
  expect(r.scenarioId).toBe('twelve-3-blocks')
})

test('prismSim.load takes a Scenario object; a bad one is refused whole and changes nothing', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3')
  await sim.load({
    title: 'Drill cluster',
    cluster: { name: 'Drill-5', layout: { racks: 1, blocksPerRack: 5, nodesPerBlock: 1, ssdPerNode: 1, hddPerNode: 2, ssdTB: 2, hddTB: 4 } },
    vms: [{ id: 'db-1', host: 'node-2', vcpus: 4, memoryGiB: 32, vdisks: 3 }],
  })
  const before = await sim.report()
  expect(before.scenarioId).toBeNull()
  expect(before.topology.nodes).toHaveLength(5)
  expect(before.vms.map((v) => v.id)).toEqual(['db-1'])
  await expect(page.getByTestId('cluster-name')).toHaveText('Drill-5')

  const msg = await sim.errorOf(() =>
    sim.load({ title: 'Broken', cluster: { racks: [{ id: 'r1', blocks: [] }] }, vms: [{ id: 'x', host: 'node-9', vcpus: 1, memoryGiB: 1, vdisks: 1 }] }),
  )
  expect(msg).toContain('cluster.racks[0].blocks: must not be empty')
  expect(msg).toContain('vms[0].host: unknown host "node-9"')
  expect(JSON.stringify(await sim.report())).toBe(JSON.stringify(before))
  await expect(page.getByTestId('cluster-name')).toHaveText('Drill-5')

  expect(await sim.errorOf(() => sim.inject({ kind: 'node', target: 'node-99' }))).toContain('unknown target "node-99"')
  expect(await sim.errorOf(() => sim.restore('node-1'))).toContain('"node-1" has no active fault')
  expect(JSON.stringify(await sim.report())).toBe(JSON.stringify(before))
})

test('the same scenario and actions give byte-identical reports in Node and in the browser', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 9)
  const node = Simulation.create(builtinScenario('twelve-3-blocks'), 9)
  type Step = { inject: Fault } | { restore: string } | { advance: number }
  const steps: Step[] = [
    { inject: { kind: 'node', target: 'node-3' } },
    { advance: 125 },
    { inject: { kind: 'disk', target: 'disk-7-2' } },
    { advance: 3600 },
    { restore: 'node-3' },
    { inject: { kind: 'block', target: 'block-2' } },
    { advance: 600.5 },
    { restore: 'block-2' },
    { advance: 30 },
  ]
  for (const s of steps) {
    if ('inject' in s) {
      node.inject(s.inject)
      await sim.inject(s.inject)
    } else if ('restore' in s) {
      node.restore(s.restore)
      await sim.restore(s.restore)
    } else {
      node.advance(s.advance)
      await sim.advance(s.advance)
    }
  }
  const browser = JSON.stringify(await sim.report())
  const nodeReport = JSON.stringify(node.report())
  expect(browser.length).toBeGreaterThan(1000)
  expect(browser).toBe(nodeReport)
})

test('page menu (m), hash routes and the clock controls', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3')
  await page.keyboard.press('m')
  const menu = page.getByRole('menu', { name: 'Pages' })
  await expect(menu).toBeVisible()
  for (const name of ['Home', 'Health', 'VM', 'Storage', 'Hardware', 'I/O Paths', 'Analysis', 'Alerts', 'Tasks', 'Settings']) {
    await expect(menu.getByRole('menuitem', { name, exact: true })).toBeVisible()
  }
  await menu.getByRole('menuitem', { name: 'Storage', exact: true }).click()
  await expect(page).toHaveURL(/#\/storage$/)
  await expect(page.getByTestId('storage-summary')).toBeVisible()

  for (const route of ['home', 'health', 'vms', 'storage', 'hardware', 'io-paths', 'analysis', 'alerts', 'tasks', 'settings']) {
    await page.goto(`/?scenario=starter-3#/${route}`)
    await expect(page.getByRole('main')).toBeVisible()
    await expect(page.getByText('coming soon', { exact: false })).toHaveCount(0)
  }

  await page.waitForFunction(() => window.prismSim)
  const clock = page.getByTestId('sim-clock')
  await expect(clock).toHaveText('00:00:00')
  // a quiet cluster: only the iSCSI redirectors' 5 s NOP-OUT health checks are pending, so Step has nowhere to go (issue 18)
  const step = page.getByRole('button', { name: 'Step' })
  await expect(step).toBeDisabled()
  await expect(step).toHaveAttribute('title', /only quiet health checks/)
  await sim.inject({ kind: 'disk', target: 'disk-1-1' })
  await expect(step).toBeEnabled()
  const scanBefore = (await sim.report()).tasks.find((t) => t.type === 'CuratorScan')!.progress
  await step.click()
  // the next event that changes something: the Curator scan's progress at 8 s, not the health check at 5 s
  await expect(clock).toHaveText('00:00:08')
  expect((await sim.report()).tasks.find((t) => t.type === 'CuratorScan')!.progress).toBeGreaterThan(scanBefore)
  await page.getByLabel('Speed').selectOption('3600')
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(async () => (await sim.report()).time, { timeout: 10_000 }).toBeGreaterThan(3600)
  await page.getByRole('button', { name: 'Pause' }).click()
  const t = (await sim.report()).time
  await page.waitForTimeout(300)
  expect((await sim.report()).time).toBe(t)
})

test('storage summary: the used bar spans used ÷ total and the gray line sits at resilient ÷ total', async ({ page }) => {
  const sim = await openScenario(page, 'non-homogeneous')
  const r = await sim.report()
  const track = await page.getByTestId('storage-track').boundingBox()
  const bar = await page.getByTestId('storage-used-bar').boundingBox()
  const line = await page.getByTestId('resilient-capacity-line').boundingBox()
  expect(track && bar && line).toBeTruthy()
  expect(bar!.x).toBeCloseTo(track!.x, 0)
  expect(bar!.width / track!.width).toBeCloseTo(r.storage.usedBytes / r.storage.totalBytes, 2)
  const lineCenter = line!.x + line!.width / 2 - track!.x
  expect(lineCenter / track!.width).toBeCloseTo(r.storage.resilientCapacityBytes / r.storage.totalBytes, 2)
  await expect(page.getByTestId('resiliency-status')).toHaveText(r.resiliency.status)
})

test('Home and Hardware pass an axe accessibility check', async ({ page }) => {
  await openScenario(page, 'starter-3')
  for (const hash of ['#/home', '#/hardware', '#/alerts', '#/vms']) {
    await page.goto(`/?scenario=starter-3${hash}`)
    await page.waitForFunction(() => window.prismSim)
    await page.waitForTimeout(200)
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
    expect(result.violations.map((v) => `${hash} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([])
  }
})
