/**
 * Drill kit: page objects for the main pages, built on one PrismFrame.
 * See the kit README and e2e/drills/*.spec.ts in the simulator repo for examples.
 */
import type { Page } from '@playwright/test'
import { HardwarePage } from './HardwarePage.js'
import { HomePage } from './HomePage.js'
import { IoPathsPage } from './IoPathsPage.js'
import { PrismFrame } from './PrismFrame.js'
import { TasksPage } from './TasksPage.js'

export { HardwarePage, HomePage, IoPathsPage, PrismFrame, TasksPage }
export { PAGE_HASHES, type PageHash } from './routes.js'

export function prism(page: Page) {
  const frame = new PrismFrame(page)
  return {
    frame,
    home: new HomePage(page),
    hardware: new HardwarePage(page, frame),
    ioPaths: new IoPathsPage(page, frame),
    tasks: new TasksPage(page, frame),
  }
}
