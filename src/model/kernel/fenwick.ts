/** A Fenwick (binary indexed) tree over non-negative weights, for weighted random picks. */
export class Fenwick {
  private readonly tree: Float64Array
  private readonly weights: Float64Array
  constructor(n: number) {
    this.tree = new Float64Array(n + 1)
    this.weights = new Float64Array(n)
  }
  get size(): number {
    return this.weights.length
  }
  weight(i: number): number {
    return this.weights[i]
  }
  set(i: number, w: number): void {
    const delta = w - this.weights[i]
    if (delta === 0) return
    this.weights[i] = w
    for (let j = i + 1; j < this.tree.length; j += j & -j) this.tree[j] += delta
  }
  total(): number {
    let s = 0
    for (let j = this.weights.length; j > 0; j -= j & -j) s += this.tree[j]
    return s
  }
  /** The index whose cumulative range holds `target` (0 ≤ target < total). */
  find(target: number): number {
    let pos = 0
    let rem = target
    let step = 1
    while (step * 2 <= this.weights.length) step *= 2
    for (; step > 0; step >>= 1) {
      const next = pos + step
      if (next <= this.weights.length && this.tree[next] <= rem) {
        pos = next
        rem -= this.tree[next]
      }
    }
    // skip zero-weight slots that floating error might land on
    let i = Math.min(pos, this.weights.length - 1)
    while (i < this.weights.length - 1 && this.weights[i] === 0) i++
    return i
  }
}
