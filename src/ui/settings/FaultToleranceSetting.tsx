/** Cluster Fault Tolerance: the FT level and what follows from it, fixed by the scenario. */
import type { Structure } from '../bridge/types'
import { SettingsSection } from './SettingsSection'

const DOMAIN_WORD = { node: 'Node', block: 'Block', rack: 'Rack' } as const

function Fact(props: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex justify-between gap-4 border-b border-slate-100 py-1.5 last:border-0">
      <dt className="text-slate-600">{props.label}</dt>
      <dd className="font-medium text-slate-900" data-testid={props.testId}>{props.value}</dd>
    </div>
  )
}

export function FaultToleranceSetting(props: { structure: Structure }) {
  const s = props.structure
  return (
    <SettingsSection id="fault-tolerance" title="Cluster Fault Tolerance">
      <dl className="max-w-md">
        <Fact label="Fault tolerance" value={`FT${s.ftLevel} (${s.ftLevel} failure${s.ftLevel > 1 ? 's' : ''} tolerated)`} testId="ft-level" />
        <Fact label="Replication factor (data)" value={`RF${s.replicationFactor}`} testId="replication-factor" />
        <Fact label="Metadata replication factor" value={`RF${s.metadataReplicationFactor}`} />
        <Fact label="Erasure coding" value={s.erasureCoding ? 'Enabled' : 'Disabled'} />
        <Fact label="Desired failure domain" value={DOMAIN_WORD[s.awareness.desired]} />
        <Fact label="Failure domain in force (data)" value={DOMAIN_WORD[s.awareness.effective]} />
        <Fact label="Failure domain in force (metadata)" value={DOMAIN_WORD[s.metadataDomain]} />
      </dl>
      <p className="text-xs text-slate-500">
        Read-only here: the fault tolerance is part of the cluster's configuration. To practise with another level, load a scenario that
        uses it (click the cluster name in the top bar).
      </p>
    </SettingsSection>
  )
}
