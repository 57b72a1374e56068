/** A "Top hosts by …" list: the highest values as labelled bars. */
import { formatPct } from '../format'

export interface TopHostRow {
  id: string
  value: number
  max: number
  text: string
}

/** `share`: print the bar's fraction after the text (off when the text already is a percentage or the bar is relative to the busiest). */
/** `relative`: bars against the busiest host, so no amber/red (that colour means a host nearly full). */
export function TopHosts(props: { label: string; rows: TopHostRow[]; limit?: number; testId?: string; share?: boolean; relative?: boolean }) {
  const shown = [...props.rows].sort((a, b) => b.value / (b.max || 1) - a.value / (a.max || 1) || a.id.localeCompare(b.id, undefined, { numeric: true })).slice(0, props.limit ?? 5)
  return (
    <ul aria-label={props.label} data-testid={props.testId} className="flex flex-col gap-2 text-[13px]">
      {shown.map((r) => {
        const frac = r.max > 0 ? Math.min(1, r.value / r.max) : 0
        return (
          <li key={r.id}>
            <div className="flex justify-between gap-2">
              <span className="font-medium text-slate-800">{r.id}</span>
              <span className="tabular-nums text-slate-600">
                {r.text}
                {props.share !== false && <span className="text-slate-500"> ({formatPct(frac)})</span>}
              </span>
            </div>
            <div className="mt-0.5 h-1.5 rounded bg-slate-200" aria-hidden="true">
              <div className={`h-1.5 rounded ${props.relative ? 'bg-sky-600' : frac >= 0.9 ? 'bg-red-500' : frac >= 0.75 ? 'bg-amber-500' : 'bg-sky-600'}`} style={{ width: `${frac * 100}%` }} />
            </div>
          </li>
        )
      })}
    </ul>
  )
}
