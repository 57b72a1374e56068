/**
 * The format of a scenario's `expect` checks (drills as data, issue 20) and the rules the
 * shape alone can't say. expect.ts evaluates them; README "Drills as data" documents them.
 *
 * A check happens at a moment — `at` (simulated seconds, or "end": after the run settled) or
 * `afterStep` (index into `steps`: at that step's time, after everything due then) — and
 * asserts either a Report value (`path` and exactly one comparison) or that an `until`
 * condition is met `within` seconds from that moment.
 */
import { z } from 'zod/mini'
import { untilSchema } from './until'

/** The comparisons a value check can make (exactly one per check). */
export const COMPARISONS = ['equals', 'notEquals', 'atLeast', 'atMost', 'greaterThan', 'lessThan', 'contains'] as const
export type Comparison = (typeof COMPARISONS)[number]

const seconds = z.number().check(z.minimum(0, 'must be at least 0'), z.maximum(10 * 365 * 86400, 'must be at most 315360000'))
const num = z.number()
const json = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())])

export const expectCheckSchema = z.strictObject({
  /** shown in the runner's output and the JUnit test case name (default: made from the check) */
  name: z.optional(z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'))),
  /** simulated seconds since load, or "end" (after the run settled); default "end" */
  at: z.optional(z.union([seconds, z.literal('end')], { error: 'must be a number of seconds or "end"' })),
  /** index into steps: checked at that step's time, after everything due then */
  afterStep: z.optional(z.number().check(z.int('must be a whole number'), z.minimum(0, 'must be at least 0'))),
  /** a Report path: `resiliency.status`, `vms[id=vm-3].power`, `topology.nodes[0].host`, `events.length` */
  path: z.optional(z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(300, 'must be at most 300 characters'))),
  equals: z.optional(json),
  notEquals: z.optional(json),
  atLeast: z.optional(num),
  atMost: z.optional(num),
  greaterThan: z.optional(num),
  lessThan: z.optional(num),
  /** the array holds this value (deep equality; an object matches when its fields all match) or the string holds this text */
  contains: z.optional(json),
  /** a condition that must be met within `within` seconds of the check's moment */
  until: z.optional(untilSchema),
  within: z.optional(seconds),
})

export type ExpectCheck = z.infer<typeof expectCheckSchema>

export const expectListSchema = z.array(expectCheckSchema).check(z.maxLength(500, 'must hold at most 500 checks'))

/** The rules across fields (one moment, one kind of assertion); every problem by JSON path. */
export function expectProblems(input: Record<string, unknown>, vmIds: ReadonlySet<string>): string[] {
  const list = input.expect
  if (!Array.isArray(list)) return []
  const steps = Array.isArray(input.steps) ? input.steps.length : 0
  const problems: string[] = []
  list.forEach((c: unknown, i) => {
    if (typeof c !== 'object' || c === null) return
    const o = c as Record<string, unknown>
    const p = `expect[${i}]`
    const has = (k: string) => o[k] !== undefined
    if (has('at') && has('afterStep')) problems.push(`${p}: give "at" or "afterStep", not both`)
    if (typeof o.afterStep === 'number' && Number.isInteger(o.afterStep) && o.afterStep >= steps)
      problems.push(`${p}.afterStep: there is no steps[${o.afterStep}] (the scenario has ${steps} step${steps === 1 ? '' : 's'})`)
    const comparisons = COMPARISONS.filter(has)
    if (has('until')) {
      if (has('path') || comparisons.length > 0) problems.push(`${p}: a check is either "until" + "within" or "path" + one comparison, not both`)
      if (typeof o.until === 'object' && o.until !== null && typeof (o.until as { vm?: unknown }).vm === 'string' && !vmIds.has((o.until as { vm: string }).vm))
        problems.push(`${p}.until.vm: unknown VM "${(o.until as { vm: string }).vm}"`)
      if (!has('within')) problems.push(`${p}.within: is required with "until" (seconds to wait for it)`)
      if (o.at === 'end') problems.push(`${p}.at: an "until" check can't start at "end" (nothing runs after it)`)
    } else if (has('path')) {
      if (comparisons.length !== 1) problems.push(`${p}: give exactly one comparison (${COMPARISONS.join(', ')}), got ${comparisons.length === 0 ? 'none' : comparisons.join(', ')}`)
      if (has('within')) problems.push(`${p}.within: only goes with "until"`)
    } else problems.push(`${p}: give "path" with a comparison, or "until" with "within"`)
  })
  return problems
}
