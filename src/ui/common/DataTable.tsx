/**
 * Prism-style table: sortable columns, a search box, pages of rows, CSV/JSON export.
 * Only one page of rows is ever in the DOM, so 10,000 VMs stay light.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { toCsv } from './csv'

export interface Column<T> {
  key: string
  header: string
  /** the sortable / searchable / exported value */
  value: (row: T) => string | number | null
  /** what the column sorts by, when not its value (e.g. a severity's rank) */
  sort?: (row: T) => string | number | null
  render?: (row: T) => ReactNode
  align?: 'left' | 'right'
  /** free text that may wrap (messages); other cells stay on one line */
  wrap?: boolean
}

export function DataTable<T>(props: {
  label: string
  rows: readonly T[]
  columns: Column<T>[]
  rowKey: (row: T) => string
  pageSize?: number
  onActivate?: (row: T) => void
  selectedKey?: string | null
  rowTestId?: (row: T) => string
  exportName?: string
  toolbar?: ReactNode
}) {
  const { rows, columns } = props
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null)
  const [page, setPage] = useState(0)
  const pageSize = props.pageSize ?? 25

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase()
    // no copy of the rows unless they are filtered or sorted: VM rows are rebuilt on every VM delta
    let out: readonly T[] = q === '' ? rows : rows.filter((r) => columns.some((c) => String(c.value(r) ?? '').toLowerCase().includes(q)))
    if (sort) {
      const col = columns.find((c) => c.key === sort.key)
      if (col) {
        out = [...out].sort((a, b) => {
          const key = col.sort ?? col.value
          const x = key(a)
          const y = key(b)
          if (x === y) return 0
          if (x === null) return 1
          if (y === null) return -1
          return (x < y ? -1 : 1) * sort.dir
        })
      }
    }
    return out
  }, [rows, columns, query, sort])

  const pages = Math.max(1, Math.ceil(filtered.length / pageSize))
  const current = Math.min(page, pages - 1)
  const visible = filtered.slice(current * pageSize, current * pageSize + pageSize)

  const download = (kind: 'csv' | 'json') => {
    const name = `${props.exportName ?? props.label.toLowerCase().replace(/\s+/g, '-')}.${kind}`
    let text: string
    if (kind === 'json') {
      text = JSON.stringify(filtered.map((r) => Object.fromEntries(columns.map((c) => [c.header, c.value(r)]))), null, 2)
    } else {
      text = toCsv(
        columns.map((c) => c.header),
        filtered.map((r) => columns.map((c) => c.value(r))),
      )
    }
    const url = URL.createObjectURL(new Blob([text], { type: kind === 'json' ? 'application/json' : 'text/csv' }))
    const a = document.createElement('a')
    a.href = url
    a.download = name
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {props.toolbar}
        <span className="text-xs text-slate-500">
          {filtered.length === rows.length ? `${rows.length} ${rows.length === 1 ? 'item' : 'items'}` : `${filtered.length} of ${rows.length} ${rows.length === 1 ? 'item' : 'items'}`}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <button type="button" className="btn-secondary" onClick={() => download('csv')}>
            Export CSV
          </button>
          <button type="button" className="btn-secondary" onClick={() => download('json')}>
            Export JSON
          </button>
          <input
            type="search"
            aria-label={`Search ${props.label}`}
            placeholder="Search in table"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value)
              setPage(0)
            }}
            className="w-48 rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </div>
      </div>
      <div className="overflow-x-auto rounded border border-slate-200">
        <table className="w-full border-collapse text-left text-[13px]" aria-label={props.label}>
          <thead className="bg-slate-50 text-xs uppercase text-slate-600">
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (sort!.dir === 1 ? 'ascending' : 'descending') : 'none'}
                    className={`border-b border-slate-200 px-2 py-1.5 font-semibold ${c.align === 'right' ? 'text-right' : ''}`}
                  >
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                      onClick={() => setSort(active ? { key: c.key, dir: sort!.dir === 1 ? -1 : 1 } : { key: c.key, dir: 1 })}
                    >
                      {c.header}
                      <span aria-hidden="true" className="text-[10px]">{active ? (sort!.dir === 1 ? '▲' : '▼') : ''}</span>
                    </button>
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => {
              const key = props.rowKey(r)
              const selected = props.selectedKey === key
              return (
                <tr
                  key={key}
                  data-testid={props.rowTestId?.(r)}
                  aria-selected={props.onActivate ? selected : undefined}
                  className={`border-b border-slate-100 ${selected ? 'bg-sky-50' : 'hover:bg-slate-50'} ${props.onActivate ? 'cursor-pointer' : ''}`}
                  onClick={props.onActivate ? () => props.onActivate!(r) : undefined}
                >
                  {columns.map((c, i) => (
                    <td key={c.key} className={`px-2 py-1.5 ${c.wrap ? '' : 'whitespace-nowrap'} ${c.align === 'right' ? 'text-right tabular-nums' : ''}`}>
                      {i === 0 && props.onActivate ? (
                        <button type="button" className="text-left font-medium text-sky-700 hover:underline" onClick={(e) => { e.stopPropagation(); props.onActivate!(r) }}>
                          {c.render ? c.render(r) : String(c.value(r) ?? '')}
                        </button>
                      ) : c.render ? (
                        c.render(r)
                      ) : (
                        String(c.value(r) ?? '—')
                      )}
                    </td>
                  ))}
                </tr>
              )
            })}
            {visible.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-2 py-6 text-center text-slate-500">
                  No entities found
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label={`${props.label} pages`} className="flex items-center justify-end gap-2 text-xs text-slate-600">
          <button type="button" className="btn-secondary" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous page
          </button>
          <span>
            Page {current + 1} of {pages}
          </span>
          <button type="button" className="btn-secondary" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next page
          </button>
        </nav>
      )}
    </div>
  )
}
