/**
 * Reads an X-Ray scenario folder: test.yml (rendered with its `vars`, then read as YAML)
 * and the fio files its workloads name. Every problem is listed with its file and path;
 * one problem anywhere means nothing is returned.
 */
import { parseDocument } from 'yaml'
import { parseFio } from './fio'
import { fioDemand } from './fioDemand'
import { parseNodeSlice } from './nodeSlice'
import { checkStep } from './steps'
import { renderTemplate } from './template'
import type { Aggregate, Phase, ResultDef, ResultKind, StepDef, VmGroupDef, WorkloadDef, XrayResult, XrayTest } from './types'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p

/** X-Ray's limit on a VM group's name. */
export const MAX_GROUP_NAME = 18
const VM_GROUP_KEYS = ['template', 'template_type', 'vcpus', 'ram_mb', 'data_disks', 'nodes', 'count_per_cluster', 'count_per_node', 'count']
const AGGREGATES: Aggregate[] = ['sum', 'min', 'mean', 'median', 'max']

/** The named entries of a section written as a list of one-key mappings (`- OLTP: {…}`). */
function namedEntries(file: string, section: string, v: unknown, problems: string[]): Array<[string, Obj, string]> {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) { problems.push(`${file}: ${section}: must be a list of "- name: {…}" entries`); return [] }
  const out: Array<[string, Obj, string]> = []
  const seen = new Set<string>()
  v.forEach((e, i) => {
    const path = `${section}[${i}]`
    if (!isObj(e) || Object.keys(e).length !== 1) { problems.push(`${file}: ${path}: must be a mapping with one key, the entry's name`); return }
    const [name, def] = Object.entries(e)[0]
    if (seen.has(name)) { problems.push(`${file}: ${path}: "${name}" is defined twice`); return }
    seen.add(name)
    if (!isObj(def)) { problems.push(`${file}: ${path} (${name}): must be a mapping`); return }
    out.push([name, def, `${path} (${name})`])
  })
  return out
}

function vmGroup(file: string, name: string, d: Obj, path: string, problems: string[]): VmGroupDef | null {
  const before = problems.length
  const bad = (m: string) => problems.push(`${file}: ${path}: ${m}`)
  for (const k of Object.keys(d)) if (!VM_GROUP_KEYS.includes(k)) bad(`unexpected field "${k}"`)
  if (name.length > MAX_GROUP_NAME) bad(`a VM group's name has at most ${MAX_GROUP_NAME} characters`)
  if (typeof d.template !== 'string' || d.template === '') bad('template: is required (the name of the image to clone)')
  const vcpus = d.vcpus ?? 2, ram = d.ram_mb ?? 2048
  if (!Number.isInteger(vcpus) || (vcpus as number) < 1 || (vcpus as number) > 256) bad('vcpus: must be a whole number from 1 to 256')
  if (!Number.isInteger(ram) || (ram as number) < 128) bad('ram_mb: must be a whole number of MB, at least 128')
  let disks: number[] = []
  const dd = d.data_disks
  if (isObj(dd)) {
    if (!Number.isInteger(dd.count) || (dd.count as number) < 0 || (dd.count as number) > 63) bad('data_disks.count: must be a whole number from 0 to 63')
    else if (!Number.isInteger(dd.size) || (dd.size as number) < 1) bad('data_disks.size: must be a whole number of GB, at least 1')
    else disks = Array.from({ length: dd.count as number }, () => dd.size as number)
  } else if (Array.isArray(dd)) {
    if (dd.some((s) => !Number.isInteger(s) || s < 1)) bad('data_disks: sizes must be whole numbers of GB, at least 1')
    else if (new Set(dd).size > 1) bad('data_disks: every data disk must have the same size')
    else if (dd.length > 63) bad('data_disks: at most 63 data disks')
    else disks = dd as number[]
  } else if (dd !== undefined) bad('data_disks: must be {count, size} or a list of sizes in GB')
  const cpc = d.count_per_cluster ?? d.count
  if (d.count_per_cluster !== undefined && d.count !== undefined) bad('give "count_per_cluster" or its synonym "count", not both')
  if (cpc !== undefined && d.count_per_node !== undefined) bad('give "count_per_node" or "count_per_cluster", not both')
  for (const [k, v] of [['count_per_node', d.count_per_node], ['count_per_cluster', cpc]] as const)
    if (v !== undefined && (!Number.isInteger(v) || (v as number) < 1)) bad(`${k}: must be a whole number greater than 0`)
  const nodes = d.nodes === undefined ? ':' : d.nodes
  if (typeof nodes !== 'string' && !Number.isInteger(nodes)) bad('nodes: must be a node selection ("0", "0:", "all")')
  else { const s = parseNodeSlice(nodes as string | number); if (!s.ok) bad(`nodes: ${s.message}`) }
  if (problems.length > before) return null
  return {
    name, template: d.template as string, vcpus: vcpus as number, ramMb: ram as number, dataDisksGb: disks, nodes: String(nodes),
    countPerNode: (d.count_per_node as number | undefined) ?? null, countPerCluster: (cpc as number | undefined) ?? null,
  }
}

function result(file: string, name: string, d: Obj, path: string, groups: VmGroupDef[], workloads: WorkloadDef[], problems: string[]): ResultDef | null {
  const bad = (m: string) => { problems.push(`${file}: ${path}: ${m}`); return null }
  const aggregate = d.aggregate ?? null
  if (aggregate !== null && !AGGREGATES.includes(aggregate as Aggregate)) return bad(`aggregate: must be one of ${AGGREGATES.join(', ')}`)
  const rm = d.report_metrics ?? []
  if (!Array.isArray(rm) || rm.some((m) => typeof m !== 'string')) return bad('report_metrics: must be a list of names (e.g. [AnyFail])')
  const reportMetrics = rm as string[]
  const base = { name, reportMetrics, anyFail: reportMetrics.includes('AnyFail') }
  const type = typeof d.result_type === 'string' ? d.result_type.toLowerCase() : null
  if (typeof d.metric === 'string') {
    return { ...base, kind: 'metric', resultType: null, vmGroup: null, workload: null, metric: d.metric, aggregate: (aggregate ?? 'sum') as Aggregate }
  }
  let vmGroup: string | null = null, workload: string | null = null
  if (typeof d.workload_name === 'string') {
    const w = workloads.find((x) => x.name === d.workload_name)
    if (!w) return bad(`workload_name: no workload "${d.workload_name}"`)
    workload = w.name; vmGroup = w.vmGroup
    if (!type || !['iops', 'bandwidth', 'errors', 'active'].includes(type)) return bad('result_type: a workload result is one of iops, bandwidth, errors, active')
  } else if (typeof d.vm_group === 'string') {
    if (!groups.some((g) => g.name === d.vm_group)) return bad(`vm_group: no VM group "${d.vm_group}"`)
    vmGroup = d.vm_group
    if (!type || !['iops', 'latency', 'bandwidth'].includes(type)) return bad('result_type: a VM group result is one of iops, latency, bandwidth')
  } else return bad('needs "vm_group" (with result_type), "workload_name" (with result_type) or "metric"')
  const kind: ResultKind = type === 'bandwidth' ? 'metric' : (type as ResultKind)
  const defaultAgg: Aggregate = type === 'latency' ? 'mean' : 'sum'
  return { ...base, kind, resultType: type, vmGroup, workload, metric: null, aggregate: (aggregate ?? defaultAgg) as Aggregate }
}

export interface ParseOptions { vars?: Record<string, number | string | boolean> }

/**
 * Parses a scenario folder given as file name → text (names may carry folders; the
 * test is the one `.yml`/`.yaml` file, fio files are found by their base name).
 */
export function parseXray(files: Record<string, string>, options: ParseOptions = {}): XrayResult<XrayTest> {
  const names = Object.keys(files)
  const ymls = names.filter((n) => /\.ya?ml$/i.test(n))
  if (ymls.length !== 1) return { ok: false, problems: [ymls.length === 0 ? 'no test.yml among the files' : `one test.yml expected, got ${ymls.map(baseName).join(', ')}`] }
  const file = baseName(ymls[0])
  const rendered = renderTemplate(file, files[ymls[0]], options.vars)
  if (!rendered.ok) return rendered
  const doc = parseDocument(rendered.text)
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => `${file}: line ${e.linePos?.[0].line ?? '?'}, column ${e.linePos?.[0].col ?? '?'}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`) }
  }
  const data: unknown = doc.toJS()
  if (!isObj(data)) return { ok: false, problems: [`${file}: must be a mapping (name, vms, workloads, results, setup, run…)`] }
  const problems: string[] = []
  const text = (k: string, required: boolean): string => {
    const v = data[k]
    if (typeof v === 'string' && v.trim() !== '') return v.trim()
    if (required || (v !== undefined && v !== null)) problems.push(`${file}: ${k}: ${required ? 'is required' : 'must be text'}`)
    return ''
  }
  const name = text('name', true)
  const displayName = text('display_name', false) || name
  const summary = text('summary', false)
  const est = data.estimated_runtime
  if (est !== undefined && (typeof est !== 'number' || est < 0)) problems.push(`${file}: estimated_runtime: must be a number of seconds`)
  const tags = Array.isArray(data.tags) ? data.tags.map(String) : []

  if (data.vms === undefined) problems.push(`${file}: vms: is required`)
  const vmGroups: VmGroupDef[] = []
  for (const [n, d, p] of namedEntries(file, 'vms', data.vms, problems)) { const g = vmGroup(file, n, d, p, problems); if (g) vmGroups.push(g) }

  const workloads: WorkloadDef[] = []
  for (const [n, d, p] of namedEntries(file, 'workloads', data.workloads, problems)) {
    const g = vmGroups.find((x) => x.name === d.vm_group)
    if (typeof d.vm_group !== 'string') { problems.push(`${file}: ${p}: vm_group: is required`); continue }
    if (!g) { problems.push(`${file}: ${p}: vm_group: no VM group "${d.vm_group}"`); continue }
    if ((d.generator ?? 'fio') !== 'fio') { problems.push(`${file}: ${p}: generator: only "fio" is supported`); continue }
    if (typeof d.config_file !== 'string') { problems.push(`${file}: ${p}: config_file: is required (the .fio file)`); continue }
    const cfg = baseName(d.config_file)
    const key = names.find((k) => baseName(k) === cfg)
    if (key === undefined) { problems.push(`${file}: ${p}: config_file: "${cfg}" is not among the files given`); continue }
    const fio = parseFio(cfg, files[key])
    if (!fio.ok) { problems.push(...fio.problems); continue }
    const demand = fioDemand(fio.value, g.dataDisksGb.length)
    if (!demand.ok) { problems.push(...demand.problems.map((m) => `${m} (workload "${n}" on VM group "${g.name}")`)); continue }
    workloads.push({ name: n, vmGroup: g.name, configFile: cfg, fio: fio.value })
  }

  const results: ResultDef[] = []
  for (const [n, d, p] of namedEntries(file, 'results', data.results, problems)) {
    const r = result(file, n, d, p, vmGroups, workloads, problems)
    if (r) results.push(r)
  }

  const ctx = { file, vmGroups: vmGroups.map((g) => g.name), workloads: workloads.map((w) => w.name) }
  const phases: Record<Phase, StepDef[]> = { setup: [], run: [], teardown: [] }
  for (const phase of ['setup', 'run', 'teardown'] as const) {
    const list = data[phase]
    if (list === undefined || list === null) { if (phase !== 'teardown') problems.push(`${file}: ${phase}: is required`); continue }
    if (!Array.isArray(list)) { problems.push(`${file}: ${phase}: must be a list of steps`); continue }
    if (list.length === 0 && phase !== 'teardown') problems.push(`${file}: ${phase}: must hold at least one step`)
    list.forEach((entry, i) => {
      const s = checkStep(entry, phase, i, ctx)
      if (s.ok) phases[phase].push(s.value)
      else problems.push(...s.problems)
    })
  }
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    value: {
      file, name, displayName, summary, estimatedRuntime: typeof est === 'number' ? est : null, tags, vars: rendered.vars,
      vmGroups, workloads, results, setup: phases.setup, run: phases.run, teardown: phases.teardown,
    },
  }
}
