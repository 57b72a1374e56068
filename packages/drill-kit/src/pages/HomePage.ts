/** Drill kit page object: Home's Data Resiliency and Storage Summary widgets. */
import type { Locator, Page } from '@playwright/test'

export class HomePage {
  /** OK | Warning | Critical | Computing (the Report's resiliency.status) */
  readonly resiliencyStatus: Locator
  /** data-state: rebuilding | complete | blocked | idle */
  readonly rebuild: Locator
  readonly rebuildPercent: Locator
  /** shown on every page while data has no copy left anywhere */
  readonly dataLossBanner: Locator
  /** shown on every page while data has no online copy (its copies are offline, not lost) */
  readonly dataUnavailableBanner: Locator
  readonly storageSummary: Locator
  readonly usedBar: Locator
  readonly resilientLine: Locator

  constructor(readonly page: Page) {
    this.resiliencyStatus = page.getByTestId('resiliency-status')
    this.rebuild = page.getByTestId('rebuild-state')
    this.rebuildPercent = page.getByTestId('rebuild-percent')
    this.dataLossBanner = page.getByTestId('data-loss-banner')
    this.dataUnavailableBanner = page.getByTestId('data-unavailable-banner')
    this.storageSummary = page.getByTestId('storage-summary').first()
    this.usedBar = this.storageSummary.getByTestId('storage-used-bar')
    this.resilientLine = this.storageSummary.getByTestId('resilient-capacity-line')
  }

  /** Open the Data Resiliency Status dialog (Failures Tolerable per component and domain). */
  async openResiliencyDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: /Data resiliency .*: open details/ }).click()
    return this.page.getByTestId('resiliency-dialog')
  }
}
