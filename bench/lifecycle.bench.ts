/**
 * Node lifecycle benchmark: `npm run bench -- lifecycle`. On large-64 (64 nodes, 768 disks,
 * about a million extent groups at RF3, the most nodes a cluster may have): node-17 is
 * removed and the clock runs until it is gone; then a new node (12 disks) is added and the
 * clock runs until disk balancing has filled it. Reports the wall time of the addNode call itself (every table growing), the
 * simulated time and wall time of each run, and the worst single event, as JSON lines.
 */
import { performance } from 'node:perf_hooks'
import { builtinScenario } from '../src/model/scenario/builtins'
import { Simulation } from '../src/model/simulation'

const TARGET = { worstTickMs: 250, callMs: 250 } as const
const round = (x: number) => Math.round(x * 10) / 10
const line = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + '\n')

const sim = Simulation.create(builtinScenario('large-64')!)
const disks = [
  ...[1, 2].map((k) => ({ id: `disk-65-${k}`, tier: 'SSD' as const, capacityTB: 3.84 })),
  ...Array.from({ length: 10 }, (_, k) => ({ id: `disk-65-${k + 3}`, tier: 'HDD' as const, capacityTB: 8 })),
]

/** step event by event while `busy()` (at most 30 simulated days): simulated seconds, wall ms, worst event ms, events */
function runWhile(busy: () => boolean): { sim: number; wall: number; worst: number; events: number } {
  const start = sim.time
  const t0 = performance.now()
  let worst = 0
  let events = 0
  while ((events === 0 || busy()) && sim.time - start < 30 * 86400) {
    const s = performance.now()
    sim.stepToNextEvent()
    worst = Math.max(worst, performance.now() - s)
    events++
  }
  return { sim: Math.round(sim.time - start), wall: Math.round(performance.now() - t0), worst: round(worst), events }
}

const r0 = performance.now()
sim.removeNode('node-17')
const removeCallMs = performance.now() - r0
const m = sim.topo.nodeIndex.get('node-17')!
const removed = runWhile(() => sim.topo.removal[m] !== 2)
line({
  name: 'lifecycle.removeNode.large-64',
  removeNodeCallMs: round(removeCallMs),
  simSeconds: removed.sim,
  wallMs: removed.wall,
  worstTickMs: removed.worst,
  target_ms: TARGET.worstTickMs,
  ok: removed.worst <= TARGET.worstTickMs,
  events: removed.events,
  removed: sim.topo.removal[m] === 2,
  lostBytes: sim.report().resiliency.lostBytes,
})

const c0 = performance.now()
sim.addNode({ id: 'node-65', block: 'block-17', rack: 'rack-1', memoryGiB: 1024, cpuCores: 64, disks })
const callMs = performance.now() - c0
const n = sim.topo.nodeIndex.get('node-65')!
const usedOf = () => sim.spec.nodes[n].disks.reduce((a, d) => a + sim.data.diskUnits[d], 0)
const added = runWhile(() => sim.curator.balancer.task !== null || sim.curator.scanning || sim.curator.replicating || sim.expansion.inProgress > 0)
line({
  name: 'lifecycle.addNode.large-64',
  addNodeCallMs: round(callMs),
  simSeconds: added.sim,
  wallMs: added.wall,
  worstTickMs: added.worst,
  target_ms: TARGET.worstTickMs,
  ok: added.worst <= TARGET.worstTickMs && callMs <= TARGET.callMs,
  events: added.events,
  nodeUsedGBAfter: usedOf(),
  balanced: !sim.curator.balancer.outOfBand(),
  status: sim.report().resiliency.status,
})
