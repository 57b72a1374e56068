/**
 * Node removal and cluster expansion (DOMAIN.md §12, README rules 17.4 and 17.5).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clusterArb, fcParams, scenarioOf } from '../storage/tolerance/resiliency.testkit'
import { builtinScenario } from '../scenario/builtins'
import { SimError, Simulation } from '../simulation'
import type { Report } from '../types'
import { restore, snapshot } from '../kernel/checkpoint'
import { slotsOn } from '../storage/precheck'
import { LEVEL_OF } from '../storage/domainIndex'

const load = (id: string, seed?: number) => Simulation.create(builtinScenario(id)!, seed)
const figures = (sim: Simulation) => sim.faultTolerance().rows.map((r) => r.failuresTolerable)
const LEVEL = { DISK: 0, NODE: 1, RACKABLE_UNIT: 2, RACK: 3 } as const
/** the figures of the domains the awareness in force covers (disk, node, and block / rack when in force): rule 17.4 */
const judged = (sim: Simulation) => sim.faultTolerance().rows.filter((r) => LEVEL[r.domainType] <= LEVEL_OF[sim.effectiveAwareness]).map((r) => r.failuresTolerable)
const node = (r: Report, id: string) => r.topology.nodes.find((n) => n.id === id)!
const disks = (id: string, hdd = 2) => [
  { id: `${id}-ssd1`, tier: 'SSD' as const, capacityTB: 1.92 },
  ...Array.from({ length: hdd }, (_, i) => ({ id: `${id}-hdd${i + 1}`, tier: 'HDD' as const, capacityTB: 6 })),
]
/** 2 blocks of 2 nodes, block awareness desired (node awareness in force) */
const twoBlocks = {
  title: 'two blocks',
  cluster: { layout: { racks: 1, blocksPerRack: 2, nodesPerBlock: 2, ssdPerNode: 1, hddPerNode: 2, ssdTB: 1.92, hddTB: 6 }, data: { usedPct: 30 } },
  vmFill: { count: 8, mix: { web: 1 } },
}

/** Run until the node is removed (or the limit): checks `each` after every step. */
function runRemoval(sim: Simulation, id: string, each: () => void, stepSeconds = 300, limit = 3 * 86400): void {
  const n = sim.topo.nodeIndex.get(id)!
  for (let t = 0; t < limit && sim.topo.removal[n] !== 2; t += stepSeconds) {
    sim.advance(stepSeconds)
    each()
  }
}

describe('node removal', () => {
  it('VMs migrate off, data migrates at full RF, the node leaves ring and Zookeeper, then it is gone', () => {
    const sim = load('four-blocks-of-2', 1)
    const id = 'node-1' // a Zookeeper server and the Acropolis leader at load
    const n = sim.topo.nodeIndex.get(id)!
    expect(sim.zookeeperServers()).toContain(n)
    expect(sim.leader).toBe(n)
    const before = figures(sim)
    sim.removeNode(id)
    let r = sim.report()
    expect(node(r, id).removal).toBe('removing')
    expect(r.tasks.some((t) => t.type === 'NodeRemoval' && t.entity === id && t.state === 'running')).toBe(true)
    // nothing may bring VMs back onto it meanwhile
    expect(() => sim.exitMaintenance(id)).toThrow(/the host is being removed/)
    const words = new Set<string>()
    runRemoval(sim, id, () => {
      const f = figures(sim)
      f.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(before[i]))
      const ft = sim.faultTolerance()
      expect(ft.availability.lostUnits + ft.availability.unavailableUnits).toBe(0)
      for (const d of sim.spec.nodes[n].disks) words.add(sim.removal.diskStatusWords(d))
    })
    r = sim.report()
    expect(words).toContain('Data migration initiated')
    expect(node(r, id).removal).toBe('removed')
    expect(node(r, id).inMetadataRing).toBe(false)
    expect(node(r, id).zookeeper).toBe(false)
    expect(r.acropolisLeader).not.toBe(id)
    expect(r.zookeeper).toHaveLength(3)
    for (const d of sim.spec.nodes[n].disks) {
      expect(slotsOn(sim.data, d)).toBe(0)
      expect(r.topology.disks[d].status).toBe('removed')
    }
    expect(r.vms.some((v) => v.host === id)).toBe(false)
    expect(r.tasks.find((t) => t.type === 'NodeRemoval')!.state).toBe('succeeded')
    for (const type of ['NodeMarkedForRemoval', 'NodeDataMigration', 'ZookeeperMoved', 'MetadataNodeRemoved', 'NodeRemoved']) expect(r.events.some((e) => e.type === type)).toBe(true)
    // no alert says a host, CVM or disk went down: it left on purpose
    expect(r.alerts.filter((a) => a.resolvedTime === null)).toEqual([])
    sim.settle()
    r = sim.report()
    expect(r.resiliency.status).toBe('OK')
    expect(r.resiliency.underReplicatedBytes + r.resiliency.lostBytes).toBe(0)
    expect(figures(sim)).toEqual(before)
    // a removed node takes no fault, no second removal, no VM
    expect(() => sim.inject({ kind: 'node', target: id })).toThrow(/was removed/)
    expect(() => sim.removeNode(id)).toThrow(/already removed/)
    expect(() => sim.migrate('web-01', id)).toThrow()
    expect(() => sim.enterMaintenance(id)).toThrow(/was removed from the cluster/)
  })

  it('refusals name the reason and leave the simulation exactly as it was', () => {
    const expectRefused = (sim: Simulation, id: string, why: RegExp) => {
      const before = JSON.stringify(sim.report())
      expect(() => sim.removeNode(id)).toThrow(SimError)
      expect(() => sim.removeNode(id)).toThrow(why)
      expect(JSON.stringify(sim.report())).toBe(before)
    }
    expectRefused(load('four-blocks-of-2', 2), 'node-99', /unknown node "node-99"/)
    // minimum units: 3 nodes at FT1
    expectRefused(load('starter-3', 2), 'node-2', /would leave 2 nodes: FT1 needs at least 3/)
    // a node down
    const down = load('four-blocks-of-2', 2)
    down.inject({ kind: 'node', target: 'node-5' })
    expectRefused(down, 'node-2', /node "node-5" is down/)
    expectRefused(down, 'node-5', /node "node-5" is down/)
    // another removal running
    const two = load('four-blocks-of-2', 2)
    two.removeNode('node-2')
    expectRefused(two, 'node-4', /a removal is already in progress \(node-2\)/)
    const diskFirst = load('four-blocks-of-2', 2)
    diskFirst.removeDisk('disk-1-3')
    expectRefused(diskFirst, 'node-4', /a removal is already in progress \(disk-1-3\)/)
    // Data Resiliency must be OK (a rebuild after a disk failure)
    const rebuild = load('four-blocks-of-2', 2)
    rebuild.inject({ kind: 'disk', target: 'disk-3-3' })
    rebuild.advance(120)
    expectRefused(rebuild, 'node-1', /Data Resiliency|rebuild/)
    // the awareness in force: removing the only node of a block leaves 2 blocks
    const blocks = Simulation.create({
      title: 'three blocks',
      cluster: { racks: [{ id: 'r1', blocks: [{ id: 'b1', nodes: [{ id: 'n1', disks: disks('n1') }, { id: 'n2', disks: disks('n2') }] }, { id: 'b2', nodes: [{ id: 'n3', disks: disks('n3') }, { id: 'n4', disks: disks('n4') }] }, { id: 'b3', nodes: [{ id: 'n5', disks: disks('n5') }] }] }], data: { usedPct: 20 } },
    })
    expect(blocks.effectiveAwareness).toBe('block')
    expectRefused(blocks, 'n5', /would leave 2 blocks: block awareness \(in force\) needs at least 3/)
    // capacity at full RF
    const sc = structuredClone(builtinScenario('four-blocks-of-2')!) as unknown as { cluster: object }
    const full = Simulation.create({ ...sc, cluster: { ...sc.cluster, data: { usedPct: 68 } } })
    expectRefused(full, 'node-3', /could not hold the data|capacity to tolerate/)
    // a VM that may run only there
    const pinned = Simulation.create({ ...twoBlocks, vmFill: undefined, vms: [{ id: 'vm-a', host: 'node-2', vcpus: 2, memoryGiB: 8, vdisks: 1, affinityHosts: ['node-2'] }] })
    expectRefused(pinned, 'node-2', /VM vm-a may run only on "node-2"/)
    // a rolling upgrade
    const up = load('four-blocks-of-2', 2)
    up.upgrade('aos')
    expectRefused(up, 'node-6', /rolling upgrade/)
  })

  it('property: removal never lowers a failures-tolerable figure of the awareness in force while it runs and never loses data (seeds printed)', () => {
    const refusals: string[] = []
    let removed = 0
    // plain data, so a counterexample prints the cluster it failed on
    const builtin = fc.record({ id: fc.constantFrom('four-blocks-of-2', 'twelve-3-blocks', 'rack-aware-3', 'ft2-ec'), seed: fc.integer({ min: 1, max: 1000 }) })
    const shaped = clusterArb({ fill: [0.05, 0.35] }).map((shape) => ({ shape }))
    fc.assert(
      fc.property(fc.oneof(builtin, shaped, shaped), fc.nat(), (c, k) => {
        const sim = 'shape' in c ? Simulation.create(scenarioOf(c.shape)) : load(c.id, c.seed)
        const id = sim.spec.nodes[k % sim.spec.nodes.length].id
        const before = judged(sim)
        try {
          sim.removeNode(id)
        } catch (e) {
          expect(e).toBeInstanceOf(SimError) // e.g. FT2 with EC: the strips need every unit
          refusals.push((e as Error).message)
          return
        }
        removed++
        runRemoval(sim, id, () => {
          judged(sim).forEach((x, i) => expect(x).toBeGreaterThanOrEqual(before[i]))
          const ft = sim.faultTolerance()
          expect(ft.availability.lostUnits + ft.availability.unavailableUnits).toBe(0)
        }, 600)
        expect(sim.report().topology.nodes.find((x) => x.id === id)!.removal).toBe('removed')
        sim.settle()
        const r = sim.report()
        expect(r.resiliency.lostBytes + r.resiliency.underReplicatedBytes).toBe(0)
        judged(sim).forEach((x, i) => expect(x).toBeGreaterThanOrEqual(before[i]))
      }),
      fcParams(16),
    )
    console.log(`removed ${removed}, refused ${refusals.length}:\n${refusals.join('\n')}`)
  }, 600_000)

  it('a node that goes down during its removal fails the removal; nothing is lost', () => {
    const sim = load('four-blocks-of-2', 3)
    sim.removeNode('node-6')
    sim.advance(1800)
    sim.inject({ kind: 'node', target: 'node-6' })
    let r = sim.report()
    expect(node(r, 'node-6').removal).toBe('none')
    expect(r.tasks.find((t) => t.type === 'NodeRemoval')!.state).toBe('failed')
    expect(r.events.some((e) => e.type === 'NodeRemovalFailed')).toBe(true)
    sim.restore('node-6')
    sim.settle()
    r = sim.report()
    expect(r.resiliency.lostBytes + r.resiliency.underReplicatedBytes).toBe(0)
    // it can be removed again once healed
    sim.exitMaintenance('node-6')
    sim.settle()
    sim.removeNode('node-6')
  })
})

describe('cluster expansion', () => {
  it('from 2 to 3 blocks: block awareness turns on (event) and the data becomes block aware', () => {
    const sim = Simulation.create(twoBlocks, 1)
    expect(sim.effectiveAwareness).toBe('node')
    sim.addNode({ id: 'node-5', block: 'block-3', disks: disks('node-5') })
    expect(sim.effectiveAwareness).toBe('block')
    let r = sim.report()
    expect(r.cluster.awareness.effective).toBe('block')
    expect(r.events.some((e) => e.type === 'AwarenessChanged' && /Block awareness is in force/.test(e.message))).toBe(true)
    expect(r.events.some((e) => e.type === 'BlockAdded' && e.entity === 'block-3')).toBe(true)
    // the metadata needs 2X: a second node in the new block
    sim.addNode({ id: 'node-6', block: 'block-3', disks: disks('node-6') })
    sim.settle()
    r = sim.report()
    const block = r.resiliency.faultTolerance.find((x) => x.domainType === 'RACKABLE_UNIT')!
    expect(block.components.EXTENT_GROUPS.failuresTolerable).toBe(1)
    expect(block.failuresTolerable).toBe(1)
    expect(r.resiliency.status).toBe('OK')
    expect(r.metadata.awareness).toBe('block')
    expect(new Set(r.zookeeper.map((z) => node(r, z).block)).size).toBe(3)
    expect(r.tasks.filter((t) => t.type === 'ClusterExpansion').map((t) => t.state)).toEqual(['succeeded', 'succeeded'])
  }, 60_000)

  it('the new node joins the storage pool, HA and the ring; balancing fills it', () => {
    const sim = load('four-blocks-of-2', 4)
    const before = sim.report()
    sim.addNode({ id: 'node-9', block: 'block-5', disks: disks('node-9', 4), memoryGiB: 512 })
    let r = sim.report()
    expect(r.topology.nodes).toHaveLength(9)
    expect(node(r, 'node-9')).toMatchObject({ host: 'up', cvm: 'up', block: 'block-5', rack: 'rack-1', removal: 'none', inMetadataRing: false })
    expect(r.ha.hosts.find((h) => h.id === 'node-9')!.availableBytes).toBeGreaterThan(0)
    expect(r.storage.totalBytes).toBeGreaterThan(before.storage.totalBytes)
    expect(r.resiliency.status).toBe('Computing')
    sim.advance(120)
    r = sim.report()
    expect(node(r, 'node-9').inMetadataRing).toBe(true)
    expect(r.tasks.find((t) => t.type === 'ClusterExpansion')!.state).toBe('succeeded')
    const used = () => sim.report().storage.nodes.find((x) => x.id === 'node-9')!.usedBytes
    const early = used()
    sim.settle()
    expect(used()).toBeGreaterThan(early)
    r = sim.report()
    const mean = r.storage.usedBytes / r.storage.totalBytes
    const mine = r.storage.nodes.find((x) => x.id === 'node-9')!
    expect(mine.usedBytes / mine.totalBytes).toBeGreaterThan(mean * 0.85)
    expect(r.resiliency.status).toBe('OK')
    // a VM can run there
    sim.migrate('web-01', 'node-9')
    sim.advance(60)
    expect(sim.report().vms.find((v) => v.id === 'web-01')!.host).toBe('node-9')
  }, 60_000)

  it('bad input gets a clear message and leaves the simulation exactly as it was', () => {
    const sim = load('four-blocks-of-2', 5)
    const before = JSON.stringify(sim.report())
    const refused = (input: unknown, why: RegExp) => {
      expect(() => sim.addNode(input)).toThrow(SimError)
      expect(() => sim.addNode(input)).toThrow(why)
      expect(JSON.stringify(sim.report())).toBe(before)
      expect(sim.spec.nodes).toHaveLength(8)
    }
    refused(null, /node: must be an object/)
    refused({ id: 'node-3', block: 'block-1', disks: disks('x') }, /node\.id: "node-3" is already a node id/)
    refused({ id: 'n9', block: 'block-1', disks: [{ id: 'disk-1-1', tier: 'SSD', capacityTB: 1 }] }, /node\.disks\[0\]\.id: "disk-1-1" is already a disk id/)
    refused({ id: 'n9', block: 'block-5', disks: [{ id: 'a', tier: 'SSD', capacityTB: 1 }, { id: 'a', tier: 'HDD', capacityTB: 1 }] }, /duplicate id "a"/)
    refused({ id: 'n9', block: 'block-5', disks: [{ id: 'a', tier: 'NVMe', capacityTB: 1 }] }, /node\.disks\[0\]\.tier: must be one of "SSD", "HDD"/)
    refused({ id: 'n9', block: 'block-5', disks: [{ id: 'a', tier: 'SSD', capacityTB: -1 }] }, /node\.disks\[0\]\.capacityTB: must be greater than 0/)
    refused({ id: 'n9', block: 'block-5', disks: [{ id: 'a', tier: 'SSD', capacityTB: 1e6 }] }, /capacityTB: must be at most 200/)
    refused({ id: 'n9', block: 'block-5', disks: [] }, /node\.disks: must not be empty/)
    refused({ id: 'n9', block: 'block-5', memoryGiB: 32, cvmMemoryGiB: 32, disks: disks('n9') }, /cvmMemoryGiB: must be less than the node's memory/)
    refused({ id: 'n9', block: 'node-1', disks: disks('n9') }, /node\.block: "node-1" is a node id, not a block/)
    refused({ id: 'n9', block: 'block-1', rack: 'rack-9', disks: disks('n9') }, /block "block-1" is in rack "rack-1", not "rack-9"/)
    refused({ id: 'n9', block: 'block-5', disks: disks('n9'), colour: 'red' }, /node\.colour: unknown field/)
    const racks = load('rack-aware-3', 5)
    expect(() => racks.addNode({ id: 'n9', block: 'block-new', disks: disks('n9') })).toThrow(/a new block needs a rack \(one of rack-1, rack-2, rack-3/)
  })

  it('a block holds at most 4 nodes', () => {
    const sim = load('twelve-3-blocks', 5)
    expect(() => sim.addNode({ id: 'n13', block: 'block-1', disks: disks('n13') })).toThrow(/block "block-1" already holds 4 nodes/)
  })
})

describe('lifecycle runs are data', () => {
  const actions = (sim: Simulation) => {
    sim.addNode({ id: 'node-9', block: 'block-2', disks: disks('node-9'), memoryGiB: 256, cvmMemoryGiB: 32 })
    sim.advance(3600)
    sim.removeNode('node-4')
    sim.advance(6 * 3600)
    sim.addNode({ id: 'node-10', block: 'block-new', disks: disks('node-10') })
    sim.settle()
  }

  it('determinism: the same actions give the same Report, byte for byte', () => {
    const a = load('four-blocks-of-2', 7)
    const b = load('four-blocks-of-2', 7)
    actions(a)
    actions(b)
    expect(JSON.stringify(a.report())).toBe(JSON.stringify(b.report()))
  }, 60_000)

  it('scenario steps { addNode } and { removeNode } run as the drill API calls do', () => {
    const sc = structuredClone(builtinScenario('four-blocks-of-2')!) as Record<string, unknown>
    const steps = [
      { at: 10, action: { addNode: { id: 'node-9', block: 'block-5', disks: disks('node-9') } } },
      { at: 600, action: { removeNode: 'node-9' } },
    ]
    const sim = Simulation.create({ ...sc, steps })
    sim.advance(300)
    expect(node(sim.report(), 'node-9').removal).toBe('none')
    sim.advance(400)
    expect(node(sim.report(), 'node-9').removal).toBe('removing')
    expect(() => Simulation.create({ ...sc, steps: [{ at: 1, action: { removeNode: 'node-77' } }] })).toThrow(/steps\[0\]\.action\.removeNode: unknown node "node-77"/)
    expect(() => Simulation.create({ ...sc, steps: [{ at: 1, action: { addNode: { id: 'node-2', block: 'block-1', disks: disks('z') } } }] })).toThrow(/duplicate id "node-2"/)
  }, 60_000)

  it('a checkpoint taken before an expansion restores the smaller cluster in place (time travel)', () => {
    const sim = load('four-blocks-of-2', 8)
    sim.advance(60)
    const snap = snapshot(sim)
    const before = JSON.stringify(sim.report())
    sim.addNode({ id: 'node-9', block: 'block-5', disks: disks('node-9') })
    sim.advance(3600)
    restore(snap)
    expect(JSON.stringify(sim.report())).toBe(before)
    // and it runs on exactly as a fresh one would
    const fresh = load('four-blocks-of-2', 8)
    fresh.advance(60)
    sim.advance(7200)
    fresh.advance(7200)
    expect(JSON.stringify(sim.report())).toBe(JSON.stringify(fresh.report()))
  }, 60_000)

  it('a checkpoint taken while a removal and an expansion run restores them in place and they finish the same', () => {
    const sim = load('four-blocks-of-2', 9)
    sim.addNode({ id: 'node-9', block: 'block-5', disks: disks('node-9') })
    sim.advance(40) // Curator's scan after the expansion
    sim.removeNode('node-2')
    sim.advance(1800) // the removal drains node-2, the expansion has joined, balancing runs
    expect(node(sim.report(), 'node-2').removal).toBe('removing')
    const snap = snapshot(sim)
    sim.settle()
    const first = JSON.stringify(sim.report())
    restore(snap)
    sim.settle()
    expect(JSON.stringify(sim.report())).toBe(first)
    expect(node(sim.report(), 'node-2').removal).toBe('removed')
  }, 60_000)
})
