/**
 * The published JSON Schemas and generated files are up to date with the code, and they
 * accept what the code produces: every built-in scenario, the example drills, a fresh Report
 * and an exported run; and they refuse what the code refuses.
 */
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUILTIN_SCENARIOS } from '../../src/model/scenario/builtins'
import { Simulation } from '../../src/model/simulation'
import { RunLog } from '../../src/worker/runLog'
import { generate, OUTPUTS } from './generate'

const read = (p: string) => readFileSync(p, 'utf8')
const schema = (p: string) => JSON.parse(read(p)) as Record<string, unknown>

describe('generated schemas, kit types and Report reference', () => {
  let fresh: Awaited<ReturnType<typeof generate>>
  beforeAll(async () => {
    fresh = await generate()
  }, 60_000)

  it('are up to date (run `npm run gen:schemas` after changing the model types or the zod schemas)', () => {
    for (const [k, path] of Object.entries(OUTPUTS)) expect(read(path), `${path} is stale: run npm run gen:schemas`).toBe(fresh[k as keyof typeof OUTPUTS])
  })
})

describe('the JSON Schemas validate what the code makes', () => {
  const ajv20 = new Ajv2020({ allErrors: true, strict: false })
  const ajv7 = new Ajv({ allErrors: true, strict: false })
  const scenario = ajv20.compile(schema(OUTPUTS.scenario))
  const run = ajv20.compile(schema(OUTPUTS.run))
  const report = ajv7.compile(schema(OUTPUTS.report))

  it('every built-in scenario and example drill is a valid Scenario', () => {
    const drills = ['e2e/drills/node-failure.json', 'e2e/drills/failing-check.json'].map((p) => JSON.parse(read(p)) as unknown)
    for (const s of [...BUILTIN_SCENARIOS, ...drills]) expect(scenario(s), JSON.stringify(scenario.errors)).toBe(true)
  })

  it('refuses what the model refuses (unknown field, wrong enum, bad expect shape)', () => {
    expect(scenario({ title: 'x', cluster: {}, colour: 'red' })).toBe(false)
    expect(scenario({ title: 'x', cluster: { ftLevel: 3 } })).toBe(false)
    expect(scenario({ title: 'x', cluster: {}, expect: [{ until: { status: 'Fine' }, within: 5 }] })).toBe(false)
  })

  it('a fresh Report, after a failure and a drill, is a valid Report', () => {
    const sim = Simulation.create(BUILTIN_SCENARIOS.find((s) => s.id === 'starter-3'), 3)
    expect(report(JSON.parse(JSON.stringify(sim.report()))), JSON.stringify(report.errors)).toBe(true)
    sim.inject({ kind: 'node', target: 'node-2' })
    sim.advanceUntil({ event: 'HaRestartStarted' }, 3600)
    expect(report(JSON.parse(JSON.stringify(sim.report()))), JSON.stringify(report.errors)).toBe(true)
    expect(report({ ...sim.report(), resiliency: { ...sim.report().resiliency, status: 'Fine' } })).toBe(false)
  })

  it('an exported run is a valid Run', () => {
    const log = new RunLog('starter-3', 3)
    log.record(60_000, { op: 'inject', args: [{ kind: 'node', target: 'node-2' }] })
    const r = JSON.parse(JSON.stringify(log.toRun(120_000))) as unknown
    expect(run(r), JSON.stringify(run.errors)).toBe(true)
    expect(run({ ...(r as object), format: 'other' })).toBe(false)
  })
})
