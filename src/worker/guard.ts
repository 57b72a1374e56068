/**
 * Argument checks of the facade (issue 21): every refusal names the argument and the rule in
 * words, quotes at most 100 characters of what was given, and never passes on an engine
 * message ("[object Object]", a stack overflow, native code).
 */
import { SimError } from '../model/simulation'
import { DAY_SECONDS, MAX_QUOTE_CHARS, quote } from '../model/scenario/limits'

export { quote }

/** `name` must be a number of seconds from 0 to `max`. */
export function checkSeconds(name: string, v: unknown, max: number, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max)
    throw new SimError(`${name} must be a number of seconds from 0 to ${max} (${max / DAY_SECONDS} simulated days, ${what}), got ${quote(v)}`)
  return v
}

/** `name` must be an id: text of 1 to 100 characters. */
export function checkId(name: string, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_QUOTE_CHARS) throw new SimError(`${name} must be an id (text of 1 to ${MAX_QUOTE_CHARS} characters), got ${quote(v)}`)
  return v
}

/** `name` must be a non-empty list of ids (a multi-node partition's nodes), at most `MAX_IDS` of them. */
export function checkIdList(name: string, v: unknown[]): string[] {
  if (v.length === 0) throw new SimError(`${name} must be a node id or a non-empty list of node ids, got an empty list`)
  if (v.length > MAX_IDS) throw new SimError(`${name} lists ${v.length} ids, at most ${MAX_IDS} are accepted`)
  return v.map((x, i) => checkId(`${name}[${i}]`, x))
}
const MAX_IDS = 10000

/** `name` must be a finite number. */
export function checkNumber(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new SimError(`${name} must be a finite number, got ${quote(v)}`)
  return v
}

const FAULT_KINDS = ['disk', 'cvm', 'node', 'block', 'rack', 'partition', 'corrupt'] as const

/** A fault as the drill API takes it: `{ kind, target, smart? }`, or `{ kind: 'corrupt', target, extentGroups? }`. */
export function checkFault(v: unknown): { kind: (typeof FAULT_KINDS)[number]; target: string | string[]; smart?: 'fail' | 'pass'; extentGroups?: number } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SimError(`fault must be an object { kind, target }, got ${quote(v)}`)
  const f = v as Record<string, unknown>
  const kind = Object.hasOwn(f, 'kind') ? f.kind : undefined
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind))
    throw new SimError(`fault.kind must be one of ${FAULT_KINDS.map((k) => `"${k}"`).join(', ')}, got ${quote(kind)}`)
  const raw = Object.hasOwn(f, 'target') ? f.target : undefined
  if (kind === 'partition' && Array.isArray(raw)) return { kind: 'partition', target: checkIdList('fault.target', raw) }
  const target = checkId('fault.target', raw)
  const groups = Object.hasOwn(f, 'extentGroups') ? f.extentGroups : undefined
  if (groups !== undefined && kind !== 'corrupt') throw new SimError('fault.extentGroups applies to corrupt faults only')
  if (kind === 'corrupt') {
    if (groups !== undefined && (typeof groups !== 'number' || !Number.isInteger(groups) || groups < 1 || groups > 10_000_000))
      throw new SimError(`fault.extentGroups must be a whole number from 1 to 10000000, got ${quote(groups)}`)
    if (Object.hasOwn(f, 'smart')) throw new SimError('fault.smart applies to disk faults only')
    return groups === undefined ? { kind, target } : { kind, target, extentGroups: groups }
  }
  const smart = Object.hasOwn(f, 'smart') ? f.smart : undefined
  if (smart !== undefined && (kind !== 'disk' || (smart !== 'fail' && smart !== 'pass')))
    throw new SimError(kind === 'disk' ? `fault.smart must be "fail" or "pass", got ${quote(smart)}` : `fault.smart applies to disk faults only`)
  return smart === undefined ? { kind: kind as (typeof FAULT_KINDS)[number], target } : { kind: 'disk', target, smart }
}

/** An error as a short message in words: SimErrors as they are, engine errors described. */
export function describeError(method: string, e: unknown, arg = 'the input'): SimError {
  if (e instanceof SimError) return e
  if (e instanceof RangeError && /call stack/i.test(e.message)) return new SimError(`${method}: the input is nested too deeply to read`)
  if (e instanceof TypeError && /circular/i.test(e.message)) return new SimError(`${method}: the input refers to itself (it must be plain JSON data)`)
  if (e instanceof RangeError && /allocation|array length|invalid string length/i.test(e.message)) return new SimError(`${method}: the input is too big to hold in memory`)
  const msg = e instanceof Error && typeof e.message === 'string' ? e.message : 'unexpected failure'
  return new SimError(`${method} failed reading ${arg}: ${msg.length > 200 ? `${msg.slice(0, 200)}…` : msg}`)
}
