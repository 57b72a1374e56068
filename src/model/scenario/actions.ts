/**
 * A scenario step's action (DRILL-API.md §3, §5) applied through the drill API's own methods,
 * so a step does exactly what the same call would (and is refused the same way).
 */
import type { AddNodeInput, ScenarioAction } from './schema'
import type { Fault } from '../types'

/** The drill-API methods a step may call (the Simulation implements them). */
export interface ActionTarget {
  inject(f: Fault): void
  restore(target: string): void
  powerOn(vmId: string): void
  powerOff(vmId: string): void
  removeDisk(diskId: string): void
  migrate(vmId: string, hostId?: string): void
  enterMaintenance(nodeId: string): void
  exitMaintenance(nodeId: string): void
  upgrade(kind: 'aos' | 'ahv'): void
  removeNode(nodeId: string): void
  addNode(node: AddNodeInput): void
}

export function applyScenarioAction(t: ActionTarget, a: ScenarioAction): void {
  if ('inject' in a) t.inject(a.inject)
  else if ('restore' in a) t.restore(a.restore)
  else if ('powerOn' in a) t.powerOn(a.powerOn)
  else if ('powerOff' in a) t.powerOff(a.powerOff)
  else if ('removeDisk' in a) t.removeDisk(a.removeDisk)
  else if ('migrate' in a) t.migrate(a.migrate.vm, a.migrate.host)
  else if ('enterMaintenance' in a) t.enterMaintenance(a.enterMaintenance)
  else if ('exitMaintenance' in a) t.exitMaintenance(a.exitMaintenance)
  else if ('upgrade' in a) t.upgrade(a.upgrade)
  else if ('removeNode' in a) t.removeNode(a.removeNode)
  else if ('addNode' in a) t.addNode(a.addNode)
}
