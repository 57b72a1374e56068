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

export class MetricsLog {
  samples: MetricSample[] = []
  /** total samples ever appended (the UI appends from its own count; decimation resets it) */
  version = 0

  add(s: MetricSample): void {
    const last = this.samples[this.samples.length - 1]
    if (last && last.time === s.time) this.samples[this.samples.length - 1] = s
    else this.samples.push(s)
    if (this.samples.length > MAX_SAMPLES) {
      // keep every other old sample: the history stays bounded, the recent past stays dense
      const half = this.samples.length >> 1
      this.samples = this.samples.slice(0, half).filter((_, i) => i % 2 === 0).concat(this.samples.slice(half))
    }
    this.version++
  }
}
