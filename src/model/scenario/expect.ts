/**
 * The one evaluator of a scenario's `expect` checks (expectSchema.ts), used by the headless
 * runner (scripts/drill.ts) and the browser (the worker's `checkExpectations`, the Runs page).
 *
 * A drill run: load, run the clock to the last step or check moment (value checks read the
 * Report at their moment, `until` checks watch every event of their window), then settle
 * (at most `settleSeconds`) and read the "end" checks. Stopping on a condition is only a
 * clock move, so the final Report is the one of "advance to the last moment, then settle".
 */
import type { CheckResult, Report, Until } from '../types'
import { COMPARISONS, type Comparison, type ExpectCheck } from './expectSchema'
import type { Scenario } from './schema'
import { untilPredicate, type UntilSource } from './until'

/** What a drill run needs of the simulation (never the Simulation class itself). */
export interface DrillSim extends UntilSource {
  readonly scenario: Scenario
  readonly time: number
  report(): Report
  advance(seconds: number): void
  settle(maxSeconds?: number): number
  runUntilMet(met: () => boolean, maxSeconds: number): { met: boolean; seconds: number }
}

export type { CheckResult, DrillChecks } from '../types'

export interface DrillResult {
  passed: boolean
  checks: CheckResult[]
  /** the Report at the end of the run */
  report: Report
}

const show = (v: unknown): string => {
  if (v === undefined) return 'nothing'
  const s = JSON.stringify(v)
  return s.length > 160 ? `${s.slice(0, 150)}… (${Array.isArray(v) ? `${v.length} items` : `${s.length} characters`})` : s
}

/** Read a Report path: `a.b`, `list[2]`, `list[id=vm-3]` (element whose field equals), `list.length`. */
export function readPath(root: unknown, path: string): { found: true; value: unknown } | { found: false; problem: string } {
  const re = /([^.[\]]+)|\[([^\]]*)\]/g
  let cur: unknown = root
  let walked = ''
  let m: RegExpExecArray | null
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) {
      const key = m[1]
      if (Array.isArray(cur) && key === 'length') cur = cur.length
      else if (typeof cur === 'object' && cur !== null && !Array.isArray(cur) && key in cur) cur = (cur as Record<string, unknown>)[key]
      else return { found: false, problem: `${walked || '(report)'} has no field "${key}"` }
      walked += walked ? `.${key}` : key
    } else {
      const sel = m[2]
      if (!Array.isArray(cur)) return { found: false, problem: `${walked} is not a list` }
      const eq = sel.indexOf('=')
      if (eq < 0) {
        const i = Number(sel)
        if (!Number.isInteger(i) || i < 0 || i >= cur.length) return { found: false, problem: `${walked}[${sel}]: no such item (${cur.length} items)` }
        cur = cur[i]
      } else {
        const k = sel.slice(0, eq), want = sel.slice(eq + 1)
        const hit = cur.find((x) => typeof x === 'object' && x !== null && String((x as Record<string, unknown>)[k]) === want)
        if (hit === undefined) return { found: false, problem: `${walked}[${sel}]: no item has ${k} = ${want}` }
        cur = hit
      }
      walked += `[${sel}]`
    }
  }
  return { found: true, value: cur }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a), kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** An object matches a pattern object when every field of the pattern matches; anything else by deep equality. */
function matches(x: unknown, pattern: unknown): boolean {
  if (typeof pattern === 'object' && pattern !== null && !Array.isArray(pattern) && typeof x === 'object' && x !== null)
    return Object.entries(pattern).every(([k, v]) => matches((x as Record<string, unknown>)[k], v))
  return deepEqual(x, pattern)
}

const WORDS: Record<Comparison, string> = {
  equals: '=', notEquals: '≠', atLeast: '≥', atMost: '≤', greaterThan: '>', lessThan: '<', contains: 'contains',
}

/** Apply the check's one comparison to `value`; null when it holds, else what was expected. */
function compare(op: Comparison, value: unknown, want: unknown): string | null {
  const num = (test: (v: number, w: number) => boolean) =>
    typeof value === 'number' ? (test(value, want as number) ? null : `expected ${WORDS[op]} ${show(want)}, got ${show(value)}`) : `expected a number ${WORDS[op]} ${show(want)}, got ${show(value)}`
  switch (op) {
    case 'equals':
      return deepEqual(value, want) ? null : `expected ${show(want)}, got ${show(value)}`
    case 'notEquals':
      return deepEqual(value, want) ? `expected anything but ${show(want)}` : null
    case 'atLeast':
      return num((v, w) => v >= w)
    case 'atMost':
      return num((v, w) => v <= w)
    case 'greaterThan':
      return num((v, w) => v > w)
    case 'lessThan':
      return num((v, w) => v < w)
    case 'contains':
      if (typeof value === 'string') return typeof want === 'string' && value.includes(want) ? null : `expected text containing ${show(want)}, got ${show(value)}`
      if (Array.isArray(value)) return value.some((x) => matches(x, want)) ? null : `expected a list containing ${show(want)} (${value.length} items, none matches)`
      return `expected a list or text containing ${show(want)}, got ${show(value)}`
  }
}

const describeUntil = (u: Until): string =>
  'event' in u ? `event ${u.event}` : 'task' in u ? `task ${u.task} ${u.state}` : 'status' in u ? `status ${u.status}` : `VM ${u.vm} ${u.power}`

/** The moment a check happens at: seconds, or 'end'. */
function momentOf(c: ExpectCheck, sim: DrillSim): number | 'end' {
  if (c.afterStep !== undefined) return sim.scenario.steps![c.afterStep].at
  return c.at ?? 'end'
}

/** The check's name as shown (its own, or made from it). */
export function checkName(c: ExpectCheck, sim: DrillSim): string {
  if (c.name) return c.name
  const m = momentOf(c, sim)
  const when = c.afterStep !== undefined ? `after step ${c.afterStep}` : m === 'end' ? 'at the end' : `at ${m} s`
  if (c.until) return `${when}: ${describeUntil(c.until)} within ${c.within} s`
  const op = COMPARISONS.find((k) => c[k] !== undefined)!
  return `${when}: ${c.path} ${WORDS[op]} ${show(c[op])}`
}

/** Evaluate one value check on a Report. */
export function valueCheck(c: ExpectCheck, report: Report): { passed: boolean; message: string } {
  const r = readPath(report, c.path!)
  if (!r.found) return { passed: false, message: r.problem }
  const op = COMPARISONS.find((k) => c[k] !== undefined)!
  const problem = compare(op, r.value, c[op])
  if (problem === null && op === 'contains' && Array.isArray(r.value)) return { passed: true, message: `${c.path} holds ${show(r.value.find((x) => matches(x, c.contains)))}` }
  return problem === null ? { passed: true, message: `${c.path} = ${show(r.value)}` } : { passed: false, message: `${c.path}: ${problem}` }
}

interface Watch {
  index: number
  start: number
  deadline: number
  met: (() => boolean) | null
}

/** Run the loaded (fresh) simulation as a drill and evaluate every check of its scenario. */
export function runDrill(sim: DrillSim, settleSeconds: number): DrillResult {
  const checks = sim.scenario.expect ?? []
  const results: CheckResult[] = []
  const decide = (index: number, passed: boolean, message: string) =>
    results.push({ index, name: checkName(checks[index], sim), passed, time: sim.time, message })
  const values: Array<{ index: number; at: number }> = []
  const watches: Watch[] = []
  const atEnd: number[] = []
  checks.forEach((c, index) => {
    const m = momentOf(c, sim)
    if (m === 'end') atEnd.push(index)
    else if (c.until) watches.push({ index, start: m, deadline: m + c.within!, met: null })
    else values.push({ index, at: m })
  })
  const steps = sim.scenario.steps ?? []
  const horizon = Math.max(0, ...steps.map((s) => s.at), ...values.map((v) => v.at), ...watches.map((w) => w.start))
  for (;;) {
    const now = sim.time
    for (const w of watches) {
      if (w.met === null && w.start <= now) w.met = untilPredicate(sim, checks[w.index].until!)
    }
    const active = watches.filter((w) => w.met !== null)
    for (const w of active) {
      if (w.met!()) decide(w.index, true, `${describeUntil(checks[w.index].until!)} at T+${sim.time} s (${sim.time - w.start} s after T+${w.start} s)`)
      else if (w.deadline <= now) decide(w.index, false, `${describeUntil(checks[w.index].until!)} not met within ${checks[w.index].within} s (T+${w.start} … T+${w.deadline} s)`)
      else continue
      watches.splice(watches.indexOf(w), 1)
    }
    for (let i = values.length - 1; i >= 0; i--) {
      if (values[i].at > now) continue
      const res = valueCheck(checks[values[i].index], sim.report())
      decide(values[i].index, res.passed, res.message)
      values.splice(i, 1)
    }
    const next = Math.min(...values.map((v) => v.at), ...watches.map((w) => (w.met === null ? w.start : w.deadline)), horizon > now ? horizon : Infinity)
    if (next === Infinity) break
    const open = watches.filter((w) => w.met !== null)
    if (open.length > 0) sim.runUntilMet(() => open.some((w) => w.met!()), next - now)
    else sim.advance(next - now)
  }
  sim.settle(settleSeconds)
  const report = sim.report()
  for (const index of atEnd) {
    const res = valueCheck(checks[index], report)
    decide(index, res.passed, res.message)
  }
  results.sort((a, b) => a.index - b.index)
  return { passed: results.every((r) => r.passed), checks: results, report }
}
