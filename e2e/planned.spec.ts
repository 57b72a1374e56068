/**
 * Planned operations (issue 16): a one-click AOS upgrade from Settings on twelve-3-blocks,
 * played at 3,600×, moves the I/O paths node by node and ends with the new version on
 * Home; a host enters maintenance mode from the Hardware diagram, its VMs move off and
 * come back; a refused pre-check shows its name.
 */
import type { Page } from '@playwright/test'
import { expect, openScenario, test } from './fixtures'

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash)

test('AOS upgrade from Settings at 3,600×: I/O paths move node by node, the task finishes, Home shows the new version', async ({ page }) => {
  test.setTimeout(180_000)
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/home')
  await sim.settle(3600)
  await expect(page.getByTestId('home-version-aos')).toHaveText('6.5.2')
  const r0 = await sim.report()
  const onNode1 = r0.vms.filter((v) => v.host === 'node-1' && v.power === 'on').flatMap((v) => v.vdisks)
  expect(onNode1.length).toBeGreaterThan(0)

  await go(page, '#/settings')
  await page.getByTestId('upgrade-aos').click()
  await expect(page.getByTestId('upgrade-status')).toContainText('running')
  await expect(page.getByTestId('upgrade-status')).toContainText('in progress: node-1')

  // node-1's CVM is down for the upgrade: its VMs' sessions were handed to other Stargates
  await go(page, '#/io-paths')
  await expect(page.getByTestId('stargate-node-1')).toHaveAttribute('data-state', 'down')
  for (const d of onNode1.slice(0, 3)) {
    await expect(page.getByTestId(`iopath-${d.id}`)).toHaveAttribute('data-path', 'remote')
    await expect(page.getByTestId(`iopath-${d.id}`)).toHaveAttribute('data-session', /active|0/)
  }
  // record, in the page, the order in which the I/O Paths view shows each Stargate down
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __down: string[] }).__down = seen
    const look = () => {
      for (const el of document.querySelectorAll('[data-testid^="stargate-"][data-state="down"]')) {
        const id = el.getAttribute('data-testid')!.slice('stargate-'.length)
        if (seen[seen.length - 1] !== id) seen.push(id)
      }
    }
    look()
    new MutationObserver(look).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true })
  })
  await page.getByLabel('Speed').selectOption('3600')
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(async () => (await sim.report()).upgrade?.state, { timeout: 120_000 }).toBe('succeeded')
  // node by node, in order, never two at once (each CVM was seen down alone, then the next)
  const down = await page.evaluate(() => (window as unknown as { __down: string[] }).__down)
  expect(down.length).toBeGreaterThanOrEqual(6)
  const order = down.map((id) => Number(id.replace('node-', '')))
  expect(order).toEqual([...order].sort((x, y) => x - y))
  expect(new Set(down).size).toBe(down.length)
  for (const d of onNode1.slice(0, 3)) await expect(page.getByTestId(`iopath-${d.id}`)).toHaveAttribute('data-stargate', 'node-1')
  await page.getByRole('button', { name: 'Pause' }).click()
  await go(page, '#/home')
  await expect(page.getByTestId('home-version-aos')).toHaveText('6.5.3')
  const r = await sim.report()
  expect(r.tasks.find((t) => t.type === 'RollingUpgrade')!.state).toBe('succeeded')
  expect(r.tasks.some((t) => t.type === 'DataRebuild')).toBe(false)
})

test('maintenance mode from the diagram: the VMs move off and come back', async ({ page }) => {
  test.setTimeout(60_000)
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/hardware/diagram')
  const r0 = await sim.report()
  const mine = r0.vms.filter((v) => v.host === 'node-4' && v.power === 'on').map((v) => v.id)
  expect(mine.length).toBeGreaterThan(0)
  await page.getByTestId('node-node-4').click()
  await page.getByRole('menuitem', { name: 'Enter maintenance mode' }).click()
  await sim.settle(600)
  await expect(page.getByTestId('node-node-4')).toHaveAttribute('data-state', 'maintenance')
  await expect(page.getByTestId('node-node-4')).toContainText('In maintenance')
  let r = await sim.report()
  expect(r.topology.nodes.find((n) => n.id === 'node-4')!.maintenance).toBe('in')
  expect(r.vms.filter((v) => mine.includes(v.id)).every((v) => v.power === 'on' && v.host !== 'node-4')).toBe(true)
  await page.getByTestId('node-node-4').click()
  await page.getByRole('menuitem', { name: 'Exit maintenance mode' }).click()
  await sim.settle(600)
  await expect(page.getByTestId('node-node-4')).toHaveAttribute('data-state', 'up')
  r = await sim.report()
  expect(r.vms.filter((v) => mine.includes(v.id)).every((v) => v.power === 'on' && v.host === 'node-4')).toBe(true)
})

test('a refused pre-check shows its name', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/settings')
  await sim.inject({ kind: 'node', target: 'node-7' })
  await sim.advance(120)
  await page.getByTestId('upgrade-aos').click()
  await expect(page.getByText(/pre-check "(Data Resiliency OK|No rebuild running|Every node up)" failed/)).toBeVisible()
  expect((await sim.report()).upgrade).toBeNull()
})

test('Migrate from the VM page: the VM moves to the chosen host; a refusal shows its reason', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/vms/table')
  const vm = (await sim.report()).vms.find((v) => v.power === 'on')!
  const to = vm.host === 'node-12' ? 'node-11' : 'node-12'
  await page.getByRole('table', { name: 'VMs' }).getByRole('button', { name: vm.name, exact: true }).click()
  const details = page.getByTestId('vm-details')
  await details.getByTestId('vm-migrate-host').selectOption(vm.host!)
  await details.getByTestId('vm-migrate').click()
  await expect(details.getByRole('alert')).toContainText(`already runs on ${vm.host}`)
  await details.getByTestId('vm-migrate-host').selectOption(to)
  await details.getByTestId('vm-migrate').click()
  await sim.settle(120)
  const r = await sim.report()
  expect(r.vms.find((v) => v.id === vm.id)!.host).toBe(to)
  expect(r.tasks.find((t) => t.type === 'VmMigrate')!.state).toBe('succeeded')
})
