/**
 * X-Ray's node selections (`nodes: "0"`, `"0:2, n-2:n"`, `":n/2"`, `"all"`, or a number):
 * comma-separated items, each an index or a Python-style slice `start:end`, where numbers,
 * `n` (the node count) and `+ - * /` (whole-number division) may be combined. A negative
 * index counts from the end, as in Python. Our rule: an index or slice bound outside the
 * cluster is refused with the cluster's size (Python would clamp a slice silently).
 */

type Expr = { k: 'num'; v: number } | { k: 'n' } | { k: 'op'; op: string; a: Expr; b: Expr } | { k: 'neg'; a: Expr }
type Item = { k: 'all' } | { k: 'index'; e: Expr } | { k: 'slice'; start: Expr | null; end: Expr | null }
export type NodeSlice = { text: string; items: Item[] }

export function parseNodeSlice(input: string | number): { ok: true; value: NodeSlice } | { ok: false; message: string } {
  const text = String(input).trim()
  if (text === '') return { ok: false, message: 'node selection is empty' }
  const items: Item[] = []
  for (const part of text.split(',')) {
    const p = part.trim()
    if (p === 'all') { items.push({ k: 'all' }); continue }
    try {
      const colon = p.indexOf(':')
      if (colon < 0) items.push({ k: 'index', e: parseExpr(p) })
      else {
        const a = p.slice(0, colon).trim(), b = p.slice(colon + 1).trim()
        if (b.includes(':')) throw new Error('a slice has one ":" (no step)')
        items.push({ k: 'slice', start: a === '' ? null : parseExpr(a), end: b === '' ? null : parseExpr(b) })
      }
    } catch (e) {
      return { ok: false, message: `node selection "${text}": ${(e as Error).message}` }
    }
  }
  return { ok: true, value: { text, items } }
}

function parseExpr(src: string): Expr {
  const tokens = src.match(/\d+|n|[-+*/()]|\S/g) ?? []
  if (tokens.length === 0) throw new Error('empty item')
  let i = 0
  const primary = (): Expr => {
    const t = tokens[i++]
    if (t === undefined) throw new Error('ends too early')
    if (t === '(') { const e = sum(); if (tokens[i++] !== ')') throw new Error('missing ")"'); return e }
    if (t === '-') return { k: 'neg', a: primary() }
    if (t === 'n') return { k: 'n' }
    if (/^\d+$/.test(t)) return { k: 'num', v: Number(t) }
    throw new Error(`unexpected "${t}"`)
  }
  const product = (): Expr => {
    let e = primary()
    while (tokens[i] === '*' || tokens[i] === '/') { const op = tokens[i++]; e = { k: 'op', op, a: e, b: primary() } }
    return e
  }
  const sum = (): Expr => {
    let e = product()
    while (tokens[i] === '+' || tokens[i] === '-') { const op = tokens[i++]; e = { k: 'op', op, a: e, b: product() } }
    return e
  }
  const e = sum()
  if (i < tokens.length) throw new Error(`unexpected "${tokens[i]}"`)
  return e
}

function value(e: Expr, n: number): number {
  switch (e.k) {
    case 'num': return e.v
    case 'n': return n
    case 'neg': return -value(e.a, n)
    case 'op': {
      const a = value(e.a, n), b = value(e.b, n)
      if (e.op === '+') return a + b
      if (e.op === '-') return a - b
      if (e.op === '*') return a * b
      if (b === 0) throw new Error('division by zero')
      return Math.floor(a / b)
    }
  }
}

/** The node indices (0-based, in order, without repeats) a selection picks on a cluster of `n` nodes. */
export function selectNodes(slice: NodeSlice, n: number): { ok: true; value: number[] } | { ok: false; message: string } {
  const out: number[] = []
  const seen = new Set<number>()
  const add = (i: number) => { if (!seen.has(i)) { seen.add(i); out.push(i) } }
  const range = `the cluster has ${n} node${n === 1 ? '' : 's'} (indices 0–${n - 1})`
  try {
    for (const it of slice.items) {
      if (it.k === 'all') { for (let i = 0; i < n; i++) add(i); continue }
      if (it.k === 'index') {
        const v = value(it.e, n)
        if (v >= n || v < -n) return { ok: false, message: `node index ${v} is out of range: ${range}` }
        add(v < 0 ? n + v : v)
        continue
      }
      const s = it.start === null ? 0 : value(it.start, n)
      const e = it.end === null ? n : value(it.end, n)
      for (const b of [s, e]) if (b > n || b < -n) return { ok: false, message: `slice bound ${b} in "${slice.text}" is out of range: ${range}` }
      const from = s < 0 ? n + s : s, to = e < 0 ? n + e : e
      for (let i = from; i < to; i++) add(i)
    }
  } catch (err) {
    return { ok: false, message: `node selection "${slice.text}": ${(err as Error).message}` }
  }
  if (out.length === 0) return { ok: false, message: `node selection "${slice.text}" picks no node on a cluster of ${n}` }
  return { ok: true, value: out }
}
