/** Prism's task list: running tasks first, then the most recent. */
import { useMemo, useState } from 'react'
import { typeTitle } from '../alerts/typeTitle'
import type { SimTask } from '../bridge/types'
import { DataTable, type Column } from '../common/DataTable'
import { formatDuration, formatSimTime } from '../format'
import { useSim } from '../store/simStore'
import { ProgressBar } from './ProgressBar'
import { TASK_STATE_WORD, TaskStateBadge } from './TaskStateBadge'

type StateChoice = 'all' | SimTask['state']

interface TaskRow {
  task: SimTask
  /** seconds so far for a running task, total for a finished one */
  duration: number
}

const COLUMNS: Column<TaskRow>[] = [
  { key: 'type', header: 'Task', value: (r) => typeTitle(r.task.type), render: (r) => <span className="font-medium text-slate-900">{typeTitle(r.task.type)}</span> },
  { key: 'entity', header: 'Entity', value: (r) => r.task.entity ?? null },
  { key: 'message', header: 'Message', wrap: true, value: (r) => r.task.message ?? null },
  {
    key: 'progress',
    header: 'Progress',
    value: (r) => r.task.progress,
    render: (r) => <ProgressBar progress={r.task.progress} state={r.task.state} label={`${typeTitle(r.task.type)}${r.task.entity ? ` ${r.task.entity}` : ''} progress`} />,
  },
  { key: 'state', header: 'Status', value: (r) => TASK_STATE_WORD[r.task.state], render: (r) => <TaskStateBadge state={r.task.state} /> },
  { key: 'start', header: 'Start time', value: (r) => r.task.startTime, render: (r) => <span className="whitespace-nowrap">{formatSimTime(r.task.startTime)}</span> },
  {
    key: 'end',
    header: 'End time',
    value: (r) => r.task.endTime,
    render: (r) => <span className="whitespace-nowrap">{r.task.endTime === null ? '—' : formatSimTime(r.task.endTime)}</span>,
  },
  { key: 'duration', header: 'Duration', value: (r) => r.duration, render: (r) => <span className="whitespace-nowrap">{formatDuration(r.duration)}</span>, align: 'right' },
]

export function TasksTable() {
  const tasks = useSim((s) => s.tasks)
  const time = useSim((s) => s.time)
  const [state, setState] = useState<StateChoice>('all')
  const rows = useMemo(
    () =>
      tasks
        .filter((t) => state === 'all' || t.state === state)
        .map((t) => ({ task: t, duration: Math.max(0, (t.endTime ?? time) - t.startTime) }))
        .sort((a, b) => Number(b.task.state === 'running') - Number(a.task.state === 'running') || b.task.startTime - a.task.startTime),
    [tasks, time, state],
  )
  const toolbar = (
    <label className="flex items-center gap-1 text-xs text-slate-600">
      Status
      <select value={state} onChange={(e) => setState(e.target.value as StateChoice)} className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-800">
        <option value="all">All</option>
        <option value="running">Running</option>
        <option value="succeeded">Succeeded</option>
        <option value="failed">Failed</option>
      </select>
    </label>
  )
  return <DataTable label="Tasks" rows={rows} columns={COLUMNS} rowKey={(r) => r.task.id} rowTestId={(r) => `task-row-${r.task.id}`} exportName="tasks" toolbar={toolbar} />
}
