/**
 * Validation of an imported run (runLog.ts `Run`) with zod's tree-shakable `zod/mini` API
 * (issue 9: the classic API cost ≈ 70 kB more, minified, in the worker). Never throws: returns the run
 * or every problem, each prefixed with its JSON path (`actions[2].args[0].kind: …`).
 * The scenario inside is checked by the model's own compiler when the run is loaded.
 * zod/mini loads no locale: every message comes from a check's own text or `errorMap` below.
 */
import { z } from 'zod/mini'
import { addNodeSchema, faultSchema, formatPath } from '../model/scenario/schema'
import { capProblems, clipProblem, MAX_JSON_CHARS, MAX_RUN_SECONDS } from '../model/scenario/limits'
import { RUN_FORMAT, type Run } from './runLog'

const MAX_SECONDS = MAX_RUN_SECONDS
// z.number() refuses NaN and ±Infinity itself ("must be a number"), as the classic API did
const time = z.number().check(z.minimum(0, 'must be at least 0'), z.maximum(MAX_SECONDS, `must be at most ${MAX_SECONDS}`))
const id = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'))
const num = z.number()

const actionSchema = z.discriminatedUnion('op', [
  z.strictObject({ at: time, op: z.literal('inject'), args: z.tuple([faultSchema]) }),
  z.strictObject({ at: time, op: z.literal('restore'), args: z.tuple([id]) }),
  z.strictObject({ at: time, op: z.literal('powerOn'), args: z.tuple([id]) }),
  z.strictObject({ at: time, op: z.literal('powerOff'), args: z.tuple([id]) }),
  z.strictObject({ at: time, op: z.literal('migrate'), args: z.union([z.tuple([id]), z.tuple([id, id])]) }),
  z.strictObject({ at: time, op: z.literal('enterMaintenance'), args: z.tuple([id]) }),
  z.strictObject({ at: time, op: z.literal('exitMaintenance'), args: z.tuple([id]) }),
  z.strictObject({ at: time, op: z.literal('upgrade'), args: z.tuple([z.enum(['aos', 'ahv'])]) }),
  z.strictObject({ at: time, op: z.literal('acknowledgeAlert'), args: z.tuple([id]) }),
  z.strictObject({ at: time, op: z.literal('setWarnThreshold'), args: z.tuple([num]) }),
  z.strictObject({ at: time, op: z.literal('setHaMode'), args: z.tuple([z.enum(['default', 'guarantee'])]) }),
  z.strictObject({ at: time, op: z.literal('setAwarenessMode'), args: z.tuple([z.enum(['best-effort', 'opt-in'])]) }),
  z.strictObject({ at: time, op: z.literal('setGrowthRate'), args: z.tuple([num]) }),
  z.strictObject({ at: time, op: z.literal('writeData'), args: z.tuple([num]) }),
  z.strictObject({ at: time, op: z.literal('removeDisk'), args: z.tuple([id]) }),
  z.strictObject({ at: time, op: z.literal('removeNode'), args: z.tuple([id]) }),
  z.strictObject({ at: time, op: z.literal('addNode'), args: z.tuple([addNodeSchema]) }),
  z.strictObject({ at: time, op: z.literal('run'), args: z.optional(z.tuple([])) }),
])

export const RUN_OPS = ['inject', 'restore', 'powerOn', 'powerOff', 'migrate', 'enterMaintenance', 'exitMaintenance', 'upgrade', 'acknowledgeAlert', 'setWarnThreshold', 'setHaMode', 'setAwarenessMode', 'setGrowthRate', 'writeData', 'removeDisk', 'removeNode', 'addNode', 'run'] as const

export const runSchema = z.strictObject({
  format: z.literal(RUN_FORMAT),
  version: z.literal(1),
  name: z.optional(z.string().check(z.maxLength(200, 'must be at most 200 characters'))),
  scenario: z.union([z.record(z.string(), z.unknown()), z.string()]),
  seed: z.number().check(z.int('must be a whole number'), z.minimum(0, 'must be at least 0'), z.maximum(4294967295, 'must be at most 4294967295')),
  actions: z.array(actionSchema).check(z.maxLength(100_000, 'must hold at most 100000 actions')),
  end: time,
})

const errorMap: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type' && iss.input === undefined) return 'is required'
  if (iss.code === 'invalid_type') return `must be ${iss.expected === 'object' ? 'an object' : iss.expected === 'array' ? 'an array' : `a ${iss.expected}`}`
  if (iss.code === 'invalid_value') return `must be ${iss.values.length === 1 ? '' : 'one of '}${iss.values.map((v) => JSON.stringify(v)).join(', ')}`
  if (iss.code === 'invalid_union' && 'discriminator' in iss) {
    if (iss.discriminator === 'kind') return `"kind" must be one of "disk", "cvm", "node", "block", "rack", "partition", "corrupt"`
    return `"op" must be one of ${RUN_OPS.join(', ')}`
  }
  if (iss.code === 'too_big' && iss.origin === 'array') return `must hold at most ${String(iss.maximum)} items`
  if (iss.code === 'too_small' && iss.origin === 'array') return `must hold ${String(iss.minimum)} items`
  return undefined
}

const path = (p: ReadonlyArray<PropertyKey>): string => (p.length === 0 ? '(run)' : formatPath(p))

export type RunParse = { ok: true; run: Run } | { ok: false; problems: string[] }

/** Check a run's shape and order; every problem by JSON path. */
export function parseRun(input: unknown): RunParse {
  if (typeof input === 'string') {
    if (input.length > MAX_JSON_CHARS) return { ok: false, problems: [`(run): ${input.length} characters of text, more than the ${MAX_JSON_CHARS} a run may have`] }
    try {
      input = JSON.parse(input) as unknown
    } catch (e) {
      return { ok: false, problems: [`(run): not valid JSON (${(e as Error).message})`] }
    }
  }
  const res = runSchema.safeParse(input, { error: errorMap })
  if (!res.success) {
    const problems: string[] = []
    for (const iss of res.error.issues) {
      if (iss.code === 'unrecognized_keys') for (const k of iss.keys) problems.push(`${path([...iss.path, k])}: unknown field`)
      else problems.push(`${path(iss.path)}: ${iss.message}`)
    }
    return { ok: false, problems: capProblems(problems.map(clipProblem)) }
  }
  const run = res.data as Run
  const problems: string[] = []
  for (let i = 1; i < run.actions.length; i++) {
    if (run.actions[i].at < run.actions[i - 1].at)
      problems.push(`actions[${i}].at: ${run.actions[i].at} is earlier than actions[${i - 1}].at (${run.actions[i - 1].at}); actions must be in time order`)
  }
  let latest = -1
  run.actions.forEach((a, i) => {
    if (latest < 0 || a.at >= run.actions[latest].at) latest = i
  })
  if (latest >= 0 && run.end < run.actions[latest].at) problems.push(`end: ${run.end} is earlier than the last action (actions[${latest}].at = ${run.actions[latest].at})`)
  return problems.length > 0 ? { ok: false, problems: capProblems(problems) } : { ok: true, run }
}
