/** Export the run: download it as a JSON file, copy a link that opens it, or save it in this browser. */
import { useState } from 'react'
import { simClient } from '../bridge/client'
import { Widget } from '../common/Widget'
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'
import { SaveName } from './SaveName'
import { shareUrl } from './shareUrl'

export function RunExportPanel() {
  const title = useSim((s) => s.structure?.title ?? 'run')
  const run = useSim((s) => s.run)
  const toast = useSim((s) => s.toast)
  const [link, setLink] = useState<string | null>(null)
  const fail = (e: Error) => toast('error', e.message)

  const download = async () => {
    const r = await simClient.exportRun(title)
    const blob = new Blob([JSON.stringify(r, null, 2)], { type: 'application/json' })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = `${title.replace(/[^A-Za-z0-9._-]+/g, '-').toLowerCase()}-run.json`
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 1000)
  }
  const copyLink = async () => {
    const url = await shareUrl(await simClient.exportRun(title))
    setLink(url)
    try {
      await navigator.clipboard.writeText(url)
      toast('info', 'Share link copied')
    } catch {
      toast('info', 'Share link ready: copy it from the field')
    }
  }
  return (
    <Widget title="Export this run" testId="run-export">
      <p className="text-[13px] text-slate-600">
        Scenario, seed and {run?.actions ?? 0} recorded action{run?.actions === 1 ? '' : 's'}
        {run && run.future > 0 ? ` (+${run.future} later)` : ''}, up to {formatSimTime(run?.end ?? 0)}. Replaying it gives the same cluster, exactly.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className="btn-primary" onClick={() => void download().catch(fail)}>
          Download JSON
        </button>
        <button type="button" className="btn-secondary" onClick={() => void copyLink().catch(fail)}>
          Copy share link
        </button>
      </div>
      {link && (
        <label className="mt-2 block text-[13px] text-slate-600">
          Share link
          <input readOnly value={link} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-[12px]" />
        </label>
      )}
      <div className="mt-3">
        <SaveName
          kind="runs"
          label="Name"
          initial={title}
          getData={() => simClient.exportRun()}
          onSaved={(n) => toast('info', `Saved run “${n}”`)}
          onError={(m) => toast('error', m)}
        />
      </div>
    </Widget>
  )
}
