/** Prism's Alerts page: the alert list and the event log, as tabs (#/alerts, #/alerts/events). */
import type { KeyboardEvent } from 'react'
import { AlertCounts } from '../alerts/AlertCounts'
import { AlertsTable } from '../alerts/AlertsTable'
import { EventsTable } from '../alerts/EventsTable'
import { navigate } from '../app/routes'

const TABS = [
  { view: null, id: 'alerts', name: 'Alerts' },
  { view: 'events', id: 'events', name: 'Events' },
] as const

export function AlertsPage(props: { view: string | null }) {
  const current = props.view === 'events' ? 'events' : 'alerts'
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    e.preventDefault()
    const j = (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length
    navigate('alerts', TABS[j].view)
    const next = e.currentTarget.parentElement?.children[j]
    if (next instanceof HTMLElement) next.focus()
  }
  return (
    <div className="flex flex-col gap-3">
      <section aria-label="Alert summary" className="flex items-center justify-between rounded border border-slate-200 bg-white px-4 py-3 shadow-sm">
        <h2 className="text-base font-semibold text-slate-800">Alerts</h2>
        <AlertCounts />
      </section>
      <div className="rounded border border-slate-200 bg-white shadow-sm">
        <div role="tablist" aria-label="Alerts views" className="flex border-b border-slate-200 px-2">
          {TABS.map((t, i) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`alerts-tab-${t.id}`}
              aria-controls={`alerts-panel-${t.id}`}
              aria-selected={current === t.id}
              tabIndex={current === t.id ? 0 : -1}
              className="tab"
              onClick={() => navigate('alerts', t.view)}
              onKeyDown={(e) => onKey(e, i)}
            >
              {t.name}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`alerts-panel-${current}`} aria-labelledby={`alerts-tab-${current}`} className="p-3">
          {current === 'alerts' ? <AlertsTable /> : <EventsTable />}
        </div>
      </div>
    </div>
  )
}
