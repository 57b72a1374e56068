/** A task's progress (0..1) as an accessible bar with its percentage. */
export function ProgressBar(props: { progress: number; label: string; state: 'running' | 'succeeded' | 'failed' }) {
  const pct = Math.round(Math.max(0, Math.min(1, props.progress)) * 100)
  const fill = props.state === 'failed' ? 'bg-red-500' : props.state === 'succeeded' ? 'bg-emerald-500' : 'bg-sky-600'
  return (
    <div className="flex min-w-[9rem] items-center gap-2">
      <div
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full ${fill}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="w-9 text-right text-xs tabular-nums text-slate-600">{pct}%</span>
    </div>
  )
}
