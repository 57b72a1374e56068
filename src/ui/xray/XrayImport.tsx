/**
 * Scenarios dialog → Import X-Ray test: a test folder's files (test.yml and the .fio files it
 * names) from a file picker (several files, or a whole folder) or dropped on the zone, run on
 * a built-in cluster. A refusal lists every problem with its file and path; nothing is loaded.
 */
import { useState, type DragEvent } from 'react'
import { simClient } from '../bridge/client'
import type { ScenarioInfo } from '../bridge/types'
import { navigate } from '../app/routes'

const DEFAULT_CLUSTER = 'twelve-3-blocks'

async function readFiles(list: FileList | null): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const f of Array.from(list ?? []).sort((a, b) => a.name.localeCompare(b.name))) files[f.name] = await f.text()
  return files
}

export function XrayImport(props: {
  scenarios: readonly ScenarioInfo[]
  seed: () => number | undefined | 'bad'
  busy: boolean
  setBusy: (b: boolean) => void
  onProblems: (p: string[]) => void
  onLoaded: (name: string) => void
}) {
  const [cluster, setCluster] = useState(DEFAULT_CLUSTER)
  const [over, setOver] = useState(false)

  const load = async (list: FileList | null) => {
    const seed = props.seed()
    if (seed === 'bad') return
    const files = await readFiles(list)
    if (Object.keys(files).length === 0) return
    props.setBusy(true)
    props.onProblems([])
    try {
      await simClient.loadXray(files, { cluster, ...(seed !== undefined ? { seed } : {}) })
      props.onLoaded(Object.keys(files).join(', '))
      navigate('xray')
    } catch (e) {
      props.onProblems(['The X-Ray test was not loaded; the running simulation is unchanged.', ...(e as Error).message.split('\n').filter((l) => !/X-Ray test is refused:$/.test(l))])
    } finally {
      props.setBusy(false)
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    void load(e.dataTransfer.files)
  }

  return (
    <section className="flex flex-col gap-2" aria-labelledby="xray-import-title" data-testid="xray-import">
      <h3 id="xray-import-title" className="text-sm font-semibold text-slate-700">Import X-Ray test</h3>
      <p className="text-xs text-slate-600">A Nutanix X-Ray test folder: <code>test.yml</code> and the <code>.fio</code> files it names. Its VM groups replace the cluster's VMs.</p>
      <label className="flex items-center gap-2 text-sm">
        Cluster
        <select value={cluster} onChange={(e) => setCluster(e.target.value)} className="rounded border border-slate-300 px-2 py-1" aria-label="X-Ray target cluster">
          {props.scenarios.map((s) => <option key={s.id} value={s.id}>{s.title} ({s.id})</option>)}
        </select>
      </label>
      <div
        onDragOver={(e) => { e.preventDefault(); setOver(true) }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="xray-drop"
        className={`flex flex-wrap items-center gap-3 rounded border-2 border-dashed p-3 text-sm ${over ? 'border-sky-500 bg-sky-50' : 'border-slate-300'}`}
      >
        <span className="text-slate-600">Drop the files here, or</span>
        <label className="btn-primary cursor-pointer">
          Choose files…
          <input type="file" multiple accept=".yml,.yaml,.fio" className="sr-only" disabled={props.busy} aria-label="X-Ray test files" onChange={(e) => void load(e.target.files)} />
        </label>
        <label className="cursor-pointer rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50">
          Choose folder…
          <input type="file" multiple className="sr-only" disabled={props.busy} aria-label="X-Ray test folder" {...{ webkitdirectory: '' }} onChange={(e) => void load(e.target.files)} />
        </label>
      </div>
    </section>
  )
}
