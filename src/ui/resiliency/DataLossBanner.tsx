/**
 * Data loss is never hidden: while any data has no surviving copy, a red banner under
 * the top bar says how much, on every page, with a link to the alert.
 */
import { formatBytes } from '../format'
import { useSim } from '../store/simStore'

export function DataLossBanner() {
  const lost = useSim((s) => s.summary?.lostBytes ?? 0)
  if (lost <= 0) return null
  return (
    <div role="alert" data-testid="data-loss-banner" className="flex items-center gap-3 bg-red-700 px-4 py-2 text-sm text-white">
      <span className="font-semibold">Data loss</span>
      <span>
        {formatBytes(lost)} of data has no surviving copy: more components failed than the cluster could tolerate before its rebuild finished.
      </span>
      <a href="#/alerts" className="ml-auto underline underline-offset-2">
        View alerts
      </a>
    </div>
  )
}
