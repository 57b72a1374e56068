/**
 * The VM I/O path, drawn live (#/io-paths): a CVM shut down from the Hardware page sends
 * each vDisk of its host's VMs to a remote Stargate within a health-check interval plus
 * the login, the VMs stay on, and 300 s after the CVM is back the paths come home.
 * With PRISM_SHOTS=1 it also saves docs/iopaths-{before,during,after}.png.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, openScenario, test } from './fixtures'

const shots = process.env.PRISM_SHOTS === '1'

async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return
  await page.waitForTimeout(1200) // let the path transitions finish
  await page.screenshot({ path: `docs/iopaths-${name}.png`, fullPage: false })
}

test.describe('I/O Paths page', () => {
  test('a CVM shut down from Hardware: paths go remote, the VM stays on, and they come back 300 s after the restore', async ({ page }) => {
    const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/io-paths')
    const r0 = await sim.report()
    const victims = r0.vms.filter((v) => v.host === 'node-3' && v.power === 'on')
    expect(victims.length).toBeGreaterThan(0)
    const vdisks = victims.flatMap((v) => v.vdisks)
    // every vDisk of a running VM has its element (the workload keeps some VMs off: they have no session)
    await expect(page.locator('[data-testid^="iopath-"][data-path]')).toHaveCount(r0.vms.filter((v) => v.power !== 'off').reduce((a, v) => a + v.vdisks.length, 0))
    for (const d of vdisks) {
      await expect(page.getByTestId(`iopath-${d.id}`)).toHaveAttribute('data-path', 'local')
      await expect(page.getByTestId(`iopath-${d.id}`)).toHaveAttribute('data-stargate', 'node-3')
    }
    await expect(page.getByTestId('paths-remote')).toHaveText('0')
    await shot(page, 'before')

    // shut the CVM down from the Hardware diagram
    await page.goto('/#/hardware')
    await page.getByTestId('node-node-3').click()
    await page.getByRole('menu', { name: 'Host node-3 actions' }).getByRole('menuitem', { name: 'Shut down CVM' }).click()
    await expect(page.getByTestId('node-node-3')).toBeVisible()
    await sim.advance(6) // one NOP-OUT interval (5 s) + the login (1 s)
    await page.goto('/#/io-paths')
    for (const d of vdisks) {
      const el = page.getByTestId(`iopath-${d.id}`)
      await expect(el).toHaveAttribute('data-path', 'remote')
      await expect(el).not.toHaveAttribute('data-stargate', 'node-3')
      await expect(el).not.toHaveAttribute('data-stargate', '')
    }
    await expect(page.getByTestId('paths-remote')).toHaveText(String(vdisks.length))
    await expect(page.getByTestId('stargate-node-3')).toHaveAttribute('data-state', 'down')
    await expect(page.getByTestId('redirect-timeline').getByTestId('redirect-batch').first()).toHaveAttribute('data-reason', 'failover')
    await expect(page.getByTestId('redirector-log')).toContainText('Portal')
    const r1 = await sim.report()
    for (const v of victims) expect(r1.vms.find((x) => x.id === v.id)!.power).toBe('on')
    const targets = new Set(r1.vms.filter((v) => v.host === 'node-3').flatMap((v) => v.vdisks.map((d) => d.stargate)))
    expect(targets.size).toBeGreaterThan(2)
    // the page agrees with the Report, session by session
    for (const d of r1.vms.filter((v) => v.host === 'node-3').flatMap((v) => v.vdisks)) {
      await expect(page.getByTestId(`iopath-${d.id}`)).toHaveAttribute('data-stargate', d.stargate!)
    }
    await shot(page, 'during')

    // restore the CVM from the Hardware page; after 300 s of simulated time the paths come home
    await page.goto('/#/hardware')
    await page.getByTestId('node-node-3').click()
    await page.getByRole('menu', { name: 'Host node-3 actions' }).getByRole('menuitem', { name: 'Restore' }).click()
    await sim.advance(100)
    await page.goto('/#/io-paths')
    await expect(page.getByTestId('failbacks-pending')).toContainText('node-3')
    await expect(page.getByTestId(`iopath-${vdisks[0].id}`)).toHaveAttribute('data-path', 'remote')
    await sim.advance(220) // > 5 s (NOP-OUT) + 300 s + 1 s (login) after the restore
    for (const d of vdisks) {
      await expect(page.getByTestId(`iopath-${d.id}`)).toHaveAttribute('data-path', 'local')
      await expect(page.getByTestId(`iopath-${d.id}`)).toHaveAttribute('data-stargate', 'node-3')
    }
    await expect(page.getByTestId('paths-remote')).toHaveText('0')
    const r2 = await sim.report()
    for (const v of victims) expect(r2.vms.find((x) => x.id === v.id)!.power).toBe('on')
    expect(r2.io.redirects.some((x) => x.reason === 'failback' && x.host === 'node-3')).toBe(true)
    expect(r2.tasks.find((t) => t.type === 'IoPathFailback' && t.entity === 'node-3')?.state).toBe('succeeded')
    await shot(page, 'after')
  })

  test('filters by host and VM; a large cluster is drawn as bundles until a host is chosen', async ({ page }) => {
    const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/io-paths')
    const r = await sim.report()
    const vm = r.vms.find((v) => v.host === 'node-5')!
    await page.getByLabel('Filter by host').selectOption({ label: 'node-5' })
    const onHost = r.vms.filter((v) => v.host === 'node-5').reduce((a, v) => a + v.vdisks.length, 0)
    await expect(page.locator('[data-testid^="iopath-"][data-path]')).toHaveCount(onHost)
    await page.getByLabel('Filter by VM').fill(vm.name)
    await expect(page.locator('[data-testid^="iopath-"][data-path]')).toHaveCount(vm.vdisks.length)
    await expect(page.getByTestId('iopath-shown')).toContainText(`${vm.vdisks.length} of ${r.vms.filter((v) => v.power !== 'off').reduce((a, v) => a + v.vdisks.length, 0)} sessions`)

    await sim.load('large-64')
    await page.getByLabel('Filter by VM').fill('')
    await page.getByLabel('Filter by host').selectOption('all')
    await expect(page.getByTestId('iopath-bundled')).toBeVisible()
    await page.getByLabel('Filter by host').selectOption({ label: 'node-10' })
    const big = await sim.report()
    const count = big.vms.filter((v) => v.host === 'node-10').reduce((a, v) => a + v.vdisks.length, 0)
    await expect(page.locator('[data-testid^="iopath-"][data-path]')).toHaveCount(count)
  })

  test('Home shows the cluster-wide controller IOPS, IO B/W and latency from the model', async ({ page }) => {
    const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/home')
    const r = await sim.report()
    await expect(page.getByTestId('io-iops-chart')).toContainText('Cluster-wide Controller IOPS')
    await expect(page.getByTestId('io-iops-chart-value')).toHaveText(r.io.cluster.iops.toLocaleString('en-US'))
    await expect(page.getByTestId('io-bandwidth-chart')).toContainText('Cluster-wide Controller IO B/W')
    await expect(page.getByTestId('io-latency-chart-value')).toHaveText(`${r.io.cluster.latencyMs.toFixed(2)} ms`)
  })

  test('the I/O Paths page and the VM table pass an axe accessibility check during a failover', async ({ page }) => {
    const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/io-paths')
    await sim.inject({ kind: 'cvm', target: 'node-4' })
    await sim.advance(6)
    for (const hash of ['#/io-paths', '#/vms/table']) {
      await page.goto(`/${hash}`)
      await expect(page.locator('main')).toBeVisible()
      const result = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa']).analyze()
      expect(result.violations.map((v) => `${hash} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
  })
})
