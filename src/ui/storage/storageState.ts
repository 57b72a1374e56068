/** How the Storage Summary shows the model's storage state (ok / warning / critical). */
/** Prism's colours: blue in use, amber past the threshold, red past resilient capacity. */
export const STORAGE_STATE_STYLE = {
  ok: { bar: 'bg-sky-500', text: 'text-slate-600', badge: 'bg-emerald-100 text-emerald-800', word: 'OK' },
  warning: { bar: 'bg-amber-400', text: 'text-amber-800', badge: 'bg-amber-100 text-amber-900', word: 'Warning' },
  critical: { bar: 'bg-red-500', text: 'text-red-700', badge: 'bg-red-100 text-red-800', word: 'Critical' },
} as const

/** What the cluster is going through now, so the "can self-heal" line never contradicts the rest of Home. */
export interface HealContext {
  /** bytes with no online copy (DOMAIN.md §9) */
  unavailableBytes: number
  /** a Data Rebuild is running */
  rebuilding: boolean
  /** failures tolerable at the domain in force, now */
  tolerable: number
}

/** What the widget says in each state (wording after the Nutanix Bible's resilient capacity section). */
export function storageStateText(state: 'ok' | 'warning' | 'critical', warnPct: number, domain: string, now?: HealContext): string {
  if (state === 'critical')
    return `Usage exceeds resilient capacity: the cluster might not be able to tolerate and recover from a ${domain} failure.`
  if (state === 'warning') return `Usage has crossed the resilient capacity threshold (${warnPct}% of resilient capacity).`
  const below = `Usage is below the resilient capacity threshold (${warnPct}%)`
  if (now && now.unavailableBytes > 0)
    return `${below}, but some data has no online copy: it cannot be re-protected until the parts holding it return.`
  if (now && now.rebuilding) return `${below}; a rebuild is running: the cluster tolerates another ${domain} failure once it completes.`
  if (now && now.tolerable < 1) return `${below}, but the cluster cannot tolerate another ${domain} failure until its data is re-protected.`
  return `${below}: the cluster can self-heal after a ${domain} failure.`
}
