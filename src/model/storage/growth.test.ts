/** Data growth and one-off writes (growth.ts): usage over time, validation, the 95 % limit. */
import { describe, expect, it } from 'vitest'
import { GROWTH_INTERVAL_SECONDS } from './growth'
import { Simulation } from '../simulation'
import type { Scenario } from '../scenario/schema'
import { TB, UNIT_BYTES } from '../kernel/units'

/** The Bible's 4 × 10 TB cluster (resilient capacity 30 TB), at `usedPct` raw use. */
const bible = (usedPct: number, growthTBPerDay?: number): Scenario => ({
  title: 'Bible 4 x 10 TB',
  cluster: {
    awareness: 'node',
    layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 4, ssdPerNode: 1, hddPerNode: 1, ssdTB: 2, hddTB: 8 },
    data: { usedPct, ...(growthTBPerDay !== undefined ? { growthTBPerDay } : {}) },
  },
})

const freeSpace = (sim: Simulation) => sim.faultTolerance().rows.find((r) => r.domainType === 'NODE')!.components.FREE_SPACE

describe('growth rate', () => {
  it('writes the scenario rate hourly, with full RF, and does not keep settle running', () => {
    const sim = Simulation.create(bible(20, 2.4))
    const used0 = sim.report().storage.usedBytes
    expect(sim.report().storage.growthBytesPerDay).toBe(2.4 * TB)
    sim.advance(24 * 3600)
    const grown = sim.report().storage.usedBytes - used0
    // 2.4 TB raw per day, written 1 GB × RF2 at a time: within one extent group of the rate
    expect(Math.abs(grown - 2.4 * TB)).toBeLessThanOrEqual(2 * UNIT_BYTES)
    expect(grown % (2 * UNIT_BYTES)).toBe(0)
    expect(sim.data.unplaced).toBe(0)
    // growth events are quiet: settle returns at once
    expect(sim.settle(3600)).toBe(0)
  })

  it('can be set at run time, and 0 stops it', () => {
    const sim = Simulation.create(bible(20))
    const used0 = sim.availableUsedBytes()
    sim.advance(2 * GROWTH_INTERVAL_SECONDS)
    expect(sim.availableUsedBytes()).toBe(used0)
    sim.growth.setRate(4.8)
    expect(sim.report().storage.growthBytesPerDay).toBe(4.8 * TB)
    expect(sim.report().events.at(-1)!.type).toBe('DataGrowthChanged')
    sim.advance(GROWTH_INTERVAL_SECONDS)
    expect(sim.availableUsedBytes() - used0).toBe(200 * UNIT_BYTES) // 4.8 TB / 24 h = 200 GB raw
    sim.growth.setRate(0)
    const used1 = sim.availableUsedBytes()
    sim.advance(5 * GROWTH_INTERVAL_SECONDS)
    expect(sim.availableUsedBytes()).toBe(used1)
  })

  it('refuses a bad rate with the reason and changes nothing', () => {
    const sim = Simulation.create(bible(20, 1))
    const before = JSON.stringify(sim.report())
    for (const bad of [-1, Number.NaN, Infinity, 1e9, '3' as unknown as number]) {
      expect(() => sim.growth.setRate(bad)).toThrow(/growth rate must be a number of TB per day from 0 to/)
    }
    expect(JSON.stringify(sim.report())).toBe(before)
  })

  it('stops at the 95 % read-only limit and raises StorageFull', () => {
    const sim = Simulation.create(bible(90, 100))
    sim.advance(3 * 86400)
    const s = sim.report().storage
    expect(s.usedBytes).toBeLessThanOrEqual(0.95 * s.totalBytes)
    expect(s.writableBytes).toBeLessThan(2 * UNIT_BYTES)
    expect(sim.data.unplaced).toBe(0)
    const alert = sim.report().alerts.find((a) => a.type === 'StorageFull')
    expect(alert?.message).toContain('95 %')
  })
})

describe('write', () => {
  it('adds exactly the raw bytes asked for (in whole extent groups)', () => {
    const sim = Simulation.create(bible(20))
    const used0 = sim.availableUsedBytes()
    expect(sim.growth.write(1)).toBe(500)
    expect(sim.availableUsedBytes() - used0).toBe(1 * TB)
    expect(sim.report().events.at(-1)).toMatchObject({ type: 'DataWritten', message: '931 GiB of new data written (raw, RF2)' }) // 1 TB, in the one (binary) unit system
  })

  it('refuses bad sizes and what does not fit below 95 %, leaving the simulation as it was', () => {
    const sim = Simulation.create(bible(60))
    const before = JSON.stringify(sim.report())
    expect(() => sim.growth.write(0)).toThrow('data to write must be a positive number of TB (raw), got 0')
    expect(() => sim.growth.write(-2)).toThrow('positive number')
    expect(() => sim.growth.write(Number.NaN)).toThrow('positive number')
    expect(() => sim.growth.write(0.0001)).toThrow('less than one extent group')
    expect(() => sim.growth.write(30)).toThrow(/cannot write 27.28 TiB: the healthy disks can take only [\d.]+ TiB more at RF2 \(copies on distinct nodes\) below Stargate's 95 % read-only limit/)
    expect(JSON.stringify(sim.report())).toBe(before)
  })

  it('raising usage turns the state to warning, then critical, and FREE_SPACE drops to 0', () => {
    const sim = Simulation.create(bible(20)) // 8 TB used, resilient 30 TB, threshold 22.5 TB
    expect(sim.report().storage.state).toBe('ok')
    expect(freeSpace(sim).failuresTolerable).toBe(1)
    sim.growth.write(15) // 23 TB
    expect(sim.report().storage.state).toBe('warning')
    expect(freeSpace(sim).failuresTolerable).toBe(1)
    sim.growth.write(8) // 31 TB > 30 TB
    const s = sim.report().storage
    expect(s.usedBytes).toBeGreaterThan(s.resilientCapacityBytes)
    expect(s.state).toBe('critical')
    expect(freeSpace(sim)).toEqual({ failuresTolerable: 0, message: 'Cluster does not have enough capacity to tolerate a node failure' })
    expect(sim.report().resiliency.faultTolerance.find((r) => r.domainType === 'NODE')!.failuresTolerable).toBe(0)
  })

  it('is deterministic: same actions, same report', () => {
    const run = () => {
      const sim = Simulation.create(bible(30, 3))
      sim.growth.write(2)
      sim.advance(10 * 3600)
      sim.growth.setRate(1)
      sim.advance(10 * 3600)
      return JSON.stringify(sim.report())
    }
    expect(run()).toBe(run())
  })
})
