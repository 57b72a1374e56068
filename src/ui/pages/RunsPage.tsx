/** Runs: time travel over the run, export/import/share, saved runs, and the scenario editor (issue 8). */
import { ExpectPanel } from '../runs/ExpectPanel'
import { RunExportPanel } from '../runs/RunExportPanel'
import { RunImportPanel } from '../runs/RunImportPanel'
import { SavedRunsPanel } from '../runs/SavedRunsPanel'
import { ScenarioEditor } from '../runs/ScenarioEditor'
import { TimelinePanel } from '../timetravel/TimelinePanel'

export function RunsPage(_props: { view: string | null }) {
  return (
    <div className="flex flex-col gap-3">
      <TimelinePanel />
      <div className="grid items-start gap-3 xl:grid-cols-2">
        <div className="flex flex-col gap-3">
          <ExpectPanel />
          <RunExportPanel />
          <RunImportPanel />
          <SavedRunsPanel />
        </div>
        <ScenarioEditor />
      </div>
    </div>
  )
}
