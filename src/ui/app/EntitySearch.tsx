/** Top-bar search (`/`): find a host, disk, block, rack or VM by id or name. */
import { forwardRef, useMemo, useState } from 'react'
import { useSim } from '../store/simStore'
import { navigate, type PageId } from './routes'

interface Hit {
  label: string
  kind: string
  page: PageId
  view: string | null
}

export const EntitySearch = forwardRef<HTMLInputElement>(function EntitySearch(_props, ref) {
  const structure = useSim((s) => s.structure)
  const [q, setQ] = useState('')
  const hits = useMemo<Hit[]>(() => {
    const query = q.trim().toLowerCase()
    if (!structure || query === '') return []
    const out: Hit[] = []
    const add = (label: string, kind: string, page: PageId, view: string | null) => {
      if (out.length < 12 && label.toLowerCase().includes(query)) out.push({ label, kind, page, view })
    }
    structure.nodes.forEach((n) => add(n.id, 'Host', 'hardware', 'table'))
    structure.blocks.forEach((b) => add(b.id, 'Block', 'hardware', 'diagram'))
    structure.racks.forEach((r) => add(r.id, 'Rack', 'hardware', 'diagram'))
    structure.disks.forEach((d) => add(d.id, 'Disk', 'hardware', 'table'))
    structure.vms.forEach((v) => add(v.name, 'VM', 'vms', null))
    return out
  }, [structure, q])
  return (
    <div className="relative">
      <input
        ref={ref}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) {
            navigate(hits[0].page, hits[0].view)
            setQ('')
          }
          if (e.key === 'Escape') setQ('')
        }}
        aria-label="Search entities"
        placeholder="Search ( / )"
        className="w-40 rounded border border-slate-600 bg-slate-800 px-2 py-0.5 text-xs text-white placeholder:text-slate-400"
      />
      {hits.length > 0 && (
        <ul aria-label="Search results" className="absolute right-0 top-full z-50 mt-1 w-64 rounded border border-slate-300 bg-white py-1 text-sm shadow-lg">
          {hits.map((h) => (
            <li key={`${h.kind}-${h.label}`}>
              <button
                type="button"
                className="flex w-full justify-between px-3 py-1 text-left text-slate-800 hover:bg-sky-50"
                onClick={() => {
                  navigate(h.page, h.view)
                  setQ('')
                }}
              >
                <span>{h.label}</span>
                <span className="text-xs text-slate-500">{h.kind}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
})
