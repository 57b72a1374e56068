/** Prism's VM page: Overview and Table (#/vms, #/vms/table); a selected VM shows its details. */
import { useMemo, useState, type KeyboardEvent } from 'react'
import { navigate } from '../app/routes'
import { useHotkeys } from '../app/useHotkeys'
import { useMediaQuery } from '../common/useMediaQuery'
import { VmDetails } from '../vms/VmDetails'
import { VmOverview } from '../vms/VmOverview'
import { useVmRows } from '../vms/vmRows'
import { VmTable } from '../vms/VmTable'

const TABS = [
  { view: null, id: 'overview', name: 'Overview' },
  { view: 'table', id: 'table', name: 'Table' },
] as const

export function VmsPage(props: { view: string | null }) {
  const current = props.view === 'table' ? 'table' : 'overview'
  const rows = useVmRows()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = useMemo(() => (selectedId === null ? null : (rows.find((r) => r.id === selectedId) ?? null)), [rows, selectedId])
  const keys = useMemo(() => ({ o: () => navigate('vms', null), t: () => navigate('vms', 'table') }), [])
  // every column fits beside the details from about 1800 px (1920×1080); narrower, the table drops the ones the details repeat
  const wide = useMediaQuery('(min-width: 1800px)')
  useHotkeys(keys)
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    e.preventDefault()
    const j = (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length
    navigate('vms', TABS[j].view)
    const next = e.currentTarget.parentElement?.children[j]
    if (next instanceof HTMLElement) next.focus()
  }
  const open = (id: string) => {
    setSelectedId(id)
    navigate('vms', 'table')
  }
  return (
    <div className="flex flex-col gap-3">
      <div role="tablist" aria-label="VM views" className="flex rounded border border-slate-200 bg-white px-2 shadow-sm">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`vms-tab-${t.id}`}
            aria-controls={`vms-panel-${t.id}`}
            aria-selected={current === t.id}
            tabIndex={current === t.id ? 0 : -1}
            className="tab"
            onClick={() => navigate('vms', t.view)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.name}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`vms-panel-${current}`} aria-labelledby={`vms-tab-${current}`} className="flex flex-col gap-3">
        {current === 'overview' ? (
          <VmOverview rows={rows} onOpen={open} />
        ) : (
          // the details sit next to the table (a side panel that stays in view), as in Prism
          <div className={`grid items-start gap-3 ${selected ? 'grid-cols-[minmax(0,1fr)_minmax(22rem,30rem)]' : 'grid-cols-1'}`}>
            <div className="min-w-0 rounded border border-slate-200 bg-white p-3 shadow-sm">
              {!selected && <p className="mb-2 text-sm text-slate-600">Select a VM to see its details and actions.</p>}
              {selected && !wide && <p className="mb-2 text-xs text-slate-600">Fewer columns while the details are open: close them to see every column.</p>}
              <VmTable rows={rows} selectedId={selectedId} onSelect={setSelectedId} compact={selected !== null && !wide} />
            </div>
            {selected && (
              <div className="sticky top-2 max-h-[calc(100vh-4rem)] overflow-auto">
                <VmDetails row={selected} onClose={() => setSelectedId(null)} />
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  )
}
