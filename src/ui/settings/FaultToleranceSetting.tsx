/**
 * Cluster Fault Tolerance: the FT level and what follows from it (fixed by the scenario), and
 * block/rack fault tolerance best effort or opt-in (DOMAIN.md §12), which can change: the
 * change goes through the configuration pre-check (a Zookeeper quorum) and is refused with
 * the reason.
 */
import { useState } from 'react'
import { simClient } from '../bridge/client'
import type { Structure } from '../bridge/types'
import { useSim } from '../store/simStore'
import { ErrorMessage } from '../vms/ErrorMessage'
import { SettingsSection } from './SettingsSection'

const DOMAIN_WORD = { node: 'Node', block: 'Block', rack: 'Rack' } as const
type Mode = 'best-effort' | 'opt-in'

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
  const mode = useSim((x) => x.summary?.awarenessMode ?? 'best-effort')
  const judged = useSim((x) => x.summary?.judgedDomain ?? s.awareness.effective)
  const [wanted, setWanted] = useState<Mode | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const choice = wanted ?? mode
  const desired = DOMAIN_WORD[s.awareness.desired]
  const save = async () => {
    setBusy(true)
    setError(null)
    try {
      await simClient.setAwarenessMode(choice)
      setWanted(null)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <SettingsSection id="fault-tolerance" title="Cluster Fault Tolerance">
      <dl className="max-w-md">
        <Fact label="Fault tolerance" value={`FT${s.ftLevel} (${s.ftLevel} failure${s.ftLevel > 1 ? 's' : ''} tolerated)`} testId="ft-level" />
        <Fact label="Replication factor (data)" value={`RF${s.replicationFactor}`} testId="replication-factor" />
        <Fact label="Metadata replication factor" value={`RF${s.metadataReplicationFactor}`} />
        <Fact label="Erasure coding" value={s.erasureCoding ? 'Enabled' : 'Disabled'} />
        <Fact label="Desired failure domain" value={desired} />
        <Fact label="Failure domain in force (data)" value={DOMAIN_WORD[s.awareness.effective]} />
        <Fact label="Failure domain in force (metadata)" value={DOMAIN_WORD[s.metadataDomain]} />
        <Fact label="Failure domain judged (Data Resiliency)" value={DOMAIN_WORD[judged]} testId="judged-domain" />
      </dl>
      <fieldset className="flex flex-col gap-1" aria-label={`${desired} fault tolerance mode`}>
        <legend className="mb-1 font-medium text-slate-800">{desired} fault tolerance</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="awareness-mode" value="best-effort" checked={choice === 'best-effort'} onChange={() => setWanted('best-effort')} data-testid="awareness-best-effort" />
          Best effort: in force only when the cluster has enough {desired.toLowerCase()}s; otherwise it falls back and is judged on the level in force
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="awareness-mode" value="opt-in" checked={choice === 'opt-in'} onChange={() => setWanted('opt-in')} data-testid="awareness-opt-in" />
          Opt-in: Data Resiliency is always judged against {desired.toLowerCase()} failures, and says why when the cluster cannot meet it
        </label>
      </fieldset>
      <div className="flex gap-2">
        <button type="button" className="btn-primary" disabled={busy || choice === mode} onClick={() => void save()} data-testid="awareness-save">
          Save
        </button>
      </div>
      {error && <ErrorMessage title="Could not change the fault tolerance" message={error} onDismiss={() => setError(null)} />}
      <p className="text-xs text-slate-500">
        The FT level, replication factors and desired domain are part of the cluster's configuration. To practise with another level, load a
        scenario that uses it (click the cluster name in the top bar).
      </p>
    </SettingsSection>
  )
}
