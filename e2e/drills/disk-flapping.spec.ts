/**
 * Example drill (copy me): a disk with transient I/O errors. Hades' SMART test passes and
 * the disk comes back — twice. The third time within an hour it stays offline, with an
 * alert, until someone restores it.
 */
import { expect, openScenario, test } from '../fixtures'
import { prism } from '../pages'

test('drill: a flapping disk is kept offline after 3 marks in an hour', async ({ page }) => {
  const sim = await openScenario(page, 'starter-3', 1)
  const ui = prism(page)
  const disk = ui.hardware.entity('disk', 'disk-2-4')

  for (let i = 0; i < 2; i++) {
    await ui.hardware.act('disk', 'disk-2-4', 'Transient disk errors')
    await expect(disk).toHaveAttribute('data-state', 'offline')
    await sim.advance(600) // Hades' SMART test takes 60 s
    await expect(disk).toHaveAttribute('data-state', 'online')
  }
  await ui.hardware.act('disk', 'disk-2-4', 'Transient disk errors')
  await sim.advance(600)
  await expect(disk).toHaveAttribute('data-state', 'offline')
  const alert = (await sim.report()).alerts.find((a) => a.type === 'DiskMarkedOfflineRepeatedly' && a.resolvedTime === null)
  expect(alert?.message).toMatch(/3 times within an hour/)
  // a disk Hades keeps offline can be removed (its data migrates first) or restored
  expect(await ui.hardware.actions('disk', 'disk-2-4')).toEqual(['Remove disk', 'Restore'])

  await ui.hardware.act('disk', 'disk-2-4', 'Restore')
  await expect(disk).toHaveAttribute('data-state', 'online')
})
