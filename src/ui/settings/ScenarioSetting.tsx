/** The scenario the cluster was loaded from: title, id, seed, summary. */
import type { Structure } from '../bridge/types'
import { SettingsSection } from './SettingsSection'

export function ScenarioSetting(props: { structure: Structure }) {
  const s = props.structure
  return (
    <SettingsSection id="scenario" title="Scenario">
      <dl className="grid max-w-xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5">
        <dt className="text-slate-600">Title</dt>
        <dd className="font-medium text-slate-900" data-testid="scenario-title">{s.title}</dd>
        <dt className="text-slate-600">ID</dt>
        <dd className="font-mono text-[13px] text-slate-900" data-testid="scenario-id">{s.scenarioId ?? '(custom scenario)'}</dd>
        <dt className="text-slate-600">Seed</dt>
        <dd className="font-mono text-[13px] text-slate-900" data-testid="scenario-seed">{s.seed}</dd>
        <dt className="text-slate-600">Cluster</dt>
        <dd className="text-slate-900">{s.clusterName}</dd>
        <dt className="text-slate-600">Summary</dt>
        <dd className="text-slate-900">{s.summary || '—'}</dd>
      </dl>
      <p className="text-xs text-slate-500">To load another scenario, click the cluster name in the top bar.</p>
    </SettingsSection>
  )
}
