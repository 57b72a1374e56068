/** Prism's coloured severity label: critical red, warning amber, info blue. */
import type { Severity } from '../bridge/types'

const STYLE: Record<Severity, string> = {
  critical: 'bg-red-600 text-white',
  warning: 'bg-amber-400 text-slate-900',
  info: 'bg-sky-700 text-white',
}

export const SEVERITY_WORD: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' }

export function SeverityBadge(props: { severity: Severity }) {
  return (
    <span data-severity={props.severity} className={`inline-block min-w-[4.5rem] rounded-sm px-1.5 py-px text-center text-[11px] font-semibold uppercase tracking-wide ${STYLE[props.severity]}`}>
      {SEVERITY_WORD[props.severity]}
    </span>
  )
}
