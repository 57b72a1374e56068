/** Prism's alert list: newest first, filters by severity and resolution, acknowledge per alert. */
import { useMemo, useState } from 'react'
import type { SimAlert } from '../bridge/types'
import { DataTable, type Column } from '../common/DataTable'
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'
import { AcknowledgeButton } from './AcknowledgeButton'
import { SEVERITY_WORD, SeverityBadge } from './SeverityBadge'
import { SeverityFilter, type SeverityChoice } from './SeverityFilter'
import { typeTitle } from './typeTitle'

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const

const COLUMNS: Column<SimAlert>[] = [
  {
    key: 'severity',
    header: 'Severity',
    value: (a) => `${SEVERITY_RANK[a.severity]} ${SEVERITY_WORD[a.severity]}`,
    render: (a) => <SeverityBadge severity={a.severity} />,
  },
  {
    key: 'issue',
    header: 'Issue',
    wrap: true,
    value: (a) => `${typeTitle(a.type)}: ${a.message}`,
    render: (a) => (
      <div className="min-w-[16rem]">
        <div className="font-medium text-slate-900">{typeTitle(a.type)}</div>
        <div className="text-xs text-slate-600">{a.message}</div>
      </div>
    ),
  },
  { key: 'entity', header: 'Entity', value: (a) => a.entity },
  { key: 'created', header: 'Created', value: (a) => a.createdTime, render: (a) => formatSimTime(a.createdTime) },
  {
    key: 'resolved',
    header: 'Resolved',
    value: (a) => a.resolvedTime,
    render: (a) =>
      a.resolvedTime === null ? <span className="font-medium text-red-700">Unresolved</span> : <span className="text-emerald-700">{formatSimTime(a.resolvedTime)}</span>,
  },
  { key: 'acknowledged', header: 'Acknowledged', value: (a) => (a.acknowledged ? 'Yes' : 'No') },
  {
    key: 'actions',
    header: 'Actions',
    value: () => null,
    render: (a) => (a.acknowledged ? <span className="text-xs text-slate-400">—</span> : <AcknowledgeButton alert={a} />),
  },
]

export function AlertsTable() {
  const alerts = useSim((s) => s.alerts)
  const [severity, setSeverity] = useState<SeverityChoice>('all')
  const [unresolvedOnly, setUnresolvedOnly] = useState(false)
  const rows = useMemo(
    () =>
      alerts
        .filter((a) => (severity === 'all' || a.severity === severity) && (!unresolvedOnly || a.resolvedTime === null))
        .sort((a, b) => b.createdTime - a.createdTime || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
    [alerts, severity, unresolvedOnly],
  )
  const toolbar = (
    <>
      <SeverityFilter label="Severity" value={severity} onChange={setSeverity} />
      <label className="flex items-center gap-1 text-xs text-slate-600">
        <input type="checkbox" checked={unresolvedOnly} onChange={(e) => setUnresolvedOnly(e.target.checked)} />
        Unresolved only
      </label>
    </>
  )
  return <DataTable label="Alerts" rows={rows} columns={COLUMNS} rowKey={(a) => a.id} rowTestId={(a) => `alert-row-${a.id}`} exportName="alerts" toolbar={toolbar} />
}
