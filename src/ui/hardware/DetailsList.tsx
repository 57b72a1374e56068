/** Prism's "details" block: label / value rows. */
import type { ReactNode } from 'react'

export interface DetailRow {
  label: string
  value: ReactNode
}

export function DetailsList(props: { rows: DetailRow[]; testId?: string }) {
  return (
    <dl data-testid={props.testId} className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 text-[13px]">
      {props.rows.map((r) => (
        <div key={r.label} className="contents">
          <dt className="border-b border-slate-100 py-1 text-slate-500">{r.label}</dt>
          <dd className="border-b border-slate-100 py-1 font-medium text-slate-800" data-field={r.label}>
            {r.value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
