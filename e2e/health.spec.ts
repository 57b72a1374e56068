/**
 * The Health page as a trainee uses it (issue 18): power a node off from the Hardware diagram,
 * follow Home's Health widget to the Health page, read each entity type's counts, filter a
 * list by health state, sort it, search it, and see every entity good again after Restore.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, openScenario, test } from './fixtures'

test.use({ viewport: { width: 1280, height: 720 } })

test('Health lists every entity with its health, filterable and sortable, fed by the model', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/health')
  const types = page.getByRole('list', { name: 'Entity types' })
  await expect(types.getByRole('listitem')).toHaveCount(5)
  await expect(types.getByRole('listitem').locator('button[aria-current]')).toHaveText(/VMs\s*96/)
  const hosts = page.getByTestId('health-hosts').locator('[data-critical]')
  await expect(hosts).toHaveAttribute('data-good', '12')
  await expect(page.getByRole('table', { name: 'VMs health' }).locator('tbody tr')).toHaveCount(15) // one page
  await expect(page.getByTestId('health-entity-list')).toContainText('96 items')

  // a node powered off from the Hardware diagram, as a trainee would
  await page.evaluate(() => (location.hash = '#/hardware/diagram'))
  await page.getByTestId('node-node-5').click()
  await page.getByRole('menu', { name: 'Host node-5 actions' }).getByRole('menuitem', { name: 'Power off node' }).click()
  await expect(page.getByTestId('node-node-5')).toHaveAttribute('data-state', 'down')

  // Home's Health widget says it, and leads to the Health page's host list
  await page.evaluate(() => (location.hash = '#/home'))
  const homeHosts = page.getByTestId('home-health-hosts')
  await expect(homeHosts).toHaveAttribute('data-critical', '1')
  await expect(homeHosts).toContainText('1 critical')
  await expect(page.getByTestId('home-health-disks')).toHaveAttribute('data-warning', '6')
  await homeHosts.click()
  await expect(page).toHaveURL(/#\/health\/hosts$/)
  const hostList = page.getByRole('table', { name: 'Hosts health' })
  await expect(hostList.locator('tbody tr')).toHaveCount(12)
  // worst first: the down host leads the list, with why
  await expect(hostList.locator('tbody tr').first()).toContainText('node-5')
  await expect(hostList.locator('tbody tr').first()).toContainText('Critical')
  await expect(hostList.locator('tbody tr').first()).toContainText('Host is down')

  // the count per state filters the list
  await page.getByTestId('health-filter-good').click()
  await expect(page.getByTestId('health-filter-good')).toHaveAttribute('aria-pressed', 'true')
  await expect(hostList.locator('tbody tr')).toHaveCount(11)
  await expect(hostList).not.toContainText('node-5')
  await page.getByTestId('health-filter-critical').click()
  await expect(hostList.locator('tbody tr')).toHaveCount(1)
  await expect(page.getByTestId('health-row-node-5')).toHaveAttribute('data-testid', 'health-row-node-5')
  await page.getByTestId('health-filter-all').click()

  // sortable: Health ascending puts critical first, descending last; by name node-1 first
  await hostList.getByRole('button', { name: 'Health' }).click()
  await hostList.getByRole('button', { name: 'Health' }).click()
  await expect(hostList.getByRole('columnheader', { name: 'Health' })).toHaveAttribute('aria-sort', 'descending')
  await expect(hostList.locator('tbody tr').last()).toContainText('node-5')
  await hostList.getByRole('button', { name: 'Host', exact: true }).click()
  await expect(hostList.locator('tbody tr').first()).toContainText('node-1')

  // search in the list
  await page.getByRole('searchbox', { name: 'Search Hosts health' }).fill('block-2')
  await expect(hostList.locator('tbody tr')).toHaveCount(4)

  // the left column's counts open another type already filtered
  await page.getByRole('button', { name: 'Disks: 6 warning, show them' }).click()
  await expect(page).toHaveURL(/#\/health\/disks$/)
  const diskList = page.getByRole('table', { name: 'Disks health' })
  await expect(diskList.locator('tbody tr')).toHaveCount(6)
  await expect(diskList.locator('tbody tr').first()).toContainText('Not reachable: node-5 host is down')
  await page.getByRole('button', { name: 'Cluster Services: 3 critical, show them' }).click()
  const services = page.getByRole('table', { name: 'Cluster Services health' })
  await expect(services.locator('tbody tr')).toHaveCount(3)
  await expect(services).toContainText('Stargate')
  await expect(services).toContainText('Cassandra')
  await expect(services).toContainText('Zookeeper')
  await types.getByRole('button', { name: 'Storage Pools, 1 in all' }).click()
  await expect(page.getByRole('table', { name: 'Storage Pools health' })).toContainText('under-replicated')

  // the checks: Host Down fails, and the failed checks list names node-5
  await expect(page.getByTestId('check-HostDown')).toHaveAttribute('data-state', 'failed')
  await expect(page.getByTestId('failed-checks').getByRole('row').filter({ hasText: 'node-5' })).not.toHaveCount(0)

  const axe = await new AxeBuilder({ page }).include('main').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

  // restored: every host good again, and the numbers agree with the Report
  await sim.restore('node-5')
  await types.getByRole('button', { name: 'Hosts, 12 in all' }).click()
  await expect(hosts).toHaveAttribute('data-critical', '0')
  const r = await sim.report()
  await expect(hosts).toHaveAttribute('data-good', String(r.topology.nodes.filter((n) => n.host === 'up' && n.cvm === 'up').length))
})

test('after a block failure Home, Health, Hardware and HA tell the same story (screenshot review fixes)', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/home')
  await sim.inject({ kind: 'block', target: 'block-2' })
  await sim.advance(180)
  const r = await sim.report()
  const down = r.topology.nodes.filter((n) => n.host === 'down')
  expect(down).toHaveLength(4)
  // Home's Health widget: the same counts as the Health page
  await expect(page.getByTestId('home-health-hosts')).toHaveAttribute('data-critical', '4')
  await page.getByTestId('home-health-hosts').click()
  await expect(page.getByTestId('health-hosts').locator('[data-critical]')).toHaveAttribute('data-critical', '4')
  // Hardware overview: the unreachable disks count offline, as Analysis counts them; top hosts by CPU and IOPS from the model
  await page.evaluate(() => (location.hash = '#/hardware/overview'))
  const offline = r.topology.disks.filter((d) => down.some((n) => n.id === d.node) || d.mode === 'offline')
  await expect(page.getByTestId('tier-SSD').locator('td').nth(1)).toHaveText(String(offline.filter((d) => d.tier === 'SSD').length))
  const busiest = r.topology.nodes.filter((n) => n.host === 'up').sort((a, b) => b.cpuUsagePct - a.cpuUsagePct)[0]
  await expect(page.getByTestId('top-hosts-cpu').locator('li').first()).toContainText(busiest.id)
  await expect(page.getByTestId('top-hosts-cpu').locator('li').first()).toContainText(`${busiest.cpuUsagePct.toFixed(1)} %`)
  const sg = r.io.stargates.filter((s) => s.healthy).sort((a, b) => b.iops - a.iops)[0]
  await expect(page.getByTestId('top-hosts-iops').locator('li').first()).toContainText(sg.id)
  await expect(page.getByTestId('top-hosts-iops')).not.toContainText(down[0].id)
  // the HA strip: a host that is down offers no memory
  await page.evaluate(() => (location.hash = '#/ha'))
  await expect(page.getByText('not available')).toHaveCount(4)
})
