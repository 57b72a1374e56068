/**
 * The cluster's event log, newest first. DataTable pages it, so long logs stay light;
 * the store keeps the latest UI_EVENT_LIMIT events, as the model keeps a bounded history.
 */
import { useMemo, useState } from 'react'
import type { SimEvent } from '../bridge/types'
import { DataTable, type Column } from '../common/DataTable'
import { formatCount, formatSimTime } from '../format'
import { useSim } from '../store/simStore'
import { SEVERITY_WORD, SeverityBadge } from './SeverityBadge'
import { SeverityFilter, type SeverityChoice } from './SeverityFilter'

interface EventRow {
  seq: number
  event: SimEvent
}

const COLUMNS: Column<EventRow>[] = [
  { key: 'time', header: 'Time', value: (r) => r.event.time, render: (r) => <span className="whitespace-nowrap tabular-nums">{formatSimTime(r.event.time)}</span> },
  { key: 'severity', header: 'Severity', value: (r) => SEVERITY_WORD[r.event.severity], render: (r) => <SeverityBadge severity={r.event.severity} /> },
  { key: 'type', header: 'Type', value: (r) => r.event.type },
  { key: 'entity', header: 'Entity', value: (r) => r.event.entity },
  { key: 'message', header: 'Message', wrap: true, value: (r) => r.event.message },
]

export function EventsTable() {
  const events = useSim((s) => s.events)
  const total = useSim((s) => s.eventsTotal)
  const [severity, setSeverity] = useState<SeverityChoice>('all')
  const rows = useMemo(() => {
    const out: EventRow[] = []
    for (let i = events.length - 1; i >= 0; i--) {
      if (severity === 'all' || events[i].severity === severity) out.push({ seq: i, event: events[i] })
    }
    return out
  }, [events, severity])
  return (
    <DataTable
      label="Events"
      rows={rows}
      columns={COLUMNS}
      rowKey={(r) => String(r.seq)}
      exportName="events"
      toolbar={
        <>
          <SeverityFilter label="Severity" value={severity} onChange={setSeverity} />
          {total > events.length && (
            <span className="text-xs text-slate-500" data-testid="events-kept">
              The latest {formatCount(events.length)} of {formatCount(total)} events are kept
            </span>
          )}
        </>
      }
    />
  )
}
