/** The HA state in one line of figures: mode, failures reserved for, leader, quorum, protection. */
import type { HaReport } from './useHa'

function Fact(props: { label: string; value: string; testId?: string; tone?: 'ok' | 'bad' | 'neutral' }) {
  const tone = props.tone === 'ok' ? 'text-emerald-700' : props.tone === 'bad' ? 'text-red-700' : 'text-slate-800'
  return (
    <div className="flex flex-col">
      <dt className="text-[11px] uppercase tracking-wide text-slate-500">{props.label}</dt>
      <dd className={`text-base font-semibold ${tone}`} data-testid={props.testId}>{props.value}</dd>
    </div>
  )
}

export function HaSummary(props: { ha: HaReport }) {
  const { ha } = props
  const guarantee = ha.mode === 'guarantee'
  return (
    <dl className="flex flex-wrap gap-x-8 gap-y-2" aria-label="VM high availability status">
      <Fact label="HA mode" value={guarantee ? 'Guarantee' : 'Default (best effort)'} testId="ha-page-mode" />
      <Fact label="Host failures reserved for" value={guarantee ? String(ha.hostFailuresToTolerate) : 'none'} />
      <Fact label="Acropolis leader" value={ha.leader ?? 'none (election)'} tone={ha.leader ? 'neutral' : 'bad'} testId="ha-leader" />
      <Fact label="Quorum" value={ha.quorum ? 'yes' : 'lost'} tone={ha.quorum ? 'ok' : 'bad'} />
      {guarantee && (
        <Fact
          label="Reservation"
          value={ha.protected ? 'all VMs protected' : `${ha.unprotectedVms.length} VM(s) unprotected`}
          tone={ha.protected ? 'ok' : 'bad'}
          testId="ha-protected"
        />
      )}
    </dl>
  )
}
