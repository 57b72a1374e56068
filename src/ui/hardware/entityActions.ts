/**
 * The actions an entity's menu offers (DRILL-API.md §4) and how they run: each one is
 * a fault injection or a restore through the bridge; the result is toasted.
 */
import type { Fault } from '../bridge/types'
import { simClient } from '../bridge/client'
import { useSim } from '../store/simStore'
import type { EntityKind } from './entities'

export interface EntityAction {
  key: string
  label: string
  danger: boolean
  /** a fault to inject, or the id to restore */
  fault: Fault | null
  restore: string | null
  /** a disk to remove (DRILL-API §5 removeDisk) */
  removeDisk?: string
  /** a host to remove (DRILL-API §5 removeNode) */
  removeNode?: string
  /** a planned operation instead (maintenance mode) on `target` */
  maintenance?: 'enter' | 'exit'
  target?: string
  /** the toast shown when it succeeds */
  done: string
}

const FAULTS: Record<EntityKind, Array<{ kind: Fault['kind']; label: string; done: (id: string) => string; smart?: 'pass' }>> = {
  disk: [
    { kind: 'disk', label: 'Fail disk', done: (id) => `Disk ${id} failed: Stargate marked it offline, Hades is testing it` },
    { kind: 'disk', label: 'Transient disk errors', smart: 'pass', done: (id) => `Disk ${id} returned I/O errors: Stargate marked it offline, Hades is testing it` },
  ],
  node: [
    { kind: 'cvm', label: 'Shut down CVM', done: (id) => `CVM on ${id} shut down` },
    { kind: 'node', label: 'Power off node', done: (id) => `Host ${id} powered off` },
    { kind: 'partition', label: 'Partition network', done: (id) => `Host ${id} cut off from the cluster network` },
  ],
  block: [{ kind: 'block', label: 'Fail block', done: (id) => `Block ${id} failed` }],
  rack: [{ kind: 'rack', label: 'Fail rack', done: (id) => `Rack ${id} failed` }],
}

/** The actions that apply now: faults not already active on the target, and Restore when one is. */
export function actionsFor(kind: EntityKind, id: string, activeKinds: readonly string[] | undefined, diskPhase = 0, maintenance = 0, removal = 0): EntityAction[] {
  if (kind === 'disk' && diskPhase > 0) return []
  // a host being removed (or gone) offers nothing: its removal runs to the end (README "Storage lifecycle")
  if (kind === 'node' && removal > 0) return []
  const active = activeKinds ?? []
  const out: EntityAction[] = FAULTS[kind]
    .filter((f) => !active.includes(f.kind))
    .map((f) => ({
      key: f.smart ? `${f.kind}-${f.smart}` : f.kind,
      label: f.label,
      danger: true,
      fault: (f.smart ? { kind: f.kind, target: id, smart: f.smart } : { kind: f.kind, target: id }) as Fault,
      restore: null,
      done: f.done(id),
    }))
  // silent corruption (DOMAIN.md §12): offered on a disk that serves; a read or the scrubber finds it later
  if (kind === 'disk' && active.length === 0)
    out.push({ key: 'corrupt', label: 'Corrupt data (bit rot)', danger: true, fault: { kind: 'corrupt', target: id }, restore: null, done: `About 1 % of the copies on disk ${id} are now silently corrupt: reads and the scrubber will find them` })
  if (kind === 'disk') out.push({ key: 'remove-disk', label: 'Remove disk', danger: true, fault: null, restore: null, removeDisk: id, done: `Disk ${id} marked for removal: its data migrates to the other disks first` })
  if (active.length > 0) out.push({ key: 'restore', label: 'Restore', danger: false, fault: null, restore: id, done: `${id} restored` })
  // planned operations (README "Planned operations"): 0 none, 2 in maintenance; entering/exiting offer nothing
  if (kind === 'node' && maintenance === 0 && active.length === 0)
    out.push({ key: 'enter-maintenance', label: 'Enter maintenance mode', danger: false, fault: null, restore: null, maintenance: 'enter', target: id, done: `Host ${id} is entering maintenance mode: its VMs live-migrate off` })
  if (kind === 'node' && maintenance === 2)
    out.push({ key: 'exit-maintenance', label: 'Exit maintenance mode', danger: false, fault: null, restore: null, maintenance: 'exit', target: id, done: `Host ${id} is exiting maintenance mode: its VMs migrate back` })
  if (kind === 'node' && (maintenance === 0 || maintenance === 2) && active.length === 0)
    out.push({ key: 'remove-host', label: 'Remove host', danger: true, fault: null, restore: null, removeNode: id, done: `Host ${id} marked for removal: its VMs, then its data, move to the other nodes first` })
  return out
}

/** Run an action; never throws: a rejection becomes an error toast naming the problem. */
export async function runAction(action: EntityAction): Promise<void> {
  const { toast } = useSim.getState()
  try {
    if (action.fault) await simClient.inject(action.fault)
    else if (action.restore) await simClient.restore(action.restore)
    else if (action.removeDisk) await simClient.removeDisk(action.removeDisk)
    else if (action.removeNode) await simClient.removeNode(action.removeNode)
    else if (action.maintenance === 'enter') await simClient.enterMaintenance(targetOf(action))
    else if (action.maintenance === 'exit') await simClient.exitMaintenance(targetOf(action))
    toast('done', action.done)
  } catch (e) {
    toast('error', e instanceof Error ? e.message : String(e))
  }
}

const targetOf = (a: EntityAction): string => a.target ?? ''
