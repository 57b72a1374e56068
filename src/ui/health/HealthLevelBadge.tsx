/** A health state as Prism shows it: a coloured dot and the word (colour is never the only cue). */
import { HEALTH_WORD, type HealthLevel } from './entityHealth'

export const HEALTH_DOT: Record<HealthLevel, string> = { good: 'bg-emerald-500', warning: 'bg-amber-400', critical: 'bg-red-600' }
export const HEALTH_TEXT: Record<HealthLevel, string> = { good: 'text-emerald-700', warning: 'text-amber-800', critical: 'text-red-700' }

export function HealthLevelBadge(props: { level: HealthLevel }) {
  return (
    <span className={`inline-flex items-center gap-1.5 font-medium ${HEALTH_TEXT[props.level]}`} data-level={props.level}>
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${HEALTH_DOT[props.level]}`} />
      {HEALTH_WORD[props.level]}
    </span>
  )
}
