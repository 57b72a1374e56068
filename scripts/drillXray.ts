/**
 * The headless runner's X-Ray mode: `npm run drill -- --xray <folder> [--cluster <id|file>]`.
 * Reads the folder's files (test.yml and its .fio files), loads the test exactly as
 * `window.prismSim.loadXray(files, { cluster, seed })` does (src/worker/xrayLoad.ts), then
 * settles (the test's steps are events on the clock: settle runs them to the end).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { builtinScenario } from '../src/model/scenario/builtins'
import { SimError } from '../src/model/simulation'
import type { Report } from '../src/model/types'
import { xraySimulation } from '../src/worker/xrayLoad'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Every regular file of the folder (not its subfolders), name → text. */
export function readXrayFolder(dir: string): Record<string, string> {
  let names: string[]
  try {
    names = readdirSync(dir).sort()
  } catch {
    throw new SimError(`--xray: cannot read the folder "${dir}"`)
  }
  const files: Record<string, string> = {}
  for (const n of names) if (statSync(join(dir, n)).isFile()) files[n] = readFileSync(join(dir, n), 'utf8')
  return files
}

/** --cluster: a built-in id, else a scenario JSON file. */
export function readCluster(arg: string | undefined): string | object | undefined {
  if (arg === undefined || builtinScenario(arg)) return arg
  let text: string
  try {
    text = readFileSync(arg, 'utf8')
  } catch {
    throw new SimError(`--cluster: "${arg}" is neither a built-in scenario nor a readable file`)
  }
  try {
    return JSON.parse(text) as object
  } catch (e) {
    throw new SimError(`--cluster: ${arg}: not valid JSON (${(e as Error).message})`)
  }
}

/** Load the test and run it to its end (then settle what follows, at most settleSeconds). */
export function runXray(files: Record<string, string>, cluster: string | object | undefined, seed: number | undefined, settleSeconds: number): Report {
  const { sim } = xraySimulation(files, { ...(cluster !== undefined ? { cluster } : {}), ...(seed !== undefined ? { seed } : {}) })
  sim.settle(settleSeconds)
  return sim.report()
}

const num = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toString() : v.toFixed(2))

/** One line per result (min / mean / max, AnyFail), the annotations and the notes. */
export function formatXraySummary(r: Report): string {
  const x = r.xray
  if (!x) return 'No X-Ray test in this Report'
  const lines = [`X-Ray test "${x.name}" · ${x.phase === 'done' ? 'finished' : `stopped in ${x.phase}`} · simulated ${r.time} s`]
  lines.push('Results:')
  for (const res of x.results) {
    const v = res.series.map((p) => p[1])
    const stats = v.length === 0 ? 'no data' : `min ${num(Math.min(...v))} · mean ${num(v.reduce((a, b) => a + b, 0) / v.length)} · max ${num(Math.max(...v))} ${res.unit} (${v.length} points)`
    const fail = res.anyFail === null ? '' : res.anyFail ? ' · AnyFail: FAIL' : ' · AnyFail: pass'
    lines.push(`  ${res.name}${res.vmGroup ? ` [${res.vmGroup}]` : ''}: ${res.simulated ? stats : 'not simulated'}${fail}`)
  }
  lines.push('Annotations:')
  for (const a of x.annotations) lines.push(`  T+${a.time} s  ${a.text}`)
  if (x.notes.length > 0) lines.push('Notes:', ...x.notes.map((n) => `  ${n}`))
  return lines.join('\n')
}

/** JUnit: one test case per result; a result with AnyFail true is a failure. */
export function xrayJunit(r: Report): string {
  const x = r.xray!
  const failures = x.results.filter((res) => res.anyFail === true).length
  const suite = esc(x.name)
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="prism-sim xray" tests="${x.results.length}" failures="${failures}">`,
    `  <testsuite name="${suite}" tests="${x.results.length}" failures="${failures}" errors="0" skipped="${x.results.filter((res) => !res.simulated).length}">`,
  ]
  for (const res of x.results) {
    const head = `    <testcase classname="${suite}" name="${esc(res.name)}" time="0"`
    if (!res.simulated) lines.push(`${head}>`, `      <skipped message="not simulated"/>`, '    </testcase>')
    else if (res.anyFail === true) lines.push(`${head}>`, `      <failure message="AnyFail" type="AnyFail">${esc(`${res.name}: an I/O error, an inactive VM or zero IOPS while the workload ran`)}</failure>`, '    </testcase>')
    else lines.push(`${head}/>`)
  }
  lines.push('  </testsuite>', '</testsuites>', '')
  return lines.join('\n')
}
