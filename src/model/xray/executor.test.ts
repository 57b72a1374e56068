import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Simulation } from '../simulation'
import { xrayRefusals } from './executor'
import { fixture } from './fixtures.testkit'
import { prepareXray, type PreparedXray } from './prepare'
import type { XrayReportResult } from './types'

function prepared(name: string, vars?: Record<string, number>): PreparedXray {
  const p = prepareXray(fixture(name), { vars })
  if (!p.ok) throw new Error(p.problems.join('\n'))
  return p.value
}

/** Run a prepared test to its end. */
function runPrepared(p: PreparedXray): Simulation {
  const sim = Simulation.create(p.scenario)
  sim.attachXray(p.plan)
  sim.settle(30000)
  return sim
}

function run(name: string, vars?: Record<string, number>): Simulation {
  return runPrepared(prepared(name, vars))
}

/** Prepare and run a test from its (edited) files. */
function runFiles(files: Record<string, string>): Simulation {
  const p = prepareXray(files)
  if (!p.ok) throw new Error(p.problems.join('\n'))
  return runPrepared(p.value)
}

const at = (r: XrayReportResult, t: number) => r.series.find(([x]) => x === t)?.[1]
const between = (r: XrayReportResult, a: number, b: number) => r.series.filter(([x]) => x > a && x <= b).map(([, v]) => v)

describe('X-Ray executor', () => {
  it('a node power-off during a workload: the group IOPS fall, its VM restarts by T120, IOPS recover', () => {
    const sim = run('node-outage')
    const x = sim.report().xray!
    expect(x.phase).toBe('done')
    const iops = x.results.find((r) => r.name === 'DB IOPS')!
    const active = x.results.find((r) => r.name === 'DB Active')!
    const before = at(iops, 235)!
    expect(before).toBeGreaterThan(10000)
    // node 0 goes down at 240: its DB VM stops, so the group's IOPS fall
    const during = between(iops, 240, 250)
    expect(Math.min(...during)).toBeLessThan(before * 0.95)
    expect(Math.min(...between(active, 240, 250))).toBe(11)
    // HA restarts it elsewhere within 120 s of the failure: all 12 active, IOPS back
    expect(at(active, 360)).toBe(12)
    expect(at(iops, 360)).toBeCloseTo(before, 0)
    const vm = sim.report().vms.find((v) => v.id === 'DB_0000')!
    expect(vm.power).toBe('off') // teardown powered the group off
    expect(x.results.find((r) => r.name === 'DB I/O Errors')!.anyFail).toBe(false)
    // annotations at the power actions, on the clock
    expect(x.annotations).toEqual(expect.arrayContaining([
      { time: 240, text: 'Node 0 (node-1): powering off' },
      { time: 540, text: 'Node 0 (node-1): powering on' },
      { time: 720, text: 'Node 0 (node-1): ready' },
    ]))
    // the node was powered off and back (boot time 180 s)
    const ev = sim.report().events.filter((e) => e.type === 'FaultInjected' || e.type === 'FaultRestored').map((e) => [e.type, e.time])
    expect(ev).toEqual([['FaultInjected', 240], ['FaultRestored', 720]])
    expect(x.steps.every((s) => s.state === 'done')).toBe(true)
    expect(x.steps.find((s) => s.path === 'run[4]')).toMatchObject({ start: 540, end: 720 })
  })

  it('Cluster CPU (X-Ray\'s CpuUsage.Avg.Percent) is the model\'s cluster CPU: a percentage at every sample, no “not simulated” note', () => {
    const x = run('node-outage').report().xray!
    const cpu = x.results.find((r) => r.name === 'Cluster CPU')!
    expect(cpu).toMatchObject({ simulated: true, unit: '%' })
    expect(cpu.series.length).toBeGreaterThan(10)
    for (const [, v] of cpu.series) {
      expect(v).toBeGreaterThan(0)
      expect(v).toBeLessThanOrEqual(100)
    }
    expect(x.notes.some((n) => n.includes('CpuUsage.Avg.Percent'))).toBe(false)
  })

  it('a cluster metric the model lacks stays empty and says so', () => {
    const files = fixture('node-outage')
    files['test.yml'] = files['test.yml'].replace('metric: CpuUsage.Avg.Percent', 'metric: NetReceived.Avg.KilobytesPerSecond')
    const sim = runFiles(files)
    const x = sim.report().xray!
    expect(x.results.find((r) => r.name === 'Cluster CPU')).toMatchObject({ simulated: false, series: [] })
    expect(x.notes.some((n) => n.includes('NetReceived.Avg.KilobytesPerSecond') && n.includes('not simulated'))).toBe(true)
  })

  it('is deterministic: the same test gives the same Report', () => {
    const a = JSON.stringify(run('node-outage', { outage_secs: 120, load_secs: 600 }).report())
    const b = JSON.stringify(run('node-outage', { outage_secs: 120, load_secs: 600 }).report())
    expect(a).toBe(b)
  })

  it('runs one corner after another, each with its own fio demand', () => {
    const x = run('peak-corners').report().xray!
    expect(x.phase).toBe('done')
    const ran = x.results.filter((r) => r.kind === 'iops' && r.series.some(([, v]) => v > 0))
    expect(ran.length).toBeGreaterThan(1)
  })

  it('an X-Ray workload changes only the I/O of its VMs; the default I/O model is off while it runs', () => {
    const p = prepared('node-outage', { load_secs: 600 })
    const sim = Simulation.create(p.scenario)
    sim.attachXray(p.plan)
    expect(sim.report().io.stargates.reduce((s, g) => s + g.iops, 0)).toBe(0) // nothing started yet at t = 0
    sim.advance(120)
    expect(sim.io.load().cluster.iops).toBeGreaterThan(0)
  })

  it('without live migration or a graceful shutdown, the steps needing them are refused at load, naming the step', () => {
    const moves = xrayRefusals(prepared('planned-moves').plan, null)
    expect(moves).toEqual([
      'run[2]: vm_group.MigrateGroup needs live migration, which this build does not simulate',
      'run[3]: nodes.Shutdown needs a graceful node shutdown, which this build does not simulate',
      'run[8]: vm_group.ResetGroupPlacement needs live migration, which this build does not simulate',
    ])
    // the Simulation connects its planned operations: nothing is refused
    const sim = Simulation.create(prepared('planned-moves').scenario)
    expect(xrayRefusals(prepared('planned-moves').plan, sim.xrayOps)).toEqual([])
  })

  it('a rolling upgrade under load: every node shut down and powered on in order, no I/O errors, the VMs back home', () => {
    const p = prepared('rolling-reboot')
    const sim = Simulation.create(p.scenario)
    sim.attachXray(p.plan)
    const home = new Map(sim.report().vms.map((v) => [v.id, v.host]))
    let maxErrors = 0
    for (let t = 0; t < 6 * 3600 && sim.xray!.report().phase !== 'done'; t += 30) {
      sim.advance(30)
      for (let v = 0; v < sim.vms.count; v++) maxErrors = Math.max(maxErrors, sim.vmErrorsPerSecond(v))
    }
    const r = sim.report()
    expect(r.xray!.phase).toBe('done')
    expect(maxErrors).toBe(0)
    expect(r.resiliency.lostBytes).toBe(0)
    // the node power actions, in node order: each node down and back before the next
    const downs = r.events.filter((e) => e.type === 'HostDown').map((e) => e.entity)
    expect(downs).toEqual(sim.spec.nodes.slice(0, downs.length).map((n) => n.id))
    expect(downs.length).toBeGreaterThan(1)
    for (const v of r.vms) if (v.power === 'on') expect(v.host, v.id).toBe(home.get(v.id))
  })

  it('a step whose condition does not hold within its timeout fails and stops the test, naming the step', () => {
    const files = fixture('node-outage')
    files['test.yml'] = files['test.yml'].replace('  - nodes.PowerOn:\n      nodes: 0', '  - nodes.PowerOn: {nodes: 0, wait_secs: 0}\n  - nodes.WaitForPowerOn: {nodes: 0, wait_secs: 60}')
    expect(files['test.yml']).toContain('wait_secs: 60')
    const sim = runFiles(files)
    const x = sim.report().xray!
    expect(x.phase).toBe('done')
    const stop = 'run[5] (Node 0 (node-1): wait for power on) failed: timed out after 60 s waiting for node-1 to be ready'
    expect(x.annotations).toContainEqual({ time: 600, text: stop })
    expect(x.notes).toContain(`The test stopped: ${stop}.`)
    expect(x.steps.find((s) => s.path === 'run[6]')!.state).toBe('pending')
    // the workload was stopped with the test: no I/O after it
    expect(sim.io.load().cluster.iops).toBe(0)
  })

  it('property: for any outage and load length, every step runs in order and the outage VM is back 120 s after the failure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 900 }), fc.integer({ min: 600, max: 1800 }), (outage, load) => {
        const x = run('node-outage', { outage_secs: outage, load_secs: load }).report().xray!
        expect(x.phase).toBe('done')
        const starts = x.steps.map((s) => s.start!)
        expect(starts.every((t, i) => i === 0 || t >= starts[i - 1])).toBe(true)
        expect(x.steps.find((s) => s.path === 'run[4]')).toMatchObject({ start: 240 + outage, end: 240 + outage + 180 })
        const active = x.results.find((r) => r.name === 'DB Active')!
        expect(at(active, 360)).toBe(12)
      }),
      { numRuns: 6 },
    )
  })
})
