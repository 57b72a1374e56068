/**
 * Vitest setup for `npm run fuzz` only (vitest.config.ts registers it when FC_RUNS_FACTOR
 * is set; `npm test` never does). Every fast-check property runs FC_RUNS_FACTOR times its
 * own numRuns, with a fresh random seed (fast-check's default) unless FC_SEED / FC_PATH are
 * given, which then replay one failure in any property suite.
 *
 * The test files set numRuns themselves, and fast-check's configureGlobal cannot override a
 * run's own parameters, so the runners are wrapped here instead: no test file changes.
 */
import { vi } from 'vitest'

vi.mock('fast-check', async (importOriginal) => {
  const fc = await importOriginal<typeof import('fast-check')>()
  const factor = Number(process.env.FC_RUNS_FACTOR)
  if (!Number.isFinite(factor) || factor <= 0) throw new Error(`FC_RUNS_FACTOR must be a positive number, got "${process.env.FC_RUNS_FACTOR}"`)
  const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined
  const path = seed !== undefined ? process.env.FC_PATH : undefined
  const scaled = (params?: object): object => {
    const p = (params ?? {}) as { numRuns?: number }
    const base = p.numRuns ?? fc.readConfigureGlobal().numRuns ?? 100
    return { ...p, numRuns: Math.ceil(base * factor), ...(seed !== undefined ? { seed } : {}), ...(path ? { path } : {}) }
  }
  const assert = ((prop: never, params?: object) => fc.assert(prop, scaled(params) as never)) as typeof fc.assert
  const check = ((prop: never, params?: object) => fc.check(prop, scaled(params) as never)) as typeof fc.check
  return { ...fc, assert, check, default: { ...fc.default, assert, check } }
})
