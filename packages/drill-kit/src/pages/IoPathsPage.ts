/** Drill kit page object: the I/O Paths page, one element per vDisk session (DRILL-API.md §4). */
import type { Locator, Page } from '@playwright/test'
import type { PrismFrame } from './PrismFrame.js'

export class IoPathsPage {
  readonly remoteCount: Locator
  readonly localCount: Locator
  constructor(
    readonly page: Page,
    readonly frame: PrismFrame,
  ) {
    this.remoteCount = page.getByTestId('paths-remote')
    this.localCount = page.getByTestId('paths-local')
  }

  async open(): Promise<void> {
    await this.frame.goto('#/io-paths')
  }

  /** The session of a vDisk: data-stargate = serving node id, data-path = local | remote | none. */
  session(vdiskId: string): Locator {
    return this.page.getByTestId(`iopath-${vdiskId}`)
  }
}
