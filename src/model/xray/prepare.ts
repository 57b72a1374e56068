/**
 * The one call a loader makes: files + target cluster → the Scenario to load and the plan
 * to execute, or every problem (file, path, reason) and nothing else.
 */
import { BUILTIN_SCENARIOS } from '../scenario/builtins'
import { structuralProblems, type Scenario } from '../scenario/schema'
import { fioDemand, type WorkloadDemand } from './fioDemand'
import { parseXray } from './parse'
import { compilePlan } from './plan'
import type { XrayPlan } from './planTypes'
import { layoutGroups, requirementProblems, targetCluster, targetScenario } from './target'
import type { XrayResult, XrayTest } from './types'

/** X-Ray runs on this built-in cluster unless told otherwise (issue 19). */
export const DEFAULT_XRAY_CLUSTER = 'twelve-3-blocks'

export interface PrepareOptions {
  /** a built-in scenario id or a Scenario object; its VMs and steps are replaced */
  cluster?: string | Scenario
  seed?: number
  /** values for the test's `vars` (checked against their min/max) */
  vars?: Record<string, number | string | boolean>
}

export interface PreparedXray { test: XrayTest; scenario: Scenario; plan: XrayPlan }

export function prepareXray(files: Record<string, string>, options: PrepareOptions = {}): XrayResult<PreparedXray> {
  const clusterArg = options.cluster ?? DEFAULT_XRAY_CLUSTER
  let cluster: Scenario
  if (typeof clusterArg === 'string') {
    const found = BUILTIN_SCENARIOS.find((s) => s.id === clusterArg)
    if (!found) return { ok: false, problems: [`cluster: unknown built-in scenario "${clusterArg}"`] }
    cluster = found
  } else {
    const checked = structuralProblems(clusterArg)
    if (!checked.data) return { ok: false, problems: checked.problems.map((p) => `cluster scenario: ${p}`) }
    cluster = checked.data
  }
  if (options.seed !== undefined && (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 4294967295))
    return { ok: false, problems: ['seed: must be a whole number from 0 to 4294967295'] }

  const parsed = parseXray(files, { vars: options.vars })
  if (!parsed.ok) return parsed
  const test = parsed.value
  const info = targetCluster(cluster)
  if (info.nodes.length === 0) return { ok: false, problems: ['cluster scenario: has no nodes (give cluster.racks or cluster.layout)'] }
  const laid = layoutGroups(test, info)
  if (!laid.ok) return laid
  const problems = requirementProblems(test, info, laid.value)
  const demands = new Map<string, WorkloadDemand>()
  for (const w of test.workloads) {
    const g = test.vmGroups.find((x) => x.name === w.vmGroup)!
    const d = fioDemand(w.fio, g.dataDisksGb.length)
    if (d.ok) demands.set(w.name, d.value)
    else problems.push(...d.problems)
  }
  const compiled = compilePlan(test, info, laid.value, demands)
  if (!compiled.ok) problems.push(...compiled.problems)
  if (problems.length > 0 || !compiled.ok) return { ok: false, problems }
  const scenario = targetScenario(test, cluster, info, laid.value, compiled.value.powerAtLoad, options.seed)
  const check = structuralProblems(scenario)
  if (!check.data) return { ok: false, problems: check.problems.map((p) => `${test.file}: the cluster it makes is not valid: ${p}`) }
  return { ok: true, value: { test, scenario: check.data, plan: compiled.value.plan } }
}
