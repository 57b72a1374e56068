/**
 * Rolling upgrade benchmark (`npm run bench -- upgrade`): a full AOS and then a full AHV
 * rolling upgrade of large-64 (64 nodes, 10,000 VMs) in the headless model. Prints JSON
 * lines with the simulated hours each took and the wall-clock seconds (target: each
 * upgrade runs ≥ 1000× faster than real time).
 */
import { performance } from 'node:perf_hooks'
import { builtinScenario } from '../src/model/scenario/builtins'
import { Simulation } from '../src/model/simulation'

const line = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + '\n')
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d

const sim = Simulation.create(builtinScenario('large-64')!)
sim.settle(3600)
for (const kind of ['aos', 'ahv'] as const) {
  const start = sim.time
  const t0 = performance.now()
  sim.upgrade(kind)
  const res = sim.runUntilMet(() => sim.upgrades.state !== 'running', 30 * 86400)
  const wall = (performance.now() - t0) / 1000
  const simulated = sim.time - start
  const r = sim.report()
  const speed = simulated / wall
  line({
    name: `upgrade.large-64.${kind}`,
    state: r.upgrade?.state, nodesDone: r.upgrade?.done.length, met: res.met, version: r.cluster.versions[kind],
    simulatedHours: round(simulated / 3600), wallSeconds: round(wall), speedX: Math.round(speed), target_speedX: 1000,
    rebuilds: r.tasks.filter((t) => t.type === 'DataRebuild').length,
    vmsOff: r.vms.filter((v) => v.power !== 'on').length,
    ok: r.upgrade?.state === 'succeeded' && speed >= 1000,
  })
}
