/** A name field and Save button that never replaces an entry of the same name without asking. */
import { useId, useState } from 'react'
import { saveItem, type SavedKind } from './savedStore'

export function SaveName(props: { kind: SavedKind; label: string; initial: string; getData: () => Promise<unknown> | unknown; onSaved: (name: string) => void; onError: (message: string) => void }) {
  const id = useId()
  const [name, setName] = useState(props.initial)
  const [asking, setAsking] = useState<string | null>(null)
  const save = async (replace: boolean) => {
    try {
      const data = await props.getData()
      const res = saveItem(props.kind, name, data, replace)
      if (res === 'exists') {
        setAsking(name.trim())
        return
      }
      setAsking(null)
      props.onSaved(name.trim())
    } catch (e) {
      props.onError((e as Error).message)
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="text-[13px] text-slate-600">
        {props.label}
      </label>
      <input id={id} value={name} onChange={(e) => { setName(e.target.value); setAsking(null) }} className="w-56 rounded border border-slate-300 px-2 py-1 text-[13px]" />
      <button type="button" className="btn-secondary" onClick={() => void save(false)}>
        Save in browser
      </button>
      {asking !== null && (
        <span role="alert" className="flex items-center gap-2 text-[13px] text-amber-900">
          “{asking}” is already saved. Replace it?
          <button type="button" className="btn-danger" onClick={() => void save(true)}>
            Replace
          </button>
          <button type="button" className="btn-secondary" onClick={() => setAsking(null)}>
            Keep both names
          </button>
        </span>
      )}
    </div>
  )
}
