/** How I/O figures read (values come from the model). */

/** One formatter for every call: Number#toLocaleString builds a new one each time (charts and tables call this per frame). */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** A whole number with thousands separators, e.g. "12,345". */
export function formatCount(n: number): string {
  return GROUPED.format(n)
}

export function formatIops(iops: number): string {
  return GROUPED.format(Math.round(iops))
}

export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '—'
  return ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`
}

export function formatBandwidth(bytesPerSecond: number): string {
  const units = ['B/s', 'KBps', 'MBps', 'GBps']
  let v = bytesPerSecond
  let i = 0
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000
    i++
  }
  return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`
}
