/**
 * Example drill (copy me): a host fails; the drill waits for HA's restarts and for the
 * rebuild without a magic number (advanceUntil through the kit's waitFor… helpers), then checks
 * what the VM page shows. After the host is back it waits for the status to be OK again.
 */
import { expect, openScenario, test } from '../fixtures'

test('drill: node-2 fails; wait for the HA restarts and the rebuild, then for OK after it is back', async ({ page, prism }) => {
  const sim = await openScenario(page, 'starter-3', 3, '#/vms/table')
  const victims = (await sim.report()).vms.filter((v) => v.host === 'node-2' && v.power === 'on').map((v) => v.id)
  expect(victims.length).toBeGreaterThan(0)

  await sim.inject({ kind: 'node', target: 'node-2' })
  await expect(page.getByTestId(`vm-row-${victims[0]}`)).toContainText('Restarting')
  const rebuildAfter = await sim.waitForRebuild()
  const restartAfter = await sim.waitForHaRestarts()
  const r = await sim.report()
  const restart = r.events.find((e) => e.type === 'HaRestartStarted' && e.entity === 'node-2')!
  // the clock stopped exactly at the restart: no magic number in the drill
  expect(r.time).toBe(restart.time)
  expect(rebuildAfter + restartAfter).toBe(restart.time)
  for (const id of victims) {
    const vm = r.vms.find((v) => v.id === id)!
    expect(vm.power).toBe('on')
    expect(vm.host).not.toBe('node-2')
    await expect(page.getByTestId(`vm-row-${id}`)).toContainText(vm.host!)
  }
  await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-seconds', String(restart.time))

  await sim.restore('node-2')
  await sim.waitForStatus('OK')
  await prism.frame.goto('#/home')
  await expect(page.getByTestId('resiliency-status')).toHaveText('OK')
  expect((await sim.report()).resiliency.status).toBe('OK')
  // a condition that can't happen in time: the kit names it
  expect(await sim.errorOf(() => sim.waitForRebuild(60))).toBe('the data rebuild did not start within 60 simulated seconds')
  expect(await sim.errorOf(() => sim.advanceUntil({ vm: 'vm-404', power: 'on' }, 10))).toBe('unknown VM "vm-404"')
})
