/** The VM page's I/O columns and each vDisk's current Stargate and path, before and after a failover. */
import { expect, openScenario, test } from './fixtures'

test('the VM table shows controller I/O and the details show each vDisk on its current Stargate', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/vms/table')
  const table = page.getByRole('table', { name: 'VMs' })
  for (const h of ['Controller Read IOPS', 'Controller Write IOPS', 'Controller IO Bandwidth', 'Controller IO Latency', 'Stargate paths']) {
    await expect(table.getByRole('columnheader', { name: h })).toBeVisible()
  }
  const r0 = await sim.report()
  const vm = r0.vms.find((v) => v.host === 'node-2' && v.power === 'on')!
  await table.getByRole('button', { name: vm.name, exact: true }).click()
  const details = page.getByTestId('vm-details')
  await expect(page.getByTestId(`vm-row-${vm.id}`)).toContainText(`${vm.vdisks.length} local`)
  await expect(page.getByTestId(`vm-row-${vm.id}`)).toContainText(vm.io.readIops.toLocaleString('en-US'))
  for (const d of vm.vdisks) await expect(details.getByTestId(`vm-vdisk-${d.id}`)).toHaveAttribute('data-path', 'local')

  await sim.inject({ kind: 'cvm', target: 'node-2' })
  await sim.advance(6)
  const r1 = await sim.report()
  const after = r1.vms.find((v) => v.id === vm.id)!
  expect(after.power).toBe('on')
  for (const d of after.vdisks) {
    const row = details.getByTestId(`vm-vdisk-${d.id}`)
    await expect(row).toHaveAttribute('data-path', 'remote')
    await expect(row).toHaveAttribute('data-stargate', d.stargate!)
  }
  await expect(page.getByTestId(`vm-row-${vm.id}`)).toContainText(`${vm.vdisks.length} remote`)
  await expect(details).toContainText(`${after.io.latencyMs.toFixed(2)} ms`)
})
