/** How many tasks are running, succeeded and failed since the scenario loaded. */
import { useMemo } from 'react'
import type { SimTask } from '../bridge/types'
import { useSim } from '../store/simStore'
import { TASK_STATE_WORD } from './TaskStateBadge'

const ORDER: SimTask['state'][] = ['running', 'succeeded', 'failed']
const COLOR: Record<SimTask['state'], string> = { running: 'text-sky-700', succeeded: 'text-emerald-700', failed: 'text-red-700' }

export function TaskCounts() {
  const tasks = useSim((s) => s.tasks)
  const counts = useMemo(() => {
    const c: Record<SimTask['state'], number> = { running: 0, succeeded: 0, failed: 0 }
    for (const t of tasks) c[t.state]++
    return c
  }, [tasks])
  return (
    <ul aria-label="Tasks by status" className="flex items-center gap-5 text-sm">
      {ORDER.map((s) => (
        <li key={s} className="flex items-baseline gap-1.5" data-testid={`tasks-${s}`}>
          <span className={`text-lg font-semibold tabular-nums ${COLOR[s]}`}>{counts[s]}</span>
          <span className="text-xs text-slate-500">{TASK_STATE_WORD[s]}</span>
        </li>
      ))}
    </ul>
  )
}
