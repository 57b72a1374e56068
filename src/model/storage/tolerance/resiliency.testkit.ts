/**
 * Test-only helpers for placement.test.ts, resiliency.test.ts and ncli.test.ts: random
 * small clusters (fast-check) and an independent brute-force judge of availability.
 * Not imported by the app.
 */
import fc from 'fast-check'
import { effectiveAwareness } from '../../cluster/awareness'
import { rawCapacity } from '../capacity'
import { STRIP_STRIDE } from '../ec'
import { metadataDisks, quorumOf, tokenRanges } from '../../metadata/ring'
import type { Scenario } from '../../scenario/schema'
import type { Simulation } from '../../simulation'
import { DISK_ONLINE } from '../../cluster/topology'
import type { Component, Domain, DomainType, Fault } from '../../types'

/**
 * fast-check parameters. The seed is printed on failure; FC_SEED=<n> (and FC_PATH=<path>) replays it,
 * FC_RUNS=<n> runs every property n times instead (a longer soak).
 */
export function fcParams(numRuns: number): { numRuns: number; seed?: number; path?: string; verbose: boolean } {
  const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined
  const runs = process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : numRuns
  const path = seed !== undefined ? process.env.FC_PATH : undefined
  return { numRuns: runs, ...(seed !== undefined ? { seed } : {}), ...(path ? { path } : {}), verbose: true }
}

export interface ClusterShape {
  ftLevel: 1 | 2
  erasureCoding: boolean
  awareness: Domain
  /** racks → blocks → node count */
  racks: number[][]
  disksPerNode: number
  /** first disk of a node is an SSD (else all HDD) */
  ssd: boolean
  diskTB: number
  /** node capacities vary (×1, ×2, ×3 by node index) */
  hetero: boolean
  /** raw use as a share of what the awareness domain can hold (0.95 × raw_D) */
  fill: number
  seed: number
  vms: number
}

export function nodeCount(s: Pick<ClusterShape, 'racks'>): number {
  return s.racks.flat().reduce((a, b) => a + b, 0)
}

/** A Scenario (explicit racks) for a shape. Ids: rack-1, block-1, node-1, disk-1-1 … */
export function scenarioOf(s: ClusterShape): Scenario {
  let b = 0
  let n = 0
  const nodeTB: number[] = []
  const racks = s.racks.map((blocks, r) => ({
    id: `rack-${r + 1}`,
    blocks: blocks.map((count) => {
      b++
      return {
        id: `block-${b}`,
        nodes: Array.from({ length: count }, () => {
          n++
          const mult = s.hetero ? 1 + (n % 3) : 1
          nodeTB.push(s.disksPerNode * s.diskTB * mult)
          return {
            id: `node-${n}`,
            disks: Array.from({ length: s.disksPerNode }, (_, d) => ({
              id: `disk-${n}-${d + 1}`,
              tier: (s.ssd && d === 0 ? 'SSD' : 'HDD') as 'SSD' | 'HDD',
              capacityTB: s.diskTB * mult,
            })),
          }
        }),
      }
    }),
  }))
  // raw use: a share of what the awareness in force can hold
  const counts = { node: n, block: b, rack: s.racks.length }
  const eff = effectiveAwareness(s.awareness, counts, s.ftLevel, s.erasureCoding)
  const unitTB = new Map<number, number>()
  let i = 0
  let bi = 0
  s.racks.forEach((blocks, r) =>
    blocks.forEach((count) => {
      for (let k = 0; k < count; k++) {
        const u = eff === 'node' ? i : eff === 'block' ? bi : r
        unitTB.set(u, (unitTB.get(u) ?? 0) + nodeTB[i])
        i++
      }
      bi++
    }),
  )
  const rf = s.ftLevel === 2 ? 3 : 2
  const usedTB = Math.round(0.95 * rawCapacity([...unitTB.values()], rf) * s.fill * 1000) / 1000
  return {
    title: 'generated',
    seed: s.seed,
    cluster: {
      ftLevel: s.ftLevel,
      awareness: s.awareness,
      erasureCoding: s.erasureCoding,
      data: { usedTB },
      racks,
    },
    vmFill: { count: s.vms, vcpus: 2, memoryGiB: 4, vdisks: 2 },
  }
}

/** Random small clusters (3–12 nodes; ≥ 5 for FT2). */
export function clusterArb(opts: { maxRacks?: number; maxBlocks?: number; maxDisks?: number; diskTB?: number[]; fill?: [number, number] } = {}): fc.Arbitrary<ClusterShape> {
  const maxRacks = opts.maxRacks ?? 3
  const maxBlocks = opts.maxBlocks ?? 3
  return fc
    .record({
      ftLevel: fc.constantFrom<1 | 2>(1, 2),
      erasureCoding: fc.boolean(),
      awareness: fc.constantFrom<Domain>('node', 'block', 'rack'),
      racks: fc.array(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: maxBlocks }), { minLength: 1, maxLength: maxRacks }),
      disksPerNode: fc.integer({ min: 1, max: opts.maxDisks ?? 3 }),
      ssd: fc.boolean(),
      diskTB: fc.constantFrom(...(opts.diskTB ?? [0.25, 0.5])),
      hetero: fc.boolean(),
      fill: fc.double({ min: opts.fill?.[0] ?? 0.05, max: opts.fill?.[1] ?? 0.6, noNaN: true }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      vms: fc.integer({ min: 0, max: 8 }),
    })
    .filter((s) => nodeCount(s) >= (s.ftLevel === 2 ? 5 : 3) && nodeCount(s) <= 12)
}

// ---------------------------------------------------------------- brute force

export const LEVEL_OF_TYPE: Record<DomainType, 0 | 1 | 2 | 3> = { DISK: 0, NODE: 1, RACKABLE_UNIT: 2, RACK: 3 }

/** Units at a level: disks, nodes, blocks, racks. */
export function unitsAt(sim: Simulation, level: 0 | 1 | 2 | 3): number {
  const { spec } = sim
  return [spec.disks.length, spec.nodes.length, spec.blocks.length, spec.racks.length][level]
}

/** Unit of disk d at a level (0 disk, 1 node, 2 block, 3 rack), straight from the spec: an oracle independent of data.ts. */
export function unitOfDisk(sim: Simulation, d: number, level: number): number {
  const n = sim.spec.disks[d].node
  return level === 0 ? d : level === 1 ? n : level === 2 ? sim.spec.nodes[n].block : sim.spec.nodes[n].rack
}
function unitOfNode(sim: Simulation, n: number, level: number): number {
  return level === 1 ? n : level === 2 ? sim.spec.nodes[n].block : sim.spec.nodes[n].rack
}

export type Judged = Exclude<Component, 'FREE_SPACE' | 'STATIC_CONFIGURATION'>
export const JUDGED: readonly Judged[] = ['EXTENT_GROUPS', 'OPLOG', 'METADATA', 'ZOOKEEPER', 'STARGATE_HEALTH', 'ERASURE_CODE_STRIP_SIZE']

/**
 * Which components are still available if the units `failed` of `level` fail on top of
 * the current state. Written from first principles, independently of resiliency.ts.
 */
export function availableAfter(sim: Simulation, level: 0 | 1 | 2 | 3, failed: ReadonlySet<number>): Record<Judged, boolean> {
  const { spec, topo, data } = sim
  const gone = (d: number) => failed.has(unitOfDisk(sim, d, level))
  const diskOk = spec.disks.map((_, d) => topo.diskAvailable(d) && !gone(d))
  const nodeServing = spec.nodes.map((_, n) => topo.cvmServing(n) && (level === 0 || !failed.has(unitOfNode(sim, n, level))))
  const metaUp = spec.nodes.map((_, n) => nodeServing[n] && metadataDisks(topo, n).some((d) => topo.diskMode[d] === DISK_ONLINE && !(level === 0 && failed.has(d))))

  let eg = true
  for (let u = 0; u < data.units && eg; u++) {
    let alive = false
    for (let k = 0; k < data.rf; k++) {
      const d = data.replicaDisk[u * data.rf + k]
      if (d >= 0 && diskOk[d]) alive = true
    }
    if (!alive) eg = false
  }
  for (let s = 0; s < data.strips && eg; s++) {
    const k = data.stripK[s]
    let alive = 0
    for (let j = 0; j < k + data.stripP[s]; j++) {
      const d = data.stripDisk[s * STRIP_STRIDE + j]
      if (d >= 0 && diskOk[d]) alive++
    }
    if (alive < k) eg = false
  }

  let oplog = true
  const op = sim.oplog
  for (let vd = 0; vd < op.vdisks && oplog; vd++) {
    let open = false
    let alive = false
    for (let k = 0; k < op.rf; k++) {
      const d = op.disks[vd * op.rf + k]
      if (d >= 0) {
        open = true
        if (diskOk[d]) alive = true
      }
    }
    if (open && !alive) oplog = false
  }

  const rfm = spec.metadataReplicationFactor
  const ranges = tokenRanges(sim.ringMembers(), rfm)
  const metadata = ranges.length > 0 && ranges.every((r) => r.replicas.filter((n) => metaUp[n]).length >= quorumOf(rfm))
  const zk = sim.zookeeperServers()
  const zookeeper = zk.length > 0 && zk.filter((n) => metaUp[n]).length >= quorumOf(zk.length)
  const stargate = nodeServing.filter(Boolean).length >= spec.replicationFactor

  let ec = true
  if (spec.erasureCoding) {
    const shapes = data.containers.map((c) => c.shape).filter((x) => x !== null)
    const width = shapes.length > 0 ? Math.max(...shapes.map((x) => x.k + x.p)) : 2 + spec.ftLevel
    const eff = sim.effectiveAwareness === 'node' ? 1 : sim.effectiveAwareness === 'block' ? 2 : 3
    const live = new Set<number>()
    spec.disks.forEach((_, d) => {
      if (diskOk[d]) live.add(unitOfDisk(sim, d, eff))
    })
    ec = live.size >= width
  }
  return { EXTENT_GROUPS: eg, OPLOG: oplog, METADATA: metadata, ZOOKEEPER: zookeeper, STARGATE_HEALTH: stargate, ERASURE_CODE_STRIP_SIZE: ec }
}

/** Every k-subset of 0 .. n − 1 (k ≤ n), as arrays. */
export function* subsets(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i)
  if (k > n) return
  for (;;) {
    yield [...idx]
    let i = k - 1
    while (i >= 0 && idx[i] === n - k + i) i--
    if (i < 0) return
    idx[i]++
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1
  }
}

/**
 * Failures tolerable by brute force: for each judged component, the largest f ≤ FT such
 * that every set of f units of the level (all units when there are fewer) leaves it
 * available; 0 when it is unavailable already.
 */
export function bruteForceTolerance(sim: Simulation, level: 0 | 1 | 2 | 3): Record<Judged, number> {
  const ft = sim.spec.ftLevel
  const units = unitsAt(sim, level)
  const out = {} as Record<Judged, number>
  const ok = {} as Record<Judged, boolean>
  for (const c of JUDGED) {
    out[c] = 0
    ok[c] = true
  }
  for (let f = 0; f <= ft; f++) {
    const size = Math.min(f, units)
    for (const set of subsets(units, size)) {
      const av = availableAfter(sim, level, new Set(set))
      for (const c of JUDGED) if (!av[c]) ok[c] = false
      if (JUDGED.every((c) => !ok[c])) break
    }
    for (const c of JUDGED) if (ok[c]) out[c] = f
  }
  return out
}

/**
 * FREE_SPACE by enumeration (DOMAIN.md §5): the largest f ≤ FT such that raw used on
 * available disks ≤ the raw capacity left after the worst set of f failed units
 * (disks: rebuilt at node level; blocks/racks: at node level when too few units remain).
 */
export function bruteForceFreeSpace(sim: Simulation, level: 0 | 1 | 2 | 3): number {
  const { spec, topo } = sim
  const rf = spec.replicationFactor
  const ft = spec.ftLevel
  const used = sim.availableUsedBytes()
  const diskCap = spec.disks.map((d, i) => (topo.diskAvailable(i) ? d.capacityBytes : 0))
  const nodeCapExcept = (lostDisks: ReadonlySet<number>, lostUnits: ReadonlySet<number>, l: number) =>
    spec.nodes.map((n, i) => (l >= 1 && lostUnits.has(unitOfNode(sim, i, l)) ? 0 : n.disks.reduce((a, d) => a + (lostDisks.has(d) ? 0 : diskCap[d]), 0)))
  const dom: Domain = level === 1 ? 'node' : level === 2 ? 'block' : 'rack'
  const unitCap = (us: readonly number[]) => {
    const caps = new Map<number, number>()
    nodeCapExcept(new Set(), new Set(), 1).forEach((c, n) => {
      const u = unitOfNode(sim, n, level)
      if (us.includes(u)) caps.set(u, (caps.get(u) ?? 0) + c)
    })
    return [...caps.values()]
  }
  const allUnits = Array.from({ length: unitsAt(sim, level) }, (_, u) => u)
  const live = level === 0 ? [] : allUnits.filter((u) => unitCap([u])[0] > 0)
  let best = 0
  for (let f = 1; f <= ft; f++) {
    let worst = Infinity
    if (level === 0) {
      for (const set of subsets(spec.disks.length, Math.min(f, spec.disks.length))) worst = Math.min(worst, rawCapacity(nodeCapExcept(new Set(set), new Set(), 0), rf))
    } else if (live.length <= f) worst = 0
    else {
      worst = rawCapacity(unitCap(live), rf)
      const counts = { node: spec.nodes.length, block: spec.blocks.length, rack: spec.racks.length, [dom]: live.length - f }
      const after = level === 1 ? 'node' : effectiveAwareness(dom, counts, ft, spec.erasureCoding) === dom ? dom : 'node'
      for (const idx of subsets(live.length, f)) {
        const lost = new Set(idx.map((i) => live[i]))
        const rest = live.filter((u) => !lost.has(u))
        const raw = after === dom ? rawCapacity(unitCap(rest), rf) : rawCapacity(nodeCapExcept(new Set(), lost, level).filter((c) => c > 0), rf)
        worst = Math.min(worst, raw)
      }
    }
    if (used <= worst) best = f
    else break
  }
  return best
}

/** A few random faults that keep the cluster loadable: disks, CVMs, nodes, partitions. */
export function faultsArb(): fc.Arbitrary<Array<{ kind: Fault['kind']; pick: number }>> {
  return fc.array(fc.record({ kind: fc.constantFrom<Fault['kind']>('disk', 'disk', 'cvm', 'node', 'partition', 'block'), pick: fc.nat() }), { maxLength: 2 })
}

/** Apply faults chosen by index (skipping ones that don't apply). */
export function applyFaults(sim: Simulation, faults: ReadonlyArray<{ kind: Fault['kind']; pick: number }>): string[] {
  const done: string[] = []
  for (const f of faults) {
    const pool = f.kind === 'disk' ? sim.spec.disks : f.kind === 'block' ? sim.spec.blocks : f.kind === 'rack' ? sim.spec.racks : sim.spec.nodes
    const target = pool[f.pick % pool.length].id
    try {
      sim.inject({ kind: f.kind, target } as Fault)
      done.push(`${f.kind}:${target}`)
    } catch {
      // already failed: skip
    }
  }
  return done
}
