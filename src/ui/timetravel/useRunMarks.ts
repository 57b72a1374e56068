/** The run's timeline marks (warning/critical events and recorded actions), refetched when the run changes. */
import { useEffect, useState } from 'react'
import { simClient } from '../bridge/client'
import type { RunMark } from '../bridge/types'
import { useSim } from '../store/simStore'

export function useRunMarks(): RunMark[] {
  const loadId = useSim((s) => s.structure?.loadId ?? -1)
  const actions = useSim((s) => s.run?.actions ?? 0)
  const future = useSim((s) => s.run?.future ?? 0)
  const past = useSim((s) => s.run?.viewingPast ?? false)
  const serious = useSim((s) => s.events.reduce((n, e) => (e.severity === 'info' ? n : n + 1), 0))
  const [marks, setMarks] = useState<RunMark[]>([])
  useEffect(() => {
    let live = true
    simClient.runTimeline().then(
      (m) => live && setMarks(m),
      () => live && setMarks([]),
    )
    return () => {
      live = false
    }
  }, [loadId, actions, future, past, serious])
  return marks
}
