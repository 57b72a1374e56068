/**
 * Weighted random disk picks for data placement (Vose alias table).
 */
import type { Prng } from '../kernel/prng'

/** Weighted random disk picks (Vose alias table): O(1) per pick, rebuilt lazily when a weight changes. */
export class DiskPicker {
  readonly weight: Float64Array
  private readonly prob: Float64Array
  private readonly alias: Int32Array
  private readonly scaled: Float64Array
  private readonly small: Int32Array
  private readonly large: Int32Array
  private dirty = true
  private total = 0

  constructor(readonly size: number) {
    this.weight = new Float64Array(size)
    this.prob = new Float64Array(size)
    this.alias = new Int32Array(size)
    this.scaled = new Float64Array(size)
    this.small = new Int32Array(size)
    this.large = new Int32Array(size)
  }

  set(i: number, w: number): void {
    if (this.weight[i] !== w) {
      this.weight[i] = w
      this.dirty = true
    }
  }

  totalWeight(): number {
    if (this.dirty) this.rebuild()
    return this.total
  }

  /** A disk drawn with probability ∝ weight (one PRNG draw), or -1 when every weight is 0. */
  sample(rng: Prng): number {
    if (this.dirty) this.rebuild()
    if (this.total <= 0) return -1
    const x = rng.float() * this.size
    const i = Math.floor(x)
    return x - i < this.prob[i] ? i : this.alias[i]
  }

  private rebuild(): void {
    this.dirty = false
    const n = this.size
    let total = 0
    for (let i = 0; i < n; i++) total += this.weight[i]
    this.total = total
    if (total <= 0) return
    let ns = 0
    let nl = 0
    for (let i = 0; i < n; i++) {
      this.scaled[i] = (this.weight[i] * n) / total
      if (this.scaled[i] < 1) this.small[ns++] = i
      else this.large[nl++] = i
    }
    while (ns > 0 && nl > 0) {
      const s = this.small[--ns]
      const l = this.large[nl - 1]
      this.prob[s] = this.scaled[s]
      this.alias[s] = l
      this.scaled[l] = this.scaled[l] + this.scaled[s] - 1
      if (this.scaled[l] < 1) {
        nl--
        this.small[ns++] = l
      }
    }
    while (nl > 0) {
      const l = this.large[--nl]
      this.prob[l] = 1
      this.alias[l] = l
    }
    while (ns > 0) {
      // only floating-point leftovers end here
      const s = this.small[--ns]
      this.prob[s] = this.weight[s] > 0 ? 1 : 0
      this.alias[s] = s
    }
    // a zero-weight slot must never be returned through its own column
    for (let i = 0; i < n; i++) {
      if (this.weight[i] <= 0) {
        this.prob[i] = 0
        if (this.weight[this.alias[i]] <= 0) this.alias[i] = this.firstPositive()
      }
    }
  }

  private firstPositive(): number {
    for (let i = 0; i < this.size; i++) if (this.weight[i] > 0) return i
    return 0
  }
}
