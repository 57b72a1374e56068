/** The test's steps by phase, with the one running now highlighted. */
import type { XrayReportStep } from '../../model/xray/types'
import { formatClock } from '../format'

export function XraySteps(props: { steps: readonly XrayReportStep[] }) {
  return (
    <ol className="max-h-80 overflow-auto text-xs" data-testid="xray-steps" tabIndex={0} aria-label="Steps">
      {props.steps.map((s) => (
        <li
          key={s.path}
          aria-current={s.state === 'running' ? 'step' : undefined}
          className={`flex gap-2 border-b border-slate-100 py-0.5 ${s.state === 'running' ? 'bg-sky-100 font-semibold text-sky-900' : s.state === 'done' ? 'text-slate-500' : 'text-slate-800'}`}
        >
          <span className="w-4" aria-hidden="true">{s.state === 'done' ? '✓' : s.state === 'running' ? '▶' : ''}</span>
          <span className="w-24 shrink-0 font-mono">{s.path}</span>
          <span className="flex-1">{s.title}</span>
          <span className="font-mono text-slate-500">{s.start !== null ? formatClock(s.start) : ''}</span>
        </li>
      ))}
    </ol>
  )
}
