/**
 * The typed `window.prismSim` client (DRILL-API.md): every call runs in the page through
 * Playwright and resolves as the page's Promise does; a refusal rejects with the API's message.
 */
import type { Page } from '@playwright/test'
import type { CheckResult, DrillChecks, Fault, Report, ResiliencyStatus, Run, Scenario, Until, UntilResult } from './types.gen.js'

export type { CheckResult, DrillChecks }

/** `addNode`'s argument (DRILL-API §5): the same shape as the scenario step `{ addNode: … }`. */
export type AddNodeInput = Extract<NonNullable<NonNullable<Scenario['steps']>[number]['action']>, { addNode: unknown }>['addNode']

/** What the page exposes (the parts the kit calls); the app's own declaration is the contract. */
export interface PrismSimApi {
  readonly apiVersion: 1
  listScenarios(): Promise<Array<{ id: string; title: string; summary: string }>>
  load(scenario: string | Scenario): Promise<void>
  inject(fault: Fault): Promise<void>
  restore(target: string): Promise<void>
  advance(seconds: number): Promise<void>
  settle(maxSeconds?: number): Promise<number>
  advanceUntil(until: Until, maxSeconds: number): Promise<UntilResult>
  powerOn(vmId: string): Promise<void>
  powerOff(vmId: string): Promise<void>
  migrate(vmId: string, hostId?: string): Promise<void>
  enterMaintenance(nodeId: string): Promise<void>
  exitMaintenance(nodeId: string): Promise<void>
  upgrade(kind: 'aos' | 'ahv'): Promise<void>
  report(): Promise<Report>
  step(): Promise<number>
  acknowledgeAlert(alertId: string): Promise<void>
  setWarnThreshold(pct: number): Promise<void>
  removeDisk(diskId: string): Promise<void>
  removeNode(nodeId: string): Promise<void>
  addNode(node: AddNodeInput): Promise<void>
  setHaMode(mode: 'default' | 'guarantee'): Promise<void>
  setAwarenessMode(mode: 'best-effort' | 'opt-in'): Promise<void>
  exportRun(): Promise<Run>
  importRun(run: Run | string): Promise<void>
  travelTo(seconds: number): Promise<void>
  checkExpectations(settleSeconds?: number): Promise<DrillChecks>
}

type PrismWindow = { prismSim?: PrismSimApi }

/** Defaults for the waits (simulated seconds). */
export const WAIT_DEFAULTS = { rebuild: 3600, haRestarts: 3600, status: 7 * 86400 } as const

export class PrismSimClient {
  constructor(readonly page: Page) {}

  /** Wait until the page exposes window.prismSim (the worker is ready). */
  async ready(): Promise<void> {
    await this.page.waitForFunction(() => (globalThis as unknown as PrismWindow).prismSim !== undefined)
  }
  listScenarios(): Promise<Array<{ id: string; title: string; summary: string }>> {
    return this.page.evaluate(() => (globalThis as unknown as PrismWindow).prismSim!.listScenarios())
  }
  /** A built-in id or a Scenario object; the clock is paused at 0. */
  load(scenario: string | Scenario): Promise<void> {
    return this.page.evaluate((s) => (globalThis as unknown as PrismWindow).prismSim!.load(s), scenario)
  }
  inject(fault: Fault): Promise<void> {
    return this.page.evaluate((f) => (globalThis as unknown as PrismWindow).prismSim!.inject(f), fault)
  }
  restore(target: string): Promise<void> {
    return this.page.evaluate((t) => (globalThis as unknown as PrismWindow).prismSim!.restore(t), target)
  }
  advance(seconds: number): Promise<void> {
    return this.page.evaluate((s) => (globalThis as unknown as PrismWindow).prismSim!.advance(s), seconds)
  }
  settle(maxSeconds?: number): Promise<number> {
    return this.page.evaluate((m) => (globalThis as unknown as PrismWindow).prismSim!.settle(m), maxSeconds)
  }
  /** Run the clock until the condition holds (checked after every simulated event), at most maxSeconds. */
  advanceUntil(until: Until, maxSeconds: number): Promise<UntilResult> {
    return this.page.evaluate(([u, m]) => (globalThis as unknown as PrismWindow).prismSim!.advanceUntil(u, m), [until, maxSeconds] as const)
  }
  /** Run until the data rebuild is running; rejects when it has not started within maxSeconds. Resolves with the seconds run. */
  waitForRebuild(maxSeconds: number = WAIT_DEFAULTS.rebuild): Promise<number> {
    return this.mustMeet({ task: 'DataRebuild', state: 'running' }, maxSeconds, 'the data rebuild did not start')
  }
  /** Run until HA restarts the VMs of a failed host (event HaRestartStarted; the restarts end at that instant). */
  waitForHaRestarts(maxSeconds: number = WAIT_DEFAULTS.haRestarts): Promise<number> {
    return this.mustMeet({ event: 'HaRestartStarted' }, maxSeconds, 'HA did not restart VMs')
  }
  /** Run until the Data Resiliency status is `status` (at once when it already is). */
  waitForStatus(status: ResiliencyStatus, maxSeconds: number = WAIT_DEFAULTS.status): Promise<number> {
    return this.mustMeet({ status }, maxSeconds, `the status did not become ${status}`)
  }
  powerOn(vmId: string): Promise<void> {
    return this.page.evaluate((id) => (globalThis as unknown as PrismWindow).prismSim!.powerOn(id), vmId)
  }
  powerOff(vmId: string): Promise<void> {
    return this.page.evaluate((id) => (globalThis as unknown as PrismWindow).prismSim!.powerOff(id), vmId)
  }
  migrate(vmId: string, hostId?: string): Promise<void> {
    return this.page.evaluate(([v, h]) => (globalThis as unknown as PrismWindow).prismSim!.migrate(v, h ?? undefined), [vmId, hostId ?? null] as const)
  }
  enterMaintenance(nodeId: string): Promise<void> {
    return this.page.evaluate((id) => (globalThis as unknown as PrismWindow).prismSim!.enterMaintenance(id), nodeId)
  }
  exitMaintenance(nodeId: string): Promise<void> {
    return this.page.evaluate((id) => (globalThis as unknown as PrismWindow).prismSim!.exitMaintenance(id), nodeId)
  }
  upgrade(kind: 'aos' | 'ahv'): Promise<void> {
    return this.page.evaluate((k) => (globalThis as unknown as PrismWindow).prismSim!.upgrade(k), kind)
  }
  step(): Promise<number> {
    return this.page.evaluate(() => (globalThis as unknown as PrismWindow).prismSim!.step())
  }
  setWarnThreshold(pct: number): Promise<void> {
    return this.page.evaluate((p) => (globalThis as unknown as PrismWindow).prismSim!.setWarnThreshold(p), pct)
  }
  removeDisk(diskId: string): Promise<void> {
    return this.page.evaluate((d) => (globalThis as unknown as PrismWindow).prismSim!.removeDisk(d), diskId)
  }
  removeNode(nodeId: string): Promise<void> {
    return this.page.evaluate((n) => (globalThis as unknown as PrismWindow).prismSim!.removeNode(n), nodeId)
  }
  addNode(node: AddNodeInput): Promise<void> {
    return this.page.evaluate((n) => (globalThis as unknown as PrismWindow).prismSim!.addNode(n), node)
  }
  setHaMode(mode: 'default' | 'guarantee'): Promise<void> {
    return this.page.evaluate((m) => (globalThis as unknown as PrismWindow).prismSim!.setHaMode(m), mode)
  }
  /** Settings → Cluster Fault Tolerance: block/rack fault tolerance best effort or opt-in (DOMAIN.md §12) */
  setAwarenessMode(mode: 'best-effort' | 'opt-in'): Promise<void> {
    return this.page.evaluate((m) => (globalThis as unknown as PrismWindow).prismSim!.setAwarenessMode(m), mode)
  }
  acknowledgeAlert(alertId: string): Promise<void> {
    return this.page.evaluate((id) => (globalThis as unknown as PrismWindow).prismSim!.acknowledgeAlert(id), alertId)
  }
  exportRun(): Promise<Run> {
    return this.page.evaluate(() => (globalThis as unknown as PrismWindow).prismSim!.exportRun())
  }
  importRun(run: Run | string): Promise<void> {
    return this.page.evaluate((r) => (globalThis as unknown as PrismWindow).prismSim!.importRun(r), run)
  }
  travelTo(seconds: number): Promise<void> {
    return this.page.evaluate((s) => (globalThis as unknown as PrismWindow).prismSim!.travelTo(s), seconds)
  }
  /** Run the loaded scenario afresh and evaluate its `expect` checks (the headless runner's evaluator). */
  checkExpectations(settleSeconds?: number): Promise<DrillChecks> {
    return this.page.evaluate((s) => (globalThis as unknown as PrismWindow).prismSim!.checkExpectations(s), settleSeconds)
  }
  /** The Report, passed out of the page as one JSON string (Playwright serialises big object graphs slowly). */
  async report(): Promise<Report> {
    return JSON.parse(await this.page.evaluate(async () => JSON.stringify(await (globalThis as unknown as PrismWindow).prismSim!.report()))) as Report
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

  private async mustMeet(until: Until, maxSeconds: number, what: string): Promise<number> {
    const res = await this.advanceUntil(until, maxSeconds)
    if (!res.met) throw new Error(`${what} within ${maxSeconds} simulated seconds`)
    return res.seconds
  }
}

/** The name the kit's first version used. */
export { PrismSimClient as PrismSimDriver }
