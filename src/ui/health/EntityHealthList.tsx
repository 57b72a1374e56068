/**
 * Health → middle column: every entity of the chosen type with its health and why, filterable
 * by health state (a count per state), sortable, searchable, exportable (DataTable).
 */
import { useMemo } from 'react'
import { DataTable, type Column } from '../common/DataTable'
import { Widget } from '../common/Widget'
import { formatCount } from '../format'
import { HEALTH_LEVELS, HEALTH_RANK, HEALTH_WORD, type EntityHealth, type HealthLevel, type HealthRow } from './entityHealth'
import type { EntityType } from './entityTypes'
import { HEALTH_DOT, HealthLevelBadge } from './HealthLevelBadge'

function columnsOf(type: EntityType): Column<HealthRow>[] {
  return [
    { key: 'name', header: type.nameHeader, value: (r) => r.name, render: (r) => <span className="font-medium text-slate-900">{r.name}</span> },
    { key: 'health', header: 'Health', value: (r) => HEALTH_WORD[r.level], sort: (r) => HEALTH_RANK[r.level], render: (r) => <HealthLevelBadge level={r.level} /> },
    ...type.columns.map(
      (c): Column<HealthRow> => ({
        key: c.key,
        header: c.header,
        align: c.align,
        value: (r) => r.info[c.key] ?? null,
        render: (r) => {
          const v = r.info[c.key]
          return v === null || v === undefined ? '—' : typeof v === 'number' && c.format ? c.format(v) : String(v)
        },
      }),
    ),
    { key: 'reason', header: 'Details', wrap: true, value: (r) => r.reason },
  ]
}

export function EntityHealthList(props: { type: EntityType; health: EntityHealth; filter: HealthLevel | 'all'; onFilter: (f: HealthLevel | 'all') => void; pageSize?: number }) {
  const { type, health, filter } = props
  const columns = useMemo(() => columnsOf(type), [type])
  const rows = useMemo(() => (filter === 'all' ? health.rows : health.rows.filter((r) => r.level === filter)), [health, filter])
  const total = health.good + health.warning + health.critical
  const chip = (f: HealthLevel | 'all', label: string, count: number) => (
    <button
      key={f}
      type="button"
      aria-pressed={filter === f}
      data-testid={`health-filter-${f}`}
      onClick={() => props.onFilter(f)}
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs ${filter === f ? 'border-sky-700 bg-sky-700 text-white' : 'border-slate-300 bg-white text-slate-700 hover:border-slate-400'}`}
    >
      {f !== 'all' && <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${HEALTH_DOT[f]} ${filter === f ? 'ring-1 ring-white' : ''}`} />}
      {label}
      <span className="font-semibold tabular-nums">{formatCount(count)}</span>
    </button>
  )
  return (
    <Widget title={`${type.name} health`} testId="health-entity-list">
      <DataTable
        key={type.id}
        label={`${type.name} health`}
        rows={rows}
        columns={columns}
        rowKey={(r) => r.key}
        rowTestId={(r) => `health-row-${r.key}`}
        exportName={`health-${type.id}`}
        pageSize={props.pageSize ?? 15}
        toolbar={
          <div role="group" aria-label="Filter by health" className="flex flex-wrap items-center gap-1.5">
            {chip('all', 'All', total)}
            {HEALTH_LEVELS.map((l) => chip(l, HEALTH_WORD[l], health[l]))}
          </div>
        }
      />
    </Widget>
  )
}
