import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Simulation } from '../src/model/simulation'
import { formatSummary, formatTimeline, parseArgs, readScenario, runDrill } from './drill'

const FILE = 'e2e/drills/node-failure.json'

describe('headless drill runner', () => {
  it('runs a scenario file to its last step, then settles; the same calls on the model give the same Report', () => {
    const r = runDrill(readScenario(FILE), undefined, 7 * 86400)
    const sim = Simulation.create(JSON.parse(readFileSync(FILE, 'utf8')))
    sim.advance(7200)
    sim.settle()
    expect(JSON.stringify(r)).toBe(JSON.stringify(sim.report()))
    expect(r.resiliency.status).toBe('OK')
    expect(r.events.some((e) => e.type === 'RebuildCompleted')).toBe(true)
  })

  it('prints a timeline line per event and a summary', () => {
    const r = runDrill(readScenario('starter-3'), 3, 0)
    expect(formatTimeline(r).split('\n')).toHaveLength(r.events.length)
    const s = formatSummary(r)
    expect(s).toContain('seed 3')
    expect(s).toContain(`Data Resiliency: ${r.resiliency.status}`)
  })

  it('names bad input', () => {
    expect(() => parseArgs([])).toThrow(/usage: npm run drill/)
    expect(() => parseArgs(['x.json', '--seed', '-1'])).toThrow(/--seed must be a whole number/)
    expect(() => parseArgs(['x.json', '--nope'])).toThrow(/unknown option --nope/)
    expect(() => readScenario('no-such-file.json')).toThrow(/cannot read "no-such-file.json"/)
    expect(() => runDrill({ title: 'x', cluster: {} }, undefined, 0)).toThrow(/cluster/)
  })
})

describe('headless drill runner: expect checks', () => {
  it('prints pass/fail per check, exits 3 when one fails and writes a JUnit failure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-junit-'))
    const xml = join(dir, 'junit.xml')
    const r = spawnSync('npx', ['tsx', 'scripts/drill.ts', 'e2e/drills/failing-check.json', '--junit', xml], { encoding: 'utf8' })
    expect(r.status).toBe(3)
    expect(r.stdout).toContain('PASS  expect[0] the rebuild starts within 10 minutes')
    expect(r.stdout).toContain('FAIL  expect[1] status stays OK (wrong on purpose) — T+900 s: resiliency.status: expected "OK", got "Critical"')
    expect(r.stdout).toContain('Checks: 1 passed, 2 failed')
    const junit = readFileSync(xml, 'utf8')
    expect(junit).toContain('<testsuite name="drill-failing-check" tests="3" failures="2"')
    expect(junit).toContain('<failure message="resiliency.status: expected &quot;OK&quot;, got &quot;Critical&quot;" type="ExpectationFailed">')
    expect(junit.match(/<testcase /g)).toHaveLength(3)
    rmSync(dir, { recursive: true })
  }, 60_000)

  it('exits 0 when every check of the example drill passes', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/drill.ts', FILE], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('Checks: 8 passed, 0 failed')
    expect(r.status).toBe(0)
  }, 60_000)
})
