/**
 * The simulation worker's state (issue 21): "The simulation stopped" with Restart (replays the
 * recorded run into a new worker), or long work in progress with its share done and Cancel
 * (back to the state before the call).
 */
import { cancelWork, restartSimulation } from '../bridge/client'
import { useWorkerStatus } from '../bridge/workerStatus'
import { useSim } from '../store/simStore'

export function WorkerBanner() {
  const stopped = useWorkerStatus((s) => s.stopped)
  const busy = useWorkerStatus((s) => s.busy)
  const toast = useSim((s) => s.toast)
  const fail = (e: Error) => toast('error', e.message)
  if (stopped)
    return (
      <div role="alert" data-testid="worker-stopped" className="flex flex-wrap items-center gap-3 border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900">
        <span className="flex-1">
          <strong>The simulation stopped</strong> ({stopped}). Restart it to replay the recorded run: every action recorded so far comes back.
        </span>
        <button type="button" className="btn-primary" onClick={() => void restartSimulation().catch(fail)}>
          Restart
        </button>
      </div>
    )
  if (!busy) return null
  const pct = Math.round(busy.fraction * 100)
  return (
    <div role="status" data-testid="worker-busy" className="flex flex-wrap items-center gap-3 border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-[13px] text-sky-900">
      <span>
        {busy.label}… {pct} %
      </span>
      <progress max={100} value={pct} aria-label={busy.label} className="h-2 w-48" />
      {busy.cancellable && (
        <button type="button" className="rounded border border-sky-300 bg-white px-2 py-0.5 hover:bg-sky-100" onClick={() => void cancelWork().catch(fail)}>
          Cancel
        </button>
      )}
    </div>
  )
}
