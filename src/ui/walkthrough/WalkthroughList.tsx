/**
 * The Walkthroughs list (top bar, page menu, or `w` on a scenario without one): every
 * built-in narrated walkthrough with its one-line story; Start loads it at step 1, and the
 * running one offers Resume (where the presenter left) and Restart.
 */
import { useEffect, useState } from 'react'
import { simClient } from '../bridge/client'
import type { ScenarioInfo } from '../bridge/types'
import { Modal } from '../common/Modal'
import { useSim } from '../store/simStore'
import { resumeIndex, walkthrough } from './controller'
import { useWalkthrough } from './walkthroughStore'

/** "Walkthrough: node failure, …" → "Node failure, …" */
function storyTitle(title: string): string {
  const t = title.replace(/^Walkthrough: /, '')
  return t.charAt(0).toUpperCase() + t.slice(1)
}

export function WalkthroughList(props: { onClose: () => void }) {
  const [list, setList] = useState<ScenarioInfo[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const current = useSim((s) => s.structure?.scenarioId ?? null)
  const busy = useWalkthrough((s) => s.busy)
  useWalkthrough((s) => s.resume) // re-render when the saved position changes
  useEffect(() => {
    simClient.listScenarios().then(
      (all) => setList(all.filter((s) => s.narratedSteps > 0)),
      (e: Error) => setProblem(e.message),
    )
  }, [])
  const at = resumeIndex()
  const act = (fn: () => Promise<void>) => {
    props.onClose()
    fn().catch((e: Error) => setProblem(e.message))
  }
  return (
    <Modal title="Walkthroughs" onClose={props.onClose} wide testId="walkthrough-list">
      <p className="mb-3 text-sm text-slate-700">
        Narrated failure stories for presenters: each step runs the simulated clock to the moment it describes and opens the page that shows it. Space or → next, ← back, Esc leaves (press <kbd className="kbd">w</kbd> to come back to the same step).
      </p>
      {problem && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {problem}
        </p>
      )}
      {list === null ? (
        <p className="text-sm text-slate-600">Loading…</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {list.map((s) => {
            const running = s.id === current
            return (
              <li key={s.id} data-testid="walkthrough-item" className={`flex items-start gap-3 rounded border p-3 ${running ? 'border-sky-400 bg-sky-50' : 'border-slate-200'}`}>
                <div className="min-w-0 flex-1">
                  <h3 className="text-sm font-semibold text-slate-800">{storyTitle(s.title)}</h3>
                  <p className="mt-0.5 text-xs text-slate-700">{s.summary}</p>
                  <p className="mt-0.5 text-[11px] text-slate-600">
                    {s.narratedSteps} steps · <span className="font-mono">{s.id}</span>
                    {running && ' · loaded now'}
                  </p>
                </div>
                <div className="flex shrink-0 gap-2">
                  {running && at !== null && (
                    <button type="button" className="btn-primary" disabled={busy} onClick={() => act(() => walkthrough.resume())}>
                      Resume at step {at + 1}
                    </button>
                  )}
                  <button type="button" className={running && at !== null ? 'btn' : 'btn-primary'} disabled={busy} onClick={() => act(() => (running ? walkthrough.start() : walkthrough.open(s.id)))} aria-label={`${running && at !== null ? 'Restart' : 'Start'} ${s.title}`}>
                    {running && at !== null ? 'Restart' : 'Start'}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </Modal>
  )
}
