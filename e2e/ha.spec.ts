/**
 * VM high availability drills (issue 7): power off a node in Guarantee mode and watch its
 * VMs restart by T120 on the VM High Availability page; try to power on a VM that does
 * not fit and see the refusal; enable the reservation from Settings; axe on the page.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, openScenario, test, type Scenario } from './fixtures'

const GiB = 1024 ** 3

/** The seed's 3 equal hosts (100 GiB for VMs each), VM02 and VM03 on different hosts, VM01 (70 %) off. */
const SEED_EXAMPLE: Scenario = {
  id: 'ha-seed-example',
  title: 'HA seed example',
  cluster: {
    name: 'HA-3',
    haMode: 'guarantee',
    data: { usedPct: 5 },
    layout: { racks: 1, blocksPerRack: 3, nodesPerBlock: 1, ssdPerNode: 1, hddPerNode: 1, ssdTB: 1, hddTB: 2, memoryGiB: 132, cvmMemoryGiB: 32 },
  },
  vms: [
    { id: 'VM02', host: 'node-2', vcpus: 2, memoryGiB: 40, vdisks: 1 },
    { id: 'VM03', host: 'node-3', vcpus: 2, memoryGiB: 40, vdisks: 1 },
    { id: 'VM01', host: 'node-1', vcpus: 4, memoryGiB: 70, vdisks: 1, power: 'off' },
  ],
}

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash)

test('Guarantee mode: a powered-off node’s VMs restart on their failover segment by T120', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1, '#/ha')
  await sim.load(SEED_EXAMPLE)
  await expect(page.getByTestId('ha-page-mode')).toHaveText('Guarantee')
  const before = await sim.report()
  const seg = before.vms.find((v) => v.id === 'VM02')!.failoverHosts[0]
  expect(seg).toBeDefined()
  // the segment host draws the reserve and the segment for node-2
  await expect(page.getByTestId(`ha-host-${seg}`)).toHaveAttribute('data-reserved-bytes', String(40 * GiB))
  await expect(page.getByTestId(`ha-segment-${seg}-node-2`)).toBeVisible()

  // power off node-2 from the hardware diagram
  await go(page, '#/hardware/diagram')
  await page.getByTestId('node-node-2').click()
  await page.getByRole('menuitem', { name: 'Power off node' }).click()
  await expect(page.getByTestId('node-node-2')).toHaveAttribute('data-state', 'down')

  await go(page, '#/ha')
  const timeline = page.getByTestId('ha-timeline')
  await expect(timeline).toHaveAttribute('data-host', 'node-2')
  const t0 = (await sim.report()).ha.incidents.at(-1)!.t0
  await expect(page.getByTestId('ha-step-T0')).toHaveAttribute('data-done', 'true')
  await expect(page.getByTestId('ha-step-T120')).toHaveAttribute('data-done', 'false')
  expect((await sim.report()).vms.find((v) => v.id === 'VM02')!.power).toBe('restarting')

  await sim.advance(119)
  await expect(page.getByTestId('ha-step-T60')).toHaveAttribute('data-time', String(t0 + 60))
  await expect(page.getByTestId('ha-step-T120')).toHaveAttribute('data-done', 'false')
  expect((await sim.report()).vms.find((v) => v.id === 'VM02')!.power).toBe('restarting')

  await sim.advance(1)
  await expect(page.getByTestId('ha-step-T120')).toHaveAttribute('data-time', String(t0 + 120))
  await expect(page.getByTestId('ha-incident-state')).toHaveText('VMs restarted')
  await expect(page.getByTestId('ha-restarted-count')).toHaveText('1')
  const after = await sim.report()
  expect(after.vms.find((v) => v.id === 'VM02')).toMatchObject({ power: 'on', host: seg })
  expect(after.vms.find((v) => v.id === 'VM03')).toMatchObject({ power: 'on', host: 'node-3' })
  await expect(page.getByTestId(`ha-parcel-VM02`)).toBeVisible()

  const axe = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

  // the replay sweeps the recorded timeline again
  await page.getByRole('button', { name: 'Replay' }).click()
  await expect(page.getByTestId('ha-timeline-cursor')).toBeVisible()
})

test('Guarantee mode: powering on a VM that does not fit is refused with the reason', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1, '#/vms/table')
  await sim.load(SEED_EXAMPLE)
  const expected = await sim.errorOf(() => sim.powerOn('VM01'))
  expect(expected).toContain('no valid failover segment layout exists')

  await page.getByRole('table', { name: 'VMs' }).getByRole('button', { name: 'VM01', exact: true }).click()
  const details = page.getByTestId('vm-details')
  await details.getByRole('button', { name: 'Power on' }).click()
  const error = details.getByRole('alert')
  await expect(error).toContainText('Could not power on VM01')
  await expect(error).toContainText('no valid failover segment layout exists')
  expect((await sim.report()).vms.find((v) => v.id === 'VM01')!.power).toBe('off')
})

test('Settings: enabling the HA reservation switches to Guarantee mode', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1, '#/settings')
  expect((await sim.report()).ha.mode).toBe('default')
  const pane = page.getByTestId('settings-ha')
  await pane.getByLabel('Enable HA Reservation').check()
  await pane.getByRole('button', { name: 'Save' }).click()
  await expect(pane.getByTestId('ha-mode')).toHaveText('Guarantee (reservation enabled)')
  const r = await sim.report()
  expect(r.ha.mode).toBe('guarantee')
  expect(r.cluster.haMode).toBe('guarantee')
  expect(r.ha.protected).toBe(true)
  // the drill API refuses a mode it does not know, and leaves the mode alone
  const msg = await sim.errorOf(() => page.evaluate(() => window.prismSim!.setHaMode('strict' as 'default')))
  expect(msg).toContain('HA mode must be')
})
