/**
 * VM power (DRILL-API.md §2; seeds 002–003): powering a VM on goes through HA admission
 * (Guarantee-mode reservation, memory) and the placement, opens its OpLog episodes and its
 * vDisk sessions; powering it off ends them. Used by the drill API, scenario steps, the
 * load (VMs that start on) and HA.
 */
import { SimError } from '../kernel/errors'
import type { Kernel } from '../kernel/context'
import type { ClusterSpec } from '../scenario/normalize'
import { POWER_OFF, POWER_ON, type VmTable } from '../cluster/vms'
import type { OplogStore } from '../storage/oplog'
import type { Domain } from '../types'

/** What VM power uses: the VM table, HA's admission and placement, the OpLog and the I/O paths. */
export interface VmPowerContext extends Pick<Kernel, 'log' | 'rng' | 'invalidate'> {
  readonly spec: ClusterSpec
  readonly vms: VmTable
  readonly oplog: OplogStore
  readonly effectiveAwareness: Domain
  readonly ha: { admission(v: number): string | null; placement(v: number): number; onPowerOn(v: number): void; onPowerOff(v: number): void }
  readonly io: { onPowerOn(v: number): void; onPowerOff(v: number): void }
  configChangeRefusal(): string | null
  vmIndex(vmId: string): number
}

/** The administrator powers a VM on: refused (nothing changes) when it is on, the configuration is frozen or HA cannot admit it. */
export function powerOnVm(ctx: VmPowerContext, vmId: string): void {
  const v = ctx.vmIndex(vmId)
  if (ctx.vms.power[v] === POWER_ON) throw new SimError(`VM "${vmId}" is already on`)
  const frozen = ctx.configChangeRefusal()
  if (frozen) throw new SimError(`cannot power on VM "${vmId}": ${frozen}`)
  const refusal = ctx.ha.admission(v)
  if (refusal) throw new SimError(`cannot power on VM "${vmId}": ${refusal}`)
  tryPowerOn(ctx, v, true)
}

/** The administrator powers a VM off. */
export function powerOffVm(ctx: VmPowerContext, vmId: string): void {
  const v = ctx.vmIndex(vmId)
  if (ctx.vms.power[v] === POWER_OFF) throw new SimError(`VM "${vmId}" is already off`)
  setVmOff(ctx, v)
  ctx.ha.onPowerOff(v)
  ctx.io.onPowerOff(v)
  ctx.log.event('info', 'VmPowerOff', vmId, `VM ${ctx.spec.vms[v].name} powered off`)
  ctx.invalidate()
}

/** Power VM v on where HA places it, or log why it cannot (at load, or by a step). */
export function tryPowerOn(ctx: VmPowerContext, v: number, interactive: boolean): void {
  const { spec, vms } = ctx
  const s = spec.vms[v]
  const refusal = ctx.ha.admission(v)
  if (refusal) {
    ctx.log.event('warning', 'VmPowerOnFailed', s.id, `VM ${s.name} could not be powered on: ${refusal}`)
    return
  }
  const host = ctx.ha.placement(v)
  vms.host[v] = host
  vms.power[v] = POWER_ON
  vms.frodo[v] = s.frodo && s.vcpus >= 2 ? 1 : 0
  // one OpLog episode per vDisk: the local CVM plus RF − 1 healthy peers among all nodes (seed 004, oplog.ts)
  for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) ctx.oplog.open(ctx.rng, vd, host, ctx.effectiveAwareness)
  ctx.ha.onPowerOn(v)
  ctx.io.onPowerOn(v)
  vms.version++
  if (interactive) {
    ctx.log.event('info', 'VmPowerOn', s.id, `VM ${s.name} powered on on host ${spec.nodes[host].id}`)
    ctx.invalidate()
  }
}

/** Stop VM v: its sessions and OpLog episodes end (used by power-off and by HA). */
export function setVmOff(ctx: Pick<VmPowerContext, 'vms' | 'oplog'>, v: number): void {
  const { vms } = ctx
  vms.power[v] = POWER_OFF
  for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
    vms.vdiskStargate[vd] = -1
    ctx.oplog.close(vd)
  }
  vms.version++
}
