/**
 * Drill kit page object: the Prism frame every page shares (top bar, clock, page menu).
 * Navigation changes only the hash, as the page menu does: a new URL would reload the app
 * on the default scenario and lose the drill's state.
 */
import { expect, type Locator, type Page } from '@playwright/test'

import type { PageHash } from './routes.js'

export type { PageHash }

export class PrismFrame {
  readonly clock: Locator
  constructor(readonly page: Page) {
    this.clock = page.getByTestId('sim-clock')
  }

  async goto(hash: PageHash): Promise<void> {
    await this.page.evaluate((h) => {
      location.hash = h
    }, hash)
    await expect(this.page).toHaveURL(new RegExp(`${hash.replace('/', '\\/')}$`))
  }

  /** The simulated time shown by the clock, in seconds. */
  async time(): Promise<number> {
    return Number(await this.clock.getAttribute('data-seconds'))
  }

  /** Play at a speed (one of the Speed options, e.g. '3600') until `done` resolves, then pause. */
  async playUntil(speed: string, done: () => Promise<void>): Promise<void> {
    await this.page.getByLabel('Speed').selectOption(speed)
    await this.page.getByRole('button', { name: 'Play' }).click()
    try {
      await done()
    } finally {
      await this.page.getByRole('button', { name: 'Pause' }).click()
    }
  }

  /** Press Step: the clock jumps to the next scheduled event. */
  async step(): Promise<void> {
    await this.page.getByRole('button', { name: 'Step' }).click()
  }
}
