/** Runs saved in this browser: load one (replayed to its end) or delete it. */
import { useState } from 'react'
import { simClient } from '../bridge/client'
import type { Run } from '../bridge/types'
import { Widget } from '../common/Widget'
import { formatSimTime } from '../format'
import { useSim } from '../store/simStore'
import { ProblemList } from './ProblemList'
import { SavedList } from './SavedList'

export function SavedRunsPanel() {
  const toast = useSim((s) => s.toast)
  const [problems, setProblems] = useState<string[]>([])
  return (
    <Widget title="Saved runs" testId="saved-runs">
      <SavedList
        kind="runs"
        openLabel="Load"
        detail={(it) => {
          const r = it.data as Partial<Run>
          return `${Array.isArray(r.actions) ? r.actions.length : '?'} actions, to ${typeof r.end === 'number' ? formatSimTime(r.end) : '?'}`
        }}
        onOpen={(it) => {
          setProblems([])
          simClient.importRun(it.data).then(
            () => toast('info', `Loaded run “${it.name}”`),
            (e: Error) => setProblems(e.message.split('\n')),
          )
        }}
        onError={(m) => toast('error', m)}
      />
      <ProblemList problems={problems} title="This saved run can't be loaded; nothing changed." />
    </Widget>
  )
}
