import { describe, expect, it } from 'vitest'
import { parseXray } from './parse'
import { STEP_CATALOG } from './steps'
import { fixture, GOOD_FIXTURES } from './fixtures.testkit'
import type { StepKind, XrayTest } from './types'

const FIO = '[j]\nfilename=/dev/sdb\nrw=randread\nrate_iops=100\n'
/** A minimal valid test with `run` replaced. */
function withRun(run: string, extra = ''): Record<string, string> {
  return {
    'test.yml': `name: t\nvms:\n  - G: {template: img, data_disks: {count: 1, size: 8}}\nworkloads:\n  - W: {vm_group: G, config_file: w.fio}\nresults: []\n${extra}setup:\n  - vm_group.CloneFromTemplate: {vm_group_name: G}\nrun:\n${run}`,
    'w.fio': FIO,
  }
}
function parsed(files: Record<string, string>): XrayTest {
  const r = parseXray(files)
  if (!r.ok) throw new Error(r.problems.join('\n'))
  return r.value
}
const problems = (files: Record<string, string>) => { const r = parseXray(files); return r.ok ? [] : r.problems }

describe('X-Ray test.yml parser', () => {
  it('our fixtures parse and together use every step kind of the catalog', () => {
    const used = new Set<StepKind>()
    for (const name of GOOD_FIXTURES) {
      const t = parsed(fixture(name))
      for (const s of [...t.setup, ...t.run, ...t.teardown]) used.add(s.kind)
    }
    expect([...used].sort()).toEqual((Object.keys(STEP_CATALOG) as StepKind[]).sort())
  })

  it('reads vms, workloads, results and steps of the node-outage fixture', () => {
    const t = parsed(fixture('node-outage'))
    expect(t.name).toBe('node_outage_drill')
    expect(t.displayName).toBe('Node Outage Drill')
    expect(t.vmGroups).toEqual([{ name: 'DB', template: 'ubuntu-lts', vcpus: 4, ramMb: 8192, dataDisksGb: [40, 40, 40, 40], nodes: ':', countPerNode: 1, countPerCluster: null }])
    expect(t.workloads.map((w) => [w.name, w.vmGroup, w.configFile])).toEqual([['DB Load', 'DB', 'db-steady.fio']])
    expect(t.results.map((r) => [r.name, r.kind, r.vmGroup, r.aggregate, r.anyFail])).toEqual([
      ['DB IOPS', 'iops', 'DB', 'sum', false], ['DB Latency', 'latency', 'DB', 'mean', false],
      ['DB I/O Errors', 'errors', 'DB', 'sum', true], ['DB Active', 'active', 'DB', 'sum', false],
      ['Cluster CPU', 'metric', null, 'mean', false],
    ])
    expect(t.run.map((s) => `${s.path} ${s.kind}`)).toEqual([
      'run[0] workload.Start', 'run[1] test.Wait', 'run[2] nodes.PowerOff', 'run[3] test.Wait', 'run[4] nodes.PowerOn', 'run[5] workload.Wait',
    ])
    expect(t.run[0].args).toEqual({ workload_name: 'DB Load', runtime_secs: 1200, stagger_secs: 60, async: true, annotate: true })
    expect(t.run[3].args).toEqual({ duration_secs: 300 })
  })

  it('renders vars: defaults, and overrides checked against min/max', () => {
    expect(parseXray(fixture('node-outage'), { vars: { outage_secs: 90 } })).toMatchObject({ ok: true, value: { run: expect.arrayContaining([expect.objectContaining({ path: 'run[3]', args: { duration_secs: 90 } })]) } })
    expect(problems({ ...fixture('node-outage') })).toEqual([])
    expect(parseXray(fixture('node-outage'), { vars: { outage_secs: 5 } })).toEqual({ ok: false, problems: ['test.yml: vars.outage_secs: 5 is below its minimum 60'] })
  })

  it('refuses an unknown step by its path, and nothing is returned', () => {
    expect(parseXray(fixture('broken-unknown-step'))).toEqual({ ok: false, problems: ['test.yml: run[3]: unknown step "nodes.Explode"'] })
  })

  it('refuses bad step arguments, each with the step path and kind', () => {
    expect(problems(withRun('  - test.Wait: {}\n'))).toEqual(['test.yml: run[0] (test.Wait): missing argument "duration_secs"'])
    expect(problems(withRun('  - test.Wait: {duration_secs: 0}\n'))).toEqual(['test.yml: run[0] (test.Wait): duration_secs: must be a number greater than 0'])
    expect(problems(withRun('  - test.Wait: {duration_secs: 5, speed: 2}\n'))).toEqual(['test.yml: run[0] (test.Wait): unexpected argument "speed" (it takes duration_secs, annotate)'])
    expect(problems(withRun('  - vm_group.PowerOn: {vm_group_name: H}\n'))).toEqual(['test.yml: run[0] (vm_group.PowerOn): vm_group_name: no VM group "H" (vms defines "G")'])
    expect(problems(withRun('  - workload.Stop: {workload_name: X}\n'))).toEqual(['test.yml: run[0] (workload.Stop): workload_name: no workload "X" (workloads defines "W")'])
    expect(problems(withRun('  - vm_group.Grow: {vm_group_name: G, count_per_node: 2, count_per_cluster: 9}\n'))).toEqual(['test.yml: run[0] (vm_group.Grow): give exactly one of "count_per_node" or "count_per_cluster"'])
    expect(problems(withRun('  - vm_group.Grow: {vm_group_name: G}\n'))).toEqual(['test.yml: run[0] (vm_group.Grow): give exactly one of "count_per_node" or "count_per_cluster"'])
    expect(problems(withRun('  - workload.Start: {workload_name: W, async: true, timeout_secs: 9}\n'))).toEqual(['test.yml: run[0] (workload.Start): "timeout_secs" does not apply to an asynchronous start (async: true)'])
    expect(problems(withRun('  - nodes.PowerOff: {nodes: "0:x"}\n'))).toEqual(['test.yml: run[0] (nodes.PowerOff): nodes: node selection "0:x": unexpected "x"'])
    expect(problems(withRun('  - vm_group.MigrateGroup: {vm_group_name: G, from_node: a, to_node: 1}\n'))).toEqual(['test.yml: run[0] (vm_group.MigrateGroup): from_node: must be a node index (0, 1, …)'])
    expect(problems(withRun('  - workload.Start: {workload_name: W, async: yes}\n'))).toEqual(['test.yml: run[0] (workload.Start): async: must be true or false'])
    expect(problems(withRun('  - meta.RollingUpgrade: {node_count: 0}\n'))).toEqual(['test.yml: run[0] (meta.RollingUpgrade): node_count: must be a whole number greater than 0'])
    expect(problems(withRun('  - test.Wait: 5\n'))).toEqual(['test.yml: run[0] (test.Wait): arguments must be a mapping (name: value)'])
    expect(problems(withRun('  - {test.Wait: {duration_secs: 1}, nodes.PowerOn: {nodes: 0}}\n'))).toEqual(['test.yml: run[0]: a step is a mapping with one key, the step\'s name (e.g. "test.Wait:")'])
  })

  it('lists every problem at once', () => {
    expect(problems(withRun('  - test.Wait: {}\n  - nodes.Boom: {}\n'))).toEqual(['test.yml: run[0] (test.Wait): missing argument "duration_secs"', 'test.yml: run[1]: unknown step "nodes.Boom"'])
  })

  it('refuses broken files: YAML syntax with its line, a missing fio file, a broken fio file', () => {
    expect(problems(fixture('broken-yaml'))).toEqual(['test.yml: line 5, column 1: All mapping items must start at the same column'])
    expect(problems(fixture('broken-missing-fio'))).toEqual(['test.yml: workloads[0] (Load): config_file: "missing.fio" is not among the files given'])
    expect(problems({ ...withRun('  - test.Wait: {duration_secs: 1}\n'), 'w.fio': '[j]\nfilename=/dev/sdb\nrw=trim\n' }))
      .toEqual(['w.fio: line 3: job "j": rw "trim" is not supported (read, randread, write, randwrite, rw, readwrite, randrw) (workload "W" on VM group "G")'])
    expect(problems({ ...withRun('  - test.Wait: {duration_secs: 1}\n'), 'w.fio': 'bs=4k\n' })).toEqual(['w.fio: line 1: option "bs" is outside a section'])
  })

  it('refuses a key given twice, with its line', () => {
    const files = withRun('  - test.Wait: {duration_secs: 1}\n')
    files['test.yml'] += 'run:\n  - test.Wait: {duration_secs: 2}\n'
    expect(problems(files)).toEqual(['test.yml: line 11, column 1: Map keys must be unique'])
  })

  it('refuses a missing or doubled test.yml and required sections', () => {
    expect(problems({ 'w.fio': FIO })).toEqual(['no test.yml among the files'])
    expect(problems({ 'a/test.yml': 'name: a', 'b/test.yaml': 'name: b' })).toEqual(['one test.yml expected, got test.yml, test.yaml'])
    expect(problems({ 'test.yml': 'name: t\n' })).toEqual(['test.yml: vms: is required', 'test.yml: setup: is required', 'test.yml: run: is required'])
    expect(problems({ 'test.yml': '- a\n' })).toEqual(['test.yml: must be a mapping (name, vms, workloads, results, setup, run…)'])
  })

  it('refuses bad VM groups, workloads and results by their entry', () => {
    const base = (vms: string, rest = '') => problems({ 'test.yml': `name: t\nvms:\n${vms}${rest}setup:\n  - test.Wait: {duration_secs: 1}\nrun:\n  - test.Wait: {duration_secs: 1}\n`, 'w.fio': FIO })
    expect(base('  - G: {vcpus: 2}\n')).toEqual(['test.yml: vms[0] (G): template: is required (the name of the image to clone)'])
    expect(base('  - G: {template: i, count_per_node: 1, count_per_cluster: 3}\n')).toEqual(['test.yml: vms[0] (G): give "count_per_node" or "count_per_cluster", not both'])
    expect(base('  - G: {template: i, data_disks: [8, 16]}\n')).toEqual(['test.yml: vms[0] (G): data_disks: every data disk must have the same size'])
    expect(base('  - G: {template: i, ram_mb: lots}\n')).toEqual(['test.yml: vms[0] (G): ram_mb: must be a whole number of MB, at least 128'])
    expect(base('  - G: {template: i, colour: red}\n')).toEqual(['test.yml: vms[0] (G): unexpected field "colour"'])
    expect(base('  - AVeryLongGroupName19: {template: i}\n')).toEqual(['test.yml: vms[0] (AVeryLongGroupName19): a VM group\'s name has at most 18 characters'])
    expect(base('  - G: {template: i}\n  - G: {template: j}\n')).toEqual(['test.yml: vms[1]: "G" is defined twice'])
    expect(base('  - G: {template: i, count: 5}\n')).toEqual([])
    expect(base('  - G: {template: i}\n', 'workloads:\n  - W: {vm_group: H, config_file: w.fio}\n')).toEqual(['test.yml: workloads[0] (W): vm_group: no VM group "H"'])
    expect(base('  - G: {template: i}\n', 'workloads:\n  - W: {vm_group: G, config_file: w.fio, generator: vdbench}\n')).toEqual(['test.yml: workloads[0] (W): generator: only "fio" is supported'])
    expect(base('  - G: {template: i}\n', 'results:\n  - R: {vm_group: G, result_type: errors}\n')).toEqual(['test.yml: results[0] (R): result_type: a VM group result is one of iops, latency, bandwidth'])
    expect(base('  - G: {template: i}\n', 'results:\n  - R: {vm_group: G, result_type: iops, aggregate: p99}\n')).toEqual(['test.yml: results[0] (R): aggregate: must be one of sum, min, mean, median, max'])
    expect(base('  - G: {template: i}\n', 'results:\n  - R: {title: x}\n')).toEqual(['test.yml: results[0] (R): needs "vm_group" (with result_type), "workload_name" (with result_type) or "metric"'])
  })

  it('a bandwidth result is a metric of its group; count is a synonym of count_per_cluster', () => {
    const t = parsed(fixture('peak-corners'))
    expect(t.results.find((r) => r.name === 'Sequential Read Throughput')).toMatchObject({ kind: 'metric', resultType: 'bandwidth', vmGroup: 'Bench', workload: 'Sequential Read' })
    const c = parsed({ 'test.yml': 'name: t\nvms:\n  - G: {template: i, count: 5}\nsetup:\n  - test.Wait: {duration_secs: 1}\nrun:\n  - test.Wait: {duration_secs: 1}\n' })
    expect(c.vmGroups[0].countPerCluster).toBe(5)
  })
})
