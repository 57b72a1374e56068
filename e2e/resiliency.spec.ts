import type { Page } from '@playwright/test'
import type { Report } from '../src/model/types'
import { expect, openScenario, test } from './fixtures'

const COMPONENTS = ['EXTENT_GROUPS', 'OPLOG', 'METADATA', 'ZOOKEEPER', 'STARGATE_HEALTH', 'FREE_SPACE', 'ERASURE_CODE_STRIP_SIZE', 'STATIC_CONFIGURATION'] as const

async function expectDialogMatches(page: Page, r: Report) {
  const dialog = page.getByTestId('resiliency-dialog')
  await expect(dialog).toBeVisible()
  for (const row of r.resiliency.faultTolerance) {
    // only the domains that apply: block and rack columns when the cluster has more than one (issue 18)
    const applies = row.domainType === 'RACK' ? r.topology.racks.length > 1 : row.domainType === 'RACKABLE_UNIT' ? r.topology.blocks.length > 1 : true
    if (!applies) {
      await expect(dialog.getByTestId(`ft-${row.domainType}`)).toHaveCount(0)
      continue
    }
    await expect(dialog.getByTestId(`ft-${row.domainType}`)).toHaveText(String(row.failuresTolerable))
    for (const c of COMPONENTS) {
      await expect(dialog.getByTestId(`ft-${row.domainType}-${c}`)).toHaveText(String(row.components[c].failuresTolerable))
    }
  }
}

test('Data Resiliency widget and dialog show the Report; a block failure changes them as the rules say', async ({ page, sim: _ }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 3)
  let r = await sim.report()
  expect(r.cluster.awareness.effective).toBe('block')
  expect(r.resiliency.status).toBe('OK')
  await expect(page.getByTestId('resiliency-status')).toHaveText('OK')
  await expect(page.getByTestId('resiliency-domain')).toHaveText('Block')
  await page.getByRole('button', { name: /Data resiliency OK/ }).click()
  await expectDialogMatches(page, r)
  await page.keyboard.press('Escape')

  await sim.inject({ kind: 'block', target: 'block-2' })
  // the Curator scan that follows the change: Computing until it finishes, shown as a task
  await expect(page.getByTestId('resiliency-status')).toHaveText('Computing')
  expect((await sim.report()).tasks.some((t) => t.type === 'CuratorScan' && t.state === 'running')).toBe(true)
  await sim.advance(120)
  r = await sim.report()
  const block = r.resiliency.faultTolerance.find((x) => x.domainType === 'RACKABLE_UNIT')!
  const node = r.resiliency.faultTolerance.find((x) => x.domainType === 'NODE')!
  // every extent group lost its copy in block-2: one copy left, so no further block or node may fail
  expect(block.components.EXTENT_GROUPS.failuresTolerable).toBe(0)
  expect(node.failuresTolerable).toBe(0)
  expect(r.resiliency.status).toBe('Critical')
  await expect(page.getByTestId('resiliency-status')).toHaveText('Critical')
  await page.getByRole('button', { name: /Data resiliency Critical/ }).click()
  await expectDialogMatches(page, r)
  await expect(page.getByTestId('resiliency-dialog')).toContainText('Extent Groups')
  await page.keyboard.press('Escape')

  await sim.restore('block-2')
  await sim.advance(120)
  await expect(page.getByTestId('resiliency-status')).toHaveText('OK')
})

test('non-homogeneous blocks: metadata is not block aware, so the status is Warning', async ({ page }) => {
  const sim = await openScenario(page, 'non-homogeneous')
  const r = await sim.report()
  const block = r.resiliency.faultTolerance.find((x) => x.domainType === 'RACKABLE_UNIT')!
  expect(block.components.METADATA.failuresTolerable).toBe(0)
  expect(r.resiliency.status).toBe('Warning')
  await expect(page.getByTestId('resiliency-status')).toHaveText('Warning')
})

test('Metadata page draws the ring with Zookeeper and the leader; ncli prints the status', async ({ page }) => {
  const sim = await openScenario(page, 'twelve-3-blocks', 1, '#/metadata')
  const r = await sim.report()
  for (const id of r.metadataRing) await expect(page.getByTestId(`ring-${id}`)).toHaveAttribute('data-in-ring', 'true')
  for (const id of r.zookeeper) await expect(page.getByTestId(`zk-${id}`)).toContainText('serving')
  // Zookeeper servers sit in distinct blocks
  const blocks = r.zookeeper.map((id) => r.topology.nodes.find((n) => n.id === id)!.block)
  expect(new Set(blocks).size).toBe(r.zookeeper.length)
  await page.getByTestId(`ring-${r.metadataRing[0]}`).click()
  await expect(page.getByTestId('token-range')).toContainText(`Token range owned by ${r.metadataRing[0]}`)

  const out = page.getByTestId('ncli-output')
  await expect(out).toContainText('ncli cluster get-domain-fault-tolerance-status type=node')
  await expect(out).toContainText('Domain Type               : NODE')
  await expect(out).toContainText('Component Type            : EXTENT_GROUPS')
  await page.getByRole('radio', { name: 'rackable_unit' }).check()
  await expect(out).toContainText('Domain Type               : RACKABLE_UNIT')

  await sim.inject({ kind: 'node', target: r.zookeeper[1] })
  await expect(page.getByTestId(`zk-${r.zookeeper[1]}`)).toContainText('down')
})
