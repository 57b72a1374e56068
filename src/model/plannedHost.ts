/**
 * The composition root's side of the planned operations (upgrade/plannedOps.ts): what they
 * may read and do in the rest of the model, built from the Simulation's public parts so
 * simulation.ts only delegates the drill API calls.
 */
import { withKernel } from './kernel/kernelView'
import type { Kernel } from './kernel/context'
import type { Curator } from './storage/curator/curator'
import type { OplogStore } from './storage/data'
import type { FaultToleranceResult } from './storage/tolerance/resiliency'
import type { IoPaths } from './iopath/iopath'
import type { Domain } from './types'
import type { PlannedHost } from './upgrade/plannedOps'

/** The parts of the Simulation used here (a structural type: no import of simulation.ts). */
export interface PlannedRoot extends Kernel, Pick<PlannedHost, 'spec' | 'topo' | 'vms' | 'ha' | 'curatorScanning' | 'applyStateChange'> {
  readonly curator: Pick<Curator, 'rebuildTask' | 'onStateChange'>
  readonly io: Pick<IoPaths, 'handOff' | 'sessionsHome' | 'onMigrated'>
  readonly oplog: Pick<OplogStore, 'open' | 'close'>
  readonly effectiveAwareness: Domain
  faultTolerance(): FaultToleranceResult
  powerOff(vmId: string): void
  tryPowerOn(v: number, interactive: boolean): void
  configChangeRefusal(): string | null
}

export function plannedHost(sim: PlannedRoot): PlannedHost {
  return withKernel<Omit<PlannedHost, keyof Kernel>>(sim, {
    configChangeRefusal: () => sim.configChangeRefusal(),
    get spec() { return sim.spec },
    get topo() { return sim.topo },
    get vms() { return sim.vms },
    get ha() { return sim.ha },
    get curatorScanning() { return sim.curatorScanning },
    resiliencyStatus: () => sim.faultTolerance().status as 'OK' | 'Warning' | 'Critical',
    rebuildRunning: () => sim.curator.rebuildTask?.state === 'running',
    handOffSessions: (n) => sim.io.handOff(n),
    sessionsHome: (n) => sim.io.sessionsHome(n),
    onVmMigrated(v) {
      // the OpLog episodes reopen with the new host's CVM, then the sessions log in there
      for (let vd = sim.vms.vdiskStart[v]; vd < sim.vms.vdiskStart[v + 1]; vd++) {
        sim.oplog.close(vd)
        sim.oplog.open(sim.rng, vd, sim.vms.host[v], sim.effectiveAwareness)
      }
      sim.io.onMigrated(v)
      sim.vms.version++
    },
    powerOffVm(v, why) {
      sim.powerOff(sim.spec.vms[v].id)
      sim.log.event('info', 'VmPoweredOffForMaintenance', sim.spec.vms[v].id, `VM ${sim.spec.vms[v].name} powered off: ${why}`)
    },
    powerOnVm(v) {
      const refusal = sim.ha.admission(v)
      if (refusal) return refusal
      sim.tryPowerOn(v, true)
      return null
    },
    applyStateChange: () => sim.applyStateChange(),
    curatorReplan() {
      sim.curator.onStateChange({ hosts: [], cvms: [], disks: [] })
      sim.faultToleranceEvaluated()
    },
  })
}
