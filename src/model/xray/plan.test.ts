import { describe, expect, it } from 'vitest'
import { prepareXray, type PreparedXray } from './prepare'
import { fixture, GOOD_FIXTURES } from './fixtures.testkit'
import { XRAY_RULES } from './rules'
import { BUILTIN_SCENARIOS } from '../scenario/builtins'
import type { Scenario } from '../scenario/schema'

function prepared(files: Record<string, string>, cluster?: string | Scenario): PreparedXray {
  const r = prepareXray(files, { cluster })
  if (!r.ok) throw new Error(r.problems.join('\n'))
  return r.value
}
const problems = (files: Record<string, string>, cluster?: string | Scenario) => { const r = prepareXray(files, { cluster }); return r.ok ? [] : r.problems }
const FIO = '[j]\nfilename=/dev/sdb\nrw=randread\nrate_iops=100\n'
function test(setup: string, run: string, vms = '  - G: {template: img, data_disks: {count: 1, size: 8}}\n'): Record<string, string> {
  return { 'test.yml': `name: t\nvms:\n${vms}workloads:\n  - W: {vm_group: G, config_file: w.fio}\nsetup:\n${setup}run:\n${run}`, 'w.fio': FIO }
}
const CLONE_ON = '  - vm_group.CloneFromTemplate: {vm_group_name: G}\n  - vm_group.PowerOn: {vm_group_name: G}\n'

describe('X-Ray target cluster', () => {
  it('replaces the built-in cluster’s VMs by the groups’ VMs, placed round robin on the selected nodes', () => {
    const p = prepared(fixture('rolling-reboot'))
    const s = p.scenario
    expect(s.cluster).toEqual(BUILTIN_SCENARIOS.find((b) => b.id === 'twelve-3-blocks')!.cluster)
    expect(s.vmFill).toBeUndefined()
    expect(s.steps).toBeUndefined()
    expect(s.vms!.length).toBe(24 + 3)
    expect(s.vms!.slice(0, 3)).toEqual([
      { id: 'App_0000', name: 'App_0000', host: 'node-1', vcpus: 2, memoryGiB: 4, vdisks: 3, power: 'on' },
      { id: 'App_0001', name: 'App_0001', host: 'node-2', vcpus: 2, memoryGiB: 4, vdisks: 3, power: 'on' },
      { id: 'App_0002', name: 'App_0002', host: 'node-3', vcpus: 2, memoryGiB: 4, vdisks: 3, power: 'on' },
    ])
    expect(s.vms!.filter((v) => v.id.startsWith('App_')).filter((v) => v.host === 'node-12').length).toBe(2)
    expect(s.vms!.filter((v) => v.id.startsWith('Idle_')).map((v) => [v.host, v.vdisks])).toEqual([['node-1', 1], ['node-2', 1], ['node-3', 1]])
  })

  it('takes another built-in or a Scenario object; the seed carries over', () => {
    const p = prepared(fixture('node-outage'), 'starter-3')
    expect(p.scenario.vms!.length).toBe(3)
    const r = prepareXray(fixture('node-outage'), { cluster: 'starter-3', seed: 42 })
    expect(r.ok && r.value.scenario.seed).toBe(42)
    expect(problems(fixture('node-outage'), 'nope')).toEqual(['cluster: unknown built-in scenario "nope"'])
    expect(problems(fixture('node-outage'), { title: 'x', cluster: {} } as Scenario)).toEqual(['cluster scenario: has no nodes (give cluster.racks or cluster.layout)'])
    expect(problems(fixture('node-outage'), { title: 'x', cluster: { ftLevel: 3 } } as unknown as Scenario)).toEqual(['cluster scenario: cluster.ftLevel: must be 1 or 2'])
    const disks = [{ id: 'd', tier: 'SSD' as const, capacityTB: 8 }]
    const own: Scenario = {
      title: 'Mine', seed: 7,
      cluster: { racks: [{ id: 'r', blocks: [{ id: 'b', nodes: ['a', 'b', 'c'].map((id) => ({ id, memoryGiB: 64, cvmMemoryGiB: 16, disks: disks.map((d) => ({ ...d, id: `${id}-${d.id}` })) })) }] }] },
    }
    const mine = prepared(fixture('node-outage'), own)
    expect(mine.scenario.seed).toBe(7)
    expect(mine.scenario.title).toBe('X-Ray: Node Outage Drill')
    expect(mine.scenario.vms!.map((v) => v.host)).toEqual(['a', 'b', 'c'])
    expect(mine.plan.nodes).toEqual(['a', 'b', 'c'])
    expect(problems(fixture('planned-moves'), own)[0]).toBe('test.yml: vms (Web): nodes: slice bound 4 in "0:4" is out of range: the cluster has 3 nodes (indices 0–2)')
  })

  it('refuses when memory per node is short, naming node, VMs and figures', () => {
    const p = problems(fixture('broken-memory'))
    expect(p.length).toBe(12)
    expect(p[0]).toBe('test.yml: not enough memory on node 0 (node-1): the test places 4 × "Huge" (131072 MB) = 512 GiB there; the node has 480 GiB for VMs')
  })

  it('refuses when storage is short', () => {
    const files = test(CLONE_ON, '  - test.Wait: {duration_secs: 1}\n', '  - G: {template: img, data_disks: {count: 60, size: 2000}, count_per_node: 2}\n')
    expect(problems(files, 'starter-3')).toEqual(['test.yml: not enough storage: the test\'s data disks hold 655 TiB, 1.28 PiB at RF2; the cluster has 35.19 TiB free'])
  })

  it('refuses node indices outside the cluster (steps and VM groups)', () => {
    expect(problems(fixture('broken-node-index'))).toEqual(['test.yml: run[0] (nodes.PowerOff): nodes: node index 12 is out of range: the cluster has 12 nodes (indices 0–11)'])
    expect(problems(test(CLONE_ON, '  - vm_group.MigrateGroup: {vm_group_name: G, from_node: 0, to_node: 3}\n'), 'starter-3'))
      .toEqual(['test.yml: run[0] (vm_group.MigrateGroup): to_node: node index 3 is out of range: the cluster has 3 nodes (indices 0–2)'])
    expect(problems(test(CLONE_ON, '  - test.Wait: {duration_secs: 1}\n', '  - G: {template: i, data_disks: {count: 1, size: 8}, nodes: "2:5"}\n'), 'starter-3'))
      .toEqual(['test.yml: vms (G): nodes: slice bound 5 in "2:5" is out of range: the cluster has 3 nodes (indices 0–2)'])
    expect(problems(test(CLONE_ON, '  - meta.RollingUpgrade: {node_count: 4}\n'), 'starter-3')).toEqual(['test.yml: run[0] (meta.RollingUpgrade): node_count 4 is more than the cluster\'s 3 nodes'])
  })

  it('refuses steps that cannot run in their order', () => {
    expect(problems(test('  - vm_group.PowerOn: {vm_group_name: G}\n', '  - test.Wait: {duration_secs: 1}\n')))
      .toEqual(['test.yml: setup[0] (vm_group.PowerOn): VM group "G" has no VMs yet (clone it first with vm_group.CloneFromTemplate)'])
    expect(problems(test('  - vm_group.CloneFromTemplate: {vm_group_name: G}\n', '  - workload.Start: {workload_name: W, runtime_secs: 5}\n')))
      .toEqual(['test.yml: run[0] (workload.Start): the VMs of "G" are powered off here (power them on first)'])
    expect(problems(test(CLONE_ON, '  - workload.Start: {workload_name: W}\n')))
      .toEqual(['test.yml: run[0] (workload.Start): waits for "W" to end but it has no runtime (give runtime_secs or set runtime in w.fio)'])
    expect(problems(test(CLONE_ON, '  - workload.Start: {workload_name: W, async: true}\n  - workload.Wait: {workload_name: W}\n')))
      .toEqual(['test.yml: run[1] (workload.Wait): "W" has no runtime, so it never ends (stop it with workload.Stop)'])
    expect(problems(test(CLONE_ON, '  - workload.Wait: {workload_name: W}\n'))).toEqual(['test.yml: run[0] (workload.Wait): workload "W" was not started before this step'])
    expect(problems(test(CLONE_ON, '  - vm_group.Grow: {vm_group_name: G, count_per_node: 1}\n')))
      .toEqual(['test.yml: run[0] (vm_group.Grow): would take "G" from 12 to 12 VMs; a Grow must add VMs'])
    expect(problems(test(CLONE_ON, '  - nodes.WaitForPowerOn: {nodes: 1}\n  - nodes.PowerOff: {nodes: 2}\n  - nodes.WaitForPowerOn: {nodes: 2}\n')))
      .toEqual(['test.yml: run[2] (nodes.WaitForPowerOn): Node 2 (node-3) is not being powered on here (nodes.PowerOn first)'])
  })
})

describe('X-Ray plan', () => {
  it('fast-forwards the preparing setup prefix: VMs exist and are on at load, no simulated time', () => {
    const p = prepared(fixture('node-outage'))
    const setup = p.plan.steps.filter((s) => s.phase === 'setup')
    expect(setup.every((s) => s.folded && s.start === 0 && s.duration === 0)).toBe(true)
    expect(p.scenario.vms!.every((v) => v.power === 'on')).toBe(true)
    expect(p.plan.phases.run.start).toBe(0)
    expect(p.plan.groups[0]).toMatchObject({ name: 'DB', createdAtLoad: 12, dataDisks: 4 })
  })

  it('from the first timed setup step on, setup runs on the clock (a warm-up)', () => {
    const p = prepared(fixture('rolling-reboot'))
    const warm = p.plan.steps.find((s) => s.path === 'setup[3]')!
    expect(warm).toMatchObject({ folded: false, start: 0, duration: 120, waitFor: { for: 'workloadDone', workload: 'App Mix' } })
    expect(p.plan.phases.setup).toEqual({ start: 0, end: 120 })
    expect(p.plan.phases.run.start).toBe(120)
    expect(warm.annotations[0]).toEqual({ at: 'start', text: 'Setup phase' })
  })

  it('node outage: power-off at 240 s, power-on after the outage with the boot time, the wait to the workload’s end', () => {
    const p = prepared(fixture('node-outage'))
    const at = (path: string) => p.plan.steps.find((s) => s.path === path)!
    expect(at('run[0]').actions[0]).toMatchObject({ do: 'startWorkload', workload: 'DB Load', runtimeSeconds: 1200 })
    const start = at('run[0]').actions[0]
    expect(start.do === 'startWorkload' && start.vms.map((v) => v.offset)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55])
    expect(at('run[2]')).toMatchObject({ start: 240, actions: [{ do: 'powerOffNodes', nodes: ['node-1'] }], annotations: [{ at: 'start', text: 'Node 0 (node-1): powering off' }] })
    expect(at('run[4]')).toMatchObject({ start: 540, duration: XRAY_RULES.nodeBootSeconds, waitFor: { for: 'nodesReady', nodes: ['node-1'] } })
    expect(at('run[5]')).toMatchObject({ start: 720, duration: 1255 - 720, waitFor: { for: 'workloadDone', workload: 'DB Load' } })
    expect(p.plan.phases.teardown.start).toBe(1255)
    expect(at('teardown[0]').actions[0]).toMatchObject({ do: 'cleanUp' })
  })

  it('rolling upgrade: node by node, migrate to the next node, shut down, power on, put back; every node in order', () => {
    const p = prepared(fixture('rolling-reboot'))
    const sub = p.plan.steps.filter((s) => s.path.startsWith('run[2].'))
    const nodeOps = sub.flatMap((s) => s.actions).filter((a) => a.do === 'shutdownNodes' || a.do === 'powerOnNodes').map((a) => `${a.do} ${'nodes' in a ? a.nodes.join() : ''}`)
    expect(nodeOps).toEqual(p.plan.nodes.flatMap((n) => [`shutdownNodes ${n}`, `powerOnNodes ${n}`]))
    const first = sub.slice(0, 6).map((s) => s.kind)
    expect(first).toEqual(['vm_group.MigrateGroup', 'vm_group.MigrateGroup', 'nodes.Shutdown', 'nodes.PowerOn', 'vm_group.ResetGroupPlacement', 'vm_group.ResetGroupPlacement'])
    expect(sub[0].actions[0]).toEqual({ do: 'migrateGroup', group: 'App', from: 'node-1', to: 'node-2' })
    const last = sub.filter((s) => s.kind === 'vm_group.MigrateGroup').at(-1)!
    expect(last.actions[0]).toMatchObject({ from: 'node-12', to: 'node-1' })
    // App: 2 VMs of 4 GiB leave node 0: 2 × (4 GiB ÷ 1.25 GB/s + 1 s)
    expect(sub[0].duration).toBeCloseTo(2 * (4 * 1024 ** 3 / 1.25e9 + 1), 1)
    expect(sub[2]).toMatchObject({ duration: XRAY_RULES.nodeShutdownSeconds, waitFor: { for: 'nodesOff', nodes: ['node-1'] } })
    const reset = sub[4].actions[0]
    expect(reset.do === 'resetPlacement' && reset.hosts.App_0000).toBe('node-1')
    const limited = prepareXray(fixture('rolling-reboot'), { vars: { nodes_to_reboot: 2 } })
    expect(limited.ok && limited.value.plan.steps.filter((s) => s.kind === 'nodes.Shutdown').length).toBe(2)
  })

  it('planned moves: async shutdown then wait, async power-on then wait, grow powers the new VMs on', () => {
    const p = prepared(fixture('planned-moves'))
    const at = (path: string) => p.plan.steps.find((s) => s.path === path)!
    expect(at('run[3]')).toMatchObject({ waitFor: null, duration: 0 })
    expect(at('run[4]')).toMatchObject({ waitFor: { for: 'nodesOff', nodes: ['node-1'] }, duration: XRAY_RULES.nodeShutdownSeconds })
    expect(at('run[6]')).toMatchObject({ waitFor: null, duration: 0 })
    expect(at('run[7]')).toMatchObject({ waitFor: { for: 'nodesReady', nodes: ['node-1'] }, duration: XRAY_RULES.nodeBootSeconds })
    expect(at('run[9]').actions[0]).toEqual({ do: 'createVms', group: 'Web', vms: ['Web_0004', 'Web_0005', 'Web_0006', 'Web_0007'] })
    expect(at('run[9].1')).toMatchObject({ actions: [{ do: 'powerOnVms', vms: ['Web_0004', 'Web_0005', 'Web_0006', 'Web_0007'] }], duration: XRAY_RULES.vmBootSeconds })
    expect(p.scenario.vms!.map((v) => `${v.id}@${v.host}:${v.power}`)).toEqual([
      'Web_0000@node-1:on', 'Web_0001@node-2:on', 'Web_0002@node-3:on', 'Web_0003@node-4:on',
      'Web_0004@node-1:off', 'Web_0005@node-2:off', 'Web_0006@node-3:off', 'Web_0007@node-4:off',
    ])
    expect(at('run[1]')).toMatchObject({ simulated: false, actions: [{ do: 'snapshots', group: 'Web', count: 4, everySeconds: 300, background: true }] })
    expect(p.plan.notes).toContain('vm_group.CreatePeriodicSnapshots: accepted; snapshots are not simulated (annotations only).')
  })

  it('every fixture makes a valid Scenario, and the same input gives the same plan', () => {
    for (const name of GOOD_FIXTURES) {
      const a = JSON.stringify(prepared(fixture(name)))
      expect(JSON.stringify(prepared(fixture(name)))).toBe(a)
    }
  })

  it('phase annotations mark the first step on the clock of each phase; nominal times add up', () => {
    const p = prepared(fixture('peak-corners'))
    expect(p.plan.steps.flatMap((s) => s.annotations.filter((a) => a.text.endsWith('phase')).map((a) => `${s.path} ${a.text}`))).toEqual(['run[0] Run phase', 'teardown[0] Teardown phase'])
    const clocked = p.plan.steps.filter((s) => !s.folded)
    for (let i = 1; i < clocked.length; i++) expect(clocked[i].start).toBeCloseTo(clocked[i - 1].start + clocked[i - 1].duration, 9)
    expect(p.plan.phases.run).toEqual({ start: 0, end: 4 * 180 + 3 * 30 })
    const rr = p.plan.workloads.find((w) => w.name === 'Random Read')!
    expect(rr.demand.disks.length).toBe(8)
    expect(rr.demand.disks.every((d) => d.closedLoop && d.iodepth === 6)).toBe(true)
  })
})
