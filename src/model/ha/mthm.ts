/**
 * MTHM: Martello & Toth's heuristic for the 0-1 multiple knapsack problem (1981), as
 * the VM HA reservation uses it to lay out failover segments (DOMAIN.md §8).
 *
 * Items have a weight (memory); knapsacks (hosts) a capacity. Profit = weight, so the
 * heuristic packs as much memory as it can; a layout "exists" when every item is packed.
 * An optional `allowed(item, bin)` restricts where an item may go (VM-host affinity,
 * "not on the VM's own host", "not twice on one host").
 *
 * Phases (Martello & Toth, "Heuristic algorithms for the multiple knapsack problem",
 * Computing 27, 1981):
 *   1. greedy start: knapsacks by increasing capacity, each filled with the items in
 *      order (decreasing weight) that still fit;
 *   2. rearrangement: the packed items, last to first, are re-assigned to the knapsacks
 *      in round-robin order (next knapsack where the item fits), then every knapsack is
 *      topped up greedily with unpacked items;
 *   3. improvement 1: swap two packed items of different knapsacks when that frees room
 *      for an unpacked item;
 *   4. improvement 2: replace one packed item by unpacked items of greater total weight.
 * Phases stop as soon as every item is packed. The best solution seen is returned.
 * Pure and deterministic; no allocation proportional to anything but the instance.
 */

export type Allowed = (item: number, bin: number) => boolean

export interface MthmResult {
  /** bin index per item, or -1 when the item is not packed */
  assignment: Int32Array
  /** total weight packed */
  packed: number
  /** every item is packed */
  complete: boolean
}

const EPS = 1e-9

/**
 * Solve a multiple knapsack instance with MTHM. `weights` and `capacities` are in any
 * unit (bytes); items with weight 0 are always packed into the first allowed bin.
 */
export function mthm(weights: ArrayLike<number>, capacities: ArrayLike<number>, allowed?: Allowed): MthmResult {
  const n = weights.length
  const m = capacities.length
  const ok = allowed ?? (() => true)
  // items by decreasing weight (ratio profit/weight is 1 for all), ties by index
  const order = sortedIndex(weights, -1)
  // knapsacks by increasing capacity, ties by index
  const bins = sortedIndex(capacities, 1)
  const w = new Float64Array(n)
  for (let k = 0; k < n; k++) w[k] = weights[order[k]]
  const total = w.reduce((a, x) => a + x, 0)
  // y[k] = position in `bins` of the knapsack holding sorted item k, or -1
  const y = new Int32Array(n).fill(-1)
  const res = new Float64Array(m)
  const fits = (k: number, b: number) => w[k] <= res[b] + EPS && ok(order[k], bins[b])

  const best = { y: new Int32Array(n).fill(-1), z: -1 }
  const keep = () => {
    let z = 0
    for (let k = 0; k < n; k++) if (y[k] >= 0) z += w[k]
    if (z > best.z + EPS) {
      best.z = z
      best.y.set(y)
    }
    return z >= total - EPS
  }
  const minW = n > 0 ? w[n - 1] : 0
  /** first item that may still be unpacked (items before it are all packed) */
  let first = 0
  const fill = (b: number) => {
    while (first < n && y[first] >= 0) first++
    for (let k = first; k < n; k++) {
      if (res[b] < minW - EPS) break
      if (y[k] < 0 && fits(k, b)) {
        y[k] = b
        res[b] -= w[k]
      }
    }
  }

  // ---- phase 1: greedy start
  for (let b = 0; b < m; b++) res[b] = capacities[bins[b]]
  for (let b = 0; b < m; b++) fill(b)
  let done = keep()

  // ---- phase 2: rearrangement
  if (!done && m > 0) {
    const packed: number[] = []
    for (let k = 0; k < n; k++) if (y[k] >= 0) packed.push(k)
    y.fill(-1)
    first = 0
    for (let b = 0; b < m; b++) res[b] = capacities[bins[b]]
    let i = 0
    for (let p = packed.length - 1; p >= 0; p--) {
      const k = packed[p]
      for (let t = 0; t < m; t++) {
        const b = (i + t) % m
        if (fits(k, b)) {
          y[k] = b
          res[b] -= w[k]
          i = (b + 1) % m
          break
        }
      }
    }
    for (let b = 0; b < m; b++) fill(b)
    done = keep()
  }

  // ---- phase 3: improvement by swaps that make room for an unpacked item
  if (!done) {
    for (let j = 0; j < n && !done; j++) {
      if (y[j] < 0) continue
      for (let k = j + 1; k < n && !done; k++) {
        if (y[k] < 0 || y[k] === y[j] || w[j] === w[k]) continue
        // h the heavier, l the lighter item: swap them if the lighter's knapsack takes the heavier
        const [h, l] = w[j] > w[k] ? [j, k] : [k, j]
        const bh = y[h], bl = y[l]
        const d = w[h] - w[l]
        if (d > res[bl] + EPS || !ok(order[h], bins[bl]) || !ok(order[l], bins[bh])) continue
        // the heaviest unpacked item that then fits into the heavier's former knapsack
        let u = -1
        for (let x = 0; x < n; x++) {
          if (y[x] < 0 && w[x] <= res[bh] + d + EPS && ok(order[x], bins[bh])) {
            u = x
            break
          }
        }
        if (u < 0) continue
        y[h] = bl
        y[l] = bh
        res[bl] -= d
        res[bh] += d
        y[u] = bh
        res[bh] -= w[u]
        fill(bh)
        done = keep()
      }
    }
  }

  // ---- phase 4: improvement by replacing one packed item with heavier unpacked ones
  if (!done) {
    for (let j = n - 1; j >= 0 && !done; j--) {
      if (y[j] < 0) continue
      const b = y[j]
      let room = res[b] + w[j]
      const take: number[] = []
      let gain = 0
      for (let x = 0; x < n; x++) {
        if (y[x] < 0 && w[x] <= room + EPS && ok(order[x], bins[b])) {
          take.push(x)
          room -= w[x]
          gain += w[x]
        }
      }
      if (gain > w[j] + EPS) {
        y[j] = -1
        first = Math.min(first, j)
        for (const x of take) y[x] = b
        res[b] = room
        // the item taken out may fit elsewhere
        for (let c = 0; c < m; c++) {
          if (fits(j, c)) {
            y[j] = c
            res[c] -= w[j]
            break
          }
        }
        done = keep()
      }
    }
  }

  const assignment = new Int32Array(n).fill(-1)
  for (let k = 0; k < n; k++) if (best.y[k] >= 0) assignment[order[k]] = bins[best.y[k]]
  return { assignment, packed: Math.max(0, best.z), complete: best.z >= total - EPS }
}

/** Indices sorted by value (dir 1 increasing, −1 decreasing), ties by index; skips the sort when already in order. */
function sortedIndex(values: ArrayLike<number>, dir: 1 | -1): number[] {
  const idx = new Array<number>(values.length)
  let sorted = true
  for (let i = 0; i < values.length; i++) {
    idx[i] = i
    if (i > 0 && (values[i] - values[i - 1]) * dir < 0) sorted = false
  }
  return sorted ? idx : idx.sort((a, b) => (values[a] - values[b]) * dir || a - b)
}

/**
 * A sufficient condition for mthm() to pack every item when no bin is restricted, from the
 * items' total and largest weight alone: its greedy start fills the bins one by one with
 * every item that still fits, so an item left over found every bin with less room than its
 * weight w ≤ wmax, i.e. each bin holding more than its capacity − wmax. If those amounts
 * already add up to the total weight, nothing can be left over. O(bins); callers skip
 * building the instance (e.g. 2,016 host-pair failover checks) when it holds.
 */
export function greedyPacksAll(total: number, wmax: number, capacities: ArrayLike<number>): boolean {
  let room = 0
  for (let b = 0; b < capacities.length; b++) if (capacities[b] > wmax) room += capacities[b] - wmax
  return room >= total
}

/** Exact feasibility by exhaustive search (small instances only): can every item be packed? */
export function exactPacking(weights: ArrayLike<number>, capacities: ArrayLike<number>, allowed?: Allowed): Int32Array | null {
  const n = weights.length
  const m = capacities.length
  const ok = allowed ?? (() => true)
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => weights[b] - weights[a] || a - b)
  const res = Array.from(capacities)
  const out = new Int32Array(n).fill(-1)
  const go = (k: number): boolean => {
    if (k === n) return true
    const j = order[k]
    for (let b = 0; b < m; b++) {
      if (weights[j] <= res[b] + EPS && ok(j, b)) {
        res[b] -= weights[j]
        out[j] = b
        if (go(k + 1)) return true
        res[b] += weights[j]
        out[j] = -1
      }
    }
    return false
  }
  return go(0) ? out : null
}

/** Does an assignment respect every capacity and restriction, and pack every item? */
export function checkPacking(weights: ArrayLike<number>, capacities: ArrayLike<number>, assignment: ArrayLike<number>, allowed?: Allowed): string | null {
  const load = new Float64Array(capacities.length)
  for (let j = 0; j < weights.length; j++) {
    const b = assignment[j]
    if (b < 0 || b >= capacities.length) return `item ${j} is not packed`
    if (allowed && !allowed(j, b)) return `item ${j} is in a bin it may not use (${b})`
    load[b] += weights[j]
  }
  for (let b = 0; b < capacities.length; b++) if (load[b] > capacities[b] + EPS) return `bin ${b} holds ${load[b]} > capacity ${capacities[b]}`
  return null
}

/**
 * Spread packing (our rule 15.5, DOMAIN.md §8): items by decreasing weight (ties by index),
 * each into the allowed bin with the most room left (ties by bin index) — worst fit, so a
 * failed host's VMs are covered by (and restart on) many hosts instead of filling the first.
 * Incomplete when some item fits nowhere; Guarantee mode then falls back to MTHM, which packs
 * tighter, so what is protectable does not change.
 */
export function spreadPack(weights: ArrayLike<number>, capacities: ArrayLike<number>, allowed?: Allowed): MthmResult {
  const n = weights.length
  const m = capacities.length
  const ok = allowed ?? (() => true)
  const left = Float64Array.from({ length: m }, (_, b) => capacities[b])
  const assignment = new Int32Array(n).fill(-1)
  let packed = 0
  for (const i of sortedIndex(weights, -1)) {
    let best = -1
    for (let b = 0; b < m; b++) {
      if (!ok(i, b) || left[b] + EPS < weights[i]) continue
      if (best < 0 || left[b] > left[best] + EPS) best = b
    }
    if (best < 0) continue
    assignment[i] = best
    left[best] -= weights[i]
    packed += weights[i]
  }
  return { assignment, packed, complete: assignment.every((b) => b >= 0) }
}
