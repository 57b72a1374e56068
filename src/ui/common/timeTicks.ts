/**
 * Ticks for a simulated-time axis: round clock steps (5 s … 1 day) so labels read 0:30,
 * 1:00, 1:30 instead of d3's decimal 10, 20, 50 s; at most `maxTicks`, never a repeat.
 */
const STEPS = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800]

export function timeTicks(t0: number, t1: number, maxTicks: number): number[] {
  if (!(t1 > t0)) return [t0]
  const n = Math.max(1, Math.floor(maxTicks))
  const step = STEPS.find((s) => (t1 - t0) / s <= n) ?? Math.ceil((t1 - t0) / n / 86400) * 86400
  const out: number[] = []
  for (let t = Math.ceil(t0 / step) * step; t <= t1 + 1e-9; t += step) out.push(t)
  // a short window late in a long run may hold no multiple of the step: label its start
  return out.length > 0 ? out : [t0]
}

/** A tick's label, as precise as the tick `step` needs: m:ss on an axis that ends within the first hour, else h:mm (h:mm:ss for steps under a minute); days as "2d 4:00". */
export function tickLabel(t: number, step: number, end: number): string {
  const s = Math.round(t)
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const p2 = (n: number) => String(n).padStart(2, '0')
  if (end < 3600) return `${m}:${p2(sec)}`
  const clock = step % 60 !== 0 ? `${h}:${p2(m)}:${p2(sec)}` : `${h}:${p2(m)}`
  return d === 0 ? clock : `${d}d ${clock}`
}

/** The step timeTicks uses (0 for a single tick). */
export function tickStep(ticks: readonly number[]): number {
  return ticks.length > 1 ? ticks[1] - ticks[0] : 0
}

/** Value-axis ticks whose labels (as `format` prints them) are all different: fewer ticks until they are. */
export function distinctTicks(ticks: (n: number) => number[], format: (v: number) => string, maxTicks: number): number[] {
  for (let n = maxTicks; n >= 1; n--) {
    const t = ticks(n)
    const labels = t.map(format)
    if (new Set(labels).size === labels.length) return t
  }
  return ticks(1).slice(0, 1)
}
