/**
 * Multi-node partitions (issue 15 item 4, DOMAIN.md §10): on `rack-aware-3` the rack holding the
 * Acropolis leader is cut off from the Hardware diagram; the side with the Zookeeper majority
 * elects a new leader at T20 and the cut-off VMs run again on it by T135; reconnecting heals.
 * The "Network partition…" dialog cuts off a chosen set of hosts and reconnects it.
 * Screenshots go to PRISM_SHOTS (when set) at 1280×720, for the engineer to look at.
 */
import type { Page } from '@playwright/test'
import { expect, openScenario, test } from './fixtures'

test.use({ viewport: { width: 1280, height: 720 } })

async function nav(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h
  }, hash)
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.PRISM_SHOTS
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false })
}

test('rack-aware-3: disconnect the leader\'s rack from the diagram → new leader on the other side at T20, cut-off VMs restarted by T135; reconnect heals', async ({ page }) => {
  const sim = await openScenario(page, 'rack-aware-3', 1, '#/hardware')
  const r0 = await sim.report()
  const leader = r0.acropolisLeader!
  const rack = r0.topology.nodes.find((n) => n.id === leader)!.rack
  const cut = r0.topology.nodes.filter((n) => n.rack === rack).map((n) => n.id)
  const victims = r0.vms.filter((v) => v.power === 'on' && cut.includes(v.host!))
  expect(victims.length).toBeGreaterThan(0)

  await page.getByTestId(`rack-${rack}`).click()
  await page.getByRole('menu', { name: `Rack ${rack} actions` }).getByRole('menuitem', { name: 'Disconnect from network' }).click()
  for (const id of cut) await expect(page.getByTestId(`node-${id}`)).toHaveAttribute('data-state', 'partitioned')
  let r = await sim.report()
  expect(r.cluster.quorum).toBe(true)
  expect(r.topology.nodes.filter((n) => n.host === 'partitioned').map((n) => n.id)).toEqual(cut)

  // T20: the side holding the Zookeeper majority elects a new leader among its hosts
  await sim.advance(20)
  r = await sim.report()
  expect(r.acropolisLeader).not.toBeNull()
  expect(cut).not.toContain(r.acropolisLeader)
  await nav(page, '#/ha')
  await expect(page.getByTestId('ha-leader')).toContainText(r.acropolisLeader!)
  // the cut-off rack's sessions have no path: its VMs' I/O fails (they stop at T45)
  await nav(page, '#/io-paths')
  await expect(page.getByTestId(`stargate-${cut[0]}`)).toContainText('cut off')
  await expect(page.getByTestId('partition-banner')).toContainText('VMs there stop 45 s after their first failed I/O and HA restarts them on this side at T120')
  await shot(page, 'partition-iopaths-t20')

  // by T135 every VM of the cut-off rack runs again, once, on the quorum side
  await sim.advance(115)
  r = await sim.report()
  for (const v of victims) {
    const now = r.vms.find((x) => x.id === v.id)!
    expect(now.power).toBe('on')
    expect(cut).not.toContain(now.host)
  }
  await nav(page, '#/hardware')
  for (const id of cut) await expect(page.getByTestId(`node-${id}`)).toHaveAttribute('aria-label', new RegExp(`^Host ${id}, Partitioned, 0 VMs`))
  await shot(page, 'partition-hardware')
  await nav(page, '#/home')
  await expect(page.getByTestId('partition-banner')).toContainText(`${cut.length} hosts`)
  // past T120 the banner tells what happened, not what will
  await expect(page.getByTestId('partition-banner')).toContainText('Their VMs stopped and HA restarted them on this side')
  await shot(page, 'partition-home')
  // the VM page: a victim runs on the quorum side
  await nav(page, '#/vms/table')
  const v = victims[0]
  await page.getByRole('table', { name: 'VMs' }).getByRole('button', { name: v.name, exact: true }).click()
  const host = r.vms.find((x) => x.id === v.id)!.host!
  await expect(page.getByTestId('vm-details')).toContainText(host)
  await shot(page, 'partition-vm')
  await nav(page, '#/io-paths')
  await shot(page, 'partition-iopaths')

  // reconnect the rack from its menu: every host rejoins, nothing lost, nothing runs twice
  await nav(page, '#/hardware')
  await page.getByTestId(`rack-${rack}`).click()
  await page.getByRole('menu', { name: `Rack ${rack} actions` }).getByRole('menuitem', { name: 'Reconnect to network' }).click()
  for (const id of cut) await expect(page.getByTestId(`node-${id}`)).toHaveAttribute('data-state', 'up')
  await sim.settle()
  r = await sim.report()
  expect(r.topology.nodes.every((n) => n.host === 'up')).toBe(true)
  expect(r.resiliency.unavailableBytes).toBe(0)
  expect(r.resiliency.lostBytes).toBe(0)
  expect(r.vms.filter((x) => x.power === 'on').length).toBe(r0.vms.filter((x) => x.power === 'on').length)
  await expect(page.getByTestId('partition-banner')).toHaveCount(0)
})

test('Network partition dialog: choose hosts, see the sides, disconnect, reconnect', async ({ page }) => {
  const sim = await openScenario(page, 'rack-aware-3', 1, '#/hardware')
  await page.getByTestId('open-partition-dialog').click()
  const dialog = page.getByTestId('partition-dialog')
  await dialog.getByRole('checkbox', { name: 'Host node-5' }).check()
  await dialog.getByRole('checkbox', { name: 'Whole block block-4' }).check()
  await expect(dialog.getByTestId('partition-preview')).toContainText('3 hosts cut off together from the other 9')
  await expect(dialog.getByTestId('partition-preview')).toContainText('Zookeeper servers: 1 of 3 on the chosen side')
  await shot(page, 'partition-dialog')
  await dialog.getByTestId('partition-disconnect').click()
  await expect(dialog.getByTestId('active-partition')).toContainText('3 hosts cut off together: node-5, node-7, node-8')
  let r = await sim.report()
  expect(r.topology.nodes.filter((n) => n.host === 'partitioned').map((n) => n.id)).toEqual(['node-5', 'node-7', 'node-8'])
  // every host is refused with the model's reason, nothing changes
  await dialog.getByRole('checkbox', { name: 'Whole rack rack-1' }).check()
  await dialog.getByRole('checkbox', { name: 'Whole rack rack-2' }).check()
  await dialog.getByRole('checkbox', { name: 'Whole rack rack-3' }).check()
  await expect(dialog.getByTestId('partition-disconnect')).toBeDisabled()
  await dialog.getByRole('button', { name: 'Reconnect' }).click()
  await expect(dialog.getByTestId('active-partition')).toHaveCount(0)
  r = await sim.report()
  expect(r.topology.nodes.every((n) => n.host === 'up')).toBe(true)
})
