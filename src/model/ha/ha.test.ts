/**
 * VM high availability (DOMAIN.md §8): the seed's 70/40/40 Guarantee example, admission
 * refusals, the failure-detection timelines to the second (host, partition, leader),
 * Default-mode restart failures, VM-host affinity, IPAM, switching the mode at runtime,
 * and a property test: in Guarantee mode every VM that was on is on again after any
 * allowed set of host failures.
 * Property tests print their fast-check seed on failure; replay with
 * FC_SEED=<seed> FC_PATH=<path> npx vitest run src/model/ha.test.ts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { INCIDENT_RETENTION } from './ha'
import { mthm } from './mthm'
import { builtinScenario } from '../scenario/builtins'
import type { Scenario } from '../scenario/schema'
import { SimError, Simulation } from '../simulation'
import { HOST_UP } from '../cluster/topology'
import type { Report } from '../types'

const fcParams = {
  verbose: 1 as const,
  ...(process.env.FC_SEED !== undefined ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
}
const GiB = 1024 ** 3
const pct = (bytes: number) => Math.round(bytes / GiB) // hosts of 100 GiB: GiB = %

/** Three equal hosts with 100 GiB for VMs each (132 GiB − 32 GiB CVM), as in the seed. */
function threeHosts(vms: Scenario['vms'], haMode: 'default' | 'guarantee' = 'guarantee', extra: Partial<Scenario['cluster']> = {}): Scenario {
  return {
    id: 'ha-70-40-40',
    title: 'Seed example',
    cluster: {
      haMode,
      data: { usedPct: 5 },
      layout: { racks: 1, blocksPerRack: 3, nodesPerBlock: 1, ssdPerNode: 1, hddPerNode: 1, ssdTB: 1, hddTB: 2, memoryGiB: 132, cvmMemoryGiB: 32 },
      ...extra,
    },
    vms,
  }
}
const vm = (id: string, host: string, memoryGiB: number, power: 'on' | 'off' = 'off', more: Record<string, unknown> = {}) =>
  ({ id, host, vcpus: 2, memoryGiB, vdisks: 1, power, ...more })

const available = (r: Report) => r.ha.hosts.map((h) => pct(h.availableBytes))
const refusal = (fn: () => void): string => {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(SimError)
    return (e as Error).message
  }
  throw new Error('expected a refusal')
}
const vmOf = (r: Report, id: string) => r.vms.find((v) => v.id === id)!
const eventsOf = (r: Report, type: string) => r.events.filter((e) => e.type === type)

describe('Guarantee mode: the seed example (3 equal hosts)', () => {
  it('VM01 70 % on host 1 → 30/30/100; VM02 and VM03 40 % on host 3 → 30/20/20', () => {
    const sim = Simulation.create(threeHosts([vm('VM01', 'node-1', 70), vm('VM02', 'node-3', 40), vm('VM03', 'node-3', 40)]))
    expect(available(sim.report())).toEqual([100, 100, 100])
    sim.powerOn('VM01')
    let r = sim.report()
    expect(available(r)).toEqual([30, 30, 100])
    expect(vmOf(r, 'VM01').failoverHosts).toEqual(['node-2'])
    expect(r.ha.hosts[1].segments).toEqual([{ forHost: 'node-1', bytes: 70 * GiB, vms: ['VM01'] }])
    expect(r.ha).toMatchObject({ mode: 'guarantee', hostFailuresToTolerate: 1, protected: true })
    sim.powerOn('VM02')
    sim.powerOn('VM03')
    r = sim.report()
    expect(available(r)).toEqual([30, 20, 20])
    expect(r.ha.hosts.map((h) => pct(h.reservedBytes))).toEqual([0, 80, 0])
    expect(r.ha.hosts.map((h) => pct(h.runningBytes))).toEqual([70, 0, 80])
    expect(vmOf(r, 'VM02').failoverHosts).toEqual(['node-2'])
    expect(vmOf(r, 'VM03').failoverHosts).toEqual(['node-2'])
  })

  it('host 2 holds VM01’s segment: a 40 % VM does not fit there (30 % available)', () => {
    const sim = Simulation.create(threeHosts([vm('VM01', 'node-1', 70, 'on'), vm('VM02', 'node-2', 40)]))
    const before = JSON.stringify(sim.report())
    const msg = refusal(() => sim.powerOn('VM02'))
    expect(msg).toContain('host node-2 has 30 GiB available for VMs')
    expect(msg).toContain('70 GiB failover reserve')
    expect(JSON.stringify(sim.report())).toBe(before)
  })

  it('with VM02 and VM03 on different hosts, VM01 (70 %) is refused: no valid segment layout exists', () => {
    const sim = Simulation.create(threeHosts([vm('VM02', 'node-2', 40, 'on'), vm('VM03', 'node-3', 40, 'on'), vm('VM01', 'node-1', 70)]))
    expect(available(sim.report())).toEqual([60, 60, 60])
    const before = JSON.stringify(sim.report())
    const msg = refusal(() => sim.powerOn('VM01'))
    expect(msg).toMatch(/^cannot power on VM "VM01": Guarantee mode: .*no valid failover segment layout exists/)
    expect(JSON.stringify(sim.report())).toBe(before)
    // the same VMs in Default mode: VM01 powers on (best effort)
    const def = Simulation.create(threeHosts([vm('VM02', 'node-2', 40, 'on'), vm('VM03', 'node-3', 40, 'on'), vm('VM01', 'node-1', 70)], 'default'))
    def.powerOn('VM01')
    expect(vmOf(def.report(), 'VM01')).toMatchObject({ power: 'on', host: 'node-1' })
  })

  it('rearrangement: a power-on that needs existing segments moved gets a new MTHM layout', () => {
    // A (50) on node-1 → segment on node-2; B (50) on node-3 → segment on node-2 (shares the 50 group)
    // C (45) on node-2: node-2 has 100 − 50 = 50 available; C's own segment must go on node-1 (50 free) or node-3 (50 free)
    const sim = Simulation.create(threeHosts([vm('A', 'node-1', 50, 'on'), vm('B', 'node-3', 50, 'on'), vm('C', 'node-2', 45)]))
    sim.powerOn('C')
    const r = sim.report()
    expect(vmOf(r, 'C').power).toBe('on')
    for (const h of r.ha.hosts) expect(h.runningBytes + h.reservedBytes).toBeLessThanOrEqual(h.capacityBytes)
    expect(r.ha.protected).toBe(true)
  })

  it('RF3 (FT2) reserves for two host failures: two segments per VM on distinct other hosts', () => {
    const sim = Simulation.create({
      title: 'ft2', cluster: { ftLevel: 2, haMode: 'guarantee', data: { usedPct: 5 }, layout: { racks: 1, blocksPerRack: 5, nodesPerBlock: 1, ssdPerNode: 1, hddPerNode: 1, ssdTB: 1, hddTB: 2, memoryGiB: 132, cvmMemoryGiB: 32 } },
      vms: [vm('a', 'node-1', 30, 'on'), vm('b', 'node-2', 30, 'on'), vm('c', 'node-3', 30, 'on')],
    })
    const r = sim.report()
    expect(r.ha.hostFailuresToTolerate).toBe(2)
    for (const v of r.vms) {
      expect(v.failoverHosts).toHaveLength(2)
      expect(new Set(v.failoverHosts).size).toBe(2)
      expect(v.failoverHosts).not.toContain(v.host)
    }
    for (const h of r.ha.hosts) {
      const groups = h.segments.map((s) => s.bytes).sort((a, b) => b - a)
      expect(h.reservedBytes).toBe((groups[0] ?? 0) + (groups[1] ?? 0))
    }
  })
})

describe('failure detection timelines (seed 003), to the second', () => {
  it('host failure: T0 lost, T20 timeout, T60 I/O fenced, T120 VMs restart elsewhere', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    sim.advance(100)
    const r0 = sim.report()
    const leader = r0.acropolisLeader!
    const victim = r0.topology.nodes.find((n) => n.id !== leader)!.id
    const on = r0.vms.filter((v) => v.host === victim).map((v) => v.id)
    expect(on.length).toBeGreaterThan(0)
    sim.inject({ kind: 'node', target: victim })
    let r = sim.report()
    for (const id of on) expect(vmOf(r, id)).toMatchObject({ power: 'restarting', host: null, ip: null })
    sim.advance(119.999)
    r = sim.report()
    expect(on.every((id) => vmOf(r, id).power === 'restarting')).toBe(true)
    sim.advance(0.001)
    r = sim.report()
    for (const id of on) {
      const v = vmOf(r, id)
      expect(v.power).toBe('on')
      expect(v.host).not.toBe(victim)
      expect(v.ip).toMatch(/^10\.100\./)
    }
    const at = (type: string) => eventsOf(r, type).filter((e) => e.entity === victim).map((e) => e.time)
    expect(at('HaHostUnreachable')).toEqual([100])
    expect(at('HaTimeoutStarted')).toEqual([120])
    expect(at('HaIoFenced')).toEqual([160])
    expect(at('HaRestartStarted')).toEqual([220])
    const inc = r.ha.incidents.at(-1)!
    expect(inc).toMatchObject({ host: victim, kind: 'host', leaderFailure: false, t0: 100, t20: 120, t60: 160, t120: 220, state: 'done' })
    expect(inc.restarted.map((x) => x.vm).sort()).toEqual([...on].sort())
    // one restart task per VM, done at T120
    const tasks = r.tasks.filter((t) => t.type === 'VmHaRestart')
    expect(tasks).toHaveLength(on.length)
    expect(tasks.every((t) => t.state === 'succeeded' && t.startTime === 220 && t.endTime === 220)).toBe(true)
  })

  it('network partition: VMs on the isolated host die 45 s after their first failed I/O, restart at T120; never two copies', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    sim.advance(10)
    const r0 = sim.report()
    const victim = r0.topology.nodes.find((n) => n.id !== r0.acropolisLeader)!.id
    const on = r0.vms.filter((v) => v.host === victim).map((v) => v.id)
    sim.inject({ kind: 'partition', target: victim })
    sim.advance(44.999)
    let r = sim.report()
    for (const id of on) expect(vmOf(r, id)).toMatchObject({ power: 'on', host: victim })
    sim.advance(0.001) // T45
    r = sim.report()
    for (const id of on) expect(vmOf(r, id)).toMatchObject({ power: 'restarting', host: null })
    expect(r.ha.incidents.at(-1)).toMatchObject({ kind: 'partition', t0: 10, terminated: 55 })
    sim.advance(74.999) // T119.999
    expect(on.every((id) => vmOf(sim.report(), id).power === 'restarting')).toBe(true)
    sim.advance(0.001) // T120
    r = sim.report()
    for (const id of on) {
      const v = vmOf(r, id)
      expect(v.power).toBe('on')
      expect(v.host).not.toBe(victim)
    }
    expect(r.ha.incidents.at(-1)).toMatchObject({ t20: 30, t60: 70, t120: 130, state: 'done' })
    // the partition heals: nothing comes back on the old host (no second copy)
    sim.restore(victim)
    sim.settle(600)
    r = sim.report()
    for (const id of on) expect(vmOf(r, id).host).not.toBe(victim)
  })

  it('a partition healed before T45 loses no VM and cancels the failover', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    const r0 = sim.report()
    const victim = r0.topology.nodes.find((n) => n.id !== r0.acropolisLeader)!.id
    const on = r0.vms.filter((v) => v.host === victim).map((v) => v.id)
    sim.inject({ kind: 'partition', target: victim })
    sim.advance(30)
    sim.restore(victim)
    sim.settle(600)
    const r = sim.report()
    for (const id of on) expect(vmOf(r, id)).toMatchObject({ power: 'on', host: victim })
    expect(r.ha.incidents.at(-1)!.state).toBe('cancelled')
  })

  it('leader failure: T20 a new leader is elected, T60 fencing, T120 restart', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    sim.advance(50)
    const leader = sim.report().acropolisLeader!
    const on = sim.report().vms.filter((v) => v.host === leader).map((v) => v.id)
    sim.inject({ kind: 'node', target: leader })
    expect(sim.report().acropolisLeader).toBeNull()
    sim.advance(20)
    let r = sim.report()
    const next = r.acropolisLeader!
    expect(next).not.toBeNull()
    expect(eventsOf(r, 'AcropolisLeaderElected').at(-1)!.time).toBe(70)
    expect(r.ha.incidents.at(-1)).toMatchObject({ host: leader, leaderFailure: true, t0: 50, t20: 70, t60: null })
    sim.advance(40)
    expect(sim.report().ha.incidents.at(-1)!.t60).toBe(110)
    sim.advance(60)
    r = sim.report()
    expect(r.ha.incidents.at(-1)).toMatchObject({ t120: 170, state: 'done' })
    for (const id of on) expect(vmOf(r, id).power).toBe('on')
    expect(eventsOf(r, 'HaIoFenced').at(-1)!.message).toContain(`leader on ${next}`)
  })

  it('settle() runs until the HA restart is done', () => {
    const sim = Simulation.create(builtinScenario('starter-3')!)
    sim.inject({ kind: 'node', target: 'node-3' })
    sim.settle()
    const r = sim.report()
    expect(r.ha.incidents.at(-1)!.state).toBe('done')
    expect(r.time).toBeGreaterThanOrEqual(120)
  })
})

describe('Default mode restart failures, affinity, quorum', () => {
  it('VMs that cannot restart raise an alert naming the reason', () => {
    // 3 hosts of 100 GiB, each 90 GiB used by one VM: a failed host's VM finds no room
    const sim = Simulation.create(threeHosts([vm('a', 'node-1', 90, 'on'), vm('b', 'node-2', 90, 'on'), vm('c', 'node-3', 90, 'on')], 'default'))
    sim.inject({ kind: 'node', target: 'node-3' })
    sim.advance(120)
    const r = sim.report()
    expect(vmOf(r, 'c').power).toBe('off')
    const alert = r.alerts.find((a) => a.type === 'VmRestartFailed' && a.entity === 'c')!
    expect(alert.message).toContain('not enough free memory: it needs 90 GiB, the most free on any up host is 10 GiB')
    expect(r.tasks.find((t) => t.type === 'VmHaRestart' && t.entity === 'c')!.state).toBe('failed')
    expect(r.ha.incidents.at(-1)!.failed).toEqual([{ vm: 'c', reason: expect.stringContaining('not enough free memory') }])
    // powering it on again later resolves the alert
    sim.restore('node-3')
    sim.powerOn('c')
    expect(sim.report().alerts.find((a) => a.type === 'VmRestartFailed')!.resolvedTime).toBe(sim.report().time)
  })

  it('HA respects VM-host affinity: restart and segments only on the allowed hosts', () => {
    const sim = Simulation.create(threeHosts([vm('a', 'node-1', 20, 'on', { affinityHosts: ['node-1', 'node-3'] }), vm('big', 'node-2', 10, 'on')]))
    expect(vmOf(sim.report(), 'a').failoverHosts).toEqual(['node-3'])
    sim.inject({ kind: 'node', target: 'node-1' })
    sim.advance(120)
    expect(vmOf(sim.report(), 'a')).toMatchObject({ power: 'on', host: 'node-3' })
    // five hosts, both affinity hosts down: a has nowhere to go although three hosts are free
    // (the two hosts hold at most one Zookeeper server, so the cluster keeps its quorum)
    const fiveOf = (hosts: string[]) => {
      const sc = threeHosts([vm('a', hosts[0], 20, 'on', { affinityHosts: hosts })], 'default')
      sc.cluster.layout = { ...sc.cluster.layout!, blocksPerRack: 5 }
      return sc
    }
    const zk = Simulation.create(fiveOf(['node-1', 'node-3'])).report().zookeeper
    const pair = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'].filter((n) => !zk.includes(n)).concat(zk[0]).slice(0, 2).sort()
    const s2 = Simulation.create(fiveOf(pair))
    s2.inject({ kind: 'node', target: pair[1] })
    s2.inject({ kind: 'node', target: pair[0] })
    s2.settle(600)
    const r2 = s2.report()
    expect(r2.cluster.quorum).toBe(true)
    expect(vmOf(r2, 'a').power).toBe('off')
    expect(r2.alerts.find((x) => x.entity === 'a')!.message).toContain(`every host of its affinity (${pair.join(', ')}) is unavailable`)
  })

  it('scenario validation names the bad affinity / network by JSON path', () => {
    const bad = threeHosts([vm('a', 'node-1', 20, 'on', { affinityHosts: ['node-2', 'node-9'], network: 'nope' })])
    expect(refusal(() => Simulation.create(bad)).split('\n')).toEqual(expect.arrayContaining([
      'vms[0].affinityHosts[1]: unknown host "node-9"',
      'vms[0].host: "node-1" is not one of its affinityHosts',
      'vms[0].network: unknown network "nope" (networks: vm-network)',
    ]))
    const badNet = threeHosts([], 'default', { networks: [{ name: 'n1', subnet: '10.0.0.0/40' }, { name: 'n1', managed: true }] })
    expect(refusal(() => Simulation.create(badNet)).split('\n')).toEqual(expect.arrayContaining([
      'cluster.networks[0].subnet: "10.0.0.0/40": prefix length must be 8 to 29',
      'cluster.networks[1].name: duplicate network "n1"',
      'cluster.networks[1].subnet: a managed network needs a subnet (or set managed: false)',
    ]))
  })

  it('quorum: no leader is elected without a majority of CVMs, so nothing restarts', () => {
    const sim = Simulation.create(threeHosts([vm('a', 'node-3', 10, 'on')], 'default'))
    const leader = sim.report().acropolisLeader!
    const others = sim.report().topology.nodes.map((n) => n.id).filter((id) => id !== leader)
    sim.inject({ kind: 'node', target: leader })
    sim.inject({ kind: 'partition', target: others[0] })
    sim.settle(600)
    const r = sim.report()
    expect(r.acropolisLeader).toBeNull()
    expect(r.ha.quorum).toBe(false)
    expect(r.ha.incidents.every((i) => i.t60 === null)).toBe(true)
    expect(r.cluster.quorum).toBe(false)
  })

  it('Zookeeper quorum (DOMAIN.md §9): without a ZK majority no election, no HA restart, no ZK move, power-on refused; all resume with it', () => {
    const sim = Simulation.create(threeHosts([vm('a', 'node-3', 10, 'on'), vm('b', 'node-3', 10, 'off')], 'default'))
    expect(sim.report().cluster.quorum).toBe(true)
    const zk = sim.report().zookeeper
    const leader = sim.report().acropolisLeader!
    // every node holds a Zookeeper server: one CVM down and the host of VM a leave 1 of 3
    expect(zk).toContain('node-3')
    const cvms = zk.filter((n) => n !== 'node-3').slice(0, 1)
    for (const n of cvms) sim.inject({ kind: 'cvm', target: n })
    sim.inject({ kind: 'node', target: 'node-3' })
    sim.advance(900)
    let r = sim.report()
    expect(r.cluster.quorum).toBe(false)
    expect(r.zookeeper).toEqual(zk) // no move
    expect(r.events.some((e) => e.type === 'ZookeeperMoveFailed' && /no Zookeeper quorum/.test(e.message))).toBe(true)
    expect(r.vms.find((v) => v.id === 'a')!.power).not.toBe('on') // not restarted
    if (cvms.includes(leader)) expect(r.acropolisLeader).toBeNull()
    expect(() => sim.powerOn('b')).toThrow(/no Zookeeper quorum \(\d of 3 Zookeeper servers up, 2 needed\)/)
    expect(sim.report().vms.find((v) => v.id === 'b')!.power).toBe('off')
    sim.restore(cvms[0])
    sim.settle()
    r = sim.report()
    expect(r.cluster.quorum).toBe(true)
    expect(r.acropolisLeader).not.toBeNull()
    expect(r.vms.find((v) => v.id === 'a')!.power).toBe('on')
    sim.restore('node-3')
    sim.powerOn('b')
    expect(sim.report().vms.find((v) => v.id === 'b')!.power).toBe('on')
  })
})

describe('IPAM', () => {
  it('VMs on a managed network get addresses from the leader; sticky across restarts; unmanaged get none', () => {
    const sim = Simulation.create(threeHosts(
      [vm('a', 'node-1', 10, 'on'), vm('b', 'node-2', 10, 'on'), vm('c', 'node-2', 10, 'on', { network: 'lab' })],
      'default',
      { networks: [{ name: 'prod', subnet: '192.168.10.0/24' }, { name: 'lab', managed: false }] },
    ))
    let r = sim.report()
    expect(vmOf(r, 'a').ip).toBe('192.168.10.2')
    expect(vmOf(r, 'b').ip).toBe('192.168.10.3')
    expect(vmOf(r, 'c').ip).toBeNull()
    expect(r.ha.networks[0]).toMatchObject({ name: 'prod', managed: true, gateway: '192.168.10.1', leased: 2, poolSize: 253 })
    sim.powerOff('a')
    expect(vmOf(sim.report(), 'a').ip).toBeNull()
    sim.powerOn('a')
    r = sim.report()
    expect(vmOf(r, 'a').ip).toBe('192.168.10.2')
  })

  it('no DHCP answer while no leader exists; answered when one is elected', () => {
    const sim = Simulation.create(threeHosts([vm('a', 'node-1', 10, 'on'), vm('b', 'node-2', 10, 'off')], 'default'))
    const leader = sim.report().acropolisLeader!
    sim.inject({ kind: 'cvm', target: leader })
    sim.powerOn('b')
    let r = sim.report()
    expect(vmOf(r, 'b')).toMatchObject({ power: 'on', ip: null })
    expect(r.ha.dhcpPending).toEqual(['b'])
    sim.advance(20)
    r = sim.report()
    expect(r.acropolisLeader).not.toBeNull()
    expect(vmOf(r, 'b').ip).toBe('10.100.0.3')
    expect(r.ha.dhcpPending).toEqual([])
  })
})

describe('switching the HA mode at runtime', () => {
  it('enables the reservation when the running VMs can be protected, refuses otherwise', () => {
    const sim = Simulation.create(threeHosts([vm('a', 'node-1', 70, 'on'), vm('b', 'node-2', 40, 'on')], 'default'))
    sim.ha.setMode('guarantee')
    const r = sim.report()
    expect(r.cluster.haMode).toBe('guarantee')
    expect(r.ha.protected).toBe(true)
    // MTHM: node-1's 70 GiB goes to node-3 (node-2 has only 60 free), node-2's 40 GiB too (node-1 has 30 free)
    expect(available(r)).toEqual([30, 60, 30])
    expect(r.ha.hosts[2].segments.map((g) => [g.forHost, pct(g.bytes)])).toEqual([['node-1', 70], ['node-2', 40]])
    sim.ha.setMode('default')
    expect(sim.report().ha.hosts.every((h) => h.reservedBytes === 0)).toBe(true)

    const full = Simulation.create(threeHosts([vm('a', 'node-1', 70, 'on'), vm('b', 'node-2', 70, 'on'), vm('c', 'node-3', 70, 'on')], 'default'))
    const before = JSON.stringify(full.report())
    expect(refusal(() => full.ha.setMode('guarantee'))).toMatch(/cannot enable HA reservation .*running VMs can't be protected/)
    expect(JSON.stringify(full.report())).toBe(before)
    expect(refusal(() => full.ha.setMode('strict' as 'default'))).toContain('HA mode must be')
  })
})

describe('property: Guarantee mode keeps its promise', () => {
  it('after any allowed set of host failures every VM that was on is on again', () => {
    fc.assert(
      fc.property(
        fc.record({
          ft2: fc.boolean(),
          nodes: fc.integer({ min: 3, max: 7 }),
          vms: fc.array(fc.record({ host: fc.nat(), mem: fc.integer({ min: 4, max: 60 }) }), { minLength: 1, maxLength: 14 }),
          failures: fc.array(fc.record({ host: fc.nat(), at: fc.integer({ min: 0, max: 200 }), partition: fc.boolean() }), { minLength: 1, maxLength: 2 }),
        }),
        ({ ft2, nodes: n0, vms, failures }) => {
          const nodes = ft2 ? Math.max(5, n0) : n0
          const sc: Scenario = {
            title: 'prop',
            cluster: { ftLevel: ft2 ? 2 : 1, haMode: 'guarantee', data: { usedPct: 2 }, layout: { racks: 1, blocksPerRack: nodes, nodesPerBlock: 1, ssdPerNode: 1, hddPerNode: 1, ssdTB: 0.2, hddTB: 0.4, memoryGiB: 132, cvmMemoryGiB: 32 } },
            vms: vms.map((v, i) => vm(`v${i}`, `node-${(v.host % nodes) + 1}`, v.mem, 'on')),
          }
          const sim = Simulation.create(sc)
          const hft = ft2 ? 2 : 1
          const on = sim.report().vms.filter((v) => v.power === 'on').map((v) => v.id)
          // distinct hosts, at most hft of them
          const seen = new Set<string>()
          const plan = failures
            .map((f) => ({ ...f, target: `node-${(f.host % nodes) + 1}` }))
            .filter((f) => !seen.has(f.target) && seen.add(f.target))
            .slice(0, hft)
            .sort((a, b) => a.at - b.at)
          let t = 0
          for (const f of plan) {
            sim.advance(f.at - t)
            t = f.at
            sim.inject({ kind: f.partition ? 'partition' : 'node', target: f.target })
          }
          sim.settle(3600)
          const r = sim.report()
          const failed = new Set(plan.map((f) => f.target))
          for (const id of on) {
            const v = vmOf(r, id)
            expect(v.power, `${id} after failures of ${[...failed].join(', ')}`).toBe('on')
            expect(failed.has(v.host!), `${id} runs on failed host ${v.host}`).toBe(false)
          }
          // physical capacity is never exceeded
          for (const h of r.ha.hosts) expect(h.runningBytes).toBeLessThanOrEqual(h.capacityBytes)
        },
      ),
      { ...fcParams, numRuns: Number(process.env.HA_RUNS ?? 80) },
    )
  })
})

describe('the fast paths give the answers of the slow ones', () => {
  /** What the model keeps privately: the per-host segment groups and parcels (brute-force side). */
  type Inside = { grp: Float64Array; n: number; run: Float64Array; parcel: Int16Array }
  const inside = (sim: Simulation) => sim.ha as unknown as Inside
  /** reserved() as a plain loop over the groups: the t largest, with `extra` added to group R. */
  const bruteReserved = (sim: Simulation, h: number, t: number, extraR: number, extra: number): number => {
    const { grp, n } = inside(sim)
    const gs = Array.from({ length: n }, (_, r) => grp[h * n + r] + (r === extraR ? extra : 0))
    const top = [...gs, 0, 0].sort((a, b) => b - a)
    return t === 1 ? top[0] : top[0] + top[1]
  }
  /** failoverCheck() always through MTHM. */
  const bruteCheck = (sim: Simulation, failed: number[]) => {
    const { run, parcel, n } = inside(sim)
    const items: number[] = []
    for (let v = 0; v < parcel.length; v++) if (parcel[v] >= 0 && failed.includes(parcel[v])) items.push(v)
    const bins = Array.from({ length: n }, (_, h) => h).filter((h) => !failed.includes(h) && sim.topo.hostState[h] === HOST_UP)
    const res = mthm(
      items.map((v) => sim.spec.vms[v].memoryBytes),
      bins.map((h) => Math.max(0, sim.hostCapacityBytes(h) - run[h])),
      (i, b) => { const a = sim.spec.vms[items[i]].affinity; return a === null || a.includes(bins[b]) },
    )
    return items.filter((_, i) => res.assignment[i] >= 0).length
  }

  it('property: reserved() with its ranked groups, and failoverCheck() with the greedy shortcut, after random power-ons, power-offs and failures', () => {
    fc.assert(
      fc.property(
        fc.record({
          nodes: fc.integer({ min: 5, max: 9 }),
          vms: fc.array(fc.record({ host: fc.nat(), mem: fc.integer({ min: 2, max: 40 }), affinity: fc.boolean() }), { minLength: 1, maxLength: 24 }),
          ops: fc.array(fc.record({ kind: fc.constantFrom('on', 'off', 'fail', 'advance'), pick: fc.nat() }), { maxLength: 10 }),
        }),
        ({ nodes, vms, ops }) => {
          const sc: Scenario = {
            title: 'prop',
            cluster: { ftLevel: 2, haMode: 'guarantee', data: { usedPct: 2 }, layout: { racks: 1, blocksPerRack: nodes, nodesPerBlock: 1, ssdPerNode: 1, hddPerNode: 1, ssdTB: 0.2, hddTB: 0.4, memoryGiB: 132, cvmMemoryGiB: 32 } },
            vms: vms.map((v, i) => vm(`v${i}`, `node-${(v.host % nodes) + 1}`, v.mem, 'off', v.affinity ? { affinityHosts: [`node-${(v.host % nodes) + 1}`, `node-${((v.host + 1) % nodes) + 1}`] } : {})),
          }
          const sim = Simulation.create(sc)
          const ids = sim.spec.vms.map((v) => v.id)
          const look = () => {
            for (let h = 0; h < nodes; h++) {
              for (const t of [1, 2]) {
                expect(sim.ha.reserved(h, t), `host ${h} t ${t}`).toBe(bruteReserved(sim, h, t, -1, 0))
                for (let r = 0; r < nodes; r++) for (const extra of [0, 3 * GiB, 40 * GiB, -3 * GiB]) expect(sim.ha.reserved(h, t, r, extra)).toBe(bruteReserved(sim, h, t, r, extra))
              }
            }
            for (let a = 0; a < nodes; a++) {
              expect(sim.ha.failoverCheck([a]).restartable, `host ${a}`).toBe(bruteCheck(sim, [a]))
              for (let b = a + 1; b < nodes; b++) expect(sim.ha.failoverCheck([a, b]).restartable, `hosts ${a}, ${b}`).toBe(bruteCheck(sim, [a, b]))
            }
          }
          for (const id of ids) {
            try {
              sim.powerOn(id)
            } catch {
              // refused by admission: stays off
            }
          }
          look()
          for (const op of ops) {
            try {
              if (op.kind === 'on') sim.powerOn(ids[op.pick % ids.length])
              else if (op.kind === 'off') sim.powerOff(ids[op.pick % ids.length])
              else if (op.kind === 'fail') sim.inject({ kind: 'node', target: `node-${(op.pick % nodes) + 1}` })
              else sim.advance(op.pick % 200)
            } catch {
              // refused: nothing changed
            }
            look()
          }
        },
      ),
      { ...fcParams, numRuns: 40 },
    )
  })
})

describe('bounded incident history', () => {
  it('keeps the latest INCIDENT_RETENTION incidents; ids keep increasing and the timeline still runs', () => {
    const sim = Simulation.create(threeHosts([vm('a', 'node-1', 10, 'on')], 'default'))
    const cycles = INCIDENT_RETENTION + 15
    for (let i = 0; i < cycles; i++) {
      sim.inject({ kind: 'node', target: 'node-2' })
      sim.advance(130)
      sim.restore('node-2')
      sim.advance(30)
    }
    const inc = sim.report().ha.incidents
    expect(inc).toHaveLength(INCIDENT_RETENTION)
    expect(inc[0].id).toBe(15)
    expect(inc.at(-1)!.id).toBe(cycles - 1)
    expect(inc.every((i) => i.state === 'done' && i.t120 !== null)).toBe(true)
  })
})
