/**
 * The simulated clock with Play / Pause / Step and the Speed control. Each part reads
 * only its own piece of the store: while playing, the clock changes every frame and
 * only its text re-renders (not the Speed select, whose options React re-checks on
 * every update).
 */
import { pause, play, simClient } from '../bridge/client'
import { formatClock, formatSpeed } from '../format'
import { SPEEDS, useSim } from '../store/simStore'

function SimClock() {
  const time = useSim((s) => s.time)
  return (
    <output data-testid="sim-clock" data-seconds={time} aria-live="off" className="min-w-[76px] rounded bg-slate-900 px-2 py-0.5 font-mono text-sm text-emerald-300">
      {formatClock(time)}
    </output>
  )
}

function PlayPause() {
  const playing = useSim((s) => s.playing)
  return playing ? (
    <button type="button" className="topbar-btn" onClick={() => pause()} title="Pause the simulated clock">
      Pause
    </button>
  ) : (
    <button type="button" className="topbar-btn" onClick={() => play()} title="Run the simulated clock">
      Play
    </button>
  )
}

function StepButton() {
  const next = useSim((s) => s.nextEventTime)
  const toast = useSim((s) => s.toast)
  return (
    <button
      type="button"
      className="topbar-btn"
      disabled={next === null}
      title={next === null ? 'Nothing to step to: only quiet health checks are scheduled (use Play)' : `Jump to the next event at ${formatClock(next)}`}
      onClick={() => simClient.step().catch((e: Error) => toast('error', e.message))}
    >
      Step
    </button>
  )
}

function SpeedSelect() {
  const speed = useSim((s) => s.speed)
  const setSpeed = useSim((s) => s.setSpeed)
  const speeds: number[] = SPEEDS.includes(speed as (typeof SPEEDS)[number]) ? [...SPEEDS] : [...SPEEDS, speed].sort((a, b) => a - b)
  return (
    <label className="flex items-center gap-1 text-xs text-slate-300">
      <span className="hidden 2xl:inline">Speed</span>
      <select
        aria-label="Speed"
        value={speed}
        onChange={(e) => setSpeed(Number(e.target.value))}
        className="rounded border border-slate-600 bg-slate-800 px-1 py-0.5 text-xs text-white"
      >
        {speeds.map((s) => (
          <option key={s} value={s}>
            {formatSpeed(s)}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Reload the running scenario (same input, same seed) at T0. */
export function resetRun(): Promise<void> {
  const structure = useSim.getState().structure
  const last = simClient.lastLoad()
  pause()
  if (last && structure && last.loadId === structure.loadId) return simClient.load(last.scenario, structure.seed)
  if (structure?.scenarioId) return simClient.load(structure.scenarioId, structure.seed)
  return Promise.reject(new Error('this run cannot be reset: load its scenario again from the Scenarios dialog'))
}

function ResetButton() {
  const toast = useSim((s) => s.toast)
  return (
    <button type="button" className="topbar-btn" title="Reload the scenario at T0 (same seed)" onClick={() => resetRun().then(() => toast('done', 'Reset to T0'), (e: Error) => toast('error', e.message))}>
      Reset
    </button>
  )
}

export function ClockControls() {
  return (
    <div className="flex items-center gap-1.5" role="group" aria-label="Simulated clock">
      <span className="hidden text-[11px] uppercase text-slate-400 xl:inline">Sim time</span>
      <SimClock />
      <PlayPause />
      <StepButton />
      <SpeedSelect />
      <ResetButton />
    </div>
  )
}
