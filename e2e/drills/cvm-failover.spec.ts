/**
 * Example drill (copy me): a CVM is shut down for maintenance. Its host's VMs keep running,
 * every vDisk session moves to a remote Stargate within one health-check interval plus the
 * login, and 300 s after the CVM is back the sessions come home.
 */
import { expect, openScenario, test } from '../fixtures'
import { prism } from '../pages'

test('drill: CVM on node-2 down and back; I/O paths fail over and fail back', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 1)
  const ui = prism(page)
  const r0 = await sim.report()
  const vdisk = r0.vms.find((v) => v.host === 'node-2' && v.power === 'on')!.vdisks[0].id

  await ui.hardware.act('node', 'node-2', 'Shut down CVM')
  await ui.ioPaths.open()
  await sim.advance(10) // health check every 5 s, login 1 s (defaults)
  await expect(ui.ioPaths.session(vdisk)).toHaveAttribute('data-path', 'remote')
  await expect(ui.ioPaths.session(vdisk)).not.toHaveAttribute('data-stargate', 'node-2')
  expect((await sim.report()).vms.filter((v) => v.host === 'node-2').every((v) => v.power === 'on')).toBe(true)

  await ui.hardware.act('node', 'node-2', 'Restore')
  await ui.ioPaths.open()
  await sim.advance(290)
  await expect(ui.ioPaths.session(vdisk)).toHaveAttribute('data-path', 'remote') // not stable for 300 s yet
  await sim.advance(30)
  await expect(ui.ioPaths.session(vdisk)).toHaveAttribute('data-path', 'local')
  await expect(ui.ioPaths.session(vdisk)).toHaveAttribute('data-stargate', 'node-2')
})
