/**
 * Disk balancing benchmark: `npm run bench -- balance`. On large-64 (64 nodes, 768 disks)
 * a node fails, the rebuild finishes, the node is restored, and the clock runs until disk
 * balancing has brought every disk within ±15 % of its tier's mean. It reports the
 * simulated time to balance, the wall time of that run, and the worst single event
 * (tick) of it, as JSON lines like the other benchmarks.
 */
import { performance } from 'node:perf_hooks'
import { builtinScenario } from '../src/model/scenario/builtins'
import { Simulation } from '../src/model/simulation'

const TARGET = { worstTickMs: 250, wallMs: 60000 } as const
const round = (x: number) => Math.round(x * 10) / 10
const line = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + '\n')

const sim = Simulation.create(builtinScenario('large-64')!)
const node = sim.spec.nodes[5]
sim.inject({ kind: 'node', target: node.id })
sim.settle()
sim.restore(node.id)
const start = sim.time
const usedOf = () => node.disks.reduce((a, d) => a + sim.data.diskUnits[d], 0)
let low = usedOf()
let worst = 0
// the balancer's planning pass alone (one pass over every copy)
const b = sim.curator.balancer
const origPlan = b.plan.bind(b)
let worstPlan = 0
// groups (extent groups and strips) the planning passes read: a full pass reads every one of them
const stats0 = { ...b.planStats }
b.plan = (fresh?: boolean) => {
  const s = performance.now()
  origPlan(fresh)
  worstPlan = Math.max(worstPlan, performance.now() - s)
}
const t0 = performance.now()
const balancing = () => sim.curator.balancer.task !== null || sim.curator.scanning || sim.curator.replicating
let steps = 0
// step event by event until balancing ends (at most 30 simulated days)
while ((steps === 0 || balancing()) && sim.time - start < 30 * 86400) {
  const s = performance.now()
  sim.stepToNextEvent()
  worst = Math.max(worst, performance.now() - s)
  low = Math.min(low, usedOf())
  steps++
}
const wall = performance.now() - t0
line({
  name: 'balance.restoredNode.large-64',
  simSeconds: Math.round(sim.time - start),
  wallMs: Math.round(wall),
  worstTickMs: round(worst),
  target_ms: TARGET.worstTickMs,
  ok: worst <= TARGET.worstTickMs && wall <= TARGET.wallMs,
  events: steps,
  worstPlanMs: round(worstPlan),
  planPasses: b.planStats.passes - stats0.passes,
  groupsReadPerPass: Math.round((b.planStats.groupsRead - stats0.groupsRead) / Math.max(1, b.planStats.passes - stats0.passes)),
  groups: sim.data.units + sim.data.strips,
  nodeUsedGBLowest: low,
  nodeUsedGBAfter: usedOf(),
  balanced: !sim.curator.balancer.outOfBand(),
})
