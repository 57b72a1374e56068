/** The Health page's failed checks: every unresolved alert, most severe and newest first. */
import { useMemo } from 'react'
import { SEVERITY_WORD, SeverityBadge } from '../alerts/SeverityBadge'
import { typeTitle } from '../alerts/typeTitle'
import type { SimAlert } from '../bridge/types'
import { DataTable, type Column } from '../common/DataTable'
import { Widget } from '../common/Widget'
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'

const RANK = { critical: 0, warning: 1, info: 2 } as const

const COLUMNS: Column<SimAlert>[] = [
  { key: 'severity', header: 'Severity', value: (a) => `${RANK[a.severity]} ${SEVERITY_WORD[a.severity]}`, render: (a) => <SeverityBadge severity={a.severity} /> },
  { key: 'check', header: 'Check', value: (a) => typeTitle(a.type), render: (a) => <span className="font-medium text-slate-900">{typeTitle(a.type)}</span> },
  { key: 'entity', header: 'Entity', value: (a) => a.entity },
  { key: 'message', header: 'Details', wrap: true, value: (a) => a.message },
  { key: 'since', header: 'Failing since', value: (a) => a.createdTime, render: (a) => formatSimTime(a.createdTime) },
]

export function FailedChecks() {
  const alerts = useSim((s) => s.alerts)
  const failed = useMemo(
    () => alerts.filter((a) => a.resolvedTime === null).sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.createdTime - a.createdTime),
    [alerts],
  )
  return (
    <Widget title="Failed Checks" testId="failed-checks">
      {failed.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-emerald-700">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full bg-emerald-500" />
          All checks passed: no unresolved alerts.
        </p>
      ) : (
        <DataTable label="Failed checks" rows={failed} columns={COLUMNS} rowKey={(a) => a.id} exportName="failed-checks" pageSize={10} />
      )}
    </Widget>
  )
}
