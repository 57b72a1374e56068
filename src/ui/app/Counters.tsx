/** Top-bar Alerts bell (unresolved alerts) and Tasks icon (running tasks). */
import { useSim } from '../store/simStore'
import { navigate } from './routes'

export function AlertsCounter() {
  const count = useSim((s) => s.alerts.reduce((n, a) => n + (a.resolvedTime === null ? 1 : 0), 0))
  const critical = useSim((s) => s.alerts.some((a) => a.resolvedTime === null && a.severity === 'critical'))
  return (
    <button type="button" className="topbar-btn flex items-center gap-1" aria-label={`Alerts: ${count} unresolved`} data-testid="alerts-counter" onClick={() => navigate('alerts')}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current"><path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.4A1 1 0 0 0 4.2 15h11.6a1 1 0 0 0 .9-1.6L15 10.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 10 18Z" /></svg>
      <span className={`min-w-[1.25rem] rounded-full px-1 text-center text-xs font-semibold ${count === 0 ? 'bg-slate-600' : critical ? 'bg-red-600' : 'bg-amber-500 text-slate-900'}`}>{count}</span>
    </button>
  )
}

export function TasksCounter() {
  const running = useSim((s) => s.tasks.filter((t) => t.state === 'running').length)
  return (
    <button type="button" className="topbar-btn flex items-center gap-1" aria-label={`Tasks: ${running} running`} data-testid="tasks-counter" onClick={() => navigate('tasks')}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current"><path d="M4 3h12v2H4zm0 6h12v2H4zm0 6h8v2H4z" /></svg>
      <span className={`min-w-[1.25rem] rounded-full px-1 text-center text-xs font-semibold ${running ? 'bg-sky-600' : 'bg-slate-600'}`}>{running}</span>
    </button>
  )
}
