/** Drill kit page object: the Tasks page (Curator scans, rebuilds, Hades tests, ring changes, HA restarts). */
import type { Locator, Page } from '@playwright/test'
import type { PrismFrame } from './PrismFrame.js'

export class TasksPage {
  constructor(
    readonly page: Page,
    readonly frame: PrismFrame,
  ) {}

  async open(): Promise<void> {
    await this.frame.goto('#/tasks')
  }

  /** The progress bar of the running task of a type shown as words, e.g. 'Data Rebuild'. */
  runningProgress(typeTitle: string): Locator {
    return this.page.getByRole('row').filter({ hasText: /running/i }).getByRole('progressbar', { name: `${typeTitle} progress` })
  }

  rows(typeTitle: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(typeTitle) })
  }
}
