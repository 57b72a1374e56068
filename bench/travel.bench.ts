/**
 * Time travel benchmark (issue 20 item 6): after a 24-hour large-64 run through the worker
 * facade (failures and restores as in model.bench.ts), times a full replay from load (what
 * travelTo cost before checkpoints) and travelTo to moments spread over the run, and prints
 * the travel-versus-replay ratio (target: the slowest travel at most a tenth of the replay)
 * and the checkpoints' memory:
 *   {"name":"travel.large-64.ratio","ratio":0.04,"target":0.1,"ok":true,…}
 */
import { performance } from 'node:perf_hooks'
import { Simulation } from '../src/model/simulation'
import { SimFacade } from '../src/worker/facade'
import { replay } from '../src/worker/runLog'
import type { Checkpoints } from '../src/worker/checkpoints'
import { snapshot } from '../src/model/kernel/checkpoint'

const HOUR = 3600
const round = (x: number) => Math.round(x * 10) / 10
const line = (obj: Record<string, unknown>) => process.stdout.write(JSON.stringify(obj) + '\n')
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const facade = new SimFacade()
facade.load('large-64')
const plan: Record<number, () => void> = {
  1: () => facade.inject({ kind: 'node', target: 'node-5' }),
  3: () => facade.restore('node-5'),
  5: () => facade.inject({ kind: 'disk', target: 'disk-10-3' }),
  8: () => facade.inject({ kind: 'block', target: 'block-4' }),
  10: () => facade.restore('block-4'),
  12: () => facade.restore('disk-10-3'),
  14: () => facade.inject({ kind: 'rack', target: 'rack-3' }),
  16: () => facade.restore('rack-3'),
}
let t0 = performance.now()
for (let hour = 0; hour < 24; hour++) {
  facade.advance(HOUR)
  plan[hour + 1]?.()
}
line({ name: 'travel.large-64.live-run-24h', ms: round(performance.now() - t0) })
const run = facade.exportRun()
const ckpt = (facade as unknown as { ckpt: Checkpoints }).ckpt
line({ name: 'travel.large-64.checkpoints', count: ckpt.count, memoryMB: round(ckpt.bytes() / 2 ** 20), intervalS: ckpt.intervalMs / 1000 })
{
  // the cost of one checkpoint (against the one before, as the run takes them) and of one restore
  const sim = facade.simulation
  const last = ckpt.nearest(sim.timeMs)!
  const takes: number[] = []
  for (let i = 0; i < 3; i++) {
    t0 = performance.now()
    snapshot(sim, last.snap)
    takes.push(performance.now() - t0)
  }
  t0 = performance.now()
  ckpt.restore(last)
  const restoreMs = performance.now() - t0
  line({ name: 'travel.large-64.checkpoint.take', ms: round(median(takes)), restoreMs: round(restoreMs) })
}

// a full replay from load to the end of the run (what every travelTo cost before checkpoints)
const replays: number[] = []
for (let i = 0; i < 2; i++) {
  t0 = performance.now()
  const sim = Simulation.create(run.scenario, run.seed)
  replay(sim, run.actions, run.end)
  replays.push(performance.now() - t0)
}
const replayMs = Math.min(...replays)
line({ name: 'travel.large-64.full-replay', ms: round(replayMs), all: replays.map(round) })

// travels to moments spread over the run, in a scrubbing order (back, forward, back)
const targets = [0.5, 23.9, 7.3, 15.95, 2.2, 20.6, 11.4, 0.01, 18.75, 5.5, 12.99, 22.5, 9.9, 1.0, 17.2, 24].map((h) => Math.round(h * HOUR))
const travels: number[] = []
for (const t of targets) {
  t0 = performance.now()
  facade.travelTo(t)
  travels.push(performance.now() - t0)
}
const worst = Math.max(...travels)
line({ name: 'travel.large-64.travelTo', medianMs: round(median(travels)), maxMs: round(worst), travels: travels.length, all: travels.map(round) })
const ratio = Math.round((worst / replayMs) * 1000) / 1000
line({ name: 'travel.large-64.ratio', ratio, medianRatio: Math.round((median(travels) / replayMs) * 1000) / 1000, target: 0.1, ok: ratio <= 0.1, replayMs: round(replayMs), worstTravelMs: round(worst) })
line({ name: 'travel.large-64.checkpoints.after', count: ckpt.count, memoryMB: round(ckpt.bytes() / 2 ** 20) })
