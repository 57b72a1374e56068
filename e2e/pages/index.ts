/**
 * Drill kit: page objects for the main pages, built on one PrismFrame. Copy e2e/fixtures.ts
 * and this folder into your own suite; see e2e/drills/*.spec.ts for examples.
 */
import type { Page } from '@playwright/test'
import { HardwarePage } from './HardwarePage'
import { HomePage } from './HomePage'
import { IoPathsPage } from './IoPathsPage'
import { PrismFrame } from './PrismFrame'
import { TasksPage } from './TasksPage'

export { HardwarePage, HomePage, IoPathsPage, PrismFrame, TasksPage }

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
