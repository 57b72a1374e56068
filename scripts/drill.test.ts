import { readFileSync } from 'node:fs'
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
