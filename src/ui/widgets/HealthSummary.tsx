/** Home → Health: VMs, hosts and disks by health state, the same figures as the Health page's. */
import { navigate } from '../app/routes'
import { Widget } from '../common/Widget'
import { formatCount } from '../format'
import { HEALTH_TEXT } from '../health/HealthLevelBadge'
import { useEntityHealth, type EntityTypeId } from '../health/entityTypes'
import type { EntityHealth } from '../health/entityHealth'

function Line(props: { type: EntityTypeId; label: string; h: EntityHealth }) {
  const { h } = props
  return (
    <li>
      <button
        type="button"
        className="flex w-full items-center justify-between gap-2 py-1 text-left hover:bg-slate-50"
        data-testid={`home-health-${props.type}`}
        data-good={h.good}
        data-warning={h.warning}
        data-critical={h.critical}
        onClick={() => navigate('health', props.type)}
      >
        <span className="text-sky-800">{props.label}</span>
        <span className="flex items-center gap-2 text-xs">
          {h.critical > 0 && <span className={`font-semibold ${HEALTH_TEXT.critical}`}>{formatCount(h.critical)} critical</span>}
          {h.warning > 0 && <span className={`font-semibold ${HEALTH_TEXT.warning}`}>{formatCount(h.warning)} warning</span>}
          <span className={HEALTH_TEXT.good}>{formatCount(h.good)} good</span>
        </span>
      </button>
    </li>
  )
}

export function HealthSummary() {
  const health = useEntityHealth()
  return (
    <Widget title="Health">
      {health && (
        <ul className="divide-y divide-slate-100 text-sm">
          <Line type="vms" label="VMs" h={health.vms} />
          <Line type="hosts" label="Hosts" h={health.hosts} />
          <Line type="disks" label="Disks" h={health.disks} />
        </ul>
      )}
      <button type="button" className="mt-1 text-xs font-medium text-sky-700 hover:underline" onClick={() => navigate('health')}>
        Open Health
      </button>
    </Widget>
  )
}
