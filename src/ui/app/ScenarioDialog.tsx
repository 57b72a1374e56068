/** Load a built-in scenario (with a seed) or paste one as JSON; problems are listed by path. */
import { useEffect, useRef, useState } from 'react'
import { simClient } from '../bridge/client'
import { validateScenario } from '../bridge/validator'
import type { ScenarioInfo } from '../bridge/types'
import { Modal } from '../common/Modal'
import { useSim } from '../store/simStore'
import { rememberScenario } from './lastScenario'
import { XrayImport } from '../xray/XrayImport'

export function ScenarioDialog(props: { onClose: () => void }) {
  const structure = useSim((s) => s.structure)
  const toast = useSim((s) => s.toast)
  const [list, setList] = useState<ScenarioInfo[]>([])
  const [seed, setSeed] = useState(String(structure?.seed ?? 1))
  // a pasted scenario keeps its own "seed" unless the user changed this field (our rule)
  const [seedTouched, setSeedTouched] = useState(false)
  const [json, setJson] = useState('')
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const alertRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (problems.length > 0) alertRef.current?.scrollIntoView({ block: 'nearest' })
  }, [problems])

  useEffect(() => {
    simClient.listScenarios().then(setList, (e: Error) => setProblems([e.message]))
  }, [])

  const seedValue = (): number | undefined => {
    if (seed.trim() === '') return undefined
    const n = Number(seed)
    return Number.isInteger(n) && n >= 0 ? n : NaN
  }

  const run = async (what: unknown, label: string) => {
    const ownSeed = typeof what === 'object' && what !== null && 'seed' in what && !seedTouched
    const s = ownSeed ? undefined : seedValue()
    if (Number.isNaN(s)) {
      setProblems([`seed: must be a whole number ≥ 0, got "${seed}"`])
      return
    }
    setBusy(true)
    setProblems([])
    try {
      await simClient.load(what, s)
      const url = new URL(window.location.href)
      if (typeof what === 'string') url.searchParams.set('scenario', what)
      else url.searchParams.delete('scenario')
      if (s !== undefined) url.searchParams.set('seed', String(s))
      else url.searchParams.delete('seed')
      url.searchParams.delete('run')
      window.history.replaceState(null, '', url)
      rememberScenario(typeof what === 'string' ? null : { scenario: what, seed: s })
      toast('done', `Loaded ${label}`)
      props.onClose()
    } catch (e) {
      setProblems((e as Error).message.split('\n'))
    } finally {
      setBusy(false)
    }
  }

  /** the paste is parsed and checked in the validation worker, never on the page's thread (issue 21) */
  const loadJson = async () => {
    setBusy(true)
    const res = await validateScenario(json)
    setBusy(false)
    if (!res.ok) {
      setProblems(res.problems)
      return
    }
    void run(res.scenario, 'pasted scenario')
  }

  return (
    <Modal title="Scenarios" onClose={props.onClose} wide testId="scenario-dialog">
      <div className="flex flex-col gap-4">
        <label className="flex items-center gap-2 text-sm">
          Seed
          <input
            value={seed}
            onChange={(e) => {
              setSeed(e.target.value)
              setSeedTouched(true)
            }}
            inputMode="numeric"
            className="w-32 rounded border border-slate-400 bg-white px-2 py-1 text-slate-900"
            aria-describedby="seed-help"
          />
          <span id="seed-help" className="text-xs text-slate-600">
            Same scenario + seed + actions = the same run. A pasted scenario keeps its own <code>seed</code> unless you change this field.
          </span>
        </label>
        <ul className="grid gap-2 md:grid-cols-2">
          {list.map((s) => (
            <li key={s.id} className={`rounded border p-3 ${structure?.scenarioId === s.id ? 'border-sky-400 bg-sky-50' : 'border-slate-200'}`}>
              <div className="flex items-start justify-between gap-2">
                <div>
                  <h3 className="text-sm font-semibold text-slate-800">{s.title}</h3>
                  <p className="font-mono text-[11px] text-slate-600">{s.id}</p>
                </div>
                <button type="button" className="btn-primary" disabled={busy} onClick={() => run(s.id, s.title)} aria-label={`Load ${s.title}`}>
                  Load
                </button>
              </div>
              <p className="mt-1 text-xs text-slate-600">{s.summary}</p>
            </li>
          ))}
        </ul>
        <div className="flex flex-col gap-2">
          <label htmlFor="scenario-json" className="text-sm font-semibold text-slate-700">
            Scenario JSON
          </label>
          <textarea id="scenario-json" value={json} onChange={(e) => setJson(e.target.value)} rows={6} spellCheck={false} className="rounded border border-slate-400 bg-white p-2 font-mono text-xs text-slate-900 placeholder:text-slate-500" placeholder='{"title": "My drill", "cluster": {"layout": {...}}}' />
          <div>
            <button type="button" className="btn-primary" disabled={busy || json.trim() === ''} onClick={() => void loadJson()}>
              Load JSON
            </button>
          </div>
        </div>
        <XrayImport
          scenarios={list}
          busy={busy}
          setBusy={setBusy}
          onProblems={setProblems}
          seed={() => {
            const s = seedValue()
            if (Number.isNaN(s)) setProblems([`seed: must be a whole number ≥ 0, got "${seed}"`])
            return Number.isNaN(s) ? 'bad' : s
          }}
          onLoaded={(names) => {
            toast('info', `Loaded X-Ray test (${names})`)
            props.onClose()
          }}
        />
        {problems.length > 0 && (
          <div ref={alertRef} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            <p className="font-semibold">{problems[0].startsWith('The X-Ray test') ? problems[0] : 'The scenario was not loaded; the running simulation is unchanged.'}</p>
            <ul className="mt-1 list-disc pl-5 font-mono text-xs">
              {problems.filter((p) => !p.startsWith('The X-Ray test was not')).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Modal>
  )
}
