/**
 * Worker → UI updates (`npm run bench -- delta`): on large-64 during a node failure, the
 * HA restarts and the rebuild, the delta of every 60-simulated-second tick (one frame's
 * worth at 3,600×). Per update it measures
 *   - size: structured-clone bytes (JSON text of the plain part + typed-array bytes)
 *   - build: the facade diffing and packing the delta (model time excluded: the clock and
 *     the model's lazily computed fault tolerance and I/O figures are timed apart)
 *   - clone: structuredClone with the typed arrays transferred, as postMessage does
 *   - apply: the UI store decoding it (patches, events, records)
 * Targets (issue 9): < 256 KB and < 2 ms per update (build + clone + apply).
 */
import { performance } from 'node:perf_hooks'
import { SimFacade } from '../src/worker/facade'
import { deltaBuffers } from '../src/worker/transferables'
import type { Delta } from '../src/worker/protocol'
import { useSim } from '../src/ui/store/simStore'

const line = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + '\n')
const round = (x: number) => Math.round(x * 100) / 100

/** Bytes a structured clone would carry: typed arrays by length, the rest as JSON text. */
function deltaBytes(d: Delta): number {
  let typed = 0
  const json = JSON.stringify(d, (_k, v: unknown) => {
    if (ArrayBuffer.isView(v)) {
      typed += v.byteLength
      return null
    }
    return v
  })
  return json.length + typed
}

const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))]
const stats = (a: number[]) => ({ median: round(q(a, 0.5)), p95: round(q(a, 0.95)), max: round(Math.max(...a)) })

const f = new SimFacade()
const store = useSim.getState()
store.apply(f.load('large-64'))
store.apply(f.tick(1))
// warm the JIT on a few ticks, as a running app has
for (let i = 0; i < 5; i++) store.apply(f.tick(60))
store.apply(f.inject({ kind: 'node', target: 'node-17' }))

const sizes: number[] = []
const build: number[] = []
const clone: number[] = []
const apply: number[] = []
const total: number[] = []
const model: number[] = []
for (let i = 0; i < 120; i++) {
  const m0 = performance.now()
  // the model's share of a tick, timed apart: the clock, and what the model computes
  // lazily for whoever reads it first (fault tolerance, the I/O model of this period)
  f.simulation.advance(60)
  f.simulation.faultTolerance()
  f.simulation.io.load()
  const t0 = performance.now()
  const d = f.tick(0) // no clock: just the delta
  const t1 = performance.now()
  sizes.push(deltaBytes(d))
  const t2 = performance.now()
  const copy = structuredClone(d, { transfer: deltaBuffers(d) })
  const t3 = performance.now()
  useSim.getState().apply(copy)
  const t4 = performance.now()
  model.push(t0 - m0)
  build.push(t1 - t0)
  clone.push(t3 - t2)
  apply.push(t4 - t3)
  total.push(t1 - t0 + (t4 - t2))
}
const s = stats(sizes.map((b) => b / 1024))
line({ name: 'delta.large-64.rebuild.size', updates: sizes.length, median_KB: s.median, p95_KB: s.p95, max_KB: s.max, target_KB: 256, ok: s.max < 256 })
const t = stats(total)
line({ name: 'delta.large-64.rebuild.update', note: 'build + structured clone (transfer) + store apply', median_ms: t.median, p95_ms: t.p95, max_ms: t.max, target_ms: 2, ok: t.p95 < 2 })
line({ name: 'delta.large-64.rebuild.build', ...stats(build) })
line({ name: 'delta.large-64.rebuild.clone', ...stats(clone) })
line({ name: 'delta.large-64.rebuild.apply', ...stats(apply) })
line({ name: 'delta.large-64.rebuild.model-advance-60s', note: 'for reference: the model, not the update', ...stats(model) })
// a quiet tick: nothing changed but the clock
for (let i = 0; i < 200; i++) useSim.getState().apply(f.tick(60))
const t0 = performance.now()
const quiet = f.tick(1)
const ms = performance.now() - t0
line({ name: 'delta.large-64.quiet', KB: round(deltaBytes(quiet) / 1024), ms: round(ms), target_KB: 256, ok: deltaBytes(quiet) < 256 * 1024 })
// the first delta after a load (structure + everything): once per load, not per frame
const l0 = performance.now()
const first = new SimFacade().load('large-64')
line({ name: 'delta.large-64.load', note: 'scenario load + first full delta (once per load)', KB: round(deltaBytes(first) / 1024), ms: round(performance.now() - l0) })
