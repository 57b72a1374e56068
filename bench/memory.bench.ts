/**
 * Memory benchmark (issue 9, target 5, model side): `npm run bench -- memory`. Drives the
 * worker facade (src/worker/facade.ts, the same code the Web Worker runs) as the UI does
 * at 3600×: one tick of 60 simulated seconds per frame, each returning its delta. One
 * cycle = a node fails, ticks until Curator's rebuild completes, the node comes back,
 * ticks two simulated hours (the scan that deletes the over-replicated copies, HA).
 * The failed node rotates (node-1, node-2, …): a node that came back is empty (its old
 * copies were deleted as over-replicated and nothing balances data back onto it), so
 * failing it again would rebuild nothing.
 *
 * Measured: the process heap after forced garbage collection, plus array buffers (the
 * typed arrays of the model live outside the JS heap): over 20 cycles after the warm-up
 * (`….from-load`, for the record: the bounded histories are still filling), then, once the
 * histories are full (latest 10,000 events, 1,000 ended tasks), over 20 more — the target:
 * what still grows then is a leak. Prints
 *   {"name":"memory.model-heap.20-cycles","beforeMB":…,"afterMB":…,"growthPct":…,"target_pct":5,"ok":…,"rebuilds":20,…}
 * and the same for large-64 (MEMORY_LARGE_CYCLES cycles, default 20; 0 skips). MEMORY_WARMUP
 * (default 10) cycles run first: V8 compiles and optimises the code a cycle runs over its
 * first few repetitions (codeGrowthMB shows what is left of that).
 * Needs --expose-gc: started without it, it runs itself again with it.
 */
import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { getHeapSpaceStatistics } from 'node:v8'
import { ENDED_RETENTION, EVENT_RETENTION } from '../src/model/kernel/log'
import { SimFacade } from '../src/worker/facade'

const gc = (globalThis as { gc?: () => void }).gc
if (typeof gc !== 'function') {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(r.status ?? 1)
}

const TARGET_PCT = 5
const TICK_SECONDS = 60
const WARMUP_CYCLES = Number(process.env.MEMORY_WARMUP ?? 10)
const round = (x: number) => Math.round(x * 100) / 100

function line(obj: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

/** heapUsed + arrayBuffers (MB) after forced collections, settled; codeMB: the part of the heap that is compiled code. */
function settledMB(): { totalMB: number; heapMB: number; arrayBuffersMB: number; codeMB: number } {
  for (let i = 0; i < 4; i++) gc!()
  const m = process.memoryUsage()
  const code = getHeapSpaceStatistics()
    .filter((s) => s.space_name.startsWith('code'))
    .reduce((a, s) => a + s.space_used_size, 0)
  return { totalMB: (m.heapUsed + m.arrayBuffers) / 2 ** 20, heapMB: m.heapUsed / 2 ** 20, arrayBuffersMB: m.arrayBuffers / 2 ** 20, codeMB: code / 2 ** 20 }
}

class Driver {
  readonly f = new SimFacade()
  private seen = 0
  rebuilds = 0
  ticks = 0
  nodes: string[] = []

  load(id: string): void {
    this.f.load(id)
    this.nodes = this.f.simulation.spec.nodes.map((n) => n.id)
    this.seen = this.f.simulation.log.eventsAppended
  }

  /** One UI frame: a tick, its delta dropped as the UI would after applying it; new events read. */
  private tick(): void {
    this.f.tick(TICK_SECONDS)
    this.ticks++
    const log = this.f.simulation.log
    for (const e of log.eventsSince(this.seen).items) if (e.type === 'RebuildCompleted') this.rebuilds++
    this.seen = log.eventsAppended
  }

  /** Fail node k (rotating), tick until its rebuild completed, restore it, tick two hours. */
  cycle(k: number): void {
    const node = this.nodes[k % this.nodes.length]
    const before = this.rebuilds
    this.f.inject({ kind: 'node', target: node })
    for (let s = 0; this.rebuilds === before && s < 2 * 86400; s += TICK_SECONDS) this.tick()
    this.f.restore(node)
    for (let s = 0; s < 2 * 3600; s += TICK_SECONDS) this.tick()
  }
}

/** The model's bounded histories (events, ended tasks) are full. */
function historiesFull(d: Driver): boolean {
  const log = d.f.simulation.log
  let ended = 0
  for (const t of log.tasks) if (t.state !== 'running') ended++
  return log.events.length >= EVENT_RETENTION && ended >= ENDED_RETENTION
}

function run(scenario: string, cycles: number): void {
  const t0 = performance.now()
  const d = new Driver()
  d.load(scenario)
  const name = scenario === 'twelve-3-blocks' ? `memory.model-heap.${cycles}-cycles` : `memory.model-heap.${scenario}.${cycles}-cycles`
  // warm-up: the JIT (V8 compiles the code a cycle runs over the first few), lazily built structures, the first rebuild's buffers
  let k = 0
  for (; k < WARMUP_CYCLES; k++) d.cycle(k)
  // 1. from load: the bounded histories are still filling (for the record)
  const load0 = settledMB()
  for (const end = k + cycles; k < end; k++) d.cycle(k)
  const load1 = settledMB()
  line({
    name: `${name}.from-load`,
    scenario,
    note: 'includes the bounded histories (events, ended tasks, resolved alerts) filling up',
    beforeMB: round(load0.totalMB),
    afterMB: round(load1.totalMB),
    growthPct: round(((load1.totalMB - load0.totalMB) / load0.totalMB) * 100),
    events: d.f.simulation.log.eventsAppended,
  })
  // 2. once the histories are full: what still grows is a leak
  const fillStart = k
  while (!historiesFull(d) && k < fillStart + 1000) d.cycle(k++)
  const before = settledMB()
  const rebuildsBefore = d.rebuilds
  for (const end = k + cycles; k < end; k++) d.cycle(k)
  const after = settledMB()
  const growthPct = ((after.totalMB - before.totalMB) / before.totalMB) * 100
  const sim = d.f.simulation
  line({
    name,
    scenario,
    note: 'after the bounded histories are full',
    beforeMB: round(before.totalMB),
    afterMB: round(after.totalMB),
    growthPct: round(growthPct),
    target_pct: TARGET_PCT,
    ok: growthPct <= TARGET_PCT,
    cycles,
    cyclesBefore: k - cycles,
    rebuilds: d.rebuilds - rebuildsBefore,
    heapBeforeMB: round(before.heapMB),
    heapAfterMB: round(after.heapMB),
    arrayBuffersBeforeMB: round(before.arrayBuffersMB),
    arrayBuffersAfterMB: round(after.arrayBuffersMB),
    // V8 keeps optimising functions that run once a cycle for a while: code, not data
    codeGrowthMB: round(after.codeMB - before.codeMB),
    growthWithoutCodePct: round(((after.totalMB - after.codeMB - (before.totalMB - before.codeMB)) / (before.totalMB - before.codeMB)) * 100),
    ticks: d.ticks,
    simulatedHours: Math.round(sim.time / 3600),
    events: sim.log.eventsAppended,
    eventsKept: sim.log.events.length,
    tasksKept: sim.log.tasks.length,
    alertsKept: sim.log.alerts.length,
    seconds: round((performance.now() - t0) / 1000),
  })
}

run('twelve-3-blocks', 20)
const large = Number(process.env.MEMORY_LARGE_CYCLES ?? 20)
if (large > 0) run('large-64', large)
