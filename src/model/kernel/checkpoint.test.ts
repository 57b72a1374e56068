import { describe, expect, it } from 'vitest'
import { BUILTIN_SCENARIOS } from '../scenario/builtins'
import { Simulation } from '../simulation'
import { memoryOf, restore, snapshot } from './checkpoint'

describe('snapshot/restore walker', () => {
  it('restores in place: same identities, re-pointed properties, added properties deleted, Maps, Sets, arrays and typed arrays', () => {
    const inner = { n: 1 }
    const table = new Int32Array(64)
    const root = { inner, list: [inner, 2], map: new Map<string, unknown>([['a', inner]]), set: new Set([1, 2]), table, f: () => inner.n } as Record<string, unknown>
    const s0 = snapshot(root)
    inner.n = 5
    ;(root.list as unknown[]).push(3)
    ;(root.map as Map<string, unknown>).set('b', 1)
    ;(root.set as Set<number>).delete(1)
    table[3] = 7
    root.table = new Int32Array(2)
    root.extra = 'new'
    root.inner = { n: 9 }
    restore(s0)
    expect(root.inner).toBe(inner)
    expect(inner.n).toBe(1)
    expect(root.list).toEqual([inner, 2])
    expect([...(root.map as Map<string, unknown>)]).toEqual([['a', inner]])
    expect([...(root.set as Set<number>)]).toEqual([1, 2])
    expect(root.table).toBe(table)
    expect(table[3]).toBe(0)
    expect('extra' in root).toBe(false)
    expect((root.f as () => number)()).toBe(1)
  })

  it('shares unchanged typed copies and lists with the snapshot before, and keeps small diffs of big tables', () => {
    const big = new Float64Array(10_000)
    const same = new Uint8Array(10_000)
    const root = { big, same, list: [1, 2, 3] }
    const s0 = snapshot(root)
    big[17] = 1.5
    const s1 = snapshot(root, s0)
    expect(memoryOf([s0, s1]) - memoryOf([s0])).toBeLessThan(100) // one changed 32-bit word pair, no new full copy
    big.fill(2)
    const s2 = snapshot(root, s1)
    expect(memoryOf([s0, s1, s2]) - memoryOf([s0, s1])).toBeGreaterThanOrEqual(80_000) // most changed: a full copy
    restore(s1)
    expect(big[17]).toBe(1.5)
    expect(big[18]).toBe(0)
    restore(s2)
    expect(big[17]).toBe(2)
    restore(s0)
    expect(big[17]).toBe(0)
  })

  it('diffs views that are not 4-byte aligned byte by byte', () => {
    const buffer = new ArrayBuffer(4096)
    const odd = new Uint8Array(buffer, 3, 4000)
    const root = { odd, buffer }
    const s0 = snapshot(root)
    odd[10] = 9
    const s1 = snapshot(root, s0)
    odd.fill(1)
    restore(s1)
    expect(odd[10]).toBe(9)
    expect(odd[11]).toBe(0)
    restore(s0)
    expect(odd[10]).toBe(0)
  })
})

/** A fixed script: a failure and its recovery under way (HA restarts, rebuild). */
function script(sim: Simulation): void {
  sim.advance(600)
  const node = sim.spec.nodes[sim.spec.nodes.length - 1].id
  sim.inject({ kind: 'node', target: node })
  sim.advance(1800)
}

/** Change everything reachable: faults, HA mode, power, growth, time. */
function mutate(sim: Simulation): void {
  try {
    sim.ha.setMode('guarantee')
  } catch {
    // refused where the running VMs would not fit a failure: the rest still changes the state
  }
  sim.restore(sim.spec.nodes[sim.spec.nodes.length - 1].id)
  sim.inject({ kind: 'node', target: sim.spec.nodes[0].id })
  sim.growth.setRate(5)
  if (sim.spec.vms.length > 0) sim.powerOff(sim.spec.vms[0].id)
  sim.advance(5400)
}

describe('no model state hidden from the walker (every built-in scenario)', () => {
  for (const s of BUILTIN_SCENARIOS) {
    it(`${s.id}: snapshot → mutate → restore gives the identical Report and the identical next hour`, { timeout: 180_000 }, () => {
      const sim = Simulation.create(s)
      const atLoad = snapshot(sim)
      script(sim)
      const snap = snapshot(sim, atLoad)
      const before = JSON.stringify(sim.report())
      mutate(sim)
      expect(JSON.stringify(sim.report())).not.toBe(before)
      restore(snap)
      expect(JSON.stringify(sim.report())).toBe(before)
      sim.advance(3600)
      const fresh = Simulation.create(s)
      script(fresh)
      fresh.advance(3600)
      expect(JSON.stringify(sim.report())).toBe(JSON.stringify(fresh.report()))
    })
  }
})
