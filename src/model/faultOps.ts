/**
 * Injecting and restoring faults (DRILL-API.md §2, §5): the drill API's inject and restore.
 * A fault is checked against the topology first (a refusal changes nothing), becomes a cause
 * (its events and alerts are grouped: one alert per cause, kernel/log.ts), and every part of
 * the model reacts through the composition root's applyStateChange. Silent corruption is no
 * component fault: the scrubber's store takes it (storage/integrity/). A multi-node partition
 * heals by any of its nodes (cluster/partition.ts).
 */
import { SimError } from './kernel/errors'
import type { ClusterLog } from './kernel/log'
import type { Topology } from './cluster/topology'
import { describeFault } from './cluster/stateLog'
import { faultEntity, faultNames, storedFault } from './cluster/partition'
import type { DiskHealth } from './storage/hades'
import type { Scrubber } from './storage/integrity/scrubber'
import type { Fault } from './types'

/** What inject and restore use. */
export interface FaultHost {
  readonly topo: Topology
  readonly log: ClusterLog
  readonly diskHealth: Pick<DiskHealth, 'isKeptOffline' | 'onDiskFault' | 'onRestore'>
  readonly scrubber: Pick<Scrubber, 'inject'>
  /** derive the new component states and let every part of the model react */
  applyStateChange(): void
}

export function injectFault(host: FaultHost, f: Fault): void {
  const { topo, log } = host
  if (f?.kind === 'corrupt') return host.scrubber.inject(f.target, f.extentGroups)
  const kept = f?.kind === 'disk' ? topo.diskIndex.get(f.target) : undefined
  if (kept !== undefined && host.diskHealth.isKeptOffline(kept))
    throw new SimError(`disk "${f.target}" is already offline (marked offline 3 times in an hour); restore it first`)
  const problem = topo.faultProblem(f)
  if (problem) throw new SimError(problem)
  if (f.kind === 'disk' && f.smart !== undefined && f.smart !== 'fail' && f.smart !== 'pass')
    throw new SimError(`smart must be "fail" or "pass"`)
  const stored = storedFault(f)
  topo.faults.push(stored)
  const outer = log.cause
  log.cause = log.newCause()
  try {
    log.event(f.kind === 'partition' || f.kind === 'cvm' ? 'warning' : 'critical', 'FaultInjected', faultEntity(stored), describeFault(stored))
    if (f.kind === 'disk') host.diskHealth.onDiskFault(topo.diskIndex.get(f.target)!, f.smart ?? 'fail')
    host.applyStateChange()
  } finally {
    log.cause = outer
  }
}

export function restoreFault(host: FaultHost, target: string): void {
  const { topo } = host
  if (typeof target !== 'string' || topo.kindOf(target) === null) throw new SimError(`unknown target "${String(target)}"`)
  const before = topo.faults.length
  const kept = topo.faults.filter((f) => !faultNames(f, target))
  if (kept.length === before) throw new SimError(`"${target}" has no active fault to restore`)
  const d = topo.diskIndex.get(target)
  topo.faults.length = 0
  topo.faults.push(...kept)
  host.log.event('info', 'FaultRestored', target, `${target} restored by the administrator`)
  if (d !== undefined) host.diskHealth.onRestore(d)
  host.applyStateChange()
}

/** Remove an active fault without an administrator action (e.g. transient disk errors that Hades cleared). */
export function removeFault(topo: Topology, kind: Fault['kind'], target: string): void {
  const i = topo.faults.findIndex((f) => f.kind === kind && f.target === target)
  if (i >= 0) topo.faults.splice(i, 1)
}
