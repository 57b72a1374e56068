/** Prism's Tasks page: long-running work (Curator scans, rebuilds, HA restarts) with progress. */
import { TaskCounts } from '../tasks/TaskCounts'
import { TasksTable } from '../tasks/TasksTable'

export function TasksPage(_props: { view: string | null }) {
  return (
    <div className="flex flex-col gap-3">
      <section aria-label="Task summary" className="flex items-center justify-between rounded border border-slate-200 bg-white px-4 py-3 shadow-sm">
        <h2 className="text-base font-semibold text-slate-800">Tasks</h2>
        <TaskCounts />
      </section>
      <div className="rounded border border-slate-200 bg-white p-3 shadow-sm">
        <TasksTable />
      </div>
    </div>
  )
}
