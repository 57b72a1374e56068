/**
 * The scenario editor: the scenario as JSON, Validate (every problem by JSON path, with
 * its line), Load (a new run of it) and Save (kept in this browser; saved ones listed).
 */
import { memo, useCallback, useEffect, useId, useState } from 'react'
import { simClient } from '../bridge/client'
import { validateScenario } from '../bridge/validator'
import { Widget } from '../common/Widget'
import { useSim } from '../store/simStore'
import { ProblemList } from './ProblemList'
import { SavedList } from './SavedList'
import { SaveName } from './SaveName'

type Verdict = { kind: 'ok'; text: string } | { kind: 'bad'; problems: string[] } | { kind: 'checking' } | null

export function ScenarioEditor() {
  const textId = useId()
  const seedId = useId()
  const problemsId = useId()
  const loadId = useSim((s) => s.structure?.loadId ?? -1)
  const structureSeed = useSim((s) => s.structure?.seed ?? 1)
  const toast = useSim((s) => s.toast)
  const [text, setText] = useState('')
  const [seed, setSeed] = useState('')
  const [verdict, setVerdict] = useState<Verdict>(null)
  const [touched, setTouched] = useState(false)

  // start from the scenario running now (until the user edits)
  useEffect(() => {
    if (touched) return
    let live = true
    simClient.exportRun().then(
      (r) => {
        if (!live) return
        setText(JSON.stringify(r.scenario, null, 2))
        setSeed(String(r.seed))
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [loadId, touched])

  const onEdit = useCallback((t: string) => {
    setText(t)
    setTouched(true)
    setVerdict(null)
  }, [])

  const seedValue = (): number | undefined | string => {
    if (seed.trim() === '') return undefined
    return /^\d+$/.test(seed.trim()) && Number(seed) <= 4294967295 ? Number(seed) : `seed: must be a whole number from 0 to 4294967295, got "${seed}"`
  }

  /** parse and compile in the validation worker; returns the scenario or null after showing the problems */
  const check = async (): Promise<{ scenario: unknown; seed: number | undefined } | null> => {
    const s = seedValue()
    if (typeof s === 'string') {
      setVerdict({ kind: 'bad', problems: [s] })
      return null
    }
    setVerdict({ kind: 'checking' })
    const res = await validateScenario(text, s)
    if (!res.ok) {
      setVerdict({ kind: 'bad', problems: res.problems })
      return null
    }
    setVerdict({ kind: 'ok', text: res.summary })
    return { scenario: res.scenario, seed: s }
  }

  const load = async () => {
    const ok = await check()
    if (!ok) return
    try {
      await simClient.load(ok.scenario, ok.seed)
      setTouched(false)
      toast('info', 'Loaded the edited scenario')
    } catch (e) {
      setVerdict({ kind: 'bad', problems: (e as Error).message.split('\n') })
    }
  }

  return (
    <Widget title="Scenario editor" testId="scenario-editor">
      <label htmlFor={textId} className="text-[13px] text-slate-600">
        Scenario (JSON, see README “Scenario format”)
      </label>
      <div className={`mt-1 rounded border ${verdict?.kind === 'bad' ? 'border-red-400' : 'border-slate-300'}`}>
        <JsonArea id={textId} text={text} onChange={onEdit} describedBy={verdict?.kind === 'bad' ? problemsId : undefined} />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor={seedId} className="text-[13px] text-slate-600">
          Seed
        </label>
        <input id={seedId} value={seed} placeholder={String(structureSeed)} onChange={(e) => setSeed(e.target.value)} className="w-28 rounded border border-slate-300 px-2 py-1 text-[13px]" />
        <button type="button" className="btn-secondary" onClick={() => void check()}>
          Validate
        </button>
        <button type="button" className="btn-primary" onClick={() => void load()}>
          Load
        </button>
      </div>
      {verdict?.kind === 'checking' && (
        <p role="status" className="mt-2 text-[13px] text-slate-600">
          Checking the scenario…
        </p>
      )}
      {verdict?.kind === 'ok' && (
        <p role="status" className="mt-2 text-[13px] text-green-800">
          {verdict.text}
        </p>
      )}
      {verdict?.kind === 'bad' && <ProblemList problems={verdict.problems} title="The scenario has problems (nothing was loaded):" testId="scenario-problems" id={problemsId} />}
      <div className="mt-3">
        <SaveName
          kind="scenarios"
          label="Save as"
          initial="my scenario"
          getData={async () => {
            const ok = await check()
            if (!ok) throw new Error('fix the problems listed above before saving')
            return ok.scenario
          }}
          onSaved={(n) => toast('info', `Saved scenario “${n}”`)}
          onError={(m) => toast('error', m)}
        />
      </div>
      <h3 className="mt-4 mb-1 text-[13px] font-semibold text-slate-700">Saved scenarios</h3>
      <SavedList
        kind="scenarios"
        openLabel="Edit"
        onOpen={(it) => {
          setText(JSON.stringify(it.data, null, 2))
          setTouched(true)
          setVerdict(null)
        }}
        onError={(m) => toast('error', m)}
      />
    </Widget>
  )
}

/**
 * The JSON text area, re-rendered only when its text changes: React reads a textarea's value back
 * on every render, which costs a long frame for megabytes of pasted text (issue 21); contained, so
 * a change elsewhere on the page never re-lays its text out.
 */
const JsonArea = memo(function JsonArea(props: { id: string; text: string; onChange: (t: string) => void; describedBy?: string }) {
  return (
    <div className="h-72 [contain:strict]">
      <textarea
        id={props.id}
        value={props.text}
        spellCheck={false}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange(e.target.value)}
        className="block h-full w-full resize-none rounded p-2 font-mono text-[12px] leading-snug"
      />
    </div>
  )
})
