/** Shown on every page while an earlier moment of the run is on screen: go on from here, or back to the latest. */
import { simClient } from '../bridge/client'
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'

export function TravelBanner() {
  const past = useSim((s) => s.run?.viewingPast ?? false)
  const end = useSim((s) => s.run?.end ?? 0)
  const future = useSim((s) => s.run?.future ?? 0)
  const time = useSim((s) => s.time)
  const replaying = useSim((s) => s.replaying)
  const toast = useSim((s) => s.toast)
  if (replaying)
    return (
      <div role="status" className="border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-[13px] text-sky-900">
        {replaying}
      </div>
    )
  if (!past) return null
  const fail = (e: Error) => toast('error', e.message)
  return (
    <div role="region" aria-label="Time travel" data-testid="travel-banner" className="flex flex-wrap items-center gap-3 border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-[13px] text-sky-900">
      <span>
        You are viewing <strong>{formatSimTime(time)}</strong> of a run that reached {formatSimTime(end)}
        {future > 0 ? ` (${future} later action${future === 1 ? '' : 's'} kept)` : ''}.
      </span>
      <button type="button" className="rounded border border-sky-300 bg-white px-2 py-0.5 hover:bg-sky-100" onClick={() => void simClient.forkRun().catch(fail)}>
        Continue from here
      </button>
      <button type="button" className="rounded border border-sky-300 bg-white px-2 py-0.5 hover:bg-sky-100" onClick={() => void simClient.travelTo(end).catch(fail)}>
        Back to latest
      </button>
    </div>
  )
}
