/**
 * `Until` conditions (DRILL-API.md §5): their validation and the predicate the simulation
 * checks after every event (`Simulation.advanceUntil`, the scenario `expect` checks).
 * A predicate is sticky: once it has been true it stays true (an event seen is seen).
 */
import { z } from 'zod/mini'
import type { ClusterLog } from '../kernel/log'
import type { ResiliencyStatus, Until } from '../types'

/** What an `Until` condition reads of the simulation (never the Simulation class itself). */
export interface UntilSource {
  readonly curatorScanning: boolean
  faultTolerance(): { status: ResiliencyStatus }
  readonly log: ClusterLog
  vmIndex(vmId: string): number
  readonly vms: { readonly power: ArrayLike<number> }
}

export const RESILIENCY_STATUSES: readonly ResiliencyStatus[] = ['OK', 'Warning', 'Critical', 'Computing']
const TASK_STATES = ['running', 'succeeded', 'failed'] as const
const VM_POWERS = ['on', 'off', 'restarting'] as const

const name = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(80, 'must be at most 80 characters'))

/** The JSON shape of an `Until` (for scenario `expect` checks and the JSON Schema). */
export const untilSchema = z.union(
  [
    z.strictObject({ event: name }),
    z.strictObject({ task: name, state: z.enum(TASK_STATES) }),
    z.strictObject({ status: z.enum(RESILIENCY_STATUSES as ['OK', 'Warning', 'Critical', 'Computing']) }),
    z.strictObject({ vm: name, power: z.enum(VM_POWERS) }),
  ],
  { error: 'must be one of {event}, {task, state}, {status}, {vm, power}' },
)

const quote = (v: unknown) => JSON.stringify(v) ?? String(v)

/** The problem with an `until` (null when it is fine); `vmExists` checks VM ids. */
export function untilProblem(u: unknown, vmExists: (id: string) => boolean): string | null {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return 'until must be an object: {event}, {task, state}, {status} or {vm, power}'
  const o = u as Record<string, unknown>
  const keys = Object.keys(o).sort().join(',')
  const str = (k: string) => typeof o[k] === 'string' && (o[k] as string).length > 0
  if (keys === 'event') return str('event') ? null : 'until.event must be an event type such as "HaRestartStarted"'
  if (keys === 'state,task') {
    if (!str('task')) return 'until.task must be a task type such as "DataRebuild"'
    return (TASK_STATES as readonly unknown[]).includes(o.state) ? null : `until.state must be one of "running", "succeeded", "failed", got ${quote(o.state)}`
  }
  if (keys === 'status')
    return (RESILIENCY_STATUSES as readonly unknown[]).includes(o.status) ? null : `until.status must be one of "OK", "Warning", "Critical", "Computing", got ${quote(o.status)}`
  if (keys === 'power,vm') {
    if (!str('vm')) return 'until.vm must be a VM id'
    if (!vmExists(o.vm as string)) return `unknown VM "${o.vm as string}"`
    return (VM_POWERS as readonly unknown[]).includes(o.power) ? null : `until.power must be one of "on", "off", "restarting", got ${quote(o.power)}`
  }
  return `until must be one of {event}, {task, state}, {status}, {vm, power}; got the fields {${Object.keys(o).join(', ')}}`
}

/** The resiliency status as the Report shows it now. */
export function statusNow(sim: UntilSource): ResiliencyStatus {
  return sim.curatorScanning ? 'Computing' : sim.faultTolerance().status
}

/**
 * A predicate for `u`, anchored at this moment ("after the call"): events emitted and tasks
 * ended before it do not count. `u` must be valid (untilProblem).
 */
export function untilPredicate(sim: UntilSource, u: Until): () => boolean {
  let met = false
  const sticky = (check: () => boolean) => () => met || (met = check())
  if ('event' in u) {
    let seen = sim.log.eventsAppended
    return sticky(() => {
      if (sim.log.eventsAppended === seen) return false
      const { items } = sim.log.eventsSince(seen)
      seen = sim.log.eventsAppended
      return items.some((e) => e.type === u.event)
    })
  }
  if ('task' in u) {
    const endedBefore = new Set(sim.log.tasks.filter((t) => t.type === u.task && t.state !== 'running').map((t) => t.id))
    let version = -1
    return sticky(() => {
      if (sim.log.tasksVersion === version) return false
      version = sim.log.tasksVersion
      return sim.log.tasks.some((t) => t.type === u.task && t.state === u.state && !endedBefore.has(t.id))
    })
  }
  if ('status' in u) return sticky(() => statusNow(sim) === u.status)
  const v = sim.vmIndex(u.vm)
  const want = VM_POWERS.indexOf(u.power)
  return sticky(() => sim.vms.power[v] === want)
}
