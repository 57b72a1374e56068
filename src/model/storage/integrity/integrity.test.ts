/**
 * Checksums, corruption and the scrubber (DOMAIN.md §12, integrity/): corruption within the
 * replication is always repaired within the scrub period and nothing is lost; data whose
 * every copy is corrupt (or gone) is counted lost exactly as a brute force over the copy
 * tables says; the same actions corrupt and repair the same copies.
 * Property tests print their fast-check seed on failure; replay with
 * FC_SEED=<seed> npx vitest run src/model/storage/integrity/integrity.test.ts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { STRIP_STRIDE } from '../ec'
import { clusterArb, fcParams, scenarioOf } from '../tolerance/resiliency.testkit'
import { builtinScenario } from '../../scenario/builtins'
import { Simulation } from '../../simulation'
import type { Fault } from '../../types'
import { UNIT_BYTES } from '../../kernel/units'
import { SCRUB_PERIOD_SECONDS, nextOccurrence } from './scrubber'
import { restore, snapshot } from '../../kernel/checkpoint'

const DAY = 86400
const load = (id: string, seed?: number) => Simulation.create(builtinScenario(id)!, seed)

/** Copies the brute force calls corrupt: a mark whose disk is the disk its slot points to. */
function corruptSet(sim: Simulation): Set<number> {
  const { data } = sim
  const out = new Set<number>()
  for (const [key, m] of data.corruption.marks) {
    const d = key >= 0 ? data.replicaDisk[key] : data.stripDisk[-key - 1]
    if (d === m.d) out.add(key)
  }
  return out
}

/** Brute force over the copy tables: [unavailable, lost] bytes, and the most corrupt copies of one group vs what it can lose. */
function brute(sim: Simulation): { unavailable: number; lost: number } {
  const { data, topo } = sim
  const bad = corruptSet(sim)
  const destroyed = sim.destroyedDisks
  const online = (d: number, key: number) => d >= 0 && topo.diskAvailable(d) && !bad.has(key)
  const exists = (d: number, key: number) => d >= 0 && destroyed[d] === 0 && !(bad.has(key) && topo.diskAvailable(d))
  let unavailable = 0
  let lost = 0
  for (let u = 0; u < data.units; u++) {
    const keys = Array.from({ length: data.rf }, (_, k) => u * data.rf + k)
    if (keys.some((key) => online(data.replicaDisk[key], key))) continue
    if (keys.some((key) => exists(data.replicaDisk[key], key))) unavailable++
    else lost++
  }
  for (let s = 0; s < data.strips; s++) {
    const k = data.stripK[s]
    const idx = Array.from({ length: k + data.stripP[s] }, (_, j) => s * STRIP_STRIDE + j)
    const on = idx.filter((i) => online(data.stripDisk[i], -i - 1))
    if (on.length >= k) continue
    const down = idx.slice(0, k).filter((i) => !online(data.stripDisk[i], -i - 1)).length
    if (idx.filter((i) => exists(data.stripDisk[i], -i - 1)).length >= k) unavailable += down
    else lost += down
  }
  return { unavailable: unavailable * UNIT_BYTES, lost: lost * UNIT_BYTES }
}

/** Does some group hold more corrupt copies than it can lose (a replica group: all of them; a strip: more than p)? */
function beyondRf(sim: Simulation): boolean {
  const { data } = sim
  const bad = corruptSet(sim)
  for (let u = 0; u < data.units; u++) {
    let n = 0
    for (let k = 0; k < data.rfOf(u); k++) if (bad.has(u * data.rf + k)) n++
    if (n >= data.rfOf(u)) return true
  }
  for (let s = 0; s < data.strips; s++) {
    let n = 0
    for (let j = 0; j < data.stripK[s] + data.stripP[s]; j++) if (bad.has(-(s * STRIP_STRIDE + j) - 1)) n++
    if (n > data.stripP[s]) return true
  }
  return false
}

describe('corruption, checksums and the scrubber', () => {
  it('1 % of a disk by default: reads find some within a day, the scrubber the rest within 7 days, in Scrub tasks; nothing is lost', () => {
    const sim = load('starter-3')
    const d = 3
    const id = sim.spec.disks[d].id
    sim.inject({ kind: 'corrupt', target: id })
    const n = Math.round(sim.data.diskUnits[d] * 0.01)
    let r = sim.report()
    expect(r.resiliency.corruptCopies).toBe(n)
    expect(r.resiliency.corruptFoundCopies).toBe(0)
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.events.at(-1)!.type).toBe('FaultInjected')
    sim.advance(DAY)
    r = sim.report()
    expect(r.resiliency.corruptCopies).toBeLessThan(n)
    expect(r.events.some((e) => e.type === 'ChecksumMismatch' && /while serving VM reads/.test(e.message))).toBe(true)
    sim.advance(SCRUB_PERIOD_SECONDS)
    r = sim.report()
    expect(r.resiliency.corruptCopies).toBe(0)
    expect(r.resiliency.corruptRepairedCopies).toBe(n)
    expect(r.resiliency.lostBytes).toBe(0)
    const scrubs = r.tasks.filter((t) => t.type === 'Scrub')
    expect(scrubs.length).toBeGreaterThan(0)
    expect(scrubs.every((t) => t.state === 'succeeded' && t.entity === id)).toBe(true)
    const alerts = r.alerts.filter((a) => a.type === 'DiskCorruptData')
    expect(alerts.length).toBeGreaterThan(0)
    expect(alerts.every((a) => a.resolvedTime !== null && a.message.startsWith(`Disk ${id} has corrupt data`))).toBe(true)
    expect(r.events.some((e) => e.type === 'ChecksumMismatch' && /Stargate scrubber found .*\(kSliceChecksumMismatch\)/.test(e.message))).toBe(true)
  })

  it('refuses bad targets and counts with the reason, changing nothing', () => {
    const sim = load('starter-3')
    const before = JSON.stringify(sim.report())
    expect(() => sim.inject({ kind: 'corrupt', target: 'node-1' })).toThrow(/unknown disk "node-1"/)
    expect(() => sim.inject({ kind: 'corrupt', target: 'nope' })).toThrow(/unknown disk "nope"/)
    expect(() => sim.inject({ kind: 'corrupt', target: sim.spec.disks[0].id, extentGroups: 0 })).toThrow(/extentGroups must be a whole number of at least 1/)
    expect(() => sim.inject({ kind: 'corrupt', target: sim.spec.disks[0].id, extentGroups: 10 ** 7 })).toThrow(/holds only \d+ copies that are not already corrupt/)
    expect(JSON.stringify(sim.report())).toBe(before)
  })

  it('a corrupt copy on an offline disk is offline, not lost, until its disk is back and it is judged', () => {
    const sim = load('starter-3')
    // corrupt every copy on one disk, then take the other copies' node offline
    const d = sim.spec.nodes[0].disks[2]
    sim.inject({ kind: 'corrupt', target: sim.spec.disks[d].id, extentGroups: sim.data.diskUnits[d] })
    expect(sim.report().resiliency.lostBytes).toBe(0) // RF2: one copy of each is still good
    sim.inject({ kind: 'cvm', target: sim.spec.nodes[0].id })
    let r = sim.report()
    expect(r.resiliency.lostBytes).toBe(0)
    expect({ unavailable: r.resiliency.unavailableBytes, lost: r.resiliency.lostBytes }).toEqual(brute(sim))
    sim.restore(sim.spec.nodes[0].id)
    sim.settle()
    r = sim.report()
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.resiliency.unavailableBytes).toBe(0)
  })

  it('every copy corrupt: lost at once, EXTENT_GROUPS 0 and Critical, a Data loss alert in checksum words; the scrubber logs the loss', () => {
    const sim = load('starter-3', 4)
    const { data } = sim
    // corrupt both copies of extent group 0
    const disks = [data.replicaDisk[0], data.replicaDisk[1]]
    for (const d of disks) {
      const keys = [0, 1].filter((k) => data.replicaDisk[k] === d)
      for (const k of keys) data.corruption.add(k, sim.timeMs)
    }
    sim.faultToleranceEvaluated()
    sim.checkResiliencyAlerts()
    const r = sim.report()
    expect(r.resiliency.lostBytes).toBe(UNIT_BYTES)
    expect(brute(sim).lost).toBe(UNIT_BYTES)
    expect(r.resiliency.status).toBe('Critical')
    const node = r.resiliency.faultTolerance.find((x) => x.domainType === 'NODE')!
    expect(node.components.EXTENT_GROUPS.failuresTolerable).toBe(0)
    expect(node.components.EXTENT_GROUPS.message).toMatch(/no valid replica: every copy failed its checksum/)
    expect(r.alerts.find((a) => a.type === 'DataLoss')!.message).toMatch(/every replica failed its checksum/)
  })

  it('disk removal moves a corrupt copy: the move reads it, finds the mismatch and writes the new copy from a good one', () => {
    const sim = load('four-blocks-of-2', 2)
    const d = sim.spec.nodes[1].disks[3]
    const id = sim.spec.disks[d].id
    sim.inject({ kind: 'corrupt', target: id, extentGroups: 5 })
    sim.removeDisk(id)
    sim.settle()
    const r = sim.report()
    expect(r.topology.disks[d].status).toBe('removed')
    expect(r.resiliency.corruptCopies).toBe(0)
    expect(r.resiliency.corruptRepairedCopies).toBe(5)
    expect(r.events.some((e) => e.type === 'ChecksumMismatch' && /Disk balancing read a replica/.test(e.message))).toBe(true)
  })

  it('a rebuild leaves a corrupt copy on its failed disk: Curator validates it when the disk is back and deletes it, not re-admits it', () => {
    const sim = load('four-blocks-of-2', 3)
    const n = sim.spec.nodes[2]
    const d = n.disks[4]
    sim.inject({ kind: 'corrupt', target: sim.spec.disks[d].id, extentGroups: 10 })
    sim.inject({ kind: 'node', target: n.id })
    sim.settle()
    expect(sim.data.corruption.detached.size).toBe(10)
    expect(sim.report().resiliency.corruptCopies).toBe(0) // the rebuilt copies came from good ones
    sim.restore(n.id)
    sim.settle()
    expect(sim.data.corruption.detached.size).toBe(0)
    const r = sim.report()
    expect(r.resiliency.corruptCopies).toBe(0)
    expect(r.resiliency.lostBytes).toBe(0)
  })

  it('a scenario step injects corruption; time travel (checkpoint restore) replays the same finds and repairs', () => {
    const base = builtinScenario('four-blocks-of-2')!
    const sim = Simulation.create({ ...base, steps: [{ at: 60, action: { inject: { kind: 'corrupt', target: 'disk-3-2', extentGroups: 12 } } }] })
    sim.advance(120)
    expect(sim.report().resiliency.corruptCopies).toBe(12)
    const snap = snapshot(sim)
    sim.advance(3 * DAY)
    const later = JSON.stringify(sim.report())
    expect(JSON.parse(later).resiliency.corruptRepairedCopies).toBeGreaterThan(0)
    restore(snap)
    expect(sim.report().resiliency.corruptCopies).toBe(12)
    sim.advance(3 * DAY)
    expect(JSON.stringify(sim.report())).toBe(later)
  })

  it('nextOccurrence: the first time strictly after `from` on the phase', () => {
    expect(nextOccurrence(0, 0, 100)).toBe(100)
    expect(nextOccurrence(0, 30, 100)).toBe(30)
    expect(nextOccurrence(30, 30, 100)).toBe(130)
    expect(nextOccurrence(131, 30, 100)).toBe(230)
  })

  it('property: corruption within the replication is always repaired within the scrub period, and nothing is lost on the way', () => {
    let repaired = 0
    fc.assert(
      fc.property(
        clusterArb({ fill: [0.05, 0.3], maxDisks: 2 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 4 }),
        (shape, hits) => {
          const sim = Simulation.create(scenarioOf(shape))
          for (const [pick, n] of hits) {
            const d = pick % sim.spec.disks.length
            const free = sim.spec.disks[d] && sim.data.diskUnits[d] - [...sim.data.corruption.marks.values()].filter((m) => m.d === d).length
            if (free <= 0) continue
            sim.inject({ kind: 'corrupt', target: sim.spec.disks[d].id, extentGroups: Math.min(n, free) })
          }
          fc.pre(!beyondRf(sim))
          const total = sim.report().resiliency.corruptCopies
          for (let t = 0; t < 8; t++) {
            sim.advance(DAY)
            const r = sim.report()
            expect(r.resiliency.lostBytes).toBe(0)
            expect(r.resiliency.unavailableBytes).toBe(0)
          }
          const r = sim.report()
          expect(r.resiliency.corruptCopies).toBe(0)
          expect(r.resiliency.corruptRepairedCopies).toBe(total)
          repaired += total
        },
      ),
      fcParams(25),
    )
    expect(repaired).toBeGreaterThan(50)
  })

  it('property: lost and unavailable data with corrupt copies are exactly what a brute force over the copy tables says', () => {
    let lostCases = 0
    fc.assert(
      fc.property(
        clusterArb({ fill: [0.05, 0.3], maxDisks: 2 }),
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('corrupt' as const), pick: fc.nat(), share: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
            fc.record({ op: fc.constant('fault' as const), kind: fc.constantFrom<Fault['kind']>('disk', 'cvm', 'node'), pick: fc.nat() }),
            fc.record({ op: fc.constant('restore' as const), pick: fc.nat() }),
            fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 3 * DAY }) }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (shape, ops) => {
          const sim = Simulation.create(scenarioOf(shape))
          for (const o of ops) {
            if (o.op === 'corrupt') {
              const d = o.pick % sim.spec.disks.length
              const free = sim.data.diskUnits[d] - [...sim.data.corruption.marks.values()].filter((m) => m.d === d).length
              try {
                sim.inject({ kind: 'corrupt', target: sim.spec.disks[d].id, extentGroups: Math.max(1, Math.floor(free * o.share)) })
              } catch {
                continue // nothing left to corrupt there
              }
            } else if (o.op === 'fault') {
              const pool = o.kind === 'disk' ? sim.spec.disks : sim.spec.nodes
              const f = { kind: o.kind, target: pool[o.pick % pool.length].id } as Fault
              if (sim.topo.faultProblem(f) !== null) continue
              sim.inject(f)
            } else if (o.op === 'restore') {
              if (sim.topo.faults.length === 0) continue
              const t = sim.topo.faults[o.pick % sim.topo.faults.length].target
              sim.restore(typeof t === 'string' ? t : t[0])
            } else sim.advance(o.seconds)
            const r = sim.report()
            const b = brute(sim)
            expect({ unavailable: r.resiliency.unavailableBytes, lost: r.resiliency.lostBytes }).toEqual(b)
            if (b.lost > 0) {
              lostCases++
              expect(r.alerts.some((a) => a.type === 'DataLoss')).toBe(true)
            }
          }
        },
      ),
      fcParams(30),
    )
    expect(lostCases).toBeGreaterThan(0)
  })

  it('determinism: the same scenario and actions corrupt, find and repair the same copies (byte-identical Reports)', () => {
    const run = () => {
      const sim = load('four-blocks-of-2', 9)
      sim.inject({ kind: 'corrupt', target: sim.spec.disks[5].id })
      sim.advance(3600)
      sim.inject({ kind: 'corrupt', target: sim.spec.disks[17].id, extentGroups: 30 })
      sim.inject({ kind: 'node', target: sim.spec.nodes[3].id })
      sim.advance(2 * DAY)
      sim.restore(sim.spec.nodes[3].id)
      sim.advance(6 * DAY)
      return JSON.stringify(sim.report())
    }
    const a = run()
    expect(run()).toBe(a)
    expect(JSON.parse(a).resiliency.corruptRepairedCopies).toBeGreaterThan(0)
  })
})
