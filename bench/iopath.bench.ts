/**
 * I/O path benchmark: `npm run bench -- iopath`. On the large-64 built-in (64 nodes,
 * 10,000 VMs, 20,000 vDisks): a CVM failure, the failover at the next NOP-OUT round,
 * the failback 300 s after the restore, a whole day of quiet NOP-OUT rounds, and the
 * I/O figures and redirector log. One JSON line per measurement, like model.bench.ts.
 */
import { performance } from 'node:perf_hooks'
import { builtinScenario } from '../src/model/scenario/builtins'
import { Simulation } from '../src/model/simulation'

const TARGET = {
  load: 1500,
  inject: 200,
  failover: 100,
  failback: 100,
  ioLoad: 20,
  redirectorLog: 5,
  report: 500,
  quietDay: 1000,
} as const

const round = (x: number) => Math.round(x * 10) / 10
const line = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + '\n')

function timed<T>(name: string, target: number | null, fn: () => T, extra: Record<string, unknown> = {}): T {
  const t0 = performance.now()
  const out = fn()
  const ms = performance.now() - t0
  line({ name, ms: round(ms), ...(target !== null ? { target_ms: target, ok: ms <= target } : {}), ...extra })
  return out
}

function main(): void {
  const scenario = builtinScenario('large-64')!
  const sim = timed('iopath.load.large-64', TARGET.load, () => Simulation.create(scenario))
  line({ name: 'iopath.sessions', vdisks: sim.vms.vdiskCount, ...sim.io.load().sessions })
  sim.advance(60)
  const onHost = () => sim.report().vms.filter((v) => v.host === 'node-10').flatMap((v) => v.vdisks)
  timed('iopath.inject.cvm-node-10', TARGET.inject, () => sim.inject({ kind: 'cvm', target: 'node-10' }))
  // the next NOP-OUT round (t = 65) redirects every session of node-10's VMs; the logins land at 66
  timed('iopath.failover.round', TARGET.failover, () => sim.advance(5))
  timed('iopath.failover.logins', TARGET.failover, () => sim.advance(1))
  const moved = onHost()
  line({
    name: 'iopath.failover.state',
    time: sim.time,
    sessions: moved.length,
    remote: moved.filter((d) => d.path === 'remote').length,
    stargatesUsed: new Set(moved.map((d) => d.stargate)).size,
  })
  sim.io.load() // warm
  sim.vms.version++
  const figures = timed('iopath.ioLoad.compute', TARGET.ioLoad, () => sim.io.load())
  line({ name: 'iopath.ioLoad.cluster', ...sim.io.metricsFigures(), stargateMaxUtil: round(Math.max(...figures.sgUtil) * 100) / 100 })
  timed('iopath.redirectorLog.200', TARGET.redirectorLog, () => sim.io.redirectorLog(9, 200))
  timed('iopath.report', TARGET.report, () => sim.report())
  timed('iopath.restore.cvm-node-10', TARGET.inject, () => sim.restore('node-10'))
  timed('iopath.advance.to-failback', TARGET.failback * 10, () => sim.advance(305))
  timed('iopath.failback.logins', TARGET.failback, () => sim.advance(2))
  const back = onHost()
  line({ name: 'iopath.failback.state', time: sim.time, local: back.filter((d) => d.path === 'local').length, sessions: back.length, redirects: sim.io.redirectTotal })
  // 24 simulated hours of quiet NOP-OUT rounds (17,280 rounds at 5 s) with nothing pending
  sim.settle()
  const t0 = sim.time
  timed('iopath.quiet-day', TARGET.quietDay, () => sim.advance(86400), { rounds: Math.round(86400 / sim.io.params.healthCheckSeconds), from: t0 })
  const m = process.memoryUsage()
  line({ name: 'iopath.memory', heapUsedMB: round(m.heapUsed / 2 ** 20), arrayBuffersMB: round(m.arrayBuffers / 2 ** 20) })
}

main()
