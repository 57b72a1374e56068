/**
 * What an action sets going after the moment it runs: per-VM workload starts and ends
 * (stagger, runtime) and the snapshot annotations. The executor calls `scheduleOf` when a
 * step runs and puts the timed entries on the simulated clock's event queue.
 */
import type { PlanAction } from './planTypes'

export type Scheduled =
  | { time: number; kind: 'workloadVmStart'; workload: string; vm: string }
  | { time: number; kind: 'workloadVmEnd'; workload: string; vm: string }
  | { time: number; kind: 'annotation'; text: string }

/** The timed follow-ups of `action` run at simulated time `at`, in time order (ties: as listed). */
export function scheduleOf(action: PlanAction, at: number): Scheduled[] {
  const out: Scheduled[] = []
  if (action.do === 'startWorkload') {
    for (const { vm, offset } of action.vms) {
      out.push({ time: at + offset, kind: 'workloadVmStart', workload: action.workload, vm })
      if (action.runtimeSeconds !== null) out.push({ time: at + offset + action.runtimeSeconds, kind: 'workloadVmEnd', workload: action.workload, vm })
    }
  } else if (action.do === 'snapshots') {
    for (let k = 0; k < action.count; k++)
      out.push({ time: at + k * action.everySeconds, kind: 'annotation', text: `${action.group}: snapshot ${k + 1} of ${action.count} (not simulated)` })
  }
  return out.map((e, i) => ({ e, i })).sort((a, b) => a.e.time - b.e.time || a.i - b.i).map((x) => x.e)
}
