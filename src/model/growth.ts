/**
 * Data growth (scenario `cluster.data.growthTBPerDay`): VMs keep writing new data, so
 * raw usage rises over time. New extent groups are written with their full RF on healthy
 * disks (data.ts `write`), once per simulated hour.
 */
import type { Simulation } from './simulation'
import { UNIT_BYTES } from './units'

export const GROWTH_INTERVAL_SECONDS = 3600

export class DataGrowth {
  /** logical bytes written so far that did not yet make a whole extent group */
  private carry = 0

  constructor(private readonly sim: Simulation) {
    if (sim.spec.growthBytesPerDay <= 0) return
    sim.on('data-growth', () => this.tick())
    sim.schedule(GROWTH_INTERVAL_SECONDS, 'data-growth', null, true)
  }

  private tick(): void {
    const sim = this.sim
    // the growth rate is raw (replicas included), like the scenario's usedTB
    const rawBytes = (sim.spec.growthBytesPerDay * GROWTH_INTERVAL_SECONDS) / 86400
    this.carry += rawBytes / sim.spec.replicationFactor
    const count = Math.floor(this.carry / UNIT_BYTES)
    this.carry -= count * UNIT_BYTES
    if (count > 0) {
      sim.data.write(sim.rng, 0, count, sim.effectiveAwareness)
      sim.invalidate()
    }
    sim.schedule(GROWTH_INTERVAL_SECONDS, 'data-growth', null, true)
  }
}
