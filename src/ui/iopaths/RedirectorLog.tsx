/** The tail of a host's /var/log/iscsi_redirector, as the model writes it (NOP-OUT portal checks and redirects). */
import { useEffect, useRef, useState } from 'react'
import { simClient } from '../bridge/client'
import { Widget } from '../common/Widget'
import { useSim } from '../store/simStore'

const LINES = 40
/** the fastest the log is re-read from the worker while the clock runs (wall ms) */
const REFRESH_MS = 250

/** The host whose log is most telling when none is chosen: a failback pending, else a local Stargate down, else the first. */
function useTellingHost(): number {
  return useSim((s) => {
    const f = s.io?.failbacks[0]
    if (f) return f.host
    const st = s.state
    if (st) for (let h = 0; h < st.hostState.length; h++) if (st.hostState[h] !== 1 && st.cvmState[h] === 1) return h
    return 0
  })
}

export function RedirectorLog(props: { host: number | null }) {
  const structure = useSim((s) => s.structure)!
  const telling = useTellingHost()
  const [chosen, setChosen] = useState<number | null>(null)
  const host = props.host ?? chosen ?? telling
  const pre = useRef<HTMLPreElement>(null)
  const logVersion = useSim((s) => s.io?.logVersion ?? 0)
  const round = useSim((s) => (s.structure ? Math.floor(s.time / s.structure.ioPath.healthCheckSeconds) : 0))
  const hostId = structure.nodes[host]?.id ?? structure.nodes[0].id
  const [lines, setLines] = useState<string[] | null>(null)
  const playing = useSim((s) => s.playing)
  const lastFetch = useRef(-Infinity)
  const shownHost = useRef<string | null>(null)
  const request = useRef(0)
  useEffect(() => {
    const fetchLog = () => {
      const mine = ++request.current
      lastFetch.current = performance.now()
      shownHost.current = hostId
      // only the latest request's answer is shown (an older one may come back later)
      simClient.redirectorLog(hostId, LINES).then(
        (l) => mine === request.current && setLines(l),
        () => mine === request.current && setLines(null),
      )
    }
    // while the clock runs at 3,600× a health-check round passes every frame: ask the worker
    // at most every REFRESH_MS then (the last change is always fetched); paused, a new host
    // or a drill's step, at once
    const wait = playing && shownHost.current === hostId ? lastFetch.current + REFRESH_MS - performance.now() : 0
    if (wait <= 0) {
      fetchLog()
      return
    }
    const timer = setTimeout(fetchLog, wait)
    return () => clearTimeout(timer)
  }, [hostId, logVersion, round, playing])
  useEffect(() => {
    if (pre.current) pre.current.scrollTop = pre.current.scrollHeight // follow the tail
  }, [lines])
  return (
    <Widget
      title={`iscsi_redirector log — ${hostId}`}
      testId="redirector-log"
      actions={
        props.host === null && (
          <select value={chosen ?? 'auto'} onChange={(e) => setChosen(e.target.value === 'auto' ? null : Number(e.target.value))} className="rounded border border-slate-300 px-1 py-0.5 text-xs" aria-label="Redirector log of host">
            <option value="auto">Most telling host</option>
            {structure.nodes.map((n, i) => (useSim.getState().state?.removal?.[i] ?? 0) === 2 ? null : (
              <option key={n.id} value={i}>{n.id}</option>
            ))}
          </select>
        )
      }
    >
      <pre
        ref={pre}
        className="max-h-72 overflow-auto rounded bg-slate-900 p-2 font-mono text-[11px] leading-4 text-slate-100"
        tabIndex={0}
        aria-label={`Last ${LINES} lines of /var/log/iscsi_redirector on ${hostId}`}
      >
        {(lines ?? []).map((l, i) => (
          <div key={`${i}-${l}`} className={l.includes(' - WARNING - ') ? 'text-amber-300' : l.includes('Redirecting') ? 'text-sky-300' : undefined}>
            {l}
          </div>
        ))}
        {lines !== null && lines.length === 0 && <div className="text-slate-400">The redirector is not running (host down).</div>}
      </pre>
    </Widget>
  )
}
