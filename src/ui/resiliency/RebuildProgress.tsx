/**
 * Prism's rebuild progress line under the Data Resiliency status: "Rebuilding Data" with
 * progress, bytes remaining and ETA while Curator scans or re-replicates, then "Data
 * Rebuild Complete" once the last rebuild finished (or why it could not).
 */
import { formatBytes, formatCount, formatDuration } from '../format'
import { useSim } from '../store/simStore'

export function RebuildProgress() {
  const summary = useSim((s) => s.summary)
  const tasks = useSim((s) => s.tasks)
  if (!summary) return null
  const { rebuild } = summary
  const last = findLast(tasks, (t) => t.type === 'DataRebuild')
  const pct = Math.floor(rebuild.progress * 100)
  if (rebuild.active) {
    return (
      <div data-testid="rebuild-state" data-state="rebuilding">
        <div className="flex justify-between">
          <span className="font-medium text-sky-700">Rebuilding Data</span>
          <span data-testid="rebuild-percent">{pct}%</span>
        </div>
        <div className="mt-1 h-1.5 rounded bg-slate-200" role="progressbar" aria-label="Rebuild progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div className="h-full rounded bg-sky-500 transition-[width] duration-300" style={{ width: `${rebuild.progress * 100}%` }} />
        </div>
        <p className="mt-1 text-slate-600">
          {rebuild.phase === 'scanning' ? 'Curator scan: finding under-replicated data' : `${formatBytes(rebuild.bytesRemaining)} remaining`}
          {rebuild.etaSeconds !== null ? ` · ETA ${formatDuration(rebuild.etaSeconds)}` : ''}
          {rebuild.phase === 'replicating' ? ` · ${formatCount(Math.round(rebuild.bandwidthBytesPerSec / 1e6))} MB/s` : ''}
        </p>
      </div>
    )
  }
  if (summary.underReplicatedBytes > 0) {
    return (
      <p data-testid="rebuild-state" data-state="blocked" className="text-amber-700">
        {formatBytes(summary.underReplicatedBytes)} under-replicated{last?.state === 'failed' && last.message ? `: ${last.message}` : ''}
      </p>
    )
  }
  if (last?.state === 'succeeded') {
    return (
      <p data-testid="rebuild-state" data-state="complete" className="font-medium text-emerald-700">
        Data Rebuild Complete
      </p>
    )
  }
  return (
    <p data-testid="rebuild-state" data-state="idle" className="text-slate-500">
      No rebuild in progress
    </p>
  )
}

function findLast<T>(items: readonly T[], pred: (x: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i])) return items[i]
  return undefined
}
