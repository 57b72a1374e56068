/** Import a run from a JSON file or pasted text. A bad run is refused with every reason; nothing saved or running changes. */
import { useId, useState } from 'react'
import { MAX_JSON_CHARS } from '../../model/scenario/limits'
import { simClient } from '../bridge/client'
import { Widget } from '../common/Widget'
import { useSim } from '../store/simStore'
import { ProblemList } from './ProblemList'

export function RunImportPanel() {
  const fileId = useId()
  const toast = useSim((s) => s.toast)
  const [problems, setProblems] = useState<string[]>([])
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)

  const importText = async (raw: string, label: string) => {
    setBusy(true)
    setProblems([])
    try {
      if (raw.length > MAX_JSON_CHARS) throw new Error(`${label} is too big: ${raw.length} characters, more than the ${MAX_JSON_CHARS} a run may have`)
      let value: unknown
      try {
        value = JSON.parse(raw)
      } catch (e) {
        throw new Error(`${label} is not valid JSON: ${(e as Error).message}`, { cause: e })
      }
      await simClient.importRun(value)
      toast('info', `Imported ${label}`)
    } catch (e) {
      setProblems((e as Error).message.split('\n'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Widget title="Import a run" testId="run-import">
      <label htmlFor={fileId} className="text-[13px] text-slate-600">
        Run file (.json)
      </label>
      <input
        id={fileId}
        type="file"
        accept="application/json,.json"
        disabled={busy}
        data-testid="run-file"
        className="mt-1 block text-[13px]"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0]
          e.currentTarget.value = ''
          if (f) void f.text().then((t) => importText(t, `“${f.name}”`), (err: Error) => setProblems([err.message]))
        }}
      />
      <label className="mt-3 block text-[13px] text-slate-600">
        …or paste a run
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} spellCheck={false} className="mt-1 block w-full rounded border border-slate-300 p-2 font-mono text-[12px]" />
      </label>
      <button type="button" className="btn-secondary mt-2" disabled={busy || text.trim() === ''} onClick={() => void importText(text, 'the pasted run')}>
        Import pasted run
      </button>
      <ProblemList problems={problems} title="The run was not imported; the simulation and your saved runs are unchanged." testId="import-errors" />
    </Widget>
  )
}
