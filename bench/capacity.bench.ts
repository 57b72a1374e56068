/**
 * Capacity benchmark: `npm run bench -- capacity`. On the large-64 built-in scenario
 * (64 nodes in 8 racks, FT2 with rack awareness) it times resilient capacity, FREE_SPACE
 * per domain, the what-if of a rack failure and a write of new data, and prints one JSON
 * line per measurement, like bench/model.bench.ts:
 *   {"name":"resilientCapacity.large-64.ft2-rack","ms":0.4,"target_ms":5,"ok":true,"resilientTB":…}
 * Each figure is the median of several runs with the cache defeated (sim.invalidate()).
 * Exit code 0 even when a target is missed: `ok` says whether it was met.
 */
import { performance } from 'node:perf_hooks'
import { builtinScenario } from '../src/model/scenario/builtins'
import { Simulation } from '../src/model/simulation'
import type { DomainType } from '../src/model/types'
import { whatIfFailure } from '../src/model/storage/whatif'

const TARGET = {
  resilientCapacity: 5,
  freeSpace: 20,
  whatIf: 100,
  write: 50,
} as const

const RUNS = 15
const round = (x: number) => Math.round(x * 100) / 100

function line(obj: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

/** Median of RUNS timings of fn (after `before` each time, untimed). */
function median<T>(fn: () => T, before: () => void = () => {}): { ms: number; out: T } {
  const times: number[] = []
  let out!: T
  for (let i = 0; i < RUNS; i++) {
    before()
    const t0 = performance.now()
    out = fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { ms: times[times.length >> 1], out }
}

function report(name: string, targetMs: number, ms: number, extra: Record<string, unknown> = {}): void {
  line({ name, ms: round(ms), target_ms: targetMs, ok: ms <= targetMs, ...extra })
}

function main(): void {
  const scenario = builtinScenario('large-64')
  if (!scenario) throw new Error('large-64 built-in scenario is missing')
  const sim = Simulation.create(scenario)
  line({ name: 'capacity.setup', nodes: sim.spec.nodes.length, racks: sim.spec.racks.length, ftLevel: sim.spec.ftLevel, awareness: sim.effectiveAwareness, extentGroups: sim.data.units })

  const measure = (label: string) => {
    const rc = median(() => sim.resilientCapacityBytes(), () => sim.invalidate())
    report(`resilientCapacity.large-64.ft2-rack.${label}`, TARGET.resilientCapacity, rc.ms, {
      resilientTB: round(rc.out / 1e12),
      totalTB: round(sim.availableTotalBytes() / 1e12),
      usedTB: round(sim.availableUsedBytes() / 1e12),
    })
    for (const dt of ['DISK', 'NODE', 'RACKABLE_UNIT', 'RACK'] as DomainType[]) {
      const fs = median(() => sim.freeSpaceTolerance(dt))
      report(`freeSpace.${dt}.${label}`, TARGET.freeSpace, fs.ms, { failuresTolerable: fs.out })
    }
  }

  measure('healthy')
  const wi = median(() => whatIfFailure(sim, 'rack-1'))
  report('whatIf.rack-1', TARGET.whatIf, wi.ms, { heals: wi.out.heals, neededTB: round(wi.out.neededBytes / 1e12), capacityTB: round(wi.out.capacityBytes / 1e12), failuresTolerableAfter: wi.out.failuresTolerableAfter })

  const wr = median(() => sim.growth.write(1))
  report('write.1TB', TARGET.write, wr.ms, { usedTB: round(sim.availableUsedBytes() / 1e12) })

  sim.inject({ kind: 'rack', target: 'rack-3' })
  measure('after.rack-3')
}

main()
