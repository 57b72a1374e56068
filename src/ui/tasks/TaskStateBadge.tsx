/** A task's state in Prism's words and colours. */
import type { SimTask } from '../bridge/types'

const STYLE: Record<SimTask['state'], string> = {
  running: 'text-sky-700',
  succeeded: 'text-emerald-700',
  failed: 'text-red-700',
}
const DOT: Record<SimTask['state'], string> = { running: 'bg-sky-600', succeeded: 'bg-emerald-500', failed: 'bg-red-600' }
export const TASK_STATE_WORD: Record<SimTask['state'], string> = { running: 'Running', succeeded: 'Succeeded', failed: 'Failed' }

export function TaskStateBadge(props: { state: SimTask['state'] }) {
  return (
    <span className={`inline-flex items-center gap-1.5 font-medium ${STYLE[props.state]}`} data-state={props.state}>
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${DOT[props.state]}`} />
      {TASK_STATE_WORD[props.state]}
    </span>
  )
}
