/** How I/O figures read (values come from the model). */
import { formatCount } from '../format'

export function formatIops(iops: number): string {
  return formatCount(Math.round(iops))
}

export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  if (ms === 0) return '0 ms'
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
