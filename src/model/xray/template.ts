/**
 * X-Ray's templating: a test.yml may declare `vars` (each with a `default` and optional
 * `min`/`max`) and use them as `{{ name }}` anywhere in the file; X-Ray renders the text
 * (Jinja) before reading the YAML. We render the same subset the public scenarios need:
 * `{{ expression }}` with variable names, numbers, `+ - * / // %`, parentheses and the
 * filters `| int` and `| float`. Jinja statements (`{% … %}`) are refused by name.
 */
import { parse as parseYaml } from 'yaml'
import type { XrayVar } from './types'

type Value = number | string | boolean
export type Rendered = { ok: true; text: string; vars: Record<string, XrayVar> } | { ok: false; problems: string[] }

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isValue = (v: unknown): v is Value => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'

/** The top-level `vars:` block of the raw text (up to the next top-level key), or null. */
function varsBlock(text: string): { block: string; line: number } | null {
  const lines = text.split(/\r?\n/)
  const start = lines.findIndex((l) => /^vars\s*:/.test(l))
  if (start < 0) return null
  let end = start + 1
  while (end < lines.length && (lines[end].trim() === '' || /^[\s#]/.test(lines[end]))) end++
  return { block: lines.slice(start, end).join('\n'), line: start + 1 }
}

function lineOf(text: string, index: number): number {
  let n = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++
  return n
}

/** Reads `vars`, applies `overrides` (checked against min/max) and renders every `{{ … }}`. */
export function renderTemplate(file: string, text: string, overrides: Record<string, Value> = {}): Rendered {
  const problems: string[] = []
  const vars: Record<string, XrayVar> = {}
  const found = varsBlock(text)
  if (found) {
    let data: unknown
    try { data = parseYaml(found.block) } catch (e) {
      return { ok: false, problems: [`${file}: line ${found.line}: vars: ${(e as Error).message.split('\n')[0]}`] }
    }
    const section = isObj(data) ? data.vars : undefined
    if (!isObj(section)) problems.push(`${file}: vars: must be a mapping of variable names`)
    else {
      for (const [name, def] of Object.entries(section)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) { problems.push(`${file}: vars.${name}: not a variable name`); continue }
        if (!isObj(def) || !isValue(def.default)) { problems.push(`${file}: vars.${name}: needs a "default" (number, text or true/false)`); continue }
        const min = typeof def.min === 'number' ? def.min : null
        const max = typeof def.max === 'number' ? def.max : null
        vars[name] = { default: def.default, min, max, value: def.default }
      }
    }
  }
  for (const [name, value] of Object.entries(overrides)) {
    const v = vars[name]
    if (!v) { problems.push(`${file}: vars: no variable "${name}" to set`); continue }
    if (typeof value === 'number' && v.min !== null && value < v.min) { problems.push(`${file}: vars.${name}: ${value} is below its minimum ${v.min}`); continue }
    if (typeof value === 'number' && v.max !== null && value > v.max) { problems.push(`${file}: vars.${name}: ${value} is above its maximum ${v.max}`); continue }
    v.value = value
  }
  if (problems.length > 0) return { ok: false, problems }

  const stmt = text.indexOf('{%')
  if (stmt >= 0) return { ok: false, problems: [`${file}: line ${lineOf(text, stmt)}: Jinja statements ({% … %}) are not supported, only {{ expressions }}`] }
  const values: Record<string, Value> = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v.value]))
  let out = ''
  let last = 0
  const re = /\{\{([\s\S]*?)\}\}/g
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // the vars block keeps its text: its defaults are not templates
    const r = evaluate(m[1], values)
    if (!r.ok) problems.push(`${file}: line ${lineOf(text, m.index)}: {{${m[1]}}}: ${r.message}`)
    else out += text.slice(last, m.index) + String(r.value)
    last = m.index + m[0].length
  }
  out += text.slice(last)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, text: out, vars }
}

type Eval = { ok: true; value: Value } | { ok: false; message: string }

/** Evaluates one template expression. */
export function evaluate(src: string, values: Record<string, Value>): Eval {
  const tokens = src.match(/\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|\/\/|[-+*/%()|]|\S/g) ?? []
  let i = 0
  const fail = (message: string): never => { throw new Error(message) }
  const num = (v: Value, op: string): number => (typeof v === 'number' ? v : fail(`"${op}" needs numbers`))
  const primary = (): Value => {
    const t = tokens[i++]
    if (t === undefined) return fail('expression ends too early')
    if (t === '(') { const v = sum(); if (tokens[i++] !== ')') fail('missing ")"'); return v }
    if (t === '-') return -num(primary(), '-')
    if (/^\d/.test(t)) return Number(t)
    if (/^[A-Za-z_]/.test(t)) {
      if (t === 'true' || t === 'True') return true
      if (t === 'false' || t === 'False') return false
      if (!(t in values)) return fail(`unknown variable "${t}" (declare it under vars)`)
      return values[t]
    }
    return fail(`unexpected "${t}"`)
  }
  const filtered = (): Value => {
    let v = primary()
    while (tokens[i] === '|') {
      i++
      const f = tokens[i++]
      if (f === 'int') v = Math.trunc(typeof v === 'number' ? v : Number(v))
      else if (f === 'float') v = typeof v === 'number' ? v : Number(v)
      else fail(`filter "${f ?? ''}" is not supported (int, float)`)
      if (typeof v === 'number' && !Number.isFinite(v)) fail('is not a number')
    }
    return v
  }
  const product = (): Value => {
    let v = filtered()
    while (tokens[i] === '*' || tokens[i] === '/' || tokens[i] === '//' || tokens[i] === '%') {
      const op = tokens[i++]
      const a = num(v, op), b = num(filtered(), op)
      if (op !== '*' && b === 0) fail('division by zero')
      v = op === '*' ? a * b : op === '/' ? a / b : op === '//' ? Math.floor(a / b) : a % b
    }
    return v
  }
  const sum = (): Value => {
    let v = product()
    while (tokens[i] === '+' || tokens[i] === '-') {
      const op = tokens[i++]
      v = op === '+' ? num(v, op) + num(product(), op) : num(v, op) - num(product(), op)
    }
    return v
  }
  try {
    if (tokens.length === 0) return { ok: false, message: 'empty expression' }
    const v = sum()
    if (i < tokens.length) return { ok: false, message: `unexpected "${tokens[i]}"` }
    return { ok: true, value: v }
  } catch (e) {
    return { ok: false, message: (e as Error).message }
  }
}
