/**
 * The drill kit's fixtures: a page with the simulator loaded and helpers that wrap
 * window.prismSim (DRILL-API.md §1). Copy these into your own drills.
 */
import { test as base, expect, type Page } from '@playwright/test'
import type { Fault, Report } from '../src/model/types'

export class PrismSimDriver {
  constructor(readonly page: Page) {}
  async ready(): Promise<void> {
    await this.page.waitForFunction(() => window.prismSim !== undefined)
  }
  load(scenario: string | object): Promise<void> {
    return this.page.evaluate((s) => window.prismSim!.load(s), scenario)
  }
  inject(fault: Fault): Promise<void> {
    return this.page.evaluate((f) => window.prismSim!.inject(f), fault)
  }
  restore(target: string): Promise<void> {
    return this.page.evaluate((t) => window.prismSim!.restore(t), target)
  }
  advance(seconds: number): Promise<void> {
    return this.page.evaluate((s) => window.prismSim!.advance(s), seconds)
  }
  settle(maxSeconds?: number): Promise<number> {
    return this.page.evaluate((m) => window.prismSim!.settle(m), maxSeconds)
  }
  powerOn(vmId: string): Promise<void> {
    return this.page.evaluate((id) => window.prismSim!.powerOn(id), vmId)
  }
  powerOff(vmId: string): Promise<void> {
    return this.page.evaluate((id) => window.prismSim!.powerOff(id), vmId)
  }
  /** The Report, passed out of the page as one JSON string (Playwright serialises big object graphs slowly). */
  async report(): Promise<Report> {
    return JSON.parse(await this.page.evaluate(async () => JSON.stringify(await window.prismSim!.report()))) as Report
  }
  /** The rejection message of a call that should fail. */
  async errorOf(fn: () => Promise<unknown>): Promise<string> {
    try {
      await fn()
    } catch (e) {
      // page.evaluate wraps the page's Error: keep only the API's own message
      return (e as Error).message.replace(/^page\.evaluate: (Error: )?/, '').split('\n    at ')[0]
    }
    throw new Error('expected the call to be rejected')
  }
}

export const test = base.extend<{ sim: PrismSimDriver }>({
  sim: async ({ page }, use) => {
    const driver = new PrismSimDriver(page)
    await use(driver)
  },
})

/** Open the app on a scenario (through the URL) and wait for the drill API. */
export async function openScenario(page: Page, scenario: string, seed?: number, hash = '#/home'): Promise<PrismSimDriver> {
  const q = new URLSearchParams({ scenario })
  if (seed !== undefined) q.set('seed', String(seed))
  await page.goto(`/?${q.toString()}${hash}`)
  const driver = new PrismSimDriver(page)
  await driver.ready()
  return driver
}

export { expect }
