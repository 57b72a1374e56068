/**
 * Multi-node partitions (DOMAIN.md §10, README our rule 15.4): the side with the Zookeeper
 * majority keeps the cluster, elects a leader at T20 when the old one is cut off, fences the
 * other side at T60 and restarts its VMs at T120 after they died at T45; restoring any node
 * of the partition heals it. Refusals leave the simulation exactly as it was.
 * The property test prints its fast-check seed on failure; replay with
 * FC_SEED=<seed> FC_PATH=<path> npx vitest run src/model/ha/partition.test.ts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { partitionSides } from '../cluster/partition'
import { builtinScenario } from '../scenario/builtins'
import type { Scenario } from '../scenario/schema'
import { SimError, Simulation } from '../simulation'
import type { Fault, Report } from '../types'

const fcParams = {
  verbose: 1 as const,
  ...(process.env.FC_SEED !== undefined ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
}

const nodesOfRack = (r: Report, rack: string) => r.topology.nodes.filter((n) => n.rack === rack).map((n) => n.id)
const hostOf = (r: Report, id: string) => r.topology.nodes.find((n) => n.id === id)!.host
const refusal = (fn: () => void): string => {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(SimError)
    return (e as Error).message
  }
  throw new Error('expected a refusal')
}

describe('partitionSides (pure)', () => {
  const all = () => true
  it('one cut: its nodes one side, the rest the other; the Zookeeper majority keeps the cluster', () => {
    const s = partitionSides(6, [[0, 1]], [0, 2, 4], all)
    expect([...s.side]).toEqual([0, 0, 1, 1, 1, 1])
    expect(s).toMatchObject({ count: 2, keeper: 1, majority: true })
    // the cut-off side holds two of the three servers: it keeps the cluster
    expect(partitionSides(6, [[0, 1, 2]], [0, 2, 4], all)).toMatchObject({ keeper: 0, majority: true })
  })
  it('several cuts combine: nodes talk exactly when no cut separates them', () => {
    const s = partitionSides(6, [[0, 1, 2], [2, 3]], [0, 3, 5], all)
    // {0,1} (first cut only), {2} (both), {3} (second only), {4,5} (neither)
    expect([...s.side]).toEqual([0, 0, 1, 2, 3, 3])
    // one server per side at most: no majority; the side with the most servers, then nodes, then the lowest node
    expect(s).toMatchObject({ count: 4, keeper: 0, majority: false })
  })
  it('without a majority of running servers, the side holding the most servers stays the cluster (it never flips to a lone host)', () => {
    const runs = (n: number) => n !== 2 // the server on node 2 is down
    const s = partitionSides(5, [[4]], [0, 2, 4], runs)
    expect(s).toMatchObject({ keeper: 0, majority: false })
  })
})

describe('multi-node partitions on rack-aware-3', () => {
  it('the rack holding the leader is cut off: new leader on the other side at T20, fenced at T60, VMs die at T45 and restart at T120 on the quorum side; restore heals', () => {
    const sim = Simulation.create(builtinScenario('rack-aware-3')!)
    sim.advance(10)
    const r0 = sim.report()
    const leader = r0.acropolisLeader!
    const cut = nodesOfRack(r0, r0.topology.nodes.find((n) => n.id === leader)!.rack)
    const victims = r0.vms.filter((v) => v.power === 'on' && cut.includes(v.host!)).map((v) => v.id)
    expect(victims.length).toBeGreaterThan(0)
    sim.inject({ kind: 'partition', target: cut })
    let r = sim.report()
    for (const n of r.topology.nodes) expect(n.host).toBe(cut.includes(n.id) ? 'partitioned' : 'up')
    expect(r.cluster.quorum).toBe(true) // two racks of three hold two of the three Zookeeper servers
    expect(r.acropolisLeader).toBeNull()
    expect(r.events.find((e) => e.type === 'FaultInjected')!.message).toBe(`Network partition: 4 hosts (${cut.join(', ')}) cut off together from the rest of the cluster`)
    sim.advance(19.999)
    expect(sim.report().acropolisLeader).toBeNull()
    sim.advance(0.001) // T20
    r = sim.report()
    expect(cut).not.toContain(r.acropolisLeader)
    expect(r.acropolisLeader).not.toBeNull()
    sim.advance(5) // T25: the cut-off VMs' I/O fails (no Stargate reachable), they still run
    r = sim.report()
    for (const id of victims) {
      const v = r.vms.find((x) => x.id === id)!
      expect(v).toMatchObject({ power: 'on' })
      expect(v.io.errorsPerSecond).toBeGreaterThan(0)
    }
    sim.advance(20) // T45
    r = sim.report()
    for (const id of victims) expect(r.vms.find((x) => x.id === id)).toMatchObject({ power: 'restarting', host: null })
    sim.advance(15) // T60
    r = sim.report()
    const fenced = r.events.filter((e) => e.type === 'HaIoFenced').map((e) => e.entity)
    expect(fenced.sort()).toEqual([...cut].sort())
    sim.advance(60) // T120
    r = sim.report()
    for (const id of victims) {
      const v = r.vms.find((x) => x.id === id)!
      expect(v.power).toBe('on')
      expect(cut).not.toContain(v.host)
    }
    expect(r.ha.incidents.filter((i) => cut.includes(i.host)).every((i) => i.kind === 'partition' && i.terminated === 55 && i.t120 === 130)).toBe(true)
    // offline, not lost: rack-aware data has a copy on the quorum side
    expect(r.resiliency.lostBytes).toBe(0)
    // any node of the partition heals all of it
    sim.restore(cut[2])
    sim.settle(3600)
    r = sim.report()
    expect(r.topology.nodes.every((n) => n.host === 'up')).toBe(true)
    expect(r.resiliency).toMatchObject({ unavailableBytes: 0, lostBytes: 0, status: 'OK' })
    expect(r.alerts.filter((a) => a.type === 'HostPartitioned' && a.resolvedTime === null)).toHaveLength(0)
    // nothing runs twice: each victim runs once, on the side that kept the cluster
    for (const id of victims) expect(cut).not.toContain(r.vms.find((x) => x.id === id)!.host)
  })

  it('the cut-off side may be the one with the Zookeeper majority: then it keeps the cluster and the rest is partitioned', () => {
    const sim = Simulation.create(builtinScenario('rack-aware-3')!)
    const r0 = sim.report()
    const two = [...nodesOfRack(r0, 'rack-1'), ...nodesOfRack(r0, 'rack-2')]
    sim.inject({ kind: 'partition', target: two })
    const r = sim.report()
    for (const n of r.topology.nodes) expect(n.host).toBe(two.includes(n.id) ? 'up' : 'partitioned')
    expect(r.cluster.quorum).toBe(true)
    expect(two).toContain(r.acropolisLeader)
  })

  it('no side with a Zookeeper majority: no quorum, no leader, nothing restarts; healing brings the quorum and a leader back', () => {
    const sim = Simulation.create(builtinScenario('rack-aware-3')!)
    const r0 = sim.report()
    const on = r0.vms.filter((v) => v.power === 'on').length
    // three racks, one Zookeeper server each, cut into three sides
    sim.inject({ kind: 'partition', target: nodesOfRack(r0, 'rack-1') })
    sim.inject({ kind: 'partition', target: nodesOfRack(r0, 'rack-2') })
    sim.advance(300)
    let r = sim.report()
    expect(r.cluster.quorum).toBe(false)
    expect(r.acropolisLeader).toBeNull()
    expect(r.ha.incidents.every((i) => i.t120 === null)).toBe(true)
    // our rule: the side holding the most servers, then nodes, then the lowest node stays drawn as the cluster (rack-1)
    for (const n of r.topology.nodes) expect(n.host).toBe(n.rack === 'rack-1' ? 'up' : 'partitioned')
    expect(() => sim.powerOn(r.vms.find((v) => v.power !== 'on')?.id ?? 'x')).toThrow(SimError)
    sim.restore(nodesOfRack(r0, 'rack-2')[0])
    sim.advance(30)
    r = sim.report()
    // rack-2 and rack-3 talk again: two of three servers, quorum, a leader among them; rack-1 stays cut off
    expect(r.cluster.quorum).toBe(true)
    expect(nodesOfRack(r0, 'rack-1')).not.toContain(r.acropolisLeader)
    expect(r.acropolisLeader).not.toBeNull()
    expect(nodesOfRack(r0, 'rack-1').every((id) => hostOf(r, id) === 'partitioned')).toBe(true)
    sim.restore(nodesOfRack(r0, 'rack-1')[1])
    sim.settle(3600)
    r = sim.report()
    expect(r.topology.nodes.every((n) => n.host === 'up')).toBe(true)
    expect(r.vms.filter((v) => v.power === 'on').length).toBe(on)
    expect(r.resiliency.unavailableBytes).toBe(0)
  })

  it('a one-node list is the single-host partition, restored by its id as before', () => {
    const a = Simulation.create(builtinScenario('rack-aware-3')!)
    const b = Simulation.create(builtinScenario('rack-aware-3')!)
    a.inject({ kind: 'partition', target: 'node-7' })
    b.inject({ kind: 'partition', target: ['node-7'] })
    a.advance(200)
    b.advance(200)
    expect(JSON.stringify(b.report()) === JSON.stringify(a.report())).toBe(true)
    b.restore('node-7')
    expect(b.report().topology.nodes.every((n) => n.host === 'up')).toBe(true)
  })

  it('refusals name the problem and change nothing', () => {
    const sim = Simulation.create(builtinScenario('rack-aware-3')!)
    sim.inject({ kind: 'partition', target: ['node-1', 'node-2'] })
    sim.advance(30)
    const before = JSON.stringify(sim.report())
    const all = sim.report().topology.nodes.map((n) => n.id)
    const cases: Array<[unknown, RegExp]> = [
      [['node-1', 'node-99'], /unknown target "node-99"/],
      [['node-3', 'node-3'], /node "node-3" is listed twice/],
      [['node-3', 'block-2'], /target "block-2" is a block, a partition fault needs node ids/],
      [all, /must leave at least one node on the other side: the list holds all 12 nodes/],
      [['node-2', 'node-1'], /a partition of exactly these nodes \(node-2, node-1\) is already active/],
      [[], /needs a node id or a non-empty list/],
    ]
    for (const [target, re] of cases) expect(refusal(() => sim.inject({ kind: 'partition', target } as Fault))).toMatch(re)
    expect(refusal(() => sim.restore('node-5'))).toMatch(/no active fault/)
    expect(JSON.stringify(sim.report()) === before).toBe(true)
  })

  it('a scenario step injects a multi-node partition; bad lists are refused with their JSON path', () => {
    const sc = builtinScenario('rack-aware-3')!
    const ok: Scenario = { ...sc, steps: [{ at: 10, action: { inject: { kind: 'partition', target: ['node-9', 'node-10', 'node-11', 'node-12'] } } }] }
    const sim = Simulation.create(ok)
    sim.advance(11)
    expect(sim.report().topology.nodes.filter((n) => n.host === 'partitioned').map((n) => n.id)).toEqual(['node-9', 'node-10', 'node-11', 'node-12'])
    const bad: Scenario = {
      ...sc,
      steps: [
        { at: 10, action: { inject: { kind: 'partition', target: ['node-9', 'node-99', 'node-9'] } } },
        { at: 20, action: { inject: { kind: 'partition', target: Array.from({ length: 12 }, (_, i) => `node-${i + 1}`) } } },
        { at: 30, action: { inject: { kind: 'partition', target: [] } } },
      ],
    }
    const problems = refusal(() => Simulation.create(bad)).split('\n')
    expect(problems).toEqual(expect.arrayContaining([
      'steps[0].action.inject.target[1]: unknown target "node-99" (expected a node id)',
      'steps[0].action.inject.target[2]: node "node-9" is listed twice',
      'steps[1].action.inject.target: a partition must leave at least one node on the other side: the list holds all 12 nodes of the cluster',
    ]))
    expect(problems.some((p) => p.startsWith('steps[2].action.inject.target'))).toBe(true)
  })
})

// ------------------------------------------------------------------ property
/** The side that must keep the cluster, judged from the Report alone (brute force, independent of partition.ts). */
function majoritySide(r: Report, cuts: string[][]): Set<string> | null {
  const key = (id: string) => cuts.map((c) => (c.includes(id) ? '1' : '0')).join('')
  const node = new Map(r.topology.nodes.map((n) => [n.id, n]))
  const runs = (id: string) => {
    const n = node.get(id)!
    if (n.host === 'down' || n.cvm !== 'up') return false
    const disks = r.topology.disks.filter((d) => d.node === id)
    const meta = disks.some((d) => d.tier === 'SSD') ? disks.filter((d) => d.tier === 'SSD') : disks
    return meta.some((d) => d.mode === 'online')
  }
  const zk = r.zookeeper
  const need = Math.floor(zk.length / 2) + 1
  const bySide = new Map<string, number>()
  for (const z of zk) if (runs(z)) bySide.set(key(z), (bySide.get(key(z)) ?? 0) + 1)
  for (const [k, c] of bySide) if (c >= need) return new Set(r.topology.nodes.filter((n) => key(n.id) === k).map((n) => n.id))
  return null
}

describe('property: partitions never run a VM twice, exactly the Zookeeper-majority side keeps a leader, restore heals', () => {
  it('random sides, random leader placement, random other faults', () => {
    fc.assert(
      fc.property(
        fc.record({
          racks: fc.integer({ min: 1, max: 3 }),
          blocks: fc.integer({ min: 1, max: 2 }),
          perBlock: fc.integer({ min: 1, max: 3 }),
          ft2: fc.boolean(),
          vms: fc.array(fc.record({ host: fc.nat(), mem: fc.integer({ min: 4, max: 24 }) }), { minLength: 1, maxLength: 12 }),
          // a CVM fault before the partitions moves the leader (random leader placement)
          leaderMoves: fc.nat({ max: 3 }),
          cuts: fc.array(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 2 }),
          others: fc.array(fc.record({ kind: fc.constantFrom('cvm', 'node', 'disk') as fc.Arbitrary<'cvm' | 'node' | 'disk'>, pick: fc.nat(), at: fc.integer({ min: 0, max: 90 }) }), { maxLength: 2 }),
        }),
        ({ racks, blocks, perBlock, ft2: ft2Wish, vms, leaderMoves, cuts: cutMasks, others }) => {
          const n = Math.max(3, racks * blocks * perBlock)
          const layoutRacks = racks * blocks * perBlock >= 3 ? racks : 1
          const layoutBlocks = racks * blocks * perBlock >= 3 ? blocks : 3
          const layoutPer = racks * blocks * perBlock >= 3 ? perBlock : 1
          const ft2 = ft2Wish && n >= 5
          const sc: Scenario = {
            title: 'partition property',
            cluster: {
              ftLevel: ft2 ? 2 : 1,
              haMode: 'default',
              data: { usedPct: 5 },
              layout: { racks: layoutRacks, blocksPerRack: layoutBlocks, nodesPerBlock: layoutPer, ssdPerNode: 1, hddPerNode: 1, ssdTB: 0.2, hddTB: 0.4, memoryGiB: 132, cvmMemoryGiB: 32 },
            },
            vms: vms.map((v, i) => ({ id: `v${i}`, host: `node-${(v.host % n) + 1}`, vcpus: 2, memoryGiB: v.mem, vdisks: 1, power: 'on' as const })),
          }
          const sim = Simulation.create(sc)
          const ids = sim.report().topology.nodes.map((x) => x.id)
          const on0 = sim.report().vms.filter((v) => v.power === 'on').map((v) => v.id)
          // move the leader: fail its CVM, let the others elect, restore
          for (let i = 0; i < leaderMoves; i++) {
            const l = sim.report().acropolisLeader
            if (!l) break
            sim.inject({ kind: 'cvm', target: l })
            sim.advance(25)
            sim.restore(l)
            sim.advance(5)
          }
          sim.settle(3600)
          const cuts = cutMasks.map((m) => ids.filter((_, i) => m[i % m.length])).filter((c) => c.length > 0 && c.length < ids.length)
          if (cuts.length === 0) cuts.push([ids[0]])
          const applied: string[][] = []
          for (const c of cuts) {
            try {
              sim.inject({ kind: 'partition', target: c })
              applied.push(c)
            } catch {
              // the same list twice: refused, nothing changed
            }
          }
          const plan = [...others].sort((a, b) => a.at - b.at)
          const t0 = sim.time
          let lastOn = new Map(sim.report().vms.filter((v) => v.power === 'on').map((v) => [v.id, v.host!]))
          let stableSince = t0
          let lastSide: string | null = null
          const check = () => {
            const r = sim.report()
            // never two running copies: a running VM never shows up on another host without having stopped in between
            const now = new Map(r.vms.filter((v) => v.power === 'on').map((v) => [v.id, v.host!]))
            for (const [v, h] of now) {
              const before = lastOn.get(v)
              expect(before === undefined || before === h, `${v} jumped from ${before} to ${h} at ${r.time} s without stopping`).toBe(true)
            }
            lastOn = now
            // a VM still running on a cut-off host is within 45 s of that host's partition
            for (const v of r.vms) {
              if (v.power !== 'on' || hostOf(r, v.host!) !== 'partitioned') continue
              const inc = r.ha.incidents.filter((i) => i.host === v.host && i.kind === 'partition').at(-1)
              expect(inc && r.time - inc.t0 < 45 + 1e-9, `${v.id} still runs on cut-off ${v.host} at ${r.time} s`).toBe(true)
            }
            // the partition's restarts only after the VMs terminated
            for (const i of r.ha.incidents) if (i.kind === 'partition' && i.restarted.length > 0) expect(i.terminated).not.toBeNull()
            // exactly the Zookeeper-majority side keeps the cluster and, once settled, a leader
            const side = majoritySide(r, applied)
            const sig = side ? [...side].join(',') : 'none'
            if (sig !== lastSide) {
              lastSide = sig
              stableSince = r.time
            }
            expect(r.cluster.quorum, `quorum at ${r.time} s with majority side ${sig}`).toBe(side !== null)
            if (side) for (const x of r.topology.nodes) if (x.host !== 'down') expect(x.host, `${x.id} at ${r.time} s`).toBe(side.has(x.id) ? 'up' : 'partitioned')
            if (!side) expect(r.acropolisLeader, `leader without a Zookeeper majority at ${r.time} s`).toBeNull()
            else if (r.acropolisLeader !== null) expect(side.has(r.acropolisLeader), `leader ${r.acropolisLeader} off the majority side at ${r.time} s`).toBe(true)
            if (side && r.time - stableSince >= 21 && r.topology.nodes.some((x) => side.has(x.id) && x.host === 'up' && x.cvm === 'up'))
              expect(r.acropolisLeader, `no leader on the majority side ${sig} at ${r.time} s`).not.toBeNull()
          }
          const injectedOthers: string[] = []
          let k = 0
          for (let t = 0; t <= 240; t += 5) {
            while (k < plan.length && plan[k].at <= t) {
              const o = plan[k++]
              const pool = o.kind === 'disk' ? sim.spec.disks : sim.spec.nodes
              const target = pool[o.pick % pool.length].id
              try {
                sim.inject(o.kind === 'disk' ? { kind: 'disk', target, smart: 'pass' } : { kind: o.kind, target })
                injectedOthers.push(target)
                stableSince = sim.time // the leader's CVM or host may be gone: the election takes 20 s
              } catch {
                // already failed: skip
              }
            }
            sim.advance(t0 + t - sim.time)
            check()
          }
          // restore everything: the cluster heals
          for (const c of applied) if (sim.topo.faultsNaming(c[c.length - 1]).length > 0) sim.restore(c[c.length - 1])
          for (const t of injectedOthers) if (sim.topo.faultsNaming(t).length > 0) sim.restore(t)
          sim.settle(4 * 3600)
          const r = sim.report()
          expect(r.topology.nodes.every((x) => x.host === 'up' && x.cvm === 'up')).toBe(true)
          expect(r.cluster.quorum).toBe(true)
          expect(r.acropolisLeader).not.toBeNull()
          expect(r.resiliency.unavailableBytes).toBe(0)
          expect(r.resiliency.lostBytes).toBe(0)
          expect(r.alerts.filter((a) => a.type === 'HostPartitioned' && a.resolvedTime === null)).toHaveLength(0)
          // every VM that was on runs once (restarted where memory allowed: 100 GiB per host, at most 12 × 24 GiB)
          const running = r.vms.filter((v) => v.power === 'on').map((v) => v.id)
          for (const id of on0) expect(running.includes(id) || r.alerts.some((a) => a.type === 'VmRestartFailed' && a.entity === id), `${id} neither runs nor says why`).toBe(true)
        },
      ),
      { ...fcParams, numRuns: Number(process.env.PARTITION_RUNS ?? 100) },
    )
  }, 300_000)
})
