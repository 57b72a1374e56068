/**
 * Hardening limits (issue 21): how much simulated time one call or one run may cover, and how
 * big a scenario may be. Each size limit follows from what the model allocates:
 * one extent-group unit (units.ts UNIT_BYTES, 1 GB) costs about 4 bytes per replica plus one
 * byte of container id, and the arrays double as data grows; one vDisk costs about 40 bytes plus
 * its id. The limits keep a scenario's model well under 500 MB in the worker. README
 * "Hardening and limits" lists them all.
 */
import { TB, UNIT_BYTES } from '../kernel/units'

export const DAY_SECONDS = 86400

/** the most simulated time one call may run (advance, settle, Step, one tick of play) */
export const MAX_CALL_SECONDS = 30 * DAY_SECONDS
/** the latest time of a scenario step (`steps[i].at`): Step and the walkthrough reach it in one call */
export const MAX_STEP_AT_SECONDS = MAX_CALL_SECONDS
/** the latest time a run may reach (`end`, actions' `at`, time travel) */
export const MAX_RUN_SECONDS = 365 * DAY_SECONDS

/** capacity of one disk, TB */
export const MAX_DISK_TB = 200
/** raw capacity of the whole cluster, in extent-group units (20,000 TB at 1 GB a unit) */
export const MAX_RAW_UNITS = 20_000_000
export const MAX_RAW_TB = (MAX_RAW_UNITS * UNIT_BYTES) / TB
/** data growth, TB per simulated day (the same bound as growth.ts setRate) */
export const MAX_GROWTH_TB_PER_DAY = 10_000
/** vDisks of all VMs together (VMs × vdisks each, vmFill included) */
export const MAX_VDISKS = 100_000
/** characters of a scenario or run as JSON text (a paste, a file, a decompressed share link) */
export const MAX_JSON_CHARS = 8_000_000
/** the longest piece of the input a message quotes */
export const MAX_QUOTE_CHARS = 100
/** problems listed at most; the rest are counted ("and 37 more") */
export const MAX_PROBLEMS = 100

/** `value` for a message: JSON-ish, at most MAX_QUOTE_CHARS characters, never "[object Object]" or native code. */
export function quote(value: unknown): string {
  let s: string
  try {
    if (typeof value === 'string') s = JSON.stringify(value.length > MAX_QUOTE_CHARS + 2 ? value.slice(0, MAX_QUOTE_CHARS + 2) : value)
    else if (typeof value === 'function') s = 'a function'
    else if (typeof value === 'symbol') s = 'a symbol'
    else if (typeof value === 'bigint') s = `${value}n`
    else if (value === undefined) s = 'nothing'
    else if (typeof value === 'number') s = String(value)
    else if (Array.isArray(value)) s = `an array of ${value.length} item${value.length === 1 ? '' : 's'}`
    else if (typeof value === 'object' && value !== null) s = 'an object'
    else s = String(value)
  } catch {
    s = 'a value that cannot be shown'
  }
  return s.length > MAX_QUOTE_CHARS ? `${s.slice(0, MAX_QUOTE_CHARS)}…` : s
}

/** The first MAX_PROBLEMS problems, then "… and N more problems". */
export function capProblems(problems: readonly string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems]
  return [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more problems`]
}

/** A problem line of at most 100 characters of quoted input (the JSON path and the rule stay whole). */
export function clipProblem(line: string): string {
  return line.length > 2 * MAX_QUOTE_CHARS + 60 ? `${line.slice(0, 2 * MAX_QUOTE_CHARS + 60)}…` : line
}
