import { describe, expect, it } from 'vitest'
import { BUILTIN_SCENARIOS, builtinScenario } from './scenario/builtins'
import { fillVms } from './scenario/workloads'
import type { Scenario } from './scenario/schema'
import { SimError, Simulation } from './simulation'
import type { Fault, Report } from './types'

const SMALL = BUILTIN_SCENARIOS.filter((s) => s.id !== 'large-64')

function load(id: string, seed?: number): Simulation {
  const s = builtinScenario(id)
  if (!s) throw new Error(`no built-in scenario ${id}`)
  return Simulation.create(s, seed)
}

const json = (sim: Simulation) => JSON.stringify(sim.report())
const nodeOf = (r: Report, id: string) => r.topology.nodes.find((n) => n.id === id)!

/** Run a call that must be refused; returns the error message. */
function refused(fn: () => void): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(SimError)
    return (e as Error).message
  }
  throw new Error('expected the call to be refused')
}

/**
 * A drill that works on any topology: faults of every kind, clock moves, restores and VM
 * power actions. Returns the serialised report after every step (refusals included).
 */
function drill(sim: Simulation): string[] {
  const out: string[] = []
  const r0 = sim.report()
  const nodes = r0.topology.nodes.map((n) => n.id)
  const disk = r0.topology.disks.find((d) => d.node === nodes[1])!.id
  const block = r0.topology.blocks[r0.topology.blocks.length - 1].id
  const vm = r0.vms.find((v) => v.power === 'on' && v.host === nodes[nodes.length - 1])?.id
  const steps: Array<() => void> = [
    () => sim.advance(30),
    () => sim.inject({ kind: 'disk', target: disk }),
    () => sim.advance(65.5),
    () => sim.inject({ kind: 'cvm', target: nodes[2] }),
    () => sim.inject({ kind: 'node', target: nodes[0] }),
    () => sim.advance(120),
    () => vm && sim.powerOff(vm),
    () => sim.advance(1),
    () => vm && sim.powerOn(vm),
    () => sim.inject({ kind: 'block', target: block }),
    () => sim.advance(600),
    () => sim.restore(nodes[0]),
    () => sim.restore(block),
    () => sim.inject({ kind: 'partition', target: nodes[1] }),
    () => sim.advance(45),
    () => sim.restore(nodes[2]),
    () => sim.restore(nodes[1]),
    () => sim.settle(3600),
    () => sim.restore(disk),
    () => sim.advance(7200),
  ]
  for (const step of steps) {
    try {
      step()
      out.push(json(sim))
    } catch (e) {
      out.push(`refused: ${(e as Error).message}`)
    }
  }
  return out
}

describe('loading', () => {
  it.each(SMALL.map((s) => [s.id!] as const))('%s loads with a consistent report', (id) => {
    const sim = load(id)
    const r = sim.report()
    const spec = builtinScenario(id)!
    expect(r.apiVersion).toBe(1)
    expect(r.scenarioId).toBe(id)
    expect(r.seed).toBe(spec.seed ?? 1)
    expect(r.time).toBe(0)
    expect(r.cluster.ftLevel).toBe(spec.cluster.ftLevel ?? 1)
    expect(r.topology.nodes.every((n) => n.host === 'up' && n.cvm === 'up')).toBe(true)
    expect(r.topology.disks.every((d) => d.mode === 'online')).toBe(true)
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.resiliency.underReplicatedBytes).toBe(0)
    expect(r.zookeeper).toHaveLength(r.cluster.ftLevel === 2 ? 5 : 3)
    expect(r.acropolisLeader).not.toBeNull()
    expect(r.topology.nodes.filter((n) => n.acropolisLeader).map((n) => n.id)).toEqual([r.acropolisLeader])
    expect(r.metadataRing).toHaveLength(r.topology.nodes.length)
    // used bytes are the replicas on the disks, and every disk within its capacity
    expect(r.storage.usedBytes).toBe(r.topology.disks.reduce((a, d) => a + d.usedBytes, 0))
    for (const d of r.topology.disks) expect(d.usedBytes).toBeLessThanOrEqual(d.capacityBytes)
    expect(r.storage.resilientCapacityBytes).toBeGreaterThan(0)
    expect(r.storage.resilientCapacityBytes).toBeLessThan(r.storage.totalBytes)
    expect(r.vms).toHaveLength((spec.vms?.length ?? 0) + (spec.vmFill?.count ?? 0))
    // every VM runs on a host, except those the scenario declares off (walkthroughs.ts)
    // (and the generated VMs its workload mix powers off, workloads.ts)
    const generated = spec.vmFill ? fillVms(spec.vmFill, spec.id ?? spec.title) : []
    const declaredOff = new Set([...(spec.vms ?? []), ...generated].filter((v) => v.power === 'off').map((v) => v.id))
    expect(r.vms.every((v) => (declaredOff.has(v.id) ? v.power === 'off' : v.power === 'on' && v.host !== null))).toBe(true)
    expect(r.resiliency.faultTolerance.map((x) => x.domainType)).toEqual(['DISK', 'NODE', 'RACKABLE_UNIT', 'RACK'])
  })

  it('large-64 loads: 64 nodes, 10,000 VMs, FT2 rack awareness in force', () => {
    const sim = load('large-64')
    const r = sim.report()
    expect(r.topology.nodes).toHaveLength(64)
    expect(r.topology.disks).toHaveLength(768)
    expect(r.vms).toHaveLength(10000)
    expect(r.cluster).toMatchObject({ ftLevel: 2, replicationFactor: 3, metadataReplicationFactor: 5, awareness: { desired: 'rack', effective: 'rack' } })
    expect(r.zookeeper).toHaveLength(5)
    // the 5 Zookeeper servers sit in 5 distinct racks
    expect(new Set(r.zookeeper.map((id) => nodeOf(r, id).rack)).size).toBe(5)
    expect(r.resiliency.status).toBe('OK')
    expect(r.resiliency.lostBytes).toBe(0)
  }, 30_000)
})

describe('determinism', () => {
  it.each(SMALL.map((s) => [s.id!] as const))('%s: same scenario + same actions → identical reports', (id) => {
    const a = drill(load(id))
    const b = drill(load(id))
    expect(a.length).toBe(b.length)
    for (let i = 0; i < a.length; i++) expect(b[i], `step ${i}`).toBe(a[i])
    // the drill really did change things, and was not all refused
    expect(new Set(a).size).toBeGreaterThan(5)
    expect(a.filter((x) => x.startsWith('refused')).length).toBeLessThan(3)
  })

  it('another simulation in between does not disturb a run (no shared state)', () => {
    const first = drill(load('four-blocks-of-2'))
    drill(load('four-blocks-of-2', 77))
    expect(drill(load('four-blocks-of-2'))).toEqual(first)
  })

  it('a different seed gives a different placement', () => {
    const a = load('twelve-3-blocks')
    const b = load('twelve-3-blocks', 2)
    expect(b.report().seed).toBe(2)
    expect(a.data.replicaDisk.length).toBe(b.data.replicaDisk.length)
    expect(Buffer.from(a.data.replicaDisk.buffer).equals(Buffer.from(b.data.replicaDisk.buffer))).toBe(false)
    const usedA = a.report().topology.disks.map((d) => d.usedBytes)
    const usedB = b.report().topology.disks.map((d) => d.usedBytes)
    expect(usedA).not.toEqual(usedB)
    // …but the same total
    expect(usedA.reduce((x, y) => x + y, 0)).toBe(usedB.reduce((x, y) => x + y, 0))
    // the same seed again gives the same placement
    expect(Buffer.from(load('twelve-3-blocks', 2).data.replicaDisk.buffer).equals(Buffer.from(b.data.replicaDisk.buffer))).toBe(true)
  })

  it('replicas of one extent group sit on distinct nodes and, with block awareness, distinct blocks', () => {
    const sim = load('twelve-3-blocks')
    const { data, spec } = sim
    expect(sim.effectiveAwareness).toBe('block')
    expect(data.units).toBeGreaterThan(1000)
    const bad: string[] = []
    for (let u = 0; u < data.units && bad.length < 5; u++) {
      const blocks = new Set<number>()
      const nodes = new Set<number>()
      for (let k = 0; k < data.rf; k++) {
        const d = data.replicaDisk[u * data.rf + k]
        if (d < 0) continue
        nodes.add(spec.disks[d].node)
        blocks.add(spec.nodes[spec.disks[d].node].block)
      }
      if (nodes.size !== data.rf || blocks.size !== data.rf) bad.push(`extent group ${u}: ${nodes.size} nodes, ${blocks.size} blocks`)
    }
    expect(bad).toEqual([])
  })
})

describe('refused calls leave the simulation exactly as it was', () => {
  it('inject with an unknown target names it', () => {
    const sim = load('twelve-3-blocks')
    sim.advance(10)
    const before = json(sim)
    expect(refused(() => sim.inject({ kind: 'node', target: 'node-99' }))).toContain('unknown target "node-99"')
    expect(refused(() => sim.inject({ kind: 'disk', target: 'disk-99-1' }))).toContain('unknown target "disk-99-1"')
    expect(refused(() => sim.inject({ kind: 'block', target: 'block-9' }))).toContain('unknown target "block-9"')
    expect(refused(() => sim.inject({ kind: 'rack', target: 'rack-2' }))).toContain('unknown target "rack-2"')
    expect(json(sim)).toBe(before)
  })

  it('inject with a target of the wrong kind, an unknown kind, or a fault already active', () => {
    const sim = load('twelve-3-blocks')
    sim.inject({ kind: 'cvm', target: 'node-3' })
    const before = json(sim)
    expect(refused(() => sim.inject({ kind: 'disk', target: 'node-1' }))).toContain('"node-1"')
    expect(refused(() => sim.inject({ kind: 'node', target: 'block-1' }))).toContain('"block-1"')
    expect(refused(() => sim.inject({ kind: 'meteor', target: 'node-1' } as unknown as Fault))).toContain('meteor')
    expect(refused(() => sim.inject({ kind: 'cvm', target: 'node-3' }))).toContain('already active')
    expect(json(sim)).toBe(before)
  })

  it('restore of an id with no active fault, or an unknown id', () => {
    const sim = load('twelve-3-blocks')
    sim.inject({ kind: 'node', target: 'node-2' })
    sim.advance(5)
    const before = json(sim)
    expect(refused(() => sim.restore('node-3'))).toContain('"node-3"')
    expect(refused(() => sim.restore('block-1'))).toContain('"block-1"') // node-2 is in block-1, but the block was not failed
    expect(refused(() => sim.restore('node-99'))).toBe('unknown target "node-99"')
    expect(json(sim)).toBe(before)
  })

  it('bad clock moves and VM calls', () => {
    const sim = load('starter-3')
    const before = json(sim)
    expect(refused(() => sim.advance(-1))).toContain('-1')
    expect(refused(() => sim.advance(Number.NaN))).toContain('NaN')
    expect(refused(() => sim.settle(-5))).toContain('-5')
    expect(refused(() => sim.powerOn(sim.report().vms.find((v) => v.power === 'on')!.id))).toContain('already on')
    expect(refused(() => sim.powerOff('vm-404'))).toBe('unknown VM "vm-404"')
    expect(json(sim)).toBe(before)
  })
})

describe('failures', () => {
  it('node fault: host and CVM down, its VMs not on, an event names the node', () => {
    const sim = load('twelve-3-blocks')
    sim.advance(100)
    const before = sim.report()
    const victims = before.vms.filter((v) => v.host === 'node-6' && v.power === 'on').map((v) => v.id)
    expect(victims.length).toBeGreaterThan(0)
    sim.inject({ kind: 'node', target: 'node-6' })
    const r = sim.report()
    expect(nodeOf(r, 'node-6')).toMatchObject({ host: 'down', cvm: 'down' })
    // nothing else went down
    expect(r.topology.nodes.filter((n) => n.host !== 'up').map((n) => n.id)).toEqual(['node-6'])
    for (const id of victims) expect(r.vms.find((v) => v.id === id)!.power).not.toBe('on')
    // VMs elsewhere keep running (the ones the workload keeps off stay off)
    const wasOn = new Set(before.vms.filter((v) => v.power === 'on').map((v) => v.id))
    expect(r.vms.filter((v) => !victims.includes(v.id)).every((v) => v.power === (wasOn.has(v.id) ? 'on' : 'off'))).toBe(true)
    const evs = r.events.filter((e) => e.entity === 'node-6' && e.time === 100)
    expect(evs.length).toBeGreaterThan(0)
    expect(evs.some((e) => e.severity === 'critical')).toBe(true)
    expect(r.alerts.some((a) => a.entity === 'node-6' && a.resolvedTime === null)).toBe(true)
    // the node's disks no longer count
    expect(r.storage.totalBytes).toBeLessThan(before.storage.totalBytes)
    expect(r.storage.nodes.find((n) => n.id === 'node-6')!.totalBytes).toBe(0)
    expect(r.resiliency.underReplicatedBytes).toBeGreaterThan(0)
    expect(r.resiliency.lostBytes).toBe(0)
  })

  it('CVM fault: the host and its VMs keep running', () => {
    const sim = load('twelve-3-blocks')
    const onHost = sim.report().vms.filter((v) => v.host === 'node-4').map((v) => v.id)
    sim.inject({ kind: 'cvm', target: 'node-4' })
    const r = sim.report()
    expect(nodeOf(r, 'node-4')).toMatchObject({ host: 'up', cvm: 'down' })
    for (const id of onHost) expect(r.vms.find((v) => v.id === id)).toMatchObject({ power: 'on', host: 'node-4' })
    expect(r.events.some((e) => e.entity === 'node-4' && e.type === 'CvmDown')).toBe(true)
  })

  it('disk fault: the disk goes offline and its data is under-replicated, not lost', () => {
    const sim = load('four-blocks-of-2')
    const before = sim.report()
    const disk = before.topology.disks.find((d) => d.id === 'disk-3-4')!
    expect(disk.usedBytes).toBeGreaterThan(0)
    sim.inject({ kind: 'disk', target: 'disk-3-4' })
    const r = sim.report()
    expect(r.topology.disks.find((d) => d.id === 'disk-3-4')!.mode).toBe('offline')
    expect(r.topology.disks.filter((d) => d.mode === 'offline')).toHaveLength(1)
    expect(nodeOf(r, 'node-3')).toMatchObject({ host: 'up', cvm: 'up' })
    expect(r.storage.totalBytes).toBe(before.storage.totalBytes - disk.capacityBytes)
    expect(r.resiliency.underReplicatedBytes).toBeGreaterThan(0)
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.events.some((e) => e.entity === 'disk-3-4' && e.severity === 'critical')).toBe(true)
  })

  it('block fault: every node of the block down, block state down, other blocks up', () => {
    const sim = load('twelve-3-blocks')
    sim.inject({ kind: 'block', target: 'block-2' })
    const r = sim.report()
    const inBlock = r.topology.nodes.filter((n) => n.block === 'block-2')
    expect(inBlock).toHaveLength(4)
    for (const n of inBlock) expect(n).toMatchObject({ host: 'down', cvm: 'down' })
    expect(r.topology.nodes.filter((n) => n.block !== 'block-2').every((n) => n.host === 'up')).toBe(true)
    expect(r.topology.blocks.map((b) => [b.id, b.state])).toEqual([['block-1', 'up'], ['block-2', 'down'], ['block-3', 'up']])
    expect(r.events.some((e) => e.entity === 'block-2' && e.type === 'BlockDown')).toBe(true)
    // block awareness: losing one block loses no data
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.resiliency.underReplicatedBytes).toBeGreaterThan(0)
  })

  it('rack fault: every block and node of the rack down', () => {
    const sim = load('rack-aware-3')
    sim.inject({ kind: 'rack', target: 'rack-2' })
    const r = sim.report()
    expect(r.topology.racks.map((x) => x.state)).toEqual(['up', 'down', 'up'])
    expect(r.topology.blocks.filter((b) => b.rack === 'rack-2').every((b) => b.state === 'down')).toBe(true)
    expect(r.topology.nodes.filter((n) => n.rack === 'rack-2').every((n) => n.host === 'down')).toBe(true)
    expect(r.topology.nodes.filter((n) => n.rack !== 'rack-2').every((n) => n.host === 'up')).toBe(true)
    expect(r.resiliency.lostBytes).toBe(0)
  })

  it('a node fault inside a block is not a block fault', () => {
    const sim = load('four-blocks-of-2')
    sim.inject({ kind: 'node', target: 'node-1' })
    expect(sim.report().topology.blocks[0].state).toBe('up')
    sim.inject({ kind: 'node', target: 'node-2' })
    expect(sim.report().topology.blocks[0].state).toBe('down')
  })

  it('partition: host partitioned', () => {
    const sim = load('twelve-3-blocks')
    sim.inject({ kind: 'partition', target: 'node-7' })
    const r = sim.report()
    expect(nodeOf(r, 'node-7').host).toBe('partitioned')
    expect(r.topology.nodes.filter((n) => n.host !== 'up').map((n) => n.id)).toEqual(['node-7'])
    expect(r.events.some((e) => e.entity === 'node-7' && e.type === 'HostPartitioned')).toBe(true)
    // a node fault on a partitioned host wins; restoring the node leaves the partition
    sim.inject({ kind: 'node', target: 'node-7' })
    expect(nodeOf(sim.report(), 'node-7').host).toBe('down')
  })

  it('losing more nodes than FT1 tolerates makes data unavailable (offline, not lost), and says so', () => {
    const sim = load('starter-3')
    sim.inject({ kind: 'node', target: 'node-1' })
    sim.inject({ kind: 'node', target: 'node-2' })
    expect(sim.report().resiliency.status).toBe('Computing')
    sim.advance(120)
    const r = sim.report()
    expect(r.resiliency.unavailableBytes).toBeGreaterThan(0)
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.resiliency.status).toBe('Critical')
    // the scan was a task with progress, and it finished
    const scans = r.tasks.filter((t) => t.type === 'CuratorScan')
    expect(scans.length).toBeGreaterThan(0)
    expect(scans.every((t) => t.state === 'succeeded' && t.progress === 1 && t.endTime !== null)).toBe(true)
  })
})

describe('restore', () => {
  it('brings every state back and resolves the alerts at the restore time', () => {
    const sim = load('twelve-3-blocks')
    const initial = sim.report()
    const states = (r: Report) => ({
      nodes: r.topology.nodes.map((n) => [n.id, n.host, n.cvm]),
      blocks: r.topology.blocks.map((b) => [b.id, b.state]),
      racks: r.topology.racks.map((x) => [x.id, x.state]),
      disks: r.topology.disks.map((d) => [d.id, d.mode]),
      total: r.storage.totalBytes,
    })
    sim.advance(10)
    sim.inject({ kind: 'node', target: 'node-2' })
    sim.inject({ kind: 'block', target: 'block-3' })
    sim.inject({ kind: 'disk', target: 'disk-5-3' })
    sim.inject({ kind: 'cvm', target: 'node-6' })
    sim.inject({ kind: 'partition', target: 'node-8' })
    const failed = sim.report()
    const open = failed.alerts.filter((a) => a.resolvedTime === null)
    expect(open.length).toBeGreaterThanOrEqual(5)
    expect(states(failed)).not.toEqual(states(initial))
    sim.advance(50)
    for (const t of ['node-2', 'block-3', 'disk-5-3', 'node-6', 'node-8']) sim.restore(t)
    const r = sim.report()
    expect(states(r)).toEqual(states(initial))
    expect(r.time).toBe(60)
    for (const a of open) expect(r.alerts.find((x) => x.id === a.id)!.resolvedTime).toBe(60)
    // the Critical resiliency alert raised by the scan after the failures resolves when the scan after the restores confirms it
    expect(r.alerts.filter((a) => a.resolvedTime === null).map((a) => a.type)).toEqual(['DataResiliencyCritical'])
    sim.settle()
    expect(sim.report().alerts.filter((a) => a.resolvedTime === null)).toEqual([])
    expect(r.events.filter((e) => e.type === 'FaultRestored').map((e) => e.entity)).toEqual(['node-2', 'block-3', 'disk-5-3', 'node-6', 'node-8'])
    // nothing was lost and every replica is available again
    expect(r.resiliency.lostBytes).toBe(0)
  })

  it('restoring one fault does not undo another that still holds', () => {
    const sim = load('twelve-3-blocks')
    sim.inject({ kind: 'node', target: 'node-5' })
    sim.inject({ kind: 'block', target: 'block-2' }) // node-5 is in block-2
    sim.restore('block-2')
    const r = sim.report()
    expect(nodeOf(r, 'node-5').host).toBe('down')
    expect(nodeOf(r, 'node-6').host).toBe('up')
    expect(r.topology.blocks[1].state).toBe('up')
    sim.restore('node-5')
    expect(nodeOf(sim.report(), 'node-5').host).toBe('up')
  })
})

describe('clock', () => {
  it('advance(seconds) moves report.time exactly', () => {
    const sim = load('four-blocks-of-2')
    sim.advance(1.5)
    expect(sim.report().time).toBe(1.5)
    for (let i = 0; i < 10; i++) sim.advance(0.1)
    expect(sim.report().time).toBe(2.5)
    sim.advance(0)
    expect(sim.report().time).toBe(2.5)
    sim.advance(86400)
    expect(sim.report().time).toBe(86402.5)
    sim.advance(0.001)
    expect(sim.report().time).toBe(86402.501)
  })

  it('settle returns the seconds it ran, and the clock moved that much', () => {
    const sim = load('twelve-3-blocks')
    sim.advance(5)
    sim.inject({ kind: 'node', target: sim.report().acropolisLeader! })
    const ran = sim.settle()
    expect(ran).toBeGreaterThanOrEqual(20) // at least the Acropolis election
    expect(sim.report().time).toBe(5 + ran)
    // nothing is pending any more
    expect(sim.settle()).toBe(0)
    expect(sim.report().time).toBe(5 + ran)
  })

  it('settle on a quiet cluster returns 0', () => {
    const sim = load('starter-3')
    expect(sim.settle()).toBe(0)
    expect(sim.report().time).toBe(0)
  })

  it('settle(maxSeconds) runs at most maxSeconds, all of them while something is pending', () => {
    const sim = load('twelve-3-blocks')
    sim.inject({ kind: 'node', target: sim.report().acropolisLeader! })
    expect(sim.settle(5)).toBe(5)
    expect(sim.report().time).toBe(5)
    expect(sim.report().acropolisLeader).toBeNull()
    const rest = sim.settle()
    expect(rest).toBeGreaterThanOrEqual(15)
    expect(sim.report().acropolisLeader).not.toBeNull()
  })

  it('scenario steps run at their time', () => {
    const s: Scenario = {
      ...builtinScenario('four-blocks-of-2')!,
      id: 'steps',
      steps: [
        { at: 30, say: 'Power off node-3', action: { inject: { kind: 'node', target: 'node-3' } } },
        { at: 90, action: { restore: 'node-3' } },
      ],
    }
    const sim = Simulation.create(s)
    sim.advance(29.999)
    expect(nodeOf(sim.report(), 'node-3').host).toBe('up')
    sim.advance(0.001)
    expect(nodeOf(sim.report(), 'node-3').host).toBe('down')
    expect(sim.narration).toEqual({ time: 30, text: 'Power off node-3', focus: null })
    sim.advance(60)
    expect(nodeOf(sim.report(), 'node-3').host).toBe('up')
  })
})

describe('VM power', () => {
  it('powerOff / powerOn', () => {
    const sim = load('starter-3')
    sim.powerOff('app-01')
    let v = sim.report().vms.find((x) => x.id === 'app-01')!
    expect(v).toMatchObject({ power: 'off', host: null })
    expect(v.vdisks.every((d) => d.path === 'none' && d.stargate === null)).toBe(true)
    expect(refused(() => sim.powerOff('app-01'))).toContain('already off')
    sim.powerOn('app-01')
    v = sim.report().vms.find((x) => x.id === 'app-01')!
    expect(v).toMatchObject({ power: 'on', host: 'node-2' })
    expect(v.vdisks.every((d) => d.path === 'local' && d.stargate === 'node-2')).toBe(true)
    const types = sim.report().events.filter((e) => e.entity === 'app-01').map((e) => e.type)
    expect(types).toEqual(['VmPowerOff', 'VmPowerOn'])
  })

  it('powerOn on a host that is down is refused with the reason', () => {
    const sim = load('starter-3')
    sim.powerOff('sql-01') // sql-01 lives on node-1
    sim.inject({ kind: 'node', target: 'node-1' })
    const before = json(sim)
    expect(refused(() => sim.powerOn('sql-01'))).toContain('node-1 is down')
    expect(json(sim)).toBe(before)
  })
})

describe('Acropolis leader', () => {
  it('is re-elected 20 s after the leader node fails', () => {
    const sim = load('twelve-3-blocks')
    sim.advance(100)
    const leader = sim.report().acropolisLeader!
    expect(leader).not.toBeNull()
    sim.inject({ kind: 'node', target: leader })
    let r = sim.report()
    expect(r.acropolisLeader).toBeNull()
    expect(r.topology.nodes.some((n) => n.acropolisLeader)).toBe(false)
    sim.advance(19.999)
    expect(sim.report().acropolisLeader).toBeNull()
    sim.advance(0.001)
    r = sim.report()
    const next = r.acropolisLeader
    expect(next).not.toBeNull()
    expect(next).not.toBe(leader)
    expect(nodeOf(r, next!)).toMatchObject({ host: 'up', cvm: 'up', acropolisLeader: true })
    expect(r.events.filter((e) => e.type === 'AcropolisLeaderElected' && e.time > 100)).toEqual([
      expect.objectContaining({ time: 120, entity: next }),
    ])
  })

  it('a CVM or partition of the leader also triggers an election; a non-leader failure does not', () => {
    const sim = load('four-blocks-of-2')
    const leader = sim.report().acropolisLeader!
    const other = sim.report().topology.nodes.find((n) => n.id !== leader)!.id
    sim.inject({ kind: 'node', target: other })
    sim.advance(30)
    expect(sim.report().acropolisLeader).toBe(leader)
    sim.inject({ kind: 'partition', target: leader })
    expect(sim.report().acropolisLeader).toBeNull()
    sim.advance(20)
    const second = sim.report().acropolisLeader!
    expect([leader, other, null]).not.toContain(second)
    sim.inject({ kind: 'cvm', target: second })
    expect(sim.report().acropolisLeader).toBeNull()
    sim.advance(20)
    const r = sim.report()
    // an election needs a Zookeeper majority (DOMAIN.md §9)
    const zkUp = r.zookeeper.filter((z) => ![leader, other, second].includes(z)).length
    expect(r.cluster.quorum).toBe(zkUp >= 2)
    if (r.cluster.quorum) expect([leader, other, second, null]).not.toContain(r.acropolisLeader)
    else expect(r.acropolisLeader).toBeNull()
  })

  it('a leader is elected again after the whole cluster was down', () => {
    const sim = load('starter-3')
    sim.inject({ kind: 'block', target: 'block-1' })
    sim.settle()
    expect(sim.report().acropolisLeader).toBeNull()
    sim.restore('block-1')
    sim.advance(20)
    const r = sim.report()
    expect(r.acropolisLeader).not.toBeNull()
    expect(nodeOf(r, r.acropolisLeader!).host).toBe('up')
  })
})
