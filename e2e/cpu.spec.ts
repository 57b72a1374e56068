/** CPU and memory usage (cpu.ts): Home's Cluster CPU Usage, the VM table's columns and the top VMs by CPU, all from the model. */
import { expect, openScenario, test } from './fixtures'

test('Home shows the cluster CPU usage of the Report, and it moves when a node fails and HA restarts its VMs', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1, '#/home')
  await sim.advance(12 * 3600)
  const r0 = await sim.report()
  const meter = page.getByTestId('cluster-cpu-usage')
  await expect(meter).toContainText('Cluster CPU Usage')
  await expect(meter).toContainText(`${Math.round(r0.cluster.cpuUsagePct)}%`)
  const busiest = r0.topology.nodes.reduce((a, n) => (n.cpuUsagePct > a.cpuUsagePct ? n : a))
  await expect(meter).toContainText(`busiest host ${busiest.id}: ${busiest.cpuUsagePct.toFixed(1)} %`)
  await sim.inject({ kind: 'node', target: 'node-2' })
  await sim.advance(300)
  const r1 = await sim.report()
  expect(r1.topology.nodes.find((n) => n.id === 'node-2')!.cpuUsagePct).toBe(0)
  await expect(meter).toContainText(`${Math.round(r1.cluster.cpuUsagePct)}%`)
})

test('the VM table has CPU Usage and Memory Usage columns; the overview lists the top VMs by CPU usage', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/vms/table')
  const table = page.getByRole('table', { name: 'VMs' })
  for (const h of ['CPU Usage', 'Memory Usage']) await expect(table.getByRole('columnheader', { name: h })).toBeVisible()
  const r = await sim.report()
  const vm = r.vms.find((v) => v.power === 'on')!
  await expect(page.getByTestId(`vm-row-${vm.id}`)).toContainText(`${vm.cpuUsagePct.toFixed(1)} %`)
  await expect(page.getByTestId(`vm-row-${vm.id}`)).toContainText(`${vm.memoryUsagePct.toFixed(1)} %`)
  await page.goto(page.url().replace('#/vms/table', '#/vms/overview'))
  const top = page.getByTestId('top-vms-cpu')
  await expect(top).toContainText('Top VMs by CPU Usage')
  const now = await sim.report()
  const best = [...now.vms].filter((v) => v.power === 'on').sort((a, b) => b.cpuUsagePct - a.cpuUsagePct)[0]
  await expect(top.locator('li').first()).toContainText(best.name)
  await expect(top.locator('li').first()).toContainText(`${best.cpuUsagePct.toFixed(1)} %`)
})
