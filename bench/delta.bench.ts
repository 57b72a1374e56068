/**
 * Worker → UI updates (`npm run bench -- delta`): on large-64 during a node failure and
 * rebuild, the delta each 60-simulated-second tick sends (what the UI gets per frame at
 * 3,600×): its size (JSON text + typed-array bytes) and the time to build it.
 * Targets (issue 9): < 256 KB and < 2 ms per update.
 */
import { performance } from 'node:perf_hooks'
import { SimFacade } from '../src/worker/facade'
import type { Delta } from '../src/worker/protocol'

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

const f = new SimFacade()
f.load('large-64')
f.tick(1)
f.inject({ kind: 'node', target: 'node-17' })
const sizes: number[] = []
const times: number[] = []
for (let i = 0; i < 120; i++) {
  const t0 = performance.now()
  const d = f.tick(60)
  times.push(performance.now() - t0)
  sizes.push(deltaBytes(d))
}
const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))]
line({ name: 'delta.large-64.rebuild.size', updates: sizes.length, median_KB: round(q(sizes, 0.5) / 1024), p95_KB: round(q(sizes, 0.95) / 1024), max_KB: round(Math.max(...sizes) / 1024), target_KB: 256, ok: Math.max(...sizes) < 256 * 1024 })
line({ name: 'delta.large-64.rebuild.tick', note: 'model advance of 60 s + delta build', median_ms: round(q(times, 0.5)), p95_ms: round(q(times, 0.95)), max_ms: round(Math.max(...times)), target_ms: 2, ok: q(times, 0.5) < 2 })
// a quiet tick: nothing changed but the clock
for (let i = 0; i < 200; i++) f.tick(60)
const t0 = performance.now()
const quiet = f.tick(1)
line({ name: 'delta.large-64.quiet', KB: round(deltaBytes(quiet) / 1024), ms: round(performance.now() - t0), target_KB: 256, ok: deltaBytes(quiet) < 256 * 1024 })
