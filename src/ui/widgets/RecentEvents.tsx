import { navigate } from '../app/routes'
import { Widget } from '../common/Widget'
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'

const DOT = { critical: 'bg-red-500', warning: 'bg-amber-400', info: 'bg-sky-500' } as const

export function RecentEvents() {
  const events = useSim((s) => s.events)
  const recent = events.slice(-6).reverse()
  return (
    <Widget title="Events">
      <ul className="flex flex-col gap-1 text-xs" aria-label="Recent events">
        {recent.map((e, i) => (
          <li key={`${events.length - i}`} className="flex items-start gap-2">
            <span aria-hidden="true" className={`mt-1 h-2 w-2 shrink-0 rounded-full ${DOT[e.severity]}`} />
            <span className="shrink-0 font-mono text-slate-500">{formatSimTime(e.time)}</span>
            <span className="text-slate-700">{e.message}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="mt-2 text-xs font-medium text-sky-700 hover:underline" onClick={() => navigate('alerts', 'events')}>
        View all {events.length} events
      </button>
    </Widget>
  )
}
