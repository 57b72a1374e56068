/**
 * The failure-detection timeline of an HA incident (T0 / T20 / T60 / T120, seed 003):
 * a track with each step where it happened, the live position while it runs, and a
 * Replay that sweeps the recorded timeline again.
 */
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'
import { timelineSteps } from './timelineSteps'
import type { HaIncident } from './useHa'
import { REPLAY_SECONDS, useReplay } from './useReplay'

const STATE_WORD: Record<HaIncident['state'], string> = {
  detecting: 'Detecting',
  fencing: 'Waiting for the I/O fence',
  restarting: 'Waiting to restart VMs',
  done: 'VMs restarted',
  cancelled: 'Cancelled: host reachable again',
  'waiting-for-leader': 'Waiting for an Acropolis leader',
}

export function HaTimeline(props: { incident: HaIncident }) {
  const i = props.incident
  const now = useSim((s) => s.time)
  const replay = useReplay()
  const steps = timelineSteps(i)
  const live = i.state === 'done' || i.state === 'cancelled' ? null : Math.min(REPLAY_SECONDS, now - i.t0)
  const cursor = replay.cursor ?? live
  const pos = (offset: number) => `${(offset / REPLAY_SECONDS) * 100}%`
  const reached = (at: number | null) => (replay.cursor !== null ? at !== null && at - i.t0 <= replay.cursor : at !== null)
  return (
    <div className="flex flex-col gap-3" data-testid="ha-timeline" data-host={i.host} data-state={i.state}>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-semibold text-slate-800">
          {i.kind === 'partition' ? 'Network partition' : i.leaderFailure ? 'Acropolis leader host failure' : 'Host failure'}: {i.host}
        </span>
        <span className="text-slate-500">T0 = {formatSimTime(i.t0)}</span>
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${i.state === 'done' ? 'bg-emerald-100 text-emerald-800' : i.state === 'cancelled' ? 'bg-slate-100 text-slate-700' : 'bg-amber-100 text-amber-800'}`} data-testid="ha-incident-state">
          {STATE_WORD[i.state]}
        </span>
        {live !== null && <span className="text-xs text-slate-600" data-testid="ha-timeline-now">now T{Math.floor(live)}</span>}
        <button type="button" className="btn-secondary ml-auto" onClick={replay.cursor === null ? replay.start : replay.stop}>
          {replay.cursor === null ? 'Replay' : 'Stop replay'}
        </button>
      </div>
      <div className="relative mx-4 h-10" aria-hidden="true">
        <div className="absolute inset-x-0 top-4 h-1 rounded bg-slate-200" />
        {cursor !== null && <div className="absolute top-4 h-1 rounded bg-blue-500" style={{ left: 0, width: pos(Math.max(0, cursor)) }} data-testid="ha-timeline-cursor" />}
        {steps.map((s) => (
          <div key={s.key} className="absolute top-0 -translate-x-1/2 text-center" style={{ left: pos(s.offset) }}>
            <div className={`mx-auto h-3 w-3 translate-y-3 rounded-full border-2 ${reached(s.at) ? 'border-blue-600 bg-blue-600' : 'border-slate-400 bg-white'}`} />
            <div className="mt-4 text-[11px] font-semibold text-slate-700">{s.key}</div>
          </div>
        ))}
      </div>
      <ol className="mt-2 flex flex-col gap-1 text-sm">
        {steps.map((s) => (
          <li key={s.key} className="flex items-baseline gap-3" data-testid={`ha-step-${s.key}`} data-done={s.at !== null} data-time={s.at ?? ''}>
            <span className={`w-12 shrink-0 font-mono text-xs font-semibold ${reached(s.at) ? 'text-blue-800' : 'text-slate-500'}`}>{s.key}</span>
            <span className="flex-1 text-slate-700">{s.title}</span>
            <span className="shrink-0 text-xs tabular-nums text-slate-500">{s.at !== null ? formatSimTime(s.at) : i.state === 'cancelled' ? 'not needed' : 'pending'}</span>
          </li>
        ))}
      </ol>
    </div>
  )
}
