/**
 * The VM I/O path (DOMAIN.md §7): which Stargate serves each vDisk's iSCSI session.
 * The simulation calls into this module when a VM powers on or off and after every
 * change of component state.
 */
import type { Simulation } from './simulation'
import type { StateChange } from './topology'
import { POWER_ON } from './vms'

export class IoPaths {
  constructor(private readonly sim: Simulation) {}

  /** A VM was powered on (its host is vms.host[v]): log its vDisks in. */
  onPowerOn(v: number): void {
    this.route(v)
  }

  /** A VM stopped: its sessions end (vdiskStargate is already -1). */
  onPowerOff(_v: number): void {}

  /** After every change of component state. */
  onStateChange(_change: StateChange): void {
    const { vms } = this.sim
    for (let v = 0; v < vms.count; v++) if (vms.power[v] === POWER_ON) this.route(v)
    vms.version++
  }

  /** Local Stargate when it serves; otherwise no path. */
  private route(v: number): void {
    const { vms, topo } = this.sim
    const host = vms.host[v]
    for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
      vms.vdiskStargate[vd] = vms.power[v] === POWER_ON && host >= 0 && topo.cvmServing(host) ? host : -1
    }
  }
}
