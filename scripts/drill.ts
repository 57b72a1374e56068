/**
 * The headless drill runner: `npm run drill -- <scenario.json | built-in id> [options]`.
 *
 * Runs a scenario in Node with the same model the browser runs (src/model), and prints the
 * timeline (every event) and a summary of the final Report, or the Report itself as JSON.
 * The run: load (seed from the scenario, or --seed), run the clock to the last step or
 * `expect` check moment, then `settle(--settle seconds, default 7 days)`. The same calls
 * through window.prismSim in a browser give the same Report, byte for byte. The scenario's
 * `expect` checks are evaluated on the way (src/model/scenario/expect.ts, the same evaluator
 * the browser uses) and printed pass/fail.
 *
 * Options:
 *   --seed <n>        override the scenario's seed
 *   --settle <s>      at most this many seconds of settling after the last step (default 604800)
 *   --json            print the final Report as JSON (nothing else on stdout)
 *   --out <file>      also write the final Report as JSON to <file>
 *   --junit <file>    write the `expect` checks as JUnit XML to <file>
 *   --xray <folder>   run an X-Ray test folder (test.yml + .fio files) instead (scripts/drillXray.ts);
 *                     --junit then has one test case per result (AnyFail true: a failure)
 *   --cluster <id|file>  the X-Ray target cluster: a built-in id or a scenario file (default twelve-3-blocks)
 * Exit code: 0 when the run completed, 1 on bad input (the problem is printed on stderr),
 * 3 when an `expect` check failed (X-Ray: a result with AnyFail true), else 2 when data was lost (Report.resiliency.lostBytes > 0).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { builtinScenario, BUILTIN_SCENARIOS } from '../src/model/scenario/builtins'
import { runDrill as runChecks, type DrillResult } from '../src/model/scenario/expect'
import { junitXml } from './junit'
import { formatXraySummary, readCluster, readXrayFolder, runXray, xrayJunit } from './drillXray'
import { SimError, Simulation } from '../src/model/simulation'
import type { Report } from '../src/model/types'

interface Options {
  input: string
  xray?: string
  cluster?: string
  seed?: number
  settle: number
  json: boolean
  out?: string
  junit?: string
}

export function parseArgs(argv: string[]): Options {
  const opts: Partial<Options> & { settle: number; json: boolean } = { settle: 7 * 86400, json: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new SimError(`${a} needs a value`)
      return v
    }
    if (a === '--seed') {
      const n = Number(value())
      if (!Number.isInteger(n) || n < 0 || n > 4294967295) throw new SimError(`--seed must be a whole number from 0 to 4294967295`)
      opts.seed = n
    } else if (a === '--settle') {
      const n = Number(value())
      if (!Number.isFinite(n) || n < 0) throw new SimError(`--settle must be a number of seconds ≥ 0`)
      opts.settle = n
    } else if (a === '--json') opts.json = true
    else if (a === '--out') opts.out = value()
    else if (a === '--junit') opts.junit = value()
    else if (a === '--xray') opts.xray = value()
    else if (a === '--cluster') opts.cluster = value()
    else if (a.startsWith('--')) throw new SimError(`unknown option ${a}`)
    else if (opts.input === undefined) opts.input = a
    else throw new SimError(`unexpected argument "${a}": give one scenario`)
  }
  if (opts.xray !== undefined && opts.input !== undefined) throw new SimError(`give either a scenario or --xray <folder>, not both`)
  if (opts.cluster !== undefined && opts.xray === undefined) throw new SimError(`--cluster goes with --xray <folder>`)
  if (opts.xray !== undefined) opts.input = opts.xray
  if (opts.input === undefined) throw new SimError(`usage: npm run drill -- <scenario.json | ${BUILTIN_SCENARIOS.map((s) => s.id).join(' | ')}> [--seed n] [--settle s] [--json] [--out file] [--junit file], or --xray <folder> [--cluster <id|file>]`)
  return opts as Options
}

/** Load the scenario (a file or a built-in id). */
export function readScenario(input: string): unknown {
  const builtin = builtinScenario(input)
  if (builtin) return builtin
  let text: string
  try {
    text = readFileSync(input, 'utf8')
  } catch {
    throw new SimError(`cannot read "${input}": not a file and not a built-in scenario (${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')})`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    throw new SimError(`${input}: not valid JSON (${(e as Error).message})`)
  }
}

/** The run every runner (this one, the browser, a drill) performs: to the last step or check moment, then settle; the checks on the way. */
export function runChecked(scenario: unknown, seed: number | undefined, settleSeconds: number): DrillResult {
  return runChecks(Simulation.create(scenario, seed), settleSeconds)
}

/** The final Report of that run. */
export function runDrill(scenario: unknown, seed: number | undefined, settleSeconds: number): Report {
  return runChecked(scenario, seed, settleSeconds).report
}

export function formatChecks(checks: DrillResult['checks']): string {
  const failed = checks.filter((c) => !c.passed).length
  const lines = checks.map((c) => `${c.passed ? 'PASS' : 'FAIL'}  expect[${c.index}] ${c.name} — T+${c.time} s: ${c.message}`)
  lines.push(`Checks: ${checks.length - failed} passed, ${failed} failed`)
  return lines.join('\n')
}

const clock = (t: number) => {
  const s = Math.floor(t)
  const d = Math.floor(s / 86400)
  const hms = [Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60].map((x) => String(x).padStart(2, '0')).join(':')
  return `T+${d > 0 ? `${d}d ` : ''}${hms}`
}
const tb = (b: number) => `${(b / 1e12).toFixed(2)} TB`

export function formatTimeline(r: Report): string {
  return r.events.map((e) => `${clock(e.time)}  ${e.severity.padEnd(8)} ${e.type.padEnd(26)} ${e.entity ?? '-'}  ${e.message}`).join('\n')
}

export function formatSummary(r: Report): string {
  const lines: string[] = []
  lines.push(`Scenario ${r.scenarioId ?? '(file)'} · seed ${r.seed} · cluster ${r.cluster.name} · FT${r.cluster.ftLevel} · ${r.cluster.awareness.effective} awareness (desired ${r.cluster.awareness.desired})`)
  lines.push(`Finished at ${clock(r.time)} (${r.time} s)`)
  lines.push(`Data Resiliency: ${r.resiliency.status}`)
  lines.push(`  failures tolerable: ${r.resiliency.faultTolerance.map((f) => `${f.domainType} ${f.failuresTolerable}`).join(', ')}`)
  lines.push(`  under-replicated ${tb(r.resiliency.underReplicatedBytes)} · unavailable ${tb(r.resiliency.unavailableBytes)} · lost ${tb(r.resiliency.lostBytes)} · rebuild ${r.resiliency.rebuild.active ? `${Math.round(r.resiliency.rebuild.progress * 100)}%` : 'idle'}`)
  lines.push(`Storage: used ${tb(r.storage.usedBytes)} of ${tb(r.storage.totalBytes)} · resilient ${tb(r.storage.resilientCapacityBytes)} · ${r.storage.state}`)
  const down = r.topology.nodes.filter((n) => n.host !== 'up' || n.cvm !== 'up').map((n) => `${n.id} (host ${n.host}, CVM ${n.cvm})`)
  lines.push(`Nodes not healthy: ${down.length ? down.join(', ') : 'none'}`)
  const on = r.vms.filter((v) => v.power === 'on').length
  lines.push(`VMs: ${on} on, ${r.vms.filter((v) => v.power === 'restarting').length} restarting, ${r.vms.filter((v) => v.power === 'off').length} off · HA ${r.ha.mode}`)
  const open = r.alerts.filter((a) => a.resolvedTime === null)
  lines.push(`Open alerts (${open.length}):`)
  for (const a of open) lines.push(`  ${a.severity.padEnd(8)} ${a.type}: ${a.message}`)
  lines.push(`Tasks: ${r.tasks.length} (${r.tasks.filter((t) => t.state === 'running').length} running, ${r.tasks.filter((t) => t.state === 'failed').length} failed)`)
  return lines.join('\n')
}

function mainXray(opts: Options): number {
  const wall = Date.now()
  let report: Report
  try {
    report = runXray(readXrayFolder(opts.xray!), readCluster(opts.cluster), opts.seed, opts.settle)
  } catch (e) {
    process.stderr.write(`drill: ${(e as Error).message}\n`)
    return 1
  }
  const json = JSON.stringify(report)
  if (opts.out) writeFileSync(opts.out, json)
  if (opts.junit) writeFileSync(opts.junit, xrayJunit(report))
  if (opts.json) process.stdout.write(json + '\n')
  else process.stdout.write(`${formatXraySummary(report)}\n\n${formatSummary(report)}\nWall time ${Date.now() - wall} ms\n`)
  if (report.xray!.results.some((r) => r.anyFail === true) || report.xray!.phase !== 'done') return 3
  return report.resiliency.lostBytes > 0 ? 2 : 0
}

function main(): number {
  let opts: Options
  let result: DrillResult
  try {
    opts = parseArgs(process.argv.slice(2))
    if (opts.xray !== undefined) return mainXray(opts)
    result = runChecked(readScenario(opts.input), opts.seed, opts.settle)
  } catch (e) {
    process.stderr.write(`drill: ${(e as Error).message}\n`)
    return 1
  }
  const { report, checks } = result
  const json = JSON.stringify(report)
  if (opts.out) writeFileSync(opts.out, json)
  if (opts.junit) writeFileSync(opts.junit, junitXml(report.scenarioId ?? opts.input, checks))
  if (opts.json) process.stdout.write(json + '\n')
  else process.stdout.write(`${formatTimeline(report)}\n\n${formatSummary(report)}\n${checks.length > 0 ? `\n${formatChecks(checks)}\n` : ''}`)
  if (checks.length > 0 && opts.json) process.stderr.write(`${formatChecks(checks)}\n`)
  if (!result.passed) return 3
  return report.resiliency.lostBytes > 0 ? 2 : 0
}

if (process.argv[1] && /drill\.ts$/.test(process.argv[1])) process.exitCode = main()
