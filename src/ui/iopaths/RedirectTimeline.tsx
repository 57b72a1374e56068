/**
 * The timeline of redirects: each batch (a NOP-OUT round's failovers, a failback) as a bar
 * on the simulated clock, the pending failbacks ahead of "now", and the latest batches listed.
 */
import { scaleLinear } from 'd3'
import { useMemo, useState } from 'react'
import { tickLabel, tickStep, timeTicks } from '../common/timeTicks'
import { Widget } from '../common/Widget'
import { formatCount, formatDuration, formatSimTime } from '../format'
import { useElementWidth } from '../hardware/useElementWidth'
import { useSim } from '../store/simStore'
import { redirectBatches, type RedirectBatch } from './redirectBatches'

const COLOR: Record<RedirectBatch['reason'], string> = { failover: '#d97706', failback: '#16a34a', login: '#0284c7' }
const WORD: Record<RedirectBatch['reason'], string> = { failover: 'failover', failback: 'failback', login: 'login' }
// drawn at its real pixel width (no viewBox scaling), so the labels are 11 px at any width
const H = 76
const M = { left: 24, right: 30, top: 10, bottom: 20 }
const FONT = 11

export function RedirectTimeline(props: { hostFilter: number | null }) {
  const [box, setBox] = useState<HTMLElement | null>(null)
  const W = Math.max(240, useElementWidth(box))
  const io = useSim((s) => s.io)
  const time = useSim((s) => s.time)
  const structure = useSim((s) => s.structure)!
  const hostId = props.hostFilter === null ? null : structure.nodes[props.hostFilter].id
  const batches = useMemo(() => redirectBatches((io?.redirects ?? []).filter((r) => hostId === null || r.host === hostId)), [io, hostId])
  const failbacks = (io?.failbacks ?? []).filter((f) => props.hostFilter === null || f.host === props.hostFilter)
  const lastFailback = failbacks.reduce((m, f) => Math.max(m, f.at), time)
  const start = Math.max(0, Math.min(batches[0]?.time ?? time, time - 600), lastFailback - 7200)
  const end = Math.max(lastFailback + 30, time + 30, start + 600)
  const x = scaleLinear().domain([start, end]).range([M.left, W - M.right])
  const ticks = timeTicks(start, end, Math.max(2, Math.floor((W - M.left - M.right) / 80)))
  const step = tickStep(ticks)
  const maxCount = batches.reduce((m, b) => Math.max(m, b.count), 1)
  const recent = batches.slice(-8).reverse()
  return (
    <Widget title="Redirect timeline" testId="redirect-timeline">
      <div ref={setBox} className="w-full">
      <svg width={W} height={H} className="block" role="img" aria-label={`${batches.length} redirect batches; ${failbacks.length} failbacks pending`}>
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#cbd5e1" />
        {ticks.map((t) => (
          <text key={t} x={x(t)} y={H - 5} fontSize={FONT} textAnchor={x(t) > W - M.right - 24 ? 'end' : x(t) < M.left + 24 ? 'start' : 'middle'} fill="#475569">
            {tickLabel(t, step, end)}
          </text>
        ))}
        {batches.filter((b) => b.time >= start).map((b) => {
          const h = 6 + ((H - M.top - M.bottom - 6) * Math.log1p(b.count)) / Math.log1p(maxCount)
          return (
            <rect key={b.key} x={x(b.time) - 2} y={H - M.bottom - h} width={4} height={h} fill={COLOR[b.reason]} rx={1}>
              <title>{`${formatSimTime(b.time)} ${b.host}: ${b.count} ${WORD[b.reason]} redirect${b.count === 1 ? '' : 's'}`}</title>
            </rect>
          )
        })}
        {failbacks.map((f) => (
          <g key={f.host}>
            <line x1={x(f.at)} x2={x(f.at)} y1={M.top} y2={H - M.bottom} stroke={COLOR.failback} strokeDasharray="3 3" />
            <title>{`${structure.nodes[f.host].id} fails back at ${formatSimTime(f.at)}`}</title>
          </g>
        ))}
        <line x1={x(time)} x2={x(time)} y1={M.top - 4} y2={H - M.bottom} stroke="#0f172a" strokeWidth={1.5} />
        <text x={x(time) + 3} y={M.top + 2} fontSize={FONT} fill="#0f172a">now</text>
      </svg>
      </div>
      <div className="mt-1 flex flex-wrap gap-3 text-xs text-slate-600" aria-hidden="true">
        {(['failover', 'failback', 'login'] as const).map((r) => (
          <span key={r} className="flex items-center gap-1"><span className="inline-block h-2.5 w-1 rounded-sm" style={{ background: COLOR[r] }} />{WORD[r]}</span>
        ))}
        <span className="flex items-center gap-1"><span className="inline-block h-2.5 w-0 border-l border-dashed border-emerald-600" />failback due</span>
      </div>
      {failbacks.length > 0 && (
        <ul className="mt-2 flex flex-col gap-0.5 text-xs text-emerald-800" data-testid="failbacks-pending">
          {failbacks.map((f) => (
            <li key={f.host}>
              {structure.nodes[f.host].id}: local Stargate healthy, failback at {formatSimTime(f.at)} (in {formatDuration(Math.max(0, f.at - time))})
            </li>
          ))}
        </ul>
      )}
      <ol className="mt-2 flex flex-col gap-1 text-xs" aria-label="Latest redirects">
        {recent.length === 0 && <li className="text-slate-500">No redirect yet: every vDisk is on its local Stargate.</li>}
        {recent.map((b) => (
          <li key={b.key} className="flex flex-wrap gap-x-2" data-testid="redirect-batch" data-reason={b.reason} data-host={b.host}>
            <span className="tabular-nums text-slate-500">{formatSimTime(b.time)}</span>
            <span className="font-medium" style={{ color: COLOR[b.reason] }}>{WORD[b.reason]}</span>
            <span className="text-slate-700">
              {b.host}: {b.count} vDisk{b.count === 1 ? '' : 's'}{b.from.length > 0 ? ` from ${b.from.join(', ')}` : ''} → {b.targets.slice(0, 5).map(([t, c]) => `${t} (${c})`).join(', ')}{b.targets.length > 5 ? ` +${b.targets.length - 5} more` : ''}
            </span>
          </li>
        ))}
      </ol>
      {io && io.redirectTotal > (io.redirects.length ?? 0) && <p className="mt-1 text-[11px] text-slate-500">{formatCount(io.redirectTotal)} redirects since load; the latest {io.redirects.length} are kept.</p>}
    </Widget>
  )
}
