/**
 * Walkthrough mode (issue 8): a narrated walkthrough plays end to end — caption, step
 * n of N, the clock run exactly to each step, the focus entity highlighted on the page
 * the step is best seen on, Back replays, keyboard-driven.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { builtinScenario } from '../src/model/scenario/builtins'
import { expect, openScenario, test } from './fixtures'

const caption = (page: Page) => page.getByTestId('walkthrough-caption')

async function expectStep(page: Page, n: number, of: number, at: number, say: string) {
  await expect(caption(page)).toHaveAttribute('data-step', String(n))
  await expect(caption(page)).toHaveAttribute('data-busy', 'false')
  await expect(page.getByTestId('walkthrough-progress')).toHaveText(`Step ${n} of ${of}`)
  await expect(page.getByTestId('walkthrough-text')).toHaveText(say)
  await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-seconds', String(at))
}

test('the CVM failover walkthrough plays end to end: Next, keys, focus, Back replays', async ({ page }) => {
  const steps = builtinScenario('walkthrough-cvm-failover')!.steps!.filter((s) => s.say !== undefined)
  expect(steps).toHaveLength(6)
  const sim = await openScenario(page, 'walkthrough-cvm-failover')
  const app1Paths = async () => (await sim.report()).vms.find((v) => v.id === 'app-1')!.vdisks.map((d) => d.path)

  await page.getByRole('button', { name: 'Start walkthrough' }).click()
  await expectStep(page, 1, 6, 0, steps[0].say!)
  await expect(page).toHaveURL(/#\/io-paths$/)
  // the step's focus (node-3) is highlighted where the page draws it
  await expect(page.getByTestId('walkthrough-focus-style')).toHaveAttribute('data-focus', 'node-3')
  const host3 = page.getByTestId('iohost-node-3')
  await expect(host3).toBeVisible()
  expect(await host3.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid')
  expect(await page.getByTestId('iohost-node-1').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none')
  expect(await app1Paths()).toEqual(['local', 'local', 'local'])
  await new AxeBuilder({ page }).include('[data-testid="walkthrough-caption"]').withTags(['wcag2a', 'wcag2aa']).analyze().then((r) => expect(r.violations).toEqual([]))

  // Next (button): the CVM goes down at exactly T+30
  await page.getByRole('button', { name: 'Next' }).click()
  await expectStep(page, 2, 6, 30, steps[1].say!)
  expect((await sim.report()).topology.nodes.find((n) => n.id === 'node-3')!.cvm).toBe('down')

  // Space: one health check later every vDisk of app-1 is remote, on the page too
  await page.locator('body').press('Space')
  await expectStep(page, 3, 6, 40, steps[2].say!)
  expect(await app1Paths()).toEqual(['remote', 'remote', 'remote'])
  const vdisk = (await sim.report()).vms.find((v) => v.id === 'app-1')!.vdisks[0].id
  await expect(page.getByTestId(`iopath-${vdisk}`)).toHaveAttribute('data-path', 'remote')

  // ArrowRight twice: the CVM is back, the scan confirms nothing to rebuild (Home)
  await page.keyboard.press('ArrowRight')
  await expectStep(page, 4, 6, 120, steps[3].say!)
  await page.keyboard.press('ArrowRight')
  await expectStep(page, 5, 6, 160, steps[4].say!)
  await expect(page).toHaveURL(/#\/home$/)
  await expect(page.getByTestId('resiliency-status')).toHaveText('OK')
  expect(await app1Paths()).toEqual(['remote', 'remote', 'remote'])

  // last step: failback, local again
  await page.keyboard.press('ArrowRight')
  await expectStep(page, 6, 6, 430, steps[5].say!)
  expect(await app1Paths()).toEqual(['local', 'local', 'local'])
  await expect(page.getByRole('button', { name: 'Finish' })).toBeVisible()
  await page.keyboard.press('ArrowRight') // nothing after the last step
  await expectStep(page, 6, 6, 430, steps[5].say!)

  // Back replays the scenario to step 5 exactly: the sessions are remote again
  await page.keyboard.press('ArrowLeft')
  await expectStep(page, 5, 6, 160, steps[4].say!)
  expect(await app1Paths()).toEqual(['remote', 'remote', 'remote'])
  await page.getByRole('button', { name: 'Back' }).click()
  await expectStep(page, 4, 6, 120, steps[3].say!)

  // Escape leaves walkthrough mode, the simulation stays where it is
  await page.keyboard.press('Escape')
  await expect(caption(page)).toHaveCount(0)
  await expect(page.getByTestId('walkthrough-focus-style')).toHaveCount(0)
  await expect(page.getByTestId('walkthrough-offer')).toBeVisible()
  await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-seconds', '120')
})

test('the Guarantee-mode walkthrough runs from the keyboard and shows the refused power-on', async ({ page }) => {
  const steps = builtinScenario('walkthrough-guarantee-admission')!.steps!.filter((s) => s.say !== undefined)
  const sim = await openScenario(page, 'walkthrough-guarantee-admission')
  await page.keyboard.press('w')
  await expectStep(page, 1, steps.length, 0, steps[0].say!)
  await expect(page).toHaveURL(/#\/ha$/)
  await page.keyboard.press('Space')
  await expectStep(page, 2, steps.length, 30, steps[1].say!)
  const refused = (await sim.report()).events.filter((e) => e.type === 'ScenarioStepFailed')
  expect(refused).toHaveLength(1)
  expect(refused[0].message).toContain('cannot power on VM "big-db"')
  for (let n = 3; n <= steps.length; n++) {
    await page.keyboard.press('ArrowRight')
    await expectStep(page, n, steps.length, steps[n - 1].at, steps[n - 1].say!)
  }
  const r = await sim.report()
  expect(r.vms.find((v) => v.id === 'big-db')!.power).toBe('on')
  expect(r.vms.filter((v) => v.power === 'off').map((v) => v.id).sort()).toEqual(['vm-1', 'vm-5'])
  await page.getByRole('button', { name: 'Finish' }).click()
  await expect(caption(page)).toHaveCount(0)
})

test('loading another scenario ends the walkthrough; a scenario without narration offers none', async ({ page }) => {
  const sim = await openScenario(page, 'walkthrough-node-ha')
  await page.getByRole('button', { name: 'Start walkthrough' }).click()
  await expect(caption(page)).toHaveAttribute('data-step', '1')
  // on the Hardware diagram the focus node's plate is framed in amber
  await expect(page).toHaveURL(/#\/hardware\/diagram$/)
  const frameStroke = (id: string) => page.getByTestId(id).evaluate((el) => getComputedStyle(el.parentElement!.querySelector('rect')!).stroke)
  await expect.poll(() => frameStroke('node-node-2')).toBe('rgb(245, 158, 11)')
  expect(await frameStroke('node-node-1')).not.toBe('rgb(245, 158, 11)')
  await sim.load('starter-3')
  await expect(caption(page)).toHaveCount(0)
  await expect(page.getByTestId('walkthrough-offer')).toHaveCount(0)
})
