/**
 * Consequences a trainee must see (issue 15, DOMAIN.md §9): past the fault tolerance, data
 * on parts that are down is unavailable (not lost), the VMs whose data it is see I/O errors
 * and their sessions stall; when the parts return, the data is back and I/O resumes.
 * Screenshots go to PRISM_SHOTS (when set) for the engineer to look at.
 */
import type { Page } from '@playwright/test'
import { expect, openScenario, test } from './fixtures'

// the screenshots are looked at as a trainee sees them on a laptop
test.use({ viewport: { width: 1280, height: 720 } })

async function nav(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h
  }, hash)
}

async function act(page: Page, node: string, action: string): Promise<void> {
  await nav(page, '#/hardware')
  await page.getByTestId(`node-${node}`).click()
  await page.getByRole('menu', { name: `Host ${node} actions` }).getByRole('menuitem', { name: action }).click()
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.PRISM_SHOTS
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false })
}

test('CVM of node-2 down + node-5 off: "Data unavailable" (not "Data loss"), I/O errors and stalled sessions; both back: data back, I/O resumes', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/home')
  await act(page, 'node-2', 'Shut down CVM')
  await act(page, 'node-5', 'Power off node')
  await sim.advance(120)
  const r = await sim.report()
  expect(r.resiliency.unavailableBytes).toBeGreaterThan(0)
  expect(r.resiliency.lostBytes).toBe(0)
  await expect(page.getByTestId('data-unavailable-banner')).toContainText('Data unavailable')
  await expect(page.getByTestId('data-loss-banner')).toHaveCount(0)
  await nav(page, '#/home')
  await expect(page.getByTestId('data-unavailable')).toBeVisible()
  // the Storage Summary does not claim the cluster can self-heal now
  await expect(page.getByTestId('storage-summary').getByTestId('storage-state-text')).toContainText('no online copy')
  await shot(page, 'home-unavailable')

  // the VM page: a running VM whose data is partly unavailable shows its I/O errors
  const vm = r.vms.find((v) => v.power === 'on' && v.io.errorsPerSecond > 0 && v.vdisks.some((d) => !d.dataAvailable))!
  expect(vm).toBeTruthy()
  await nav(page, '#/vms/table')
  const table = page.getByRole('table', { name: 'VMs' })
  await expect(table.getByRole('columnheader', { name: 'I/O errors' })).toBeVisible()
  await table.getByRole('button', { name: vm.name, exact: true }).click()
  await expect(page.getByTestId(`vm-io-errors-${vm.id}`)).toBeVisible()
  const details = page.getByTestId('vm-details')
  await expect(details.getByTestId('vm-details-io-errors')).toContainText('/s')
  await expect(details.getByTestId('vm-data-unavailable')).toBeVisible()
  const bad = vm.vdisks.find((d) => !d.dataAvailable)!
  await expect(details.getByTestId(`vm-vdisk-${bad.id}`)).toHaveAttribute('data-available', 'false')
  await shot(page, 'vm-unavailable')

  // I/O Paths: its session is drawn stalled
  await nav(page, '#/io-paths')
  await expect(page.getByTestId(`iopath-${bad.id}`)).toHaveAttribute('data-session', 'stalled')
  await expect(page.getByTestId('paths-unavailable')).not.toHaveText('0')
  await shot(page, 'iopaths-unavailable')

  // the VM events say so
  expect(r.events.some((e) => e.type === 'VmIoErrors')).toBe(true)

  // the HA page explains where node-5's VMs went: spread, not one host filled first
  await nav(page, '#/ha')
  await expect(page.getByTestId('ha-timeline')).toHaveAttribute('data-host', 'node-5')
  const restarted = r.ha.incidents.at(-1)!.restarted
  const hosts = new Set(restarted.map((x) => x.host))
  expect(hosts.size).toBeGreaterThan(1)
  await expect(page.getByTestId('ha-spread')).toContainText(`Spread over ${hosts.size} host(s)`)
  await shot(page, 'ha-spread')

  // both parts return: the data is back, nothing was lost, I/O resumes
  await act(page, 'node-2', 'Restore')
  await act(page, 'node-5', 'Restore')
  await sim.settle()
  const after = await sim.report()
  expect(after.resiliency.unavailableBytes).toBe(0)
  expect(after.resiliency.lostBytes).toBe(0)
  expect(after.vms.every((v) => v.io.errorsPerSecond === 0)).toBe(true)
  await expect(page.getByTestId('data-unavailable-banner')).toHaveCount(0)
  await nav(page, '#/io-paths')
  await expect(page.getByTestId(`iopath-${bad.id}`)).toHaveAttribute('data-session', 'active')
  await shot(page, 'iopaths-restored')
  await nav(page, '#/vms/table')
  await page.getByRole('table', { name: 'VMs' }).getByRole('button', { name: vm.name, exact: true }).click()
  await expect(page.getByTestId('vm-details').getByTestId('vm-details-io-errors')).toHaveText('None')
  await shot(page, 'vm-restored')
  await nav(page, '#/home')
  await expect(page.getByTestId('data-unavailable')).toHaveCount(0)
  await expect(page.getByTestId('storage-summary').getByTestId('storage-state-text')).toContainText('can self-heal after a block failure')
  await shot(page, 'home-restored')
})
