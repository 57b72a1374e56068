/**
 * Opt-in fault domains (DOMAIN.md §12, judged.ts): best effort judges the awareness in force,
 * opt-in the desired domain, and a status that is not OK says why.
 */
import { describe, expect, it } from 'vitest'
import { builtinScenario } from '../../scenario/builtins'
import type { Scenario } from '../../scenario/schema'
import { Simulation } from '../../simulation'

/** 4 nodes in 2 blocks, block awareness desired: too few blocks for block fault tolerance (FT1 needs 3). */
const twoBlocks = (mode?: 'best-effort' | 'opt-in'): Scenario => ({
  id: 'two-blocks',
  title: 'Two blocks',
  cluster: {
    awareness: 'block',
    ...(mode ? { awarenessMode: mode } : {}),
    layout: { racks: 1, blocksPerRack: 2, nodesPerBlock: 2, ssdPerNode: 1, hddPerNode: 2, ssdTB: 1.92, hddTB: 4 },
    data: { usedPct: 30 },
  },
  vmFill: { count: 8, vcpus: 2, memoryGiB: 8, vdisks: 2 },
})

describe('awareness mode: best effort and opt-in', () => {
  it('best effort (default): a 2-block cluster falls back to node awareness and is OK, judged on nodes', () => {
    const r = Simulation.create(twoBlocks()).report()
    expect(r.cluster.awarenessMode).toBe('best-effort')
    expect(r.cluster.awareness).toEqual({ desired: 'block', effective: 'node' })
    expect(r.resiliency.status).toBe('OK')
    expect(r.resiliency.judgedDomain).toBe('node')
    expect(r.resiliency.statusReason).toBeNull()
  })

  it('opt-in: the same cluster is judged on blocks, shows Warning, and says why', () => {
    const r = Simulation.create(twoBlocks('opt-in')).report()
    expect(r.cluster.awarenessMode).toBe('opt-in')
    expect(r.resiliency.judgedDomain).toBe('block')
    expect(r.resiliency.status).toBe('Warning')
    expect(r.resiliency.statusReason).toMatch(/Block fault tolerance is opt-in, but the cluster has 2 blocks: FT1 needs at least 3/)
    // placement is unchanged: data still follows the awareness the cluster can hold
    const b = Simulation.create(twoBlocks())
    const o = Simulation.create(twoBlocks('opt-in'))
    expect(Array.from(o.data.replicaDisk)).toEqual(Array.from(b.data.replicaDisk))
  })

  it('opt-in and a node failure: Critical, with the node figure in the reason', () => {
    const sim = Simulation.create(twoBlocks('opt-in'))
    sim.inject({ kind: 'node', target: sim.spec.nodes[0].id })
    sim.advance(120)
    const r = sim.report()
    expect(r.resiliency.status).toBe('Critical')
    expect(r.resiliency.statusReason).toMatch(/only 0 node failures can be tolerated/)
  })

  it('changing the mode at runtime re-judges at once, logs it, and is recorded as a configuration change', () => {
    const sim = Simulation.create(twoBlocks())
    sim.setAwarenessMode('opt-in')
    let r = sim.report()
    expect(r.resiliency.status).toBe('Warning')
    expect(r.events.at(-1)!.type).toBe('FaultToleranceModeChanged')
    expect(r.events.at(-1)!.message).toMatch(/Block fault tolerance set to opt-in/)
    sim.setAwarenessMode('best-effort')
    r = sim.report()
    expect(r.resiliency.status).toBe('OK')
    expect(r.cluster.awarenessMode).toBe('best-effort')
  })

  it('refused without a Zookeeper quorum (the configuration pre-check), and for a bad value; nothing changes', () => {
    const sim = Simulation.create(twoBlocks())
    expect(() => sim.setAwarenessMode('sometimes' as 'opt-in')).toThrow(/awareness mode must be "best-effort" or "opt-in"/)
    const zk = sim.zookeeperServers()
    for (const n of zk.slice(0, 2)) sim.inject({ kind: 'cvm', target: sim.spec.nodes[n].id })
    const before = JSON.stringify(sim.report())
    expect(() => sim.setAwarenessMode('opt-in')).toThrow(/cannot change the fault tolerance to opt-in: the cluster has no Zookeeper quorum/)
    expect(JSON.stringify(sim.report())).toBe(before)
  })

  it('opt-in on a cluster that holds the desired domain judges as best effort does (twelve-3-blocks)', () => {
    const best = Simulation.create(builtinScenario('twelve-3-blocks')!)
    const opt = Simulation.create({ ...builtinScenario('twelve-3-blocks')!, cluster: { ...builtinScenario('twelve-3-blocks')!.cluster, awarenessMode: 'opt-in' } })
    for (const sim of [best, opt]) {
      sim.inject({ kind: 'block', target: 'block-1' })
      sim.settle()
    }
    const [a, b] = [best.report(), opt.report()]
    expect(b.resiliency.status).toBe(a.resiliency.status)
    expect(b.resiliency.judgedDomain).toBe('block')
    expect(a.resiliency.status).toBe('Warning')
    expect(a.resiliency.statusReason).toMatch(/^The cluster can tolerate 0 block failures \(FT1\) — /)
    expect(b.resiliency.statusReason).toMatch(/block fault tolerance opt-in/)
  })
})
