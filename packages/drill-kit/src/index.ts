/**
 * @prism-sim/drill-kit: Playwright fixtures, page objects and a typed window.prismSim client
 * for Prism Simulator drills. Types are generated from the simulator's model (types.gen.ts).
 */
export { expect, openScenario, test, type KitFixtures, type ScenarioSource } from './fixtures.js'
export { PrismSimClient, PrismSimDriver, WAIT_DEFAULTS, type AddNodeInput, type CheckResult, type DrillChecks, type PrismSimApi } from './client.js'
export { HardwarePage, HomePage, IoPathsPage, PAGE_HASHES, PrismFrame, TasksPage, prism, type PageHash } from './pages/index.js'
export type * from './types.gen.js'
