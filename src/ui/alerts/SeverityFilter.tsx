/** A select that narrows a table to one severity. */
import type { Severity } from '../bridge/types'

export type SeverityChoice = 'all' | Severity

export function SeverityFilter(props: { label: string; value: SeverityChoice; onChange: (v: SeverityChoice) => void }) {
  return (
    <label className="flex items-center gap-1 text-xs text-slate-600">
      {props.label}
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as SeverityChoice)}
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-800"
      >
        <option value="all">All</option>
        <option value="critical">Critical</option>
        <option value="warning">Warning</option>
        <option value="info">Info</option>
      </select>
    </label>
  )
}
