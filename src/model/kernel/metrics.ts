/**
 * A bounded history of cluster-level figures, sampled by the model on the simulated
 * clock (every SAMPLE_SECONDS and after every change of component state), for the
 * Analysis and capacity trend charts. Deterministic: same run, same samples.
 */
export interface MetricSample {
  time: number
  usedBytes: number
  totalBytes: number
  resilientBytes: number
  hostsUp: number
  cvmsUp: number
  disksOnline: number
  vmsOn: number
  unresolvedAlerts: number
  /** Prism's cluster-wide controller IOPS (read + write), IO bandwidth (bytes/s) and latency (ms) (ioload.ts) */
  iops: number
  readIops: number
  writeIops: number
  bandwidthBps: number
  latencyMs: number
}

export const SAMPLE_SECONDS = 300
export const MAX_SAMPLES = 4000

/** The fields of a sample, in the order they are reported. */
const FIELDS = [
  'time', 'usedBytes', 'totalBytes', 'resilientBytes', 'hostsUp', 'cvmsUp', 'disksOnline', 'vmsOn', 'unresolvedAlerts',
  'iops', 'readIops', 'writeIops', 'bandwidthBps', 'latencyMs',
] as const satisfies readonly (keyof MetricSample)[]
// every field of MetricSample is stored (a compile error here names a missing one)
const _allFields: Record<Exclude<keyof MetricSample, (typeof FIELDS)[number]>, never> = {}
void _allFields
const F = FIELDS.length

/**
 * Samples are stored by column in one preallocated Float64Array (MAX_SAMPLES + 1 rows), so
 * the history costs the same memory on the first simulated day as on the hundredth; the
 * sample objects are built when read.
 */
export class MetricsLog {
  private readonly cols = new Float64Array((MAX_SAMPLES + 1) * F)
  private n = 0
  /** bumped on every add (the UI appends from its own count; decimation shortens the history) */
  version = 0
  /** bumped when decimation rewrote the history: a reader must take it again from the start */
  rewrites = 0

  /**
   * The next periodic sample (index k: at k × SAMPLE_SECONDS). The periodic sampler is lazy,
   * not a queued event: the sample at time G is taken once every event at G has run (before
   * the first later event, or when a run ends at or after G), so a quiet year costs little.
   */
  private nextPeriodic = 1

  /** A periodic sample is due at or before `upTo` (s). */
  periodicDue(upTo: number): boolean {
    return this.nextPeriodic * SAMPLE_SECONDS <= upTo
  }

  /** Take the periodic samples due at or before `upTo` (s); nothing else changes meanwhile. */
  takePeriodic(upTo: number, sampleAt: (time: number) => MetricSample): void {
    const first = this.nextPeriodic
    const count = Math.floor(upTo / SAMPLE_SECONDS) - first + 1
    if (count <= 0) return
    this.nextPeriodic = first + count
    this.addSeries(count, (i) => (first + i) * SAMPLE_SECONDS, sampleAt)
  }

  /** Samples held now. */
  get count(): number {
    return this.n
  }

  /** Sample i (0 = oldest), a new object. */
  at(i: number): MetricSample {
    const base = i * F
    const out = {} as MetricSample
    for (let f = 0; f < F; f++) out[FIELDS[f]] = this.cols[base + f]
    return out
  }

  /** Samples from index `from` on, oldest first (new objects). */
  since(from: number): MetricSample[] {
    const out: MetricSample[] = []
    for (let i = Math.max(0, from); i < this.n; i++) out.push(this.at(i))
    return out
  }

  /** Every sample, oldest first (new objects: prefer `count` and `since(from)` for the recent ones). */
  get samples(): MetricSample[] {
    return this.since(0)
  }

  add(s: MetricSample): void {
    const c = this.cols
    const row = this.rowFor(s.time)
    for (let f = 0; f < F; f++) c[row * F + f] = s[FIELDS[f]]
    this.decimate()
    this.version++
  }

  /**
   * The periodic samples of a quiet stretch, at `count` times `timeAt(0..count-1)` (increasing):
   * the same history as `count` calls of `add`, but `sampleAt` runs only for the samples that
   * survive decimation (at most MAX_SAMPLES), so a simulated year of samples costs little.
   */
  addSeries(count: number, timeAt: (i: number) => number, sampleAt: (time: number) => MetricSample): void {
    const c = this.cols
    const lazy: number[] = []
    for (let i = 0; i < count; i++) {
      const row = this.rowFor(timeAt(i))
      c[row * F] = timeAt(i)
      c[row * F + 1] = NaN // figures to come (a real sample never holds NaN)
      this.decimate()
      this.version++
    }
    for (let row = 0; row < this.n; row++) if (Number.isNaN(c[row * F + 1])) lazy.push(row)
    for (const row of lazy) {
      const s = sampleAt(c[row * F])
      for (let f = 0; f < F; f++) c[row * F + f] = s[FIELDS[f]]
    }
  }

  /** The row a sample at `time` goes to: a second sample at the same time replaces the first. */
  private rowFor(time: number): number {
    return this.n > 0 && this.cols[(this.n - 1) * F] === time ? this.n - 1 : this.n++
  }

  private decimate(): void {
    if (this.n <= MAX_SAMPLES) return
    const c = this.cols
    // keep every other old sample: the history stays bounded, the recent past stays dense
    const half = this.n >> 1
    let k = 0
    for (let i = 0; i < half; i += 2) c.copyWithin(k++ * F, i * F, (i + 1) * F)
    c.copyWithin(k * F, half * F, this.n * F)
    this.n = k + (this.n - half)
    this.rewrites++
  }
}
