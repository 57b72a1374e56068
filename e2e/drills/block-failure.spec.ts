/**
 * Example drill (copy me): a whole block fails on a block-aware cluster.
 * Expected story: both its hosts go down, HA restarts their VMs by T120, the data of the
 * block is rebuilt on the three other blocks (Critical meanwhile) and the cluster is back
 * to OK, still tolerating a block failure — no byte lost.
 */
import { expect, openScenario, test, type Scenario } from '../fixtures'
import { prism } from '../pages'

const scenario: Scenario = {
  title: 'Drill: block failure',
  seed: 11,
  cluster: {
    awareness: 'block',
    layout: { racks: 1, blocksPerRack: 4, nodesPerBlock: 2, ssdPerNode: 2, hddPerNode: 4, ssdTB: 1.92, hddTB: 6 },
    data: { usedPct: 30 },
  },
  vmFill: { count: 24, vcpus: 2, memoryGiB: 16, vdisks: 2 },
}

test('drill: block-2 fails; VMs restart, data rebuilds on the other blocks, the cluster heals', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3')
  await sim.load(scenario)
  const ui = prism(page)

  await ui.hardware.act('block', 'block-2', 'Fail block')
  await expect(ui.hardware.entity('block', 'block-2')).toHaveAttribute('data-state', 'down')
  await expect(ui.hardware.entity('node', 'node-3')).toHaveAttribute('data-state', 'down')

  await sim.advance(120)
  let r = await sim.report()
  expect(r.vms.every((v) => v.power === 'on')).toBe(true)
  expect(r.vms.some((v) => v.host === 'node-3' || v.host === 'node-4')).toBe(false)

  await ui.frame.goto('#/home')
  await expect(ui.home.resiliencyStatus).toHaveText('Critical')
  await expect(ui.home.rebuild).toHaveAttribute('data-state', 'rebuilding')

  await sim.settle()
  await expect(ui.home.resiliencyStatus).toHaveText('OK')
  await expect(ui.home.rebuild).toHaveText('Data Rebuild Complete')
  r = await sim.report()
  expect(r.resiliency.lostBytes).toBe(0)
  expect(r.resiliency.faultTolerance.find((f) => f.domainType === 'RACKABLE_UNIT')!.failuresTolerable).toBe(1)
})
