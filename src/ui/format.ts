/** Display formatting. Values come from the model; this only decides how they read. */
/** The one byte formatter, shared with the model's messages (README rule 15.7: binary units everywhere). */
export { formatBytes } from '../model/kernel/units'

export function formatPct(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return '—'
  return `${(fraction * 100).toFixed(digits)}%`
}

/** Simulated clock as D+HH:MM:SS (days only when needed). */
export function formatClock(seconds: number): string {
  const s = Math.floor(seconds)
  const d = Math.floor(s / 86400)
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0')
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return `${d > 0 ? `${d}d ` : ''}${hh}:${mm}:${ss}`
}

/** A compact "T+…" timestamp for event lists. */
export function formatSimTime(seconds: number): string {
  return `T+${formatClock(seconds)}`
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—'
  if (seconds < 60) return `${Math.round(seconds)} s`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
  const h = Math.floor(seconds / 3600)
  return `${h} h ${Math.round((seconds % 3600) / 60)} min`
}

/** One formatter for every call: Number#toLocaleString builds a new one each time (charts and tables call these per frame). */
const SPEED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** A whole number with thousands separators, e.g. "12,345". */
export function formatCount(n: number): string {
  return GROUPED.format(n)
}

export function formatSpeed(speed: number): string {
  return `${SPEED.format(speed)}×`
}
