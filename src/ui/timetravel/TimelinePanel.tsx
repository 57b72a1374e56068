/** The Runs page's timeline card: the scrubber, where we are, and a legend. */
import { Widget } from '../common/Widget'
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'
import { MARK_COLOR, MARK_LABEL } from './markStyle'
import { TimelineScrubber } from './TimelineScrubber'

export function TimelinePanel() {
  const time = useSim((s) => s.time)
  const run = useSim((s) => s.run)
  return (
    <Widget title="Time travel" testId="time-travel">
      <p className="mb-2 text-[13px] text-slate-600">
        Showing <strong data-testid="travel-time">{formatSimTime(time)}</strong> of a run that reached <strong>{formatSimTime(run?.end ?? time)}</strong>
        {run?.viewingPast ? ' — an earlier moment, replayed exactly. Acting or playing from here continues the run from this moment (later actions are dropped).' : ' — the latest moment.'}{' '}
        Drag or click the timeline, or focus it and use ← → (1 %), PageUp/PageDown (previous/next mark), Home/End.
      </p>
      <TimelineScrubber />
      <ul className="mt-1 flex flex-wrap gap-4 text-[12px] text-slate-600" aria-label="Legend">
        {(['critical', 'warning', 'action'] as const).map((k) => (
          <li key={k} className="flex items-center gap-1">
            <span className="inline-block h-3 w-1" style={{ background: MARK_COLOR[k] }} aria-hidden="true" />
            {MARK_LABEL[k]}
          </li>
        ))}
      </ul>
    </Widget>
  )
}
