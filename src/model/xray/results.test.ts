import { describe, expect, it } from 'vitest'
import { prepareXray } from './prepare'
import { fixture } from './fixtures.testkit'
import { aggregate, newCollector, recordAnnotation, recordStep, recordTick, xrayReport, type XrayTick } from './results'
import type { XrayPlan } from './planTypes'

function plan(name: string): XrayPlan {
  const r = prepareXray(fixture(name))
  if (!r.ok) throw new Error(r.problems.join('\n'))
  return r.value.plan
}

/** A synthetic node outage: VM DB_0000 (node 0) is down from 240 s until HA restarts it at 300 s; it errors at 240 s. */
function outageTick(time: number, vms: string[]): XrayTick {
  const down = time >= 240 && time < 300
  const t: XrayTick = { time, phase: 'run', vms: {}, workloads: { 'DB Load': {} }, cluster: { iops: 0, latencyMs: 1.5 } }
  for (const v of vms) {
    const off = v === 'DB_0000' && down
    t.vms[v] = { iops: off ? 0 : 1350, bytesPerSecond: off ? 0 : 1350 * 12000, latencyMs: off ? null : v === 'DB_0001' ? 3 : 1, errorsPerSecond: v === 'DB_0000' && time === 240 ? 40 : 0, on: !off }
    t.workloads['DB Load'][v] = { iops: t.vms[v].iops, bytesPerSecond: t.vms[v].bytesPerSecond, errorsPerSecond: t.vms[v].errorsPerSecond }
  }
  t.cluster.iops = Object.values(t.vms).reduce((a, x) => a + x.iops, 0)
  return t
}

describe('X-Ray results collector', () => {
  it('aggregates as X-Ray does', () => {
    expect(aggregate([3, 1, 2], 'sum')).toBe(6)
    expect(aggregate([3, 1, 2], 'mean')).toBe(2)
    expect(aggregate([3, 1, 2, 10], 'median')).toBe(2.5)
    expect(aggregate([3, 1, 2], 'min')).toBe(1)
    expect(aggregate([3, 1, 2], 'max')).toBe(3)
    expect(aggregate([], 'mean')).toBe(0)
  })

  it('node outage: the group’s IOPS fall while its VM is down and recover; errors set AnyFail; active counts VMs doing I/O', () => {
    const p = plan('node-outage')
    const vms = p.groups[0].vmIds
    const c = newCollector(p)
    for (let t = 200; t <= 320; t += 20) recordTick(c, outageTick(t, vms))
    const r = xrayReport(c)
    const by = (n: string) => r.results.find((x) => x.name === n)!
    expect(by('DB IOPS').series).toEqual([[200, 16200], [220, 16200], [240, 14850], [260, 14850], [280, 14850], [300, 16200], [320, 16200]])
    expect(by('DB IOPS')).toMatchObject({ kind: 'iops', vmGroup: 'DB', unit: 'IOPS', anyFail: null, simulated: true })
    // mean latency of the VMs doing I/O: eleven at 1 ms and one at 3 ms, or ten at 1 ms and one at 3 ms
    expect(by('DB Latency').series[0][1]).toBeCloseTo(14 / 12, 9)
    expect(by('DB Latency').series[2][1]).toBeCloseTo(13 / 11, 9)
    expect(by('DB I/O Errors').series.map((s) => s[1])).toEqual([0, 0, 40, 0, 0, 0, 0])
    expect(by('DB I/O Errors').anyFail).toBe(true)
    expect(by('DB Active').series.map((s) => s[1])).toEqual([12, 12, 11, 11, 11, 12, 12])
    // the ticks here carry no CPU figure: the result is simulated but has no point
    expect(by('Cluster CPU')).toMatchObject({ kind: 'metric', vmGroup: null, series: [], simulated: true, unit: '%' })
    expect(r.notes.some((n) => n.includes('CpuUsage.Avg.Percent'))).toBe(false)
  })

  it('AnyFail stays false when nothing fails; group results skip setup ticks, workload results do not', () => {
    const p = plan('node-outage')
    const vms = p.groups[0].vmIds
    const c = newCollector(p)
    recordTick(c, { ...outageTick(0, vms), phase: 'setup' })
    recordTick(c, outageTick(10, vms))
    const r = xrayReport(c)
    expect(r.results.find((x) => x.name === 'DB I/O Errors')).toMatchObject({ anyFail: false, series: [[0, 0], [10, 0]] })
    expect(r.results.find((x) => x.name === 'DB IOPS')!.series).toEqual([[10, 16200]])
  })

  it('an active result with AnyFail fails when a VM that should run the workload does no I/O', () => {
    const p = plan('planned-moves')
    const c = newCollector(p)
    const tick = (time: number, idle: string | null): XrayTick => ({
      time, phase: 'run', cluster: {},
      vms: Object.fromEntries(p.groups[0].vmIds.slice(0, 4).map((v) => [v, { iops: v === idle ? 0 : 200, bytesPerSecond: 0, latencyMs: 1, errorsPerSecond: 0, on: true }])),
      workloads: { 'Web Load': Object.fromEntries(p.groups[0].vmIds.slice(0, 4).map((v) => [v, { iops: v === idle ? 0 : 200, bytesPerSecond: 0, errorsPerSecond: 0 }])) },
    })
    recordTick(c, tick(0, null))
    expect(xrayReport(c).results.find((x) => x.name === 'Web Active')).toMatchObject({ anyFail: false, series: [[0, 4]] })
    recordTick(c, tick(5, 'Web_0002'))
    expect(xrayReport(c).results.find((x) => x.name === 'Web Active')).toMatchObject({ anyFail: true, series: [[0, 4], [5, 3]] })
    expect(xrayReport(c).results.find((x) => x.name === 'Web Latency')!.series).toEqual([[0, 1], [5, 1]])
  })

  it('steps: state, times, phase and their annotations at start and end; the report is a copy', () => {
    const p = plan('node-outage')
    const c = newCollector(p)
    const first = p.steps.findIndex((s) => !s.folded)
    expect(xrayReport(c).steps.slice(0, first).every((s) => s.state === 'done')).toBe(true)
    recordStep(c, p, first, 'running', 0)
    const before = xrayReport(c)
    expect(before.phase).toBe('run')
    expect(before.steps[first]).toMatchObject({ path: 'run[0]', state: 'running', start: 0, end: null })
    expect(before.annotations).toEqual([{ time: 0, text: 'Run phase' }, { time: 0, text: 'DB Load: started workload' }])
    recordStep(c, p, first, 'done', 0)
    const off = p.steps.findIndex((s) => s.path === 'run[2]')
    recordStep(c, p, off, 'running', 241)
    recordAnnotation(c, 250, 'DB_0000: restarted by HA on node-2')
    expect(before.annotations.length).toBe(2)
    const last = p.steps.length - 1
    recordStep(c, p, last, 'running', 1255)
    recordStep(c, p, last, 'done', 1255)
    const r = xrayReport(c)
    expect(r.annotations.slice(2)).toEqual([
      { time: 241, text: 'Node 0 (node-1): powering off' }, { time: 250, text: 'DB_0000: restarted by HA on node-2' }, { time: 1255, text: 'Teardown phase' },
    ])
    expect(r.phase).toBe('done')
    expect(r.name).toBe('Node Outage Drill')
  })

  it('cluster metrics we simulate read the tick’s cluster figures', () => {
    const files = fixture('node-outage')
    files['test.yml'] = files['test.yml'].replace('metric: CpuUsage.Avg.Percent', 'metric: Cluster.Iops')
    const r = prepareXray(files)
    if (!r.ok) throw new Error(r.problems.join())
    const c = newCollector(r.value.plan)
    recordTick(c, outageTick(240, r.value.plan.groups[0].vmIds))
    expect(xrayReport(c).results.find((x) => x.name === 'Cluster CPU')).toMatchObject({ simulated: true, unit: 'IOPS', series: [[240, 14850]] })
  })
})
