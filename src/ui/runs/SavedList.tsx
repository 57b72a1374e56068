/** Saved runs or scenarios: name, when saved, Open and Delete (asks first). */
import { useState, type ReactNode } from 'react'
import { deleteItem, useSaved, type SavedItem, type SavedKind } from './savedStore'

export function SavedList(props: { kind: SavedKind; openLabel: string; onOpen: (item: SavedItem) => void; detail?: (item: SavedItem) => ReactNode; onError: (m: string) => void }) {
  const { items, unreadable, problem } = useSaved(props.kind)
  const [confirm, setConfirm] = useState<string | null>(null)
  const remove = (id: string) => {
    try {
      deleteItem(props.kind, id)
    } catch (e) {
      props.onError((e as Error).message)
    }
    setConfirm(null)
  }
  return (
    <div data-testid={`saved-${props.kind}`}>
      {problem && (
        <p role="alert" className="mb-2 rounded border border-amber-300 bg-amber-50 p-2 text-[13px] text-amber-900">
          {problem}
        </p>
      )}
      {unreadable.length > 0 && (
        <ul role="alert" data-testid={`unreadable-${props.kind}`} className="mb-2 rounded border border-amber-300 bg-amber-50 p-2 text-[13px] text-amber-900">
          {unreadable.map((u) => (
            <li key={u.id} className="flex items-center gap-2">
              <span className="flex-1">
                “{u.label}” is unreadable ({u.problem}); it is kept as it is.
              </span>
              {confirm === u.id ? (
                <button type="button" className="btn-danger" onClick={() => remove(u.id)}>
                  Confirm delete
                </button>
              ) : (
                <button type="button" className="btn-secondary" aria-label={`Delete unreadable ${u.label}`} onClick={() => setConfirm(u.id)}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {items.length === 0 ? (
        <p className="text-[13px] text-slate-500">Nothing saved in this browser yet.</p>
      ) : (
        <table className="w-full text-[13px]">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-500">
              <th className="py-1 font-medium">Name</th>
              <th className="py-1 font-medium">Saved</th>
              {props.detail && <th className="py-1 font-medium">Content</th>}
              <th className="py-1 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((it) => (
              <tr key={it.id} className="border-b border-slate-100">
                <td className="py-1 font-medium">{it.name}</td>
                <td className="py-1 text-slate-600">{it.savedAt.replace('T', ' ').slice(0, 16)}</td>
                {props.detail && <td className="py-1 text-slate-600">{props.detail(it)}</td>}
                <td className="py-1 text-right whitespace-nowrap">
                  <button type="button" className="btn-secondary" aria-label={`${props.openLabel} ${it.name}`} onClick={() => props.onOpen(it)}>
                    {props.openLabel}
                  </button>{' '}
                  {confirm === it.id ? (
                    <button type="button" className="btn-danger" onClick={() => remove(it.id)}>
                      Confirm delete
                    </button>
                  ) : (
                    <button type="button" className="btn-secondary" aria-label={`Delete ${it.name}`} onClick={() => setConfirm(it.id)}>
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
