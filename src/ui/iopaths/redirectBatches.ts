/** Redirects grouped into batches: one per (time, host, reason), as the redirector handles them at a NOP-OUT round. */
import type { ReportRedirect } from '../bridge/types'

export interface RedirectBatch {
  key: string
  time: number
  host: string
  reason: ReportRedirect['reason']
  count: number
  /** target Stargate → sessions, most first */
  targets: Array<[string, number]>
  from: string[]
}

export function redirectBatches(redirects: readonly ReportRedirect[]): RedirectBatch[] {
  const m = new Map<string, { b: RedirectBatch; to: Map<string, number>; from: Set<string> }>()
  for (const r of redirects) {
    const key = `${r.time}|${r.host}|${r.reason}`
    let e = m.get(key)
    if (!e) {
      e = { b: { key, time: r.time, host: r.host, reason: r.reason, count: 0, targets: [], from: [] }, to: new Map(), from: new Set() }
      m.set(key, e)
    }
    e.b.count++
    e.to.set(r.to, (e.to.get(r.to) ?? 0) + 1)
    if (r.from) e.from.add(r.from)
  }
  return [...m.values()].map(({ b, to, from }) => ({
    ...b,
    targets: [...to.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])),
    from: [...from].sort(),
  }))
}
