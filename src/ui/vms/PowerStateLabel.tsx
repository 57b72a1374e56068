/** A VM's power state with Prism's coloured dot. */
import { POWER_WORD, type PowerState } from './vmRows'

const DOT: Record<PowerState, string> = { on: 'bg-emerald-500', off: 'bg-slate-400', restarting: 'bg-amber-400' }

export function PowerStateLabel(props: { power: PowerState }) {
  return (
    <span className="inline-flex items-center gap-1.5" data-power={props.power}>
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${DOT[props.power]}`} />
      {POWER_WORD[props.power]}
    </span>
  )
}
