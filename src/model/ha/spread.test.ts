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

/** Memory (bytes) restarted per host by the incidents of the report, and whether a pinned VM was among them. */
function restartedPerHost(r: Report, pinned: ReadonlySet<string>): { perHost: Map<string, number>; total: number; biggest: number; anyPinned: boolean } {
  const mem = new Map(r.vms.map((v) => [v.id, v.memoryBytes]))
  const perHost = new Map<string, number>()
  let total = 0
  let biggest = 0
  let anyPinned = false
  for (const inc of r.ha.incidents) for (const x of inc.restarted) {
    const m = mem.get(x.vm)!
    perHost.set(x.host, (perHost.get(x.host) ?? 0) + m)
    total += m
    biggest = Math.max(biggest, m)
    if (pinned.has(x.vm)) anyPinned = true
  }
  return { perHost, total, biggest, anyPinned }
}

/**
 * Our rule's bound (list scheduling, "most memory free first"): every host that received a
 * restart still has at least the survivors' mean free memory minus the biggest restarted VM —
 * when it took its last VM it had the most free memory of all, hence at least the mean, which
 * only falls as restarts go on. (With equal hosts and an equal start this is the issue's
 * "share plus one VM's worth"; the built-ins' realistic VMs start the hosts unequal, and a
 * busier host rightly takes less.) VMs pinned by affinity may go elsewhere: checked without them.
 */
function checkSpread(sim: Simulation, r: Report, label: string): { total: number; receivers: string[]; survivors: string[] } {
  const pinned = new Set(sim.spec.vms.filter((v) => v.affinity !== null).map((v) => v.id))
  const { perHost, total, biggest, anyPinned } = restartedPerHost(r, pinned)
  const up = r.ha.hosts.filter((h) => h.state === 'up')
  const free = (h: (typeof up)[number]) => h.capacityBytes - h.runningBytes - h.reservedBytes
  const mean = up.reduce((a, h) => a + free(h), 0) / Math.max(1, up.length)
  if (!anyPinned) for (const h of up) if (perHost.has(h.id)) expect(free(h), `${label}: ${h.id}`).toBeGreaterThanOrEqual(mean - biggest - 1)
  return { total, receivers: [...perHost.keys()].sort(), survivors: up.map((h) => h.id).sort() }
}

describe('HA restart spread', () => {
  it('after block-2 of twelve-3-blocks fails, its VMs spread over the surviving hosts (not node-1 and node-2 first)', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    sim.inject({ kind: 'block', target: 'block-2' })
    sim.advance(200)
    const r = sim.report()
    const { total, receivers, survivors } = checkSpread(sim, r, 'block-2')
    expect(total).toBeGreaterThan(0)
    // spread, not piled: most survivors take some, and node-1/node-2 are not the only ones
    expect(receivers.length).toBeGreaterThanOrEqual(Math.ceil(survivors.length / 2))
    expect(receivers.some((h) => h !== 'node-1' && h !== 'node-2')).toBe(true)
  })

  it('property: after any single host or block failure every host that took restarts keeps at least the mean free memory minus one VM', () => {
    const ids = ['twelve-3-blocks', 'four-blocks-of-2', 'rack-aware-3', 'starter-3']
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.boolean(), fc.nat(), (id, block, pick) => {
        const sim = Simulation.create(builtinScenario(id)!)
        const pool = block ? sim.spec.blocks.map((b) => b.id) : sim.spec.nodes.map((n) => n.id)
        if (block && pool.length < 2) return
        const target = pool[pick % pool.length]
        sim.inject({ kind: block ? 'block' : 'node', target })
        sim.advance(200)
        const r = sim.report()
        if (r.cluster.haMode !== 'default') return
        checkSpread(sim, r, `${id} ${target}`)
      }),
      fcParams(30),
    )
  })

  it('property (Guarantee mode): after a single host failure its VMs restart in segments spread over the survivors: the busiest takes at most its share plus one VM', () => {
    const ids = ['twelve-3-blocks', 'four-blocks-of-2', 'rack-aware-3', 'starter-3']
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.nat(), (id, pick) => {
        const base = builtinScenario(id)!
        const sim = Simulation.create({ ...base, cluster: { ...base.cluster, haMode: 'guarantee' } })
        const target = sim.spec.nodes[pick % sim.spec.nodes.length].id
        sim.inject({ kind: 'node', target })
        sim.advance(200)
        const r = sim.report()
        expect(r.cluster.haMode).toBe('guarantee')
        const pinned = new Set(sim.spec.vms.filter((v) => v.affinity !== null).map((v) => v.id))
        const { perHost, total, biggest, anyPinned } = restartedPerHost(r, pinned)
        if (anyPinned || total === 0) return
        const survivors = r.ha.hosts.filter((h) => h.state === 'up').length
        const busiest = Math.max(...perHost.values())
        expect(busiest, `${id} ${target}: ${JSON.stringify([...perHost])}`).toBeLessThanOrEqual(total / survivors + biggest)
        expect(r.ha.incidents.flatMap((i) => i.restarted).every((x) => x.viaSegment)).toBe(true)
      }),
      fcParams(30),
    )
  })
})
