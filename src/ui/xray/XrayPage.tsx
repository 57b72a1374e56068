/**
 * X-Ray (#/xray): the loaded X-Ray test (Scenarios → Import X-Ray test, or prismSim.loadXray):
 * one chart per result with the annotations as vertical marks, the annotation list, the
 * step list with the step running now, the notes, and export of Report.xray as JSON.
 */
import { Widget } from '../common/Widget'
import { formatClock } from '../format'
import { XrayResultChart } from './XrayResultChart'
import { XraySteps } from './XraySteps'
import { useXray } from './useXray'

function exportJson(data: unknown, name: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  URL.revokeObjectURL(url)
}

const PHASE: Record<string, string> = { setup: 'Setup', run: 'Run', teardown: 'Teardown', done: 'Finished' }

export function XrayPage(_props: { view: string | null }) {
  const { report, error } = useXray()
  if (error) return <p role="alert" className="p-4 text-sm text-red-700">{error}</p>
  if (!report)
    return (
      <div className="p-4" data-testid="xray-empty">
        <Widget title="X-Ray">
          <p className="text-sm text-slate-700">No X-Ray test is loaded. Open <strong>Scenarios</strong> and use <strong>Import X-Ray test</strong> with a test folder's files (test.yml and its .fio files), or call <code>prismSim.loadXray(files)</code>.</p>
        </Widget>
      </div>
    )
  const slug = report.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()
  // a finished test's charts end where it ended, not at the clock that ran on after it
  const end = report.phase === 'done' ? Math.max(0, ...report.annotations.map((a) => a.time), ...report.results.flatMap((r) => r.series.map(([t]) => t))) : undefined
  return (
    <div className="flex flex-col gap-3 p-4" data-testid="xray-page">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-lg font-semibold text-slate-800" data-testid="xray-name">{report.name}</h1>
          <p className="text-sm text-slate-600">
            Phase: <span data-testid="xray-phase" className="font-semibold">{PHASE[report.phase]}</span>
          </p>
        </div>
        <button type="button" className="btn-primary" onClick={() => exportJson(report, `xray-${slug}.json`)}>Export JSON</button>
      </div>
      <div className="grid gap-3 xl:grid-cols-[1fr_360px]">
        <div className="grid gap-3 lg:grid-cols-2">
          {report.results.map((r) => (
            <Widget key={r.name} title={r.name} testId="xray-result">
              <XrayResultChart result={r} annotations={report.annotations} end={end} />
            </Widget>
          ))}
        </div>
        <div className="flex flex-col gap-3">
          <Widget title="Steps">
            <XraySteps steps={report.steps} />
          </Widget>
          <Widget title="Annotations">
            <ol className="max-h-64 overflow-auto text-xs" data-testid="xray-annotations" tabIndex={0} aria-label="Annotations">
              {report.annotations.map((a, i) => (
                <li key={i} className="flex gap-2 border-b border-slate-100 py-0.5">
                  <span className="font-mono text-slate-500">{formatClock(a.time)}</span>
                  <span>{a.text}</span>
                </li>
              ))}
            </ol>
          </Widget>
          {report.notes.length > 0 && (
            <Widget title="Notes">
              <ul className="list-disc pl-4 text-xs text-slate-700">
                {report.notes.map((n, i) => <li key={i}>{n}</li>)}
              </ul>
            </Widget>
          )}
        </div>
      </div>
    </div>
  )
}
