/**
 * HA restart spread (DOMAIN.md §8, our rule): best-effort restarts go, one by one, to the
 * host with the most memory still free for VMs — never "fill node-1 first". After any
 * single host or block failure, the busiest surviving host takes no more than its share of
 * the restarted memory plus one VM's worth.
 * Replay a property failure with FC_SEED=<seed> npx vitest run src/model/ha/spread.test.ts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinScenario } from '../scenario/builtins'
import { Simulation } from '../simulation'
import { fcParams } from '../storage/tolerance/resiliency.testkit'
import type { Report } from '../types'

/** Memory (bytes) restarted per host by the incidents of the report. */
function restartedPerHost(r: Report): { perHost: Map<string, number>; total: number; biggest: number } {
  const mem = new Map(r.vms.map((v) => [v.id, v.memoryBytes]))
  const perHost = new Map<string, number>()
  let total = 0
  let biggest = 0
  for (const inc of r.ha.incidents) for (const x of inc.restarted) {
    const m = mem.get(x.vm)!
    perHost.set(x.host, (perHost.get(x.host) ?? 0) + m)
    total += m
    biggest = Math.max(biggest, m)
  }
  return { perHost, total, biggest }
}

describe('HA restart spread', () => {
  it('after block-2 of twelve-3-blocks fails, its VMs spread over the 8 surviving hosts (not node-1 and node-2 first)', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    sim.inject({ kind: 'block', target: 'block-2' })
    sim.advance(200)
    const r = sim.report()
    const { perHost, total, biggest } = restartedPerHost(r)
    expect(total).toBeGreaterThan(0)
    const survivors = r.topology.nodes.filter((n) => n.host === 'up').map((n) => n.id)
    expect([...perHost.keys()].sort()).toEqual([...survivors].sort())
    for (const h of survivors) expect(perHost.get(h)!, h).toBeLessThanOrEqual(total / survivors.length + biggest)
  })

  it('property: after any single host or block failure the busiest surviving host takes at most its share plus one VM', () => {
    const ids = ['twelve-3-blocks', 'four-blocks-of-2', 'rack-aware-3', 'starter-3']
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.boolean(), fc.nat(), (id, block, pick) => {
        const sim = Simulation.create(builtinScenario(id)!)
        const pool = block ? sim.spec.blocks.map((b) => b.id) : sim.spec.nodes.map((n) => n.id)
        if (block && pool.length < 2) return
        sim.inject({ kind: block ? 'block' : 'node', target: pool[pick % pool.length] })
        sim.advance(200)
        const r = sim.report()
        if (r.cluster.haMode !== 'default') return
        const { perHost, total, biggest } = restartedPerHost(r)
        const survivors = r.topology.nodes.filter((n) => n.host === 'up').length
        for (const [h, m] of perHost) expect(m, h).toBeLessThanOrEqual(total / survivors + biggest)
      }),
      fcParams(30),
    )
  })
})
