/**
 * How many units can be lost before fewer than the needed members or capacity remain.
 */
import { rawCapacity } from '../capacity'

/**
 * Largest f such that removing the f units holding the most members still leaves at
 * least `need` members (0 when fewer than `need` are there now). `membersPerUnit` =
 * count of available members per unit.
 */
export function tolerableLosses(membersPerUnit: ArrayLike<number>, need: number): number {
  const sorted = Array.from(membersPerUnit).filter((x) => x > 0).sort((a, b) => b - a)
  let left = sorted.reduce((a, b) => a + b, 0)
  if (left < need) return 0
  let f = 0
  for (const m of sorted) {
    if (left - m < need) break
    left -= m
    f++
  }
  return f
}

/**
 * Largest number of "units" that can be lost, each member `i` dying only when `cost[i]`
 * of them are lost (disjoint), so that ≥ `need` members stay: (cheapest way to kill
 * count − need + 1 members) − 1. Infinity when members can't be killed (cost Infinity).
 */
export function tolerableCostLosses(costs: readonly number[], need: number): number {
  const live = costs.filter((c) => c > 0).sort((a, b) => a - b)
  if (live.length < need) return 0
  const kill = live.length - need + 1
  let sum = 0
  for (let i = 0; i < kill; i++) sum += live[i]
  return sum - 1
}

/**
 * Smallest raw capacity (RF `rf`, one replica per node) left after losing any `f` disks:
 * `nodeDisks[n]` = capacities of node n's available disks. Raw capacity only grows with
 * a node's capacity, so for a given number of lost disks per node the worst is to lose
 * that node's largest ones; every spread of f losses over the nodes is tried (f ≤ 2 in
 * practice: N + N(N − 1) / 2 cases for 2).
 */
export function worstRawAfterDiskLosses(nodeDisks: readonly (readonly number[])[], rf: number, f: number): number {
  const sorted = nodeDisks.map((ds) => ds.filter((c) => c > 0).sort((a, b) => b - a))
  const caps = sorted.map((ds) => ds.reduce((a, b) => a + b, 0))
  const taken = new Int32Array(sorted.length)
  // nodes with the same disks are interchangeable: within such a class only try
  // non-increasing losses by index (prevSame: the previous node of the class)
  const prevSame = new Int32Array(sorted.length).fill(-1)
  const lastOf = new Map<string, number>()
  sorted.forEach((ds, n) => {
    const key = ds.join(',')
    const prev = lastOf.get(key)
    if (prev !== undefined) prevSame[n] = prev
    lastOf.set(key, n)
  })
  let worst = Infinity
  // multisets of nodes (non-decreasing index): node n loses its taken[n] largest disks
  const walk = (from: number, left: number) => {
    if (left === 0) {
      worst = Math.min(worst, rawCapacity(caps, rf))
      return
    }
    let any = false
    for (let n = from; n < sorted.length; n++) {
      if (taken[n] >= sorted[n].length) continue
      any = true
      if (prevSame[n] >= 0 && taken[prevSame[n]] <= taken[n]) continue
      const c = sorted[n][taken[n]++]
      caps[n] -= c
      walk(n, left - 1)
      caps[n] += c
      taken[n]--
    }
    if (!any) worst = Math.min(worst, rawCapacity(caps, rf)) // fewer disks than f: all of them gone
  }
  walk(0, f)
  return worst
}
