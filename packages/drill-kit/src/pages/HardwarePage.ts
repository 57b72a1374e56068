/**
 * Drill kit page object: the Hardware diagram. Every rack, block, node and disk is an
 * element `<kind>-<id>` with `data-state`; activating it opens its action menu
 * (DRILL-API.md §4).
 */
import type { Locator, Page } from '@playwright/test'
import type { PrismFrame } from './PrismFrame.js'

export type Action = 'Fail disk' | 'Transient disk errors' | 'Shut down CVM' | 'Power off node' | 'Partition network' | 'Fail block' | 'Fail rack' | 'Restore'

const MENU_LABEL = { disk: 'Disk', node: 'Host', block: 'Block', rack: 'Rack' } as const

export class HardwarePage {
  constructor(
    readonly page: Page,
    readonly frame: PrismFrame,
  ) {}

  async open(): Promise<void> {
    await this.frame.goto('#/hardware')
  }

  entity(kind: keyof typeof MENU_LABEL, id: string): Locator {
    return this.page.getByTestId(`${kind}-${id}`)
  }

  /** The actions the entity's menu offers now, in order. */
  async actions(kind: keyof typeof MENU_LABEL, id: string): Promise<string[]> {
    await this.entity(kind, id).click()
    const menu = this.page.getByRole('menu', { name: `${MENU_LABEL[kind]} ${id} actions` })
    const items = await menu.getByRole('menuitem').allTextContents()
    await this.page.keyboard.press('Escape')
    return items
  }

  /** Choose an action from the entity's menu, as a user does. */
  async act(kind: keyof typeof MENU_LABEL, id: string, action: Action): Promise<void> {
    await this.open()
    await this.entity(kind, id).click()
    await this.page.getByRole('menu', { name: `${MENU_LABEL[kind]} ${id} actions` }).getByRole('menuitem', { name: action }).click()
  }
}
