/**
 * `loadXray(files, { cluster, seed })` (DRILL-API §5): the argument checks, the prepared
 * test (model/xray/prepare.ts) and the simulation that runs it. Shared by the facade and
 * the headless runner, so both build the same simulation from the same files.
 */
import { MAX_JSON_CHARS } from '../model/scenario/limits'
import type { Scenario } from '../model/scenario/schema'
import { SimError, Simulation } from '../model/simulation'
import type { XrayPlan } from '../model/xray/planTypes'
import { prepareXray } from '../model/xray/prepare'
import { quote } from './guard'

/** at most this many files in one X-Ray folder */
export const MAX_XRAY_FILES = 200

export interface XrayLoad { sim: Simulation; scenario: Scenario; plan: XrayPlan }

function checkFiles(files: unknown): Record<string, string> {
  if (typeof files !== 'object' || files === null || Array.isArray(files))
    throw new SimError(`files must be an object { "test.yml": "…", "load.fio": "…" } (file name → text), got ${quote(files)}`)
  const entries = Object.entries(files as Record<string, unknown>)
  if (entries.length === 0) throw new SimError('files is empty: give test.yml and the .fio files it names')
  if (entries.length > MAX_XRAY_FILES) throw new SimError(`files: ${entries.length} files, more than the ${MAX_XRAY_FILES} an X-Ray folder may have`)
  let chars = 0
  for (const [name, text] of entries) {
    if (typeof text !== 'string') throw new SimError(`files["${name}"] must be the file's text, got ${quote(text)}`)
    chars += text.length
  }
  if (chars > MAX_JSON_CHARS) throw new SimError(`files: ${chars} characters of text, more than the ${MAX_JSON_CHARS} a test may have`)
  return Object.fromEntries(entries) as Record<string, string>
}

function checkOptions(options: unknown): { cluster?: string | Scenario; seed?: number } {
  if (options === undefined || options === null) return {}
  if (typeof options !== 'object' || Array.isArray(options)) throw new SimError(`options must be an object { cluster?, seed? }, got ${quote(options)}`)
  const o = options as Record<string, unknown>
  for (const k of Object.keys(o)) if (k !== 'cluster' && k !== 'seed') throw new SimError(`options.${k}: unknown option (options are cluster and seed)`)
  const cluster = o.cluster
  if (cluster !== undefined && typeof cluster !== 'string' && (typeof cluster !== 'object' || cluster === null || Array.isArray(cluster)))
    throw new SimError(`options.cluster must be a built-in scenario id or a scenario object, got ${quote(cluster)}`)
  const seed = o.seed
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 4294967295))
    throw new SimError(`options.seed must be a whole number from 0 to 4294967295, got ${quote(seed)}`)
  return { cluster: cluster as string | Scenario | undefined, seed: seed as number | undefined }
}

/** Check, prepare and start the test; throws naming every problem (nothing is created then). */
export function xraySimulation(files: unknown, options?: unknown): XrayLoad {
  const opts = checkOptions(options)
  const checked = checkFiles(files)
  const cluster = opts.cluster !== undefined && typeof opts.cluster !== 'string' ? (JSON.parse(JSON.stringify(opts.cluster)) as Scenario) : opts.cluster
  const p = prepareXray(checked, { cluster, seed: opts.seed })
  if (!p.ok) throw new SimError(`the X-Ray test is refused:\n${p.problems.join('\n')}`)
  const scenario = JSON.parse(JSON.stringify(p.value.scenario)) as Scenario
  const sim = Simulation.create(scenario)
  try {
    sim.attachXray(p.value.plan)
  } catch (e) {
    throw new SimError(`the X-Ray test is refused:\n${(e as Error).message}`)
  }
  return { sim, scenario, plan: p.value.plan }
}

/** A fresh simulation of a recorded run's start: its scenario, and its X-Ray test when it has one. */
export function freshSimulation(run: { scenario: unknown; seed: number; xray: XrayPlan | null }): Simulation {
  const sim = Simulation.create(run.scenario, run.seed)
  if (run.xray) sim.attachXray(run.xray)
  return sim
}
