/**
 * Health → left column: one entry per entity type with its total and a count per health
 * state. The entry opens that type's list; a count opens it filtered to that state.
 */
import { Widget } from '../common/Widget'
import { formatCount } from '../format'
import { HEALTH_LEVELS, HEALTH_WORD, type HealthLevel } from './entityHealth'
import { ENTITY_TYPES, type AllHealth, type EntityTypeId } from './entityTypes'
import { HEALTH_DOT } from './HealthLevelBadge'

export function EntityTypeList(props: { health: AllHealth; current: EntityTypeId; onOpen: (type: EntityTypeId, level: HealthLevel | 'all') => void }) {
  return (
    <Widget title="Entities" testId="health-entity-types">
      <ul aria-label="Entity types" className="-mx-3 -my-3 flex flex-col">
        {ENTITY_TYPES.map((t) => {
          const h = props.health[t.id]
          const total = h.good + h.warning + h.critical
          const worst: HealthLevel = h.critical > 0 ? 'critical' : h.warning > 0 ? 'warning' : 'good'
          const current = t.id === props.current
          return (
            <li key={t.id} data-testid={`health-${t.id}`} className={`border-b border-slate-100 px-3 py-2 last:border-b-0 ${current ? 'bg-sky-50 shadow-[inset_3px_0_0_#0369a1]' : ''}`}>
              <button
                type="button"
                aria-current={current ? 'true' : undefined}
                aria-label={`${t.name}, ${total} in all`}
                className="flex w-full items-baseline justify-between gap-2 text-left"
                onClick={() => props.onOpen(t.id, 'all')}
              >
                <span className={`text-sm ${current ? 'font-semibold text-slate-900' : 'font-medium text-sky-800'}`}>{t.name}</span>
                <span className="text-lg tabular-nums text-slate-900">{formatCount(total)}</span>
              </button>
              <div className="mt-1 flex h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                {HEALTH_LEVELS.map((l) => (total > 0 && h[l] > 0 ? <div key={l} className={HEALTH_DOT[l]} style={{ width: `${(h[l] / total) * 100}%` }} /> : null))}
              </div>
              <div className="mt-1 flex flex-wrap gap-x-2.5 gap-y-0.5 text-xs" data-state={worst} data-good={h.good} data-warning={h.warning} data-critical={h.critical}>
                {HEALTH_LEVELS.map((l) => (
                  <button
                    key={l}
                    type="button"
                    className="inline-flex items-center gap-1 rounded px-0.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-default disabled:hover:bg-transparent"
                    aria-label={`${t.name}: ${h[l]} ${HEALTH_WORD[l].toLowerCase()}, show them`}
                    disabled={h[l] === 0}
                    onClick={() => props.onOpen(t.id, l)}
                  >
                    <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${HEALTH_DOT[l]}`} />
                    <span className="tabular-nums">{formatCount(h[l])}</span>
                    <span>{HEALTH_WORD[l]}</span>
                  </button>
                ))}
              </div>
            </li>
          )
        })}
      </ul>
    </Widget>
  )
}
