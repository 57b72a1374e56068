/**
 * Quiet time benchmark: `npm run bench -- quiet`. A simulated year on a quiet cluster: the
 * NOP-OUT rounds that change nothing are fast-forwarded and the metrics samples are taken
 * lazily (issue 21 item 1). One JSON line per measurement, like model.bench.ts.
 */
import { performance } from 'node:perf_hooks'
import { builtinScenario } from '../src/model/scenario/builtins'
import { Simulation } from '../src/model/simulation'

const YEAR = 365 * 86400
const TARGET: Record<string, number> = { 'starter-3': 1000, 'twelve-3-blocks': 1000, 'large-64': 5000 }

const line = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + '\n')

for (const name of Object.keys(TARGET)) {
  const sim = Simulation.create(builtinScenario(name)!)
  let events = 0
  const pop = sim.queue.pop.bind(sim.queue)
  sim.queue.pop = () => {
    events++
    return pop()
  }
  const t0 = performance.now()
  sim.advance(YEAR)
  const ms = performance.now() - t0
  line({ name: `quiet.year.${name}`, ms: Math.round(ms * 10) / 10, target_ms: TARGET[name], ok: ms <= TARGET[name], events, samples: sim.metrics.count })
}
