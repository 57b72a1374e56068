/** Drill checks: the loaded scenario's `expect` list, evaluated on a fresh run of it (the headless runner's evaluator). */
import { useEffect, useState } from 'react'
import { simClient } from '../bridge/client'
import type { DrillChecks } from '../bridge/types'
import { Widget } from '../common/Widget'
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'

export function ExpectPanel() {
  const loadId = useSim((s) => s.structure?.loadId ?? -1)
  const toast = useSim((s) => s.toast)
  const [result, setResult] = useState<DrillChecks | null>(null)
  const [busy, setBusy] = useState(false)
  // a new scenario: the old results no longer apply
  useEffect(() => setResult(null), [loadId])
  const run = async () => {
    setBusy(true)
    try {
      setResult(await simClient.checkExpectations())
    } catch (e) {
      toast('error', (e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const failed = result?.checks.filter((c) => !c.passed).length ?? 0
  return (
    <Widget title="Drill checks" testId="drill-checks">
      <p className="text-[13px] text-slate-600">
        Runs this scenario afresh (its seed and steps, without your actions) as the headless runner does, and evaluates its <code>expect</code> checks.
      </p>
      <button type="button" className="btn-primary mt-2" disabled={busy} onClick={() => void run()}>
        {busy ? 'Running checks…' : 'Run checks'}
      </button>
      {result && result.checks.length === 0 && (
        <p className="mt-2 text-[13px] text-slate-600" data-testid="drill-checks-summary">
          This scenario has no <code>expect</code> checks: add an <code>expect</code> list in the scenario editor.
        </p>
      )}
      {result && result.checks.length > 0 && (
        <>
          <p className={`mt-2 text-[13px] font-semibold ${failed ? 'text-red-700' : 'text-green-700'}`} data-testid="drill-checks-summary">
            {result.checks.length - failed} passed, {failed} failed · run ended at {formatSimTime(result.end)}
          </p>
          <ul className="mt-1 divide-y divide-slate-100 text-[13px]">
            {result.checks.map((c) => (
              <li key={c.index} data-testid={`drill-check-${c.index}`} data-passed={String(c.passed)} className="flex gap-2 py-1">
                <span className={`w-10 shrink-0 font-semibold ${c.passed ? 'text-green-700' : 'text-red-700'}`}>{c.passed ? 'PASS' : 'FAIL'}</span>
                <span className="min-w-0">
                  <span className="font-medium text-slate-800">{c.name}</span>
                  <span className="block break-words text-slate-600">
                    {formatSimTime(c.time)}: {c.message}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Widget>
  )
}
