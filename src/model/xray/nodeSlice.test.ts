import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseNodeSlice, selectNodes } from './nodeSlice'

const pick = (text: string | number, n: number) => {
  const p = parseNodeSlice(text)
  if (!p.ok) return p.message
  const r = selectNodes(p.value, n)
  return r.ok ? r.value : r.message
}

describe('node selections', () => {
  it('indices, slices, n arithmetic, all, negatives, lists without repeats', () => {
    expect(pick(0, 4)).toEqual([0])
    expect(pick('0, 1', 4)).toEqual([0, 1])
    expect(pick('0:2', 4)).toEqual([0, 1])
    expect(pick(':2, n-2:n', 6)).toEqual([0, 1, 4, 5])
    expect(pick(':n/2', 7)).toEqual([0, 1, 2])
    expect(pick('n/2:', 7)).toEqual([3, 4, 5, 6])
    expect(pick('all', 3)).toEqual([0, 1, 2])
    expect(pick(':', 3)).toEqual([0, 1, 2])
    expect(pick('-1', 5)).toEqual([4])
    expect(pick('0, 0:2, 1', 4)).toEqual([0, 1])
    expect(pick('(n-1)*1', 4)).toEqual([3])
  })

  it('refuses indices outside the cluster, with its size', () => {
    expect(pick(12, 12)).toBe('node index 12 is out of range: the cluster has 12 nodes (indices 0–11)')
    expect(pick('-13', 12)).toBe('node index -13 is out of range: the cluster has 12 nodes (indices 0–11)')
    expect(pick('0:20', 12)).toBe('slice bound 20 in "0:20" is out of range: the cluster has 12 nodes (indices 0–11)')
    expect(pick('3:1', 4)).toBe('node selection "3:1" picks no node on a cluster of 4')
  })

  it('refuses bad syntax by name', () => {
    expect(pick('0:1:2', 4)).toBe('node selection "0:1:2": a slice has one ":" (no step)')
    expect(pick('x', 4)).toBe('node selection "x": unexpected "x"')
    expect(pick('', 4)).toBe('node selection is empty')
    expect(pick('n/0', 4)).toBe('node selection "n/0": division by zero')
  })

  it('property: a selection is in range and without repeats; "a:b" is b − a nodes', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 64 }), fc.nat(64), fc.nat(64), (n, x, y) => {
      const a = Math.min(x, y) % (n + 1), b = Math.max(x, y) % (n + 1)
      const r = pick(`${Math.min(a, b)}:${Math.max(a, b)}`, n)
      if (Math.min(a, b) === Math.max(a, b)) return typeof r === 'string'
      return Array.isArray(r) && r.length === Math.max(a, b) - Math.min(a, b) && new Set(r).size === r.length && r.every((i) => i >= 0 && i < n)
    }))
  })
})
