/**
 * Model benchmark: `npm run bench`. Loads the large-64 built-in scenario (64 nodes,
 * ~1 M extent groups, 10,000 VMs), times the fault-tolerance evaluation a node failure
 * triggers (issue 9, target 1: < 20 ms), runs 24 simulated hours with failures and
 * restores, and prints one JSON line per measurement:
 *   {"name":"load.large-64","ms":812.3,"target_ms":1500,"ok":true}
 *   {"name":"memory.after-load","heapUsedMB":…,"rssMB":…,"arrayBuffersMB":…}
 * Exit code 0 even when a target is missed: the figures are for the record; `ok` says
 * whether the target was met.
 */
import { performance } from 'node:perf_hooks'
import { builtinScenario } from '../src/model/scenario/builtins'
import { Simulation } from '../src/model/simulation'
import type { Fault } from '../src/model/types'

const HOUR = 3600

/** Targets (ms) on a developer laptop; the UI needs a report well inside a second. */
const TARGET = {
  load: 1500,
  report: 500,
  reportJson: 250,
  faultTolerance: 300,
  /** issue 9, target 1: the fault-tolerance status after one failure */
  faultToleranceAfterFailure: 20,
  resilientCapacity: 50,
  inject: 200,
  restore: 200,
  advanceHour: 2000,
  run24h: 30000,
} as const

const round = (x: number) => Math.round(x * 10) / 10

function line(obj: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

function timed<T>(name: string, targetMs: number | null, fn: () => T, extra: Record<string, unknown> = {}): T {
  const t0 = performance.now()
  const out = fn()
  const ms = performance.now() - t0
  line({ name, ms: round(ms), ...(targetMs !== null ? { target_ms: targetMs, ok: ms <= targetMs } : {}), ...extra })
  return out
}

function memory(name: string): void {
  const m = process.memoryUsage()
  // typed arrays (replica table, VM tables) live outside the JS heap: arrayBuffersMB
  line({ name, heapUsedMB: round(m.heapUsed / 2 ** 20), rssMB: round(m.rss / 2 ** 20), arrayBuffersMB: round(m.arrayBuffers / 2 ** 20) })
}

/** report(), faultTolerance() (a full evaluation: the incremental state is reset) and resilientCapacityBytes() with the caches defeated. */
function measureQueries(sim: Simulation, label: string): void {
  sim.data.tolerance.reset()
  sim.invalidate()
  const ft = timed(`faultTolerance.${label}`, TARGET.faultTolerance, () => sim.faultTolerance())
  sim.invalidate()
  const rc = timed(`resilientCapacityBytes.${label}`, TARGET.resilientCapacity, () => sim.resilientCapacityBytes())
  sim.invalidate()
  const report = timed(`report.${label}`, TARGET.report, () => sim.report(), {
    status: ft.status,
    resilientTB: round(rc / 1e12),
  })
  const json = timed(`report.json.${label}`, TARGET.reportJson, () => JSON.stringify(report))
  line({
    name: `state.${label}`,
    time: report.time,
    status: report.resiliency.status,
    hostsDown: report.topology.nodes.filter((n) => n.host !== 'up').length,
    vmsOn: report.vms.filter((v) => v.power === 'on').length,
    underReplicatedTB: round(report.resiliency.underReplicatedBytes / 1e12),
    lostBytes: report.resiliency.lostBytes,
    events: report.events.length,
    reportMB: round(json.length / 1e6),
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * The fault-tolerance evaluation that a node failure triggers, as it happens inside
 * inject() (Curator's re-evaluation; the status the UI shows): every faultTolerance() call
 * that misses the cache during inject is timed. Several distinct nodes, each restored
 * before the next; the first evaluation after load (a full pass) is reported apart.
 */
function measureFailureFaultTolerance(scenario: NonNullable<ReturnType<typeof builtinScenario>>): void {
  const sim = Simulation.create(scenario)
  const probe = sim as unknown as { ftCache: unknown; faultTolerance: () => ReturnType<Simulation['faultTolerance']> }
  const original = sim.faultTolerance.bind(sim)
  let spent = 0
  probe.faultTolerance = () => {
    if (probe.ftCache !== null) return original()
    const t0 = performance.now()
    const out = original()
    spent += performance.now() - t0
    return out
  }
  timed('faultTolerance.large-64.first-full-pass', null, () => sim.faultTolerance())
  const failure: number[] = []
  const restore: number[] = []
  const injectMs: number[] = []
  for (const n of [3, 11, 19, 27, 35, 43, 51, 59]) {
    spent = 0
    const t0 = performance.now()
    sim.inject({ kind: 'node', target: `node-${n}` })
    injectMs.push(performance.now() - t0)
    failure.push(spent)
    spent = 0
    sim.restore(`node-${n}`)
    restore.push(spent)
  }
  const med = median(failure)
  const max = Math.max(...failure)
  line({
    name: 'faultTolerance.large-64.after-node-failure',
    ms: round(med),
    maxMs: round(max),
    failures: failure.length,
    target_ms: TARGET.faultToleranceAfterFailure,
    ok: med <= TARGET.faultToleranceAfterFailure,
    maxOk: max <= TARGET.faultToleranceAfterFailure,
    all: failure.map(round),
  })
  line({ name: 'faultTolerance.large-64.after-node-restore', ms: round(median(restore)), maxMs: round(Math.max(...restore)), target_ms: TARGET.faultToleranceAfterFailure, ok: median(restore) <= TARGET.faultToleranceAfterFailure })
  line({ name: 'inject.node.large-64', ms: round(median(injectMs)), maxMs: round(Math.max(...injectMs)), target_ms: TARGET.inject, ok: median(injectMs) <= TARGET.inject })
}

function main(): void {
  const scenario = builtinScenario('large-64')
  if (!scenario) throw new Error('large-64 built-in scenario is missing')
  const wall0 = performance.now()
  memory('memory.start')
  const sim = timed('load.large-64', TARGET.load, () => Simulation.create(scenario), {
    nodes: 64,
    vms: scenario.vmFill?.count ?? 0,
  })
  line({ name: 'data.large-64', extentGroups: sim.data.units, rf: sim.data.rf, vdisks: sim.vms.vdiskCount })
  memory('memory.after-load')
  measureQueries(sim, 'healthy')
  measureFailureFaultTolerance(scenario)

  // 24 simulated hours: [at hour, action]
  const plan: Array<[number, string, () => void]> = [
    [1, 'inject.node-5', () => sim.inject({ kind: 'node', target: 'node-5' })],
    [3, 'restore.node-5', () => sim.restore('node-5')],
    [5, 'inject.disk-10-3', () => sim.inject({ kind: 'disk', target: 'disk-10-3' })],
    [8, 'inject.block-4', () => sim.inject({ kind: 'block', target: 'block-4' })],
    [10, 'restore.block-4', () => sim.restore('block-4')],
    [12, 'restore.disk-10-3', () => sim.restore('disk-10-3')],
    [14, 'inject.rack-3', () => sim.inject({ kind: 'rack', target: 'rack-3' } satisfies Fault)],
    [16, 'restore.rack-3', () => sim.restore('rack-3')],
  ]
  const afterFailure = new Set(['inject.node-5', 'inject.block-4', 'inject.rack-3'])
  let advanceTotal = 0
  let advanceMax = 0
  const runStart = performance.now()
  for (let hour = 0; hour < 24; hour++) {
    const t0 = performance.now()
    sim.advance(HOUR)
    const ms = performance.now() - t0
    advanceTotal += ms
    advanceMax = Math.max(advanceMax, ms)
    for (const [at, name, act] of plan) {
      if (at !== hour + 1) continue
      timed(name, name.startsWith('inject') ? TARGET.inject : TARGET.restore, act)
      if (afterFailure.has(name)) measureQueries(sim, `after.${name.slice('inject.'.length)}`)
    }
  }
  const runMs = performance.now() - runStart
  line({ name: 'run.24h', ms: round(runMs), target_ms: TARGET.run24h, ok: runMs <= TARGET.run24h, simulatedSeconds: sim.time })
  line({ name: 'advance.1h.max', ms: round(advanceMax), target_ms: TARGET.advanceHour, ok: advanceMax <= TARGET.advanceHour })
  line({ name: 'advance.1h.mean', ms: round(advanceTotal / 24) })
  measureQueries(sim, 'end')
  memory('memory.end')
  line({ name: 'bench.total', ms: round(performance.now() - wall0) })
}

main()
