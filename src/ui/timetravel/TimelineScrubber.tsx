/**
 * The run's timeline: a d3 scale over [0, end], event marks coloured by severity, and a
 * handle to drag, click or move with the keyboard (←/→ 1 % of the run, PageUp/PageDown
 * to the previous/next mark, Home/End). While dragging, the run travels to the handle's
 * moment and each result is painted (one travel at a time, the latest position next: checkpoints
 * make each a fraction of a replay); letting go travels to the exact moment.
 */
import { scaleLinear } from 'd3'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { simClient } from '../bridge/client'
import { timeTicks } from '../common/timeTicks'
import { formatSimTime } from '../format'
import { useElementWidth } from '../hardware/useElementWidth'
import { useSim } from '../store/simStore'
import { MARK_COLOR, MARK_LABEL } from './markStyle'
import { useRunMarks } from './useRunMarks'

const PAD = 14
const HEIGHT = 56
const TRACK_Y = 30

const SEVERITY_ORDER: Record<string, number> = { action: 0, info: 0, warning: 1, critical: 2 }

export function TimelineScrubber(props: { compact?: boolean }) {
  const time = useSim((s) => s.time)
  const end = useSim((s) => s.run?.end ?? s.time)
  const replaying = useSim((s) => s.replaying)
  const toast = useSim((s) => s.toast)
  const marks = useRunMarks()
  const [box, setBox] = useState<HTMLDivElement | null>(null)
  const width = useElementWidth(box)
  const [pending, setPending] = useState<number | null>(null)
  const dragging = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  /** drag frames: one travel in flight, the latest wanted position next */
  const inFlight = useRef(false)
  const wanted = useRef<number | null>(null)

  const x = useMemo(() => scaleLinear().domain([0, Math.max(end, 1)]).range([PAD, Math.max(PAD + 1, width - PAD)]).clamp(true), [end, width])
  const shown = pending ?? time
  // marks at the same instant overlap: the most severe is drawn last, on top (a failure's critical event over its warnings)
  const drawn = useMemo(() => [...marks].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]), [marks])
  const times = useMemo(() => [...new Set(marks.map((m) => m.time))].sort((a, b) => a - b), [marks])

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  const travel = (t: number) => {
    const target = Math.min(end, Math.max(0, Math.round(t * 1000) / 1000))
    setPending(null)
    if (target === time) return
    simClient.travelTo(target).catch((e: Error) => toast('error', e.message))
  }
  /** a frame while dragging (throttled: the next waits for the one in flight) */
  const travelFrame = (t: number) => {
    wanted.current = Math.min(end, Math.max(0, Math.round(t * 1000) / 1000))
    if (inFlight.current) return
    const next = wanted.current
    wanted.current = null
    inFlight.current = true
    simClient
      .travelTo(next, true)
      .catch((e: Error) => toast('error', e.message))
      .finally(() => {
        inFlight.current = false
        if (dragging.current && wanted.current !== null) travelFrame(wanted.current)
      })
  }
  /** keyboard moves wait a moment, so holding an arrow replays once */
  const travelSoon = (t: number) => {
    setPending(t)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => travel(t), 350)
  }
  const at = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect()
    return x.invert(e.clientX - r.left)
  }

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const stepSize = Math.max(1, end / 100)
    const cur = pending ?? time
    let next: number | null = null
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = cur - stepSize
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = cur + stepSize
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = end
    else if (e.key === 'PageUp') next = [...times].reverse().find((t) => t < cur - 1e-9) ?? 0
    else if (e.key === 'PageDown') next = times.find((t) => t > cur + 1e-9) ?? end
    if (next === null) return
    e.preventDefault()
    travelSoon(Math.min(end, Math.max(0, next)))
  }

  // round clock ticks from T0; a run still at T0 has one tick, not eleven "T+00:00:00"
  const ticks = timeTicks(0, end, Math.max(1, Math.min(props.compact ? 4 : 8, Math.floor(width / 90))))
  return (
    <div ref={setBox} className="w-full" data-testid="timeline">
      <div
        role="slider"
        tabIndex={0}
        aria-label="Run timeline"
        aria-valuemin={0}
        aria-valuemax={end}
        aria-valuenow={shown}
        aria-valuetext={`${formatSimTime(shown)} of ${formatSimTime(end)}`}
        aria-busy={replaying !== null}
        onKeyDown={onKey}
        className="rounded outline-none focus-visible:ring-2 focus-visible:ring-[#1d6fdc]"
      >
        {width > 0 && (
          <svg
            width={width}
            height={HEIGHT}
            className="block cursor-pointer touch-none select-none"
            aria-hidden="true"
            onPointerDown={(e) => {
              dragging.current = true
              e.currentTarget.setPointerCapture(e.pointerId)
              setPending(at(e))
            }}
            onPointerMove={(e) => {
              if (!dragging.current) return
              setPending(at(e))
              travelFrame(at(e))
            }}
            onPointerUp={(e) => {
              if (!dragging.current) return
              dragging.current = false
              wanted.current = null
              travel(at(e))
            }}
          >
            <rect x={PAD} y={TRACK_Y - 3} width={Math.max(0, x(end) - PAD)} height={6} rx={3} fill="#dbe3ec" />
            <rect x={PAD} y={TRACK_Y - 3} width={Math.max(0, x(shown) - PAD)} height={6} rx={3} fill="#9cc3f0" />
            {drawn.map((m, i) => (
              <line
                key={i}
                x1={x(m.time)}
                x2={x(m.time)}
                y1={m.severity === 'action' ? TRACK_Y + 5 : TRACK_Y - 15}
                y2={m.severity === 'action' ? TRACK_Y + 15 : TRACK_Y - 5}
                stroke={MARK_COLOR[m.severity]}
                strokeWidth={2}
              >
                <title>{`${formatSimTime(m.time)} · ${MARK_LABEL[m.severity]}: ${m.text}`}</title>
              </line>
            ))}
            {ticks.map((t, i) => (
              <text key={t} x={x(t)} y={HEIGHT - 2} textAnchor={i === 0 && x(t) < PAD + 30 ? 'start' : x(t) > width - PAD - 30 ? 'end' : 'middle'} fontSize={11} fill="#475569">
                {formatSimTime(t)}
              </text>
            ))}
            <circle cx={x(shown)} cy={TRACK_Y} r={8} fill="#fff" stroke="#1d6fdc" strokeWidth={3} />
          </svg>
        )}
      </div>
    </div>
  )
}
