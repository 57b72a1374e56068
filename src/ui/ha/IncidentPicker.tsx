/** Choose which HA incident the timeline shows (the last one by default). */
import type { HaIncident } from './useHa'
import { formatSimTime } from '../format'

export function IncidentPicker(props: { incidents: HaIncident[]; selected: number; onSelect: (id: number) => void }) {
  if (props.incidents.length < 2) return null
  return (
    <label className="flex items-center gap-2 text-xs text-slate-600">
      Failure
      <select className="rounded border border-slate-300 px-1 py-0.5 text-xs" value={props.selected} onChange={(e) => props.onSelect(Number(e.target.value))}>
        {props.incidents.map((i) => (
          <option key={i.id} value={i.id}>
            {formatSimTime(i.t0)} · {i.kind} · {i.host}
          </option>
        ))}
      </select>
    </label>
  )
}
