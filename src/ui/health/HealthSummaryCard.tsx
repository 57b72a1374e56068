/** One entity type on the Health page: good / warning / critical counts and the entities at fault. */
import { Widget } from '../common/Widget'
import type { HealthLevel, HealthTally } from './entityHealth'

const LEVELS: HealthLevel[] = ['good', 'warning', 'critical']
const WORD: Record<HealthLevel, string> = { good: 'Good', warning: 'Warning', critical: 'Critical' }
const SWATCH: Record<HealthLevel, string> = { good: 'bg-emerald-500', warning: 'bg-amber-400', critical: 'bg-red-600' }
const TEXT: Record<HealthLevel, string> = { good: 'text-emerald-700', warning: 'text-amber-700', critical: 'text-red-700' }
const SHOWN = 8

export function HealthSummaryCard(props: { title: string; testId: string; tally: HealthTally }) {
  const { tally } = props
  const total = tally.good + tally.warning + tally.critical
  const worst: HealthLevel = tally.critical > 0 ? 'critical' : tally.warning > 0 ? 'warning' : 'good'
  return (
    <Widget title={props.title} testId={props.testId}>
      <div data-state={worst} data-good={tally.good} data-warning={tally.warning} data-critical={tally.critical}>
        <div className="flex items-baseline gap-2">
          <span className="text-3xl font-light tabular-nums text-slate-900">{total}</span>
          <span className={`text-sm font-medium ${TEXT[worst]}`}>{WORD[worst]}</span>
        </div>
        <div className="mt-2 flex h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
          {LEVELS.map((l) => (total > 0 && tally[l] > 0 ? <div key={l} className={SWATCH[l]} style={{ width: `${(tally[l] / total) * 100}%` }} /> : null))}
        </div>
        <dl className="mt-3 grid grid-cols-3 gap-2">
          {LEVELS.map((l) => (
            <div key={l} className="flex flex-col" data-testid={`${props.testId}-${l}`}>
              <dt className="flex items-center gap-1.5 text-xs text-slate-500">
                <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-sm ${SWATCH[l]}`} />
                {WORD[l]}
              </dt>
              <dd className="text-xl tabular-nums text-slate-900">{tally[l]}</dd>
            </div>
          ))}
        </dl>
        {tally.issues.length > 0 && (
          <ul aria-label={`${props.title} not in good health`} className="mt-3 flex flex-col gap-1 border-t border-slate-100 pt-2 text-[13px]">
            {tally.issues.slice(0, SHOWN).map((i) => (
              <li key={i.id} className="flex items-start gap-2">
                <span aria-hidden="true" className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-sm ${SWATCH[i.level]}`} />
                <span>
                  <span className="font-medium text-slate-900">{i.id}</span>
                  <span className="sr-only"> ({WORD[i.level]})</span>
                  <span className="text-slate-600">: {i.reason}</span>
                </span>
              </li>
            ))}
            {tally.issues.length > SHOWN && <li className="text-xs text-slate-500">and {tally.issues.length - SHOWN} more</li>}
          </ul>
        )}
      </div>
    </Widget>
  )
}
