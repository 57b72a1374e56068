/** A Prism widget's headline number with its caption. */
export function BigStat(props: { value: string; caption: string; testId?: string }) {
  return (
    <div className="flex items-baseline gap-2">
      <span className="text-3xl font-light tabular-nums text-slate-800" data-testid={props.testId}>
        {props.value}
      </span>
      <span className="text-xs uppercase tracking-wide text-slate-500">{props.caption}</span>
    </div>
  )
}
