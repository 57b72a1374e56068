import { describe, expect, it } from 'vitest'
import { evaluate, renderTemplate } from './template'

const VARS = 'vars:\n  secs:\n    default: 300\n    min: 60\n    max: 600\n  label:\n    default: db\nname: t\n'

describe('X-Ray templating', () => {
  it('renders {{ name }} with the default, or an override within min/max', () => {
    const r = renderTemplate('test.yml', `${VARS}wait: {{ secs }}\nn: {{ label }}\n`)
    expect(r.ok && r.text.endsWith('wait: 300\nn: db\n')).toBe(true)
    const o = renderTemplate('test.yml', `${VARS}wait: {{ secs }}\n`, { secs: 120 })
    expect(o.ok && o.text.endsWith('wait: 120\n')).toBe(true)
    expect(o.ok && o.vars.secs).toEqual({ default: 300, min: 60, max: 600, value: 120 })
  })

  it('refuses overrides out of range or unknown', () => {
    expect(renderTemplate('test.yml', VARS, { secs: 10 })).toEqual({ ok: false, problems: ['test.yml: vars.secs: 10 is below its minimum 60'] })
    expect(renderTemplate('test.yml', VARS, { secs: 601 })).toEqual({ ok: false, problems: ['test.yml: vars.secs: 601 is above its maximum 600'] })
    expect(renderTemplate('test.yml', VARS, { other: 1 })).toEqual({ ok: false, problems: ['test.yml: vars: no variable "other" to set'] })
  })

  it('evaluates arithmetic and int/float filters', () => {
    expect(evaluate(' secs * 2 + 1 ', { secs: 300 })).toEqual({ ok: true, value: 601 })
    expect(evaluate('(secs + 1) // 2', { secs: 300 })).toEqual({ ok: true, value: 150 })
    expect(evaluate('secs / 8 | int', { secs: 300 })).toEqual({ ok: true, value: 37.5 })
    expect(evaluate('(secs / 8) | int', { secs: 300 })).toEqual({ ok: true, value: 37 })
    expect(evaluate('-secs % 7', { secs: 300 })).toEqual({ ok: true, value: -300 % 7 })
  })

  it('refuses unknown names, bad expressions and Jinja statements, with the line', () => {
    expect(renderTemplate('test.yml', 'name: t\nwait: {{ nope }}\n')).toEqual({ ok: false, problems: ['test.yml: line 2: {{ nope }}: unknown variable "nope" (declare it under vars)'] })
    expect(renderTemplate('test.yml', 'a: {{ 1 + }}\n')).toEqual({ ok: false, problems: ['test.yml: line 1: {{ 1 + }}: expression ends too early'] })
    expect(renderTemplate('test.yml', 'a: {{ 4 / 0 }}\n')).toEqual({ ok: false, problems: ['test.yml: line 1: {{ 4 / 0 }}: division by zero'] })
    expect(renderTemplate('test.yml', 'a: {{ x | upper }}\n')).toMatchObject({ ok: false })
    expect(renderTemplate('test.yml', 'x: 1\n{% if a %}\n')).toEqual({ ok: false, problems: ['test.yml: line 2: Jinja statements ({% … %}) are not supported, only {{ expressions }}'] })
    expect(renderTemplate('test.yml', 'vars:\n  a: 3\n')).toEqual({ ok: false, problems: ['test.yml: vars.a: needs a "default" (number, text or true/false)'] })
  })
})
