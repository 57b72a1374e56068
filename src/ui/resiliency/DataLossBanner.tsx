/**
 * Never hidden, never confused (DOMAIN.md §9): while data has no online copy, a banner under
 * the top bar says how much and which it is, on every page, with a link to the alerts.
 * "Data unavailable" (amber-red): the copies are on parts that are down; the data comes
 * back with them. "Data loss" (red): no copy is left anywhere.
 */
import { formatBytes } from '../format'
import { useSim } from '../store/simStore'

export function DataLossBanner() {
  const lost = useSim((s) => s.summary?.lostBytes ?? 0)
  const unavailable = useSim((s) => s.summary?.unavailableBytes ?? 0)
  const frozen = useSim((s) => s.summary?.ha?.quorum === false)
  if (lost <= 0 && unavailable <= 0 && !frozen) return null
  return (
    <div role="alert" className="flex flex-col">
      {frozen && (
        <div data-testid="no-quorum-banner" className="flex items-center gap-3 bg-slate-800 px-4 py-2 text-sm text-white">
          <span className="font-semibold">Cluster cannot change</span>
          <span>
            No Zookeeper quorum: a majority of Zookeeper servers is down. No leader election, no HA restart, no power-on or other
            configuration change until it is back; running VMs keep running.
          </span>
        </div>
      )}
      {lost > 0 && (
        <div data-testid="data-loss-banner" className="flex items-center gap-3 bg-red-700 px-4 py-2 text-sm text-white">
          <span className="font-semibold">Data loss</span>
          <span>{formatBytes(lost)} of data has no copy left anywhere: every copy was on a disk that failed or was replaced.</span>
          <a href="#/alerts" className="ml-auto underline underline-offset-2">
            View alerts
          </a>
        </div>
      )}
      {unavailable > 0 && (
        <div data-testid="data-unavailable-banner" className="flex items-center gap-3 bg-orange-700 px-4 py-2 text-sm text-white">
          <span className="font-semibold">Data unavailable</span>
          <span>
            {formatBytes(unavailable)} of data has no online copy: its copies are on parts that are down (offline, not lost). VMs
            reading it see I/O errors until a part returns.
          </span>
          <a href="#/alerts" className="ml-auto underline underline-offset-2">
            View alerts
          </a>
        </div>
      )}
    </div>
  )
}
