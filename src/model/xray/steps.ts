/**
 * The step catalog: every step kind we accept, with its arguments (names and meanings as in
 * X-Ray's engine, nutanix/curie `curie/steps/`). `checkStep` validates one `setup`/`run`/
 * `teardown` list entry and returns the StepDef or problems naming the step's path.
 */
import { parseNodeSlice } from './nodeSlice'
import type { Phase, StepDef, StepKind } from './types'

type ArgType = 'string' | 'int' | 'posint' | 'posnum' | 'nonnegint' | 'bool' | 'nodes' | 'node'
interface ArgSpec { type: ArgType; required?: boolean; ref?: 'vmGroup' | 'workload' }
type Catalog = Record<StepKind, Record<string, ArgSpec>>

const annotate: ArgSpec = { type: 'bool' }
const group: ArgSpec = { type: 'string', required: true, ref: 'vmGroup' }
const workload: ArgSpec = { type: 'string', required: true, ref: 'workload' }
const nodes: Record<string, ArgSpec> = { nodes: { type: 'nodes', required: true }, wait_secs: { type: 'int' }, annotate }

export const STEP_CATALOG: Catalog = {
  'cluster.CleanUp': { annotate },
  'vm_group.CloneFromTemplate': { vm_group_name: group, power_on: { type: 'bool' }, linked_clone: { type: 'bool' }, annotate },
  'vm_group.PowerOn': { vm_group_name: group, max_concurrent: { type: 'posint' }, annotate },
  'vm_group.PowerOff': { vm_group_name: group, annotate },
  'vm_group.Grow': { vm_group_name: group, count_per_node: { type: 'posint' }, count_per_cluster: { type: 'posint' }, linked_clone: { type: 'bool' }, annotate },
  'vm_group.MigrateGroup': { vm_group_name: group, from_node: { type: 'node', required: true }, to_node: { type: 'node', required: true }, annotate },
  'vm_group.ResetGroupPlacement': { vm_group_name: group, annotate },
  'vm_group.CreatePeriodicSnapshots': {
    vm_group_name: group, num_snapshots: { type: 'posint', required: true }, interval_minutes: { type: 'posnum', required: true },
    async: { type: 'bool' }, annotate,
  },
  'workload.Start': {
    workload_name: workload, runtime_secs: { type: 'posint' }, timeout_secs: { type: 'posint' },
    stagger_secs: { type: 'nonnegint' }, async: { type: 'bool' }, seed: { type: 'string' }, annotate,
  },
  'workload.Stop': { workload_name: workload, annotate },
  'workload.Wait': { workload_name: workload, timeout_secs: { type: 'posint' }, annotate },
  'workload.PrefillRun': { workload_name: workload, max_concurrent: { type: 'posint' }, timeout_secs: { type: 'posint' }, annotate },
  'test.Wait': { duration_secs: { type: 'posnum', required: true }, annotate },
  'nodes.PowerOff': nodes,
  'nodes.PowerOn': nodes,
  'nodes.Shutdown': nodes,
  'nodes.WaitForPowerOn': nodes,
  'nodes.WaitForPowerOff': nodes,
  'meta.RollingUpgrade': { node_count: { type: 'posint' }, annotate },
}

const KINDS = Object.keys(STEP_CATALOG) as StepKind[]
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function checkArg(spec: ArgSpec, v: unknown): string | null {
  switch (spec.type) {
    case 'string': return typeof v === 'string' || typeof v === 'number' ? null : 'must be text'
    case 'bool': return typeof v === 'boolean' ? null : 'must be true or false'
    case 'int': return Number.isInteger(v) ? null : 'must be a whole number'
    case 'posint': return Number.isInteger(v) && (v as number) > 0 ? null : 'must be a whole number greater than 0'
    case 'nonnegint': return Number.isInteger(v) && (v as number) >= 0 ? null : 'must be a whole number ≥ 0'
    case 'posnum': return typeof v === 'number' && Number.isFinite(v) && v > 0 ? null : 'must be a number greater than 0'
    case 'node': return Number.isInteger(v) || (typeof v === 'string' && /^-?\d+$/.test(v.trim())) ? null : 'must be a node index (0, 1, …)'
    case 'nodes': {
      if (typeof v !== 'string' && !Number.isInteger(v)) return 'must be a node index or selection ("0", "0:2", "all")'
      const r = parseNodeSlice(v as string | number)
      return r.ok ? null : r.message
    }
  }
}

export interface StepContext { file: string; vmGroups: readonly string[]; workloads: readonly string[] }

/** Checks one step entry (`{ "vm_group.PowerOn": { vm_group_name: OLTP } }`) at `phase[index]`. */
export function checkStep(entry: unknown, phase: Phase, index: number, ctx: StepContext): { ok: true; value: StepDef } | { ok: false; problems: string[] } {
  const path = `${phase}[${index}]`
  const at = `${ctx.file}: ${path}`
  if (!isObj(entry) || Object.keys(entry).length !== 1) return { ok: false, problems: [`${at}: a step is a mapping with one key, the step's name (e.g. "test.Wait:")`] }
  const [name, rawArgs] = Object.entries(entry)[0]
  if (!(KINDS as string[]).includes(name)) return { ok: false, problems: [`${at}: unknown step "${name}"`] }
  const kind = name as StepKind
  const spec = STEP_CATALOG[kind]
  if (rawArgs !== null && rawArgs !== undefined && !isObj(rawArgs)) return { ok: false, problems: [`${at} (${kind}): arguments must be a mapping (name: value)`] }
  const args: Record<string, string | number | boolean | null> = {}
  const problems: string[] = []
  const given = (rawArgs ?? {}) as Record<string, unknown>
  for (const [k, v] of Object.entries(given)) {
    const s = spec[k]
    if (!s) { problems.push(`${at} (${kind}): unexpected argument "${k}" (it takes ${Object.keys(spec).join(', ')})`); continue }
    const bad = checkArg(s, v)
    if (bad) { problems.push(`${at} (${kind}): ${k}: ${bad}`); continue }
    const val = v as string | number | boolean
    if (s.ref === 'vmGroup' && !ctx.vmGroups.includes(String(val)))
      problems.push(`${at} (${kind}): ${k}: no VM group "${val}" (vms defines ${ctx.vmGroups.map((g) => `"${g}"`).join(', ') || 'none'})`)
    else if (s.ref === 'workload' && !ctx.workloads.includes(String(val)))
      problems.push(`${at} (${kind}): ${k}: no workload "${val}" (workloads defines ${ctx.workloads.map((w) => `"${w}"`).join(', ') || 'none'})`)
    args[k] = s.type === 'string' ? String(val) : val
  }
  for (const [k, s] of Object.entries(spec)) if (s.required && !(k in given)) problems.push(`${at} (${kind}): missing argument "${k}"`)
  if (kind === 'vm_group.Grow' && problems.length === 0) {
    const n = ('count_per_node' in args ? 1 : 0) + ('count_per_cluster' in args ? 1 : 0)
    if (n !== 1) problems.push(`${at} (${kind}): give exactly one of "count_per_node" or "count_per_cluster"`)
  }
  if (kind === 'workload.Start' && args.async === true && 'timeout_secs' in args)
    problems.push(`${at} (${kind}): "timeout_secs" does not apply to an asynchronous start (async: true)`)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { kind, path, phase, args } }
}
