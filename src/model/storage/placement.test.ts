/**
 * Data placement, EC strips, OpLog episodes, the metadata ring and Zookeeper
 * (DOMAIN.md §2–3). Property tests print their fast-check seed on failure; replay with
 * FC_SEED=<seed> npx vitest run src/model/placement.test.ts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DataStore, LEVEL_OF, planContainers } from './data'
import { EC_COLD_SHARE, STRIP_STRIDE, stripShape } from './ec'
import { interleavedRing, metadataAwareness, placeZookeeper, tokenRanges } from '../metadata/ring'
import { compileScenario } from '../scenario/normalize'
import type { Scenario } from '../scenario/schema'
import { builtinScenario } from '../scenario/builtins'
import { Simulation } from '../simulation'
import { Topology } from '../cluster/topology'
import { clusterArb, fcParams, scenarioOf, unitOfDisk } from './tolerance/resiliency.testkit'
import { UNIT_BYTES } from '../kernel/units'

const load = (id: string, seed?: number) => Simulation.create(builtinScenario(id)!, seed)

/** Problems with the placement of every extent group and strip (empty when all is well). */
function placementProblems(sim: Simulation, max = 5): string[] {
  const { data } = sim
  const level = LEVEL_OF[sim.effectiveAwareness]
  const bad: string[] = []
  for (let u = 0; u < data.units && bad.length < max; u++) {
    const rf = data.rfOf(u)
    const disks: number[] = []
    for (let k = 0; k < data.rf; k++) {
      const d = data.replicaDisk[u * data.rf + k]
      if (d >= 0) disks.push(d)
    }
    const units = new Set(disks.map((d) => unitOfDisk(sim, d, level)))
    const nodes = new Set(disks.map((d) => unitOfDisk(sim, d, 1)))
    if (disks.length !== rf) bad.push(`extent group ${u}: ${disks.length} of ${rf} replicas`)
    else if (units.size !== rf || nodes.size !== rf) bad.push(`extent group ${u}: replicas on ${units.size} ${sim.effectiveAwareness}s, ${nodes.size} nodes`)
  }
  for (let s = 0; s < data.strips && bad.length < max; s++) {
    const w = data.stripK[s] + data.stripP[s]
    const disks: number[] = []
    for (let j = 0; j < w; j++) {
      const d = data.stripDisk[s * STRIP_STRIDE + j]
      if (d >= 0) disks.push(d)
    }
    const units = new Set(disks.map((d) => unitOfDisk(sim, d, level)))
    if (disks.length !== w || units.size !== w) bad.push(`strip ${s}: ${disks.length} of ${w} members on ${units.size} ${sim.effectiveAwareness}s`)
  }
  return bad
}

describe('extent groups', () => {
  it('replicas never share a unit of the effective domain (random clusters)', () => {
    fc.assert(
      fc.property(clusterArb({ diskTB: [0.25, 0.5, 1] }), (shape) => {
        const sim = Simulation.create(scenarioOf(shape))
        // "when capacity allows": copies of one extent group (or members of one strip) must sit in
        // distinct units, so data of width w fits only if Σ min(unit capacity, used / w) ≥ used.
        // Unequal units (e.g. two racks of different sizes) filled past that bound must relax
        // the awareness (best effort); those shapes are outside this property (10 % margin).
        const level = LEVEL_OF[sim.effectiveAwareness]
        const unitCap = new Map<number, number>()
        sim.spec.disks.forEach((d, i) => unitCap.set(unitOfDisk(sim, i, level), (unitCap.get(unitOfDisk(sim, i, level)) ?? 0) + d.capacityBytes))
        let width = sim.data.rf
        for (let s = 0; s < sim.data.strips; s++) width = Math.max(width, sim.data.stripK[s] + sim.data.stripP[s])
        const used = sim.spec.usedRawBytes
        const fits = [...unitCap.values()].reduce((a, c) => a + Math.min(c, used / width), 0)
        fc.pre(fits >= 1.1 * used)
        expect(sim.data.relaxed, 'copies placed against the awareness').toBe(0)
        expect(sim.data.unplaced).toBe(0)
        expect(placementProblems(sim)).toEqual([])
      }),
      fcParams(60),
    )
  })

  it('built-in scenarios: every replica and strip member on distinct units of the domain in force', () => {
    for (const id of ['starter-3', 'twelve-3-blocks', 'four-blocks-of-2', 'rack-aware-3', 'ft2-ec', 'non-homogeneous']) {
      const sim = load(id)
      expect(placementProblems(sim), id).toEqual([])
      expect(sim.data.relaxed, id).toBe(0)
    }
  })

  it('raw use matches the scenario (replicas + strip members, within rounding)', () => {
    fc.assert(
      fc.property(clusterArb(), (shape) => {
        const sim = Simulation.create(scenarioOf(shape))
        const slack = (sim.spec.replicationFactor + 6) * UNIT_BYTES
        expect(Math.abs(sim.data.rawUsedBytes() - sim.spec.usedRawBytes)).toBeLessThanOrEqual(slack)
        // per container raw adds up
        const byContainer = Array.from(sim.data.containerRaw).reduce((a, b) => a + b, 0) * UNIT_BYTES
        expect(byContainer).toBe(sim.data.rawUsedBytes())
      }),
      fcParams(40),
    )
  })

  it('replicas weigh disks by capacity: fill fractions stay close', () => {
    const sim = load('non-homogeneous')
    const fill = sim.spec.disks.map((d, i) => sim.data.diskUsedBytes(i) / d.capacityBytes)
    const mean = fill.reduce((a, b) => a + b, 0) / fill.length
    for (const f of fill) expect(Math.abs(f - mean)).toBeLessThan(0.15)
  })

  it('same seed → same placement; the draws come from sim.rng only', () => {
    const a = load('ft2-ec', 9)
    const b = load('ft2-ec', 9)
    expect(Buffer.from(a.data.replicaDisk.buffer).equals(Buffer.from(b.data.replicaDisk.buffer))).toBe(true)
    expect(Buffer.from(a.data.stripDisk.buffer).equals(Buffer.from(b.data.stripDisk.buffer))).toBe(true)
    expect(Buffer.from(a.oplog.disks.buffer).equals(Buffer.from(b.oplog.disks.buffer))).toBe(true)
    const c = load('ft2-ec', 10)
    expect(Buffer.from(a.data.stripDisk.buffer).equals(Buffer.from(c.data.stripDisk.buffer))).toBe(false)
  })

  it('new data written during a failure keeps its full RF on healthy units', () => {
    fc.assert(
      fc.property(clusterArb({ fill: [0.05, 0.3] }), fc.nat(), (shape, pick) => {
        const sim = Simulation.create(scenarioOf(shape))
        const node = sim.spec.nodes[pick % sim.spec.nodes.length]
        sim.inject({ kind: 'node', target: node.id })
        const level = LEVEL_OF[sim.effectiveAwareness]
        // healthy units of the domain left after the failure
        const healthy = new Set<number>()
        sim.spec.disks.forEach((_, d) => {
          if (sim.topo.diskAvailable(d)) healthy.add(unitOfDisk(sim, d, level))
        })
        const rf = sim.spec.replicationFactor
        fc.pre(healthy.size >= rf)
        const first = sim.data.write(sim.rng, 0, 50, sim.effectiveAwareness)
        for (let u = first; u < first + 50; u++) {
          const disks: number[] = []
          for (let k = 0; k < sim.data.rf; k++) disks.push(sim.data.replicaDisk[u * sim.data.rf + k])
          expect(disks.every((d) => d >= 0 && sim.topo.diskAvailable(d)), `extent group ${u}: ${disks.join(',')}`).toBe(true)
          expect(new Set(disks.map((d) => unitOfDisk(sim, d, level))).size).toBe(rf)
        }
        // the figures see the new data: none of it is under-replicated
        sim.invalidate()
        expect(sim.data.units).toBe(first + 50)
      }),
      fcParams(30),
    )
  })

  it('a DataStore built from a plain count is one replicated container', () => {
    const res = compileScenario(builtinScenario('starter-3')!)
    if (!res.ok) throw new Error(res.problems.join('\n'))
    const topo = new Topology(res.spec)
    const ds = new DataStore(topo, 100, 2)
    expect(ds.containers).toHaveLength(1)
    expect(ds.units).toBe(100)
    expect(ds.strips).toBe(0)
  })
})

describe('erasure coding', () => {
  it('strip size follows the Bible table: k = min(4, units − 2p)', () => {
    const table: Array<[number, 1 | 2, string | null]> = [
      [3, 1, null], [4, 1, '2/1'], [5, 1, '3/1'], [6, 1, '4/1'], [12, 1, '4/1'],
      [5, 2, null], [6, 2, '2/2'], [7, 2, '3/2'], [8, 2, '4/2'], [20, 2, '4/2'],
    ]
    for (const [units, p, want] of table) {
      const s = stripShape(units, p)
      expect(s ? `${s.k}/${s.p}` : null, `${units} units, FT${p}`).toBe(want)
    }
  })

  it('only the write-cold share is encoded; members sit on distinct units of the domain in force', () => {
    fc.assert(
      fc.property(clusterArb({ fill: [0.05, 0.4] }).map((s) => ({ ...s, erasureCoding: true })), (shape) => {
        const sim = Simulation.create(scenarioOf(shape))
        const units = sim.topo.unitCount(sim.effectiveAwareness)
        const shapeWant = stripShape(units, sim.spec.ftLevel)
        const ctr = sim.data.containers[0]
        expect(ctr.shape).toEqual(shapeWant)
        if (!shapeWant) {
          expect(sim.data.strips).toBe(0)
          return
        }
        expect(sim.data.strips).toBe(ctr.strips)
        // cold share of the default container's logical data is in strips (within a strip)
        const logical = ctr.units + ctr.strips * shapeWant.k
        if (logical > 50) expect(Math.abs((ctr.strips * shapeWant.k) / logical - EC_COLD_SHARE)).toBeLessThan(0.1)
        for (let s = 0; s < sim.data.strips; s++) {
          expect(sim.data.stripK[s]).toBe(shapeWant.k)
          expect(sim.data.stripP[s]).toBe(sim.spec.ftLevel)
        }
        expect(placementProblems(sim)).toEqual([])
        // the management share is never erasure coded
        expect(sim.data.containers[1]).toMatchObject({ name: 'NutanixManagementShare', erasureCoding: false, strips: 0 })
      }),
      fcParams(40),
    )
  })

  it('planContainers keeps the raw use: replicas at RF, strips at (k + p) / k', () => {
    const spec = { replicationFactor: 2 as const, ftLevel: 1 as const, usedRawBytes: 10_000 * UNIT_BYTES, erasureCoding: true, nodes: new Array(8) }
    const [ctr, mgmt] = planContainers(spec, 8)
    expect(ctr.shape).toEqual({ k: 4, p: 1 })
    const raw = ctr.units * 2 + ctr.strips * 5 + mgmt.units * 2
    expect(Math.abs(raw - 10_000)).toBeLessThanOrEqual(3)
  })

  it('the ft2-ec scenario encodes 4/2 strips on 8 nodes (node awareness: 4 blocks < 6)', () => {
    const sim = load('ft2-ec')
    expect(sim.effectiveAwareness).toBe('node')
    const r = sim.report()
    expect(r.containers[0]).toMatchObject({ erasureCoding: true, ecStrip: { k: 4, p: 2 } })
    expect(r.containers[0].ecStrips).toBeGreaterThan(1000)
    expect(r.containers[0].rawBytes).toBeLessThan(r.containers[0].logicalBytes * 3)
  })
})

describe('OpLog episodes', () => {
  it('each running vDisk has an episode: local OpLog + RF − 1 peers on distinct nodes (and units)', () => {
    fc.assert(
      fc.property(clusterArb({ fill: [0.05, 0.2] }).map((s) => ({ ...s, vms: 6 })), (shape) => {
        const sim = Simulation.create(scenarioOf(shape))
        const { oplog, vms } = sim
        const rf = sim.spec.replicationFactor
        const level = LEVEL_OF[sim.effectiveAwareness]
        const units = sim.topo.unitCount(sim.effectiveAwareness)
        for (let v = 0; v < vms.count; v++) {
          for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
            const peers = Array.from(oplog.peers.subarray(vd * rf, vd * rf + rf))
            const disks = Array.from(oplog.disks.subarray(vd * rf, vd * rf + rf))
            if (vms.power[v] !== 0) {
              expect(peers.every((p) => p === -1)).toBe(true)
              continue
            }
            expect(peers[0]).toBe(vms.host[v])
            expect(new Set(peers).size).toBe(rf)
            disks.forEach((d, k) => expect(sim.spec.disks[d].node).toBe(peers[k]))
            if (units >= rf) expect(new Set(disks.map((d) => unitOfDisk(sim, d, level))).size).toBe(rf)
          }
        }
      }),
      fcParams(30),
    )
  })

  it('a VM powered on during a failure gets a full-RF episode on healthy nodes', () => {
    const sim = load('twelve-3-blocks')
    const vm = sim.spec.vms.find((v) => v.host !== sim.topo.nodeIndex.get('node-2'))!
    sim.powerOff(vm.id)
    sim.inject({ kind: 'node', target: 'node-2' })
    sim.powerOn(vm.id)
    const v = sim.vmIndex(vm.id)
    const rf = sim.data.rf
    for (let vd = sim.vms.vdiskStart[v]; vd < sim.vms.vdiskStart[v + 1]; vd++) {
      const disks = Array.from(sim.oplog.disks.subarray(vd * rf, vd * rf + rf))
      expect(disks.every((d) => d >= 0 && sim.topo.diskAvailable(d))).toBe(true)
      expect(new Set(disks.map((d) => sim.spec.nodes[sim.spec.disks[d].node].block)).size).toBe(rf)
    }
  })
})

/** A topology with the given block sizes (one rack each when `racks`), one disk per node. */
function topoOf(blockSizes: number[], racks = false): Topology {
  let n = 0
  const block = (size: number, b: number) => ({
    id: `block-${b + 1}`,
    nodes: Array.from({ length: size }, () => {
      n++
      return { id: `node-${n}`, disks: [{ id: `disk-${n}`, tier: 'SSD' as const, capacityTB: 1 }] }
    }),
  })
  const scenario: Scenario = {
    title: 'ring',
    cluster: {
      data: { usedPct: 1 },
      racks: racks ? blockSizes.map((s, i) => ({ id: `rack-${i + 1}`, blocks: [block(s, i)] })) : [{ id: 'rack-1', blocks: blockSizes.map(block) }],
    },
  }
  const res = compileScenario(scenario)
  if (!res.ok) throw new Error(res.problems.join('\n'))
  return new Topology(res.spec)
}

function windowsDistinct(topo: Topology, ring: number[], w: number, dom: 'block' | 'rack'): boolean {
  const n = ring.length
  for (let i = 0; i < n; i++) {
    const units = new Set<number>()
    for (let k = 0; k < Math.min(w, n); k++) units.add(topo.unitOf(ring[(i + k) % n], dom))
    if (units.size < Math.min(w, n)) return false
  }
  return true
}

describe('metadata ring', () => {
  it('any RF_m consecutive members sit in distinct blocks whenever n ≥ RF_m · (largest block)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 16 }).filter((s) => s.reduce((a, b) => a + b, 0) >= 3), fc.constantFrom(3, 5), fc.boolean(), (sizes, w, racks) => {
        const topo = topoOf(sizes, racks)
        const nodes = topo.spec.nodes.map((_, i) => i)
        const dom = racks ? 'rack' : 'block'
        const ring = interleavedRing(topo, nodes, dom, w)
        expect([...ring].sort((a, b) => a - b)).toEqual(nodes)
        const n = nodes.length
        if (n >= w * Math.max(...sizes)) expect(windowsDistinct(topo, ring, w, dom), `ring ${ring.join(',')}`).toBe(true)
      }),
      fcParams(400),
    )
  })

  it('metadata awareness: the other blocks must hold ≥ 2X nodes (FT1) or 4X (FT2)', () => {
    const cases: Array<[number[], 1 | 2, 'block' | 'node']> = [
      [[4, 4, 4], 1, 'block'],
      [[1, 1, 1], 1, 'block'],
      [[2, 2, 1], 1, 'node'],
      [[2, 2, 2], 1, 'block'],
      [[4, 2, 2], 1, 'node'],
      [[4, 4, 2, 2], 1, 'block'],
      [[1, 1, 1, 1, 1], 2, 'block'],
      [[2, 2, 2, 2, 2], 2, 'block'],
      [[2, 2, 2, 2, 1], 2, 'node'],
      [[4, 4, 4], 2, 'node'],
    ]
    for (const [sizes, ft, want] of cases) expect(metadataAwareness(topoOf(sizes), 'block', ft), `${sizes.join('+')} FT${ft}`).toBe(want)
    // rack: falls back to block when racks fail the rule but blocks pass it
    expect(metadataAwareness(topoOf([3, 1, 1, 1]), 'block', 1)).toBe('node')
  })

  it('token range i = ring[i] and the next RF_m − 1 members; every node holds RF_m ranges', () => {
    const sim = load('large-64')
    const ring = sim.ringMembers()
    const ranges = tokenRanges(ring, 5)
    expect(ranges).toHaveLength(64)
    ranges.forEach((r, i) => {
      expect(r.owner).toBe(ring[i])
      expect(r.replicas).toEqual([0, 1, 2, 3, 4].map((k) => ring[(i + k) % 64]))
    })
    const held = new Map<number, number>()
    for (const r of ranges) for (const n of r.replicas) held.set(n, (held.get(n) ?? 0) + 1)
    expect([...held.values()].every((c) => c === 5)).toBe(true)
    // rack-aware large-64: every range's 5 replicas are on 5 racks
    expect(sim.metadataDomain()).toBe('rack')
    for (const r of ranges) expect(new Set(r.replicas.map((n) => sim.spec.nodes[n].rack)).size).toBe(5)
    // the report exposes them for drawing
    const rep = sim.report().metadata
    expect(rep.tokenRanges).toHaveLength(64)
    expect(rep.tokenRanges[0]).toMatchObject({ start: 0, end: 1 / 64, available: true, replicasUp: 5 })
    expect(rep.tokenRanges[0].replicas[0]).toBe(rep.tokenRanges[0].owner)
  })
})

describe('Zookeeper', () => {
  it('3 (FT1) or 5 (FT2) servers on distinct racks, then blocks, when the layout allows', () => {
    fc.assert(
      fc.property(clusterArb({ maxRacks: 4, maxBlocks: 4 }), (shape) => {
        const sim = Simulation.create(scenarioOf(shape))
        const zk = sim.zookeeperServers()
        const count = sim.spec.ftLevel === 2 ? 5 : 3
        expect(zk).toHaveLength(count)
        expect(new Set(zk).size).toBe(count)
        const racks = new Set(zk.map((n) => sim.spec.nodes[n].rack))
        const blocks = new Set(zk.map((n) => sim.spec.nodes[n].block))
        expect(racks.size).toBe(Math.min(count, sim.spec.racks.length))
        expect(blocks.size).toBe(Math.min(count, sim.spec.blocks.length))
      }),
      fcParams(60),
    )
  })

  it('placeZookeeper prefers the given order within each spreading pass', () => {
    const topo = topoOf([2, 2, 2])
    expect(placeZookeeper(topo, [0, 1, 2, 3, 4, 5], 3)).toEqual([0, 2, 4])
    expect(placeZookeeper(topo, [1, 0, 3, 2, 5, 4], 5)).toEqual([1, 3, 5, 0, 2])
  })
})
