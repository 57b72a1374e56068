/**
 * Every walkthrough's narration must be true at its step's time: run each scenario to
 * every step and check what the caption claims against the Report.
 */
import { describe, expect, it } from 'vitest'
import { Simulation } from '../simulation'
import type { DomainType, Report } from '../types'
import { BUILTIN_SCENARIOS, builtinScenario } from './builtins'
import { WALKTHROUGH_VIEWS, WALKTHROUGHS } from './walkthroughs'
import { formatBytes } from '../kernel/units'

const TB = 1e12
const GiB = 2 ** 30
const TiB = 2 ** 40

/** Run a walkthrough step by step; `at(i)` advances to step i (with `say`) and returns the Report. */
function play(id: string) {
  const scenario = builtinScenario(id)!
  const sim = Simulation.create(scenario)
  const steps = scenario.steps!
  return {
    sim,
    steps,
    at(i: number): Report {
      const t = steps[i].at
      expect(t).toBeGreaterThanOrEqual(sim.time)
      sim.advance(t - sim.time)
      expect(sim.narration?.text).toBe(steps[i].say)
      expect(sim.narration?.focus ?? undefined).toBe(steps[i].focus)
      return sim.report()
    },
  }
}

/** The first byte figure a message quotes ("3.59 TiB"). */
const figure = (msg: string) => /\d+(\.\d+)? [KMGTP]?i?B\b/.exec(msg)?.[0] ?? `(no figure in "${msg}")`
const ft = (r: Report, d: DomainType) => r.resiliency.faultTolerance.find((f) => f.domainType === d)!
const vm = (r: Report, id: string) => r.vms.find((v) => v.id === id)!
const eventsOf = (r: Report, type: string, since = 0) => r.events.filter((e) => e.type === type && e.time >= since)
const running = (r: Report, type: string) => r.tasks.some((t) => t.type === type && t.state === 'running')
const sessions = (r: Report, host: string) => r.vms.filter((v) => v.host === host && v.power === 'on').flatMap((v) => v.vdisks)

describe('walkthrough scenarios', () => {
  it('at least 5 walkthroughs are built in, each with 5–10 narrated steps in time order', () => {
    expect(WALKTHROUGHS.length).toBeGreaterThanOrEqual(5)
    for (const w of WALKTHROUGHS) {
      expect(BUILTIN_SCENARIOS).toContain(w)
      const said = w.steps!.filter((s) => s.say !== undefined)
      expect(said.length, w.id).toBeGreaterThanOrEqual(5)
      expect(said.length, w.id).toBeLessThanOrEqual(10)
      const times = w.steps!.map((s) => s.at)
      expect(times, w.id).toEqual([...times].sort((a, b) => a - b))
      expect(WALKTHROUGH_VIEWS[w.id!]?.length, w.id).toBe(w.steps!.length)
      expect(() => Simulation.create(w), w.id).not.toThrow()
    }
  })

  it('CVM failure: sessions go remote within a health check, fail back 300 s after the CVM is back', () => {
    const w = play('walkthrough-cvm-failover')
    let r = w.at(0)
    expect(vm(r, 'app-1').host).toBe('node-3')
    expect(vm(r, 'app-1').vdisks).toHaveLength(3)
    expect(vm(r, 'app-1').vdisks.every((d) => d.path === 'local' && d.stargate === 'node-3')).toBe(true)

    r = w.at(1)
    expect(r.topology.nodes.find((n) => n.id === 'node-3')).toMatchObject({ host: 'up', cvm: 'down' })
    expect(vm(r, 'app-1').power).toBe('on')
    expect(running(r, 'CuratorScan')).toBe(true)

    r = w.at(2)
    const redirected = sessions(r, 'node-3')
    expect(redirected.length).toBeGreaterThan(0)
    expect(redirected.every((d) => d.path === 'remote' && d.stargate !== 'node-3')).toBe(true)
    expect(vm(r, 'app-1').power).toBe('on')
    const redirect = eventsOf(r, 'IoPathRedirect')
    expect(redirect.length).toBe(1)
    expect(redirect[0].time - 30).toBeLessThanOrEqual(r.io.settings.healthCheckSeconds)

    r = w.at(3)
    expect(r.topology.nodes.find((n) => n.id === 'node-3')!.cvm).toBe('up')
    expect(sessions(r, 'node-3').every((d) => d.path === 'remote')).toBe(true)
    expect(r.io.settings.failbackSeconds).toBe(300)

    r = w.at(4)
    expect(eventsOf(r, 'RebuildCompleted')[0].message).toMatch(/before any copy was needed/)
    expect(r.resiliency.status).toBe('OK')
    expect(running(r, 'IoPathFailback')).toBe(true)
    expect(sessions(r, 'node-3').every((d) => d.path === 'remote')).toBe(true)

    r = w.at(5)
    expect(sessions(r, 'node-3').every((d) => d.path === 'local' && d.stargate === 'node-3')).toBe(true)
    const back = eventsOf(r, 'IoPathFailback')
    expect(back).toHaveLength(1)
    expect(back[0].time - 120).toBeGreaterThanOrEqual(300)
    expect(back[0].time - 120).toBeLessThanOrEqual(300 + r.io.settings.healthCheckSeconds + 1)
  })

  it('node failure: T0/T20/T60 detection, VMs restarted at T120 on another host, rebuild to OK', () => {
    const w = play('walkthrough-node-ha')
    let r = w.at(0)
    expect(r.resiliency.status).toBe('OK')
    expect(ft(r, 'NODE').failuresTolerable).toBe(1)
    expect(r.ha.mode).toBe('default')
    const onNode2 = r.vms.filter((v) => v.host === 'node-2' && v.power === 'on').map((v) => v.id)
    expect(onNode2).toHaveLength(5)
    expect(onNode2).toContain('db-1')

    r = w.at(1)
    expect(onNode2.every((id) => vm(r, id).power === 'restarting')).toBe(true)
    expect(eventsOf(r, 'HaHostUnreachable')).toHaveLength(1)
    expect(running(r, 'CuratorScan')).toBe(true)

    r = w.at(2)
    expect(eventsOf(r, 'HaTimeoutStarted')[0].message).toMatch(/40 s timeout for host node-2/)

    r = w.at(3)
    expect(eventsOf(r, 'HaIoFenced')).toHaveLength(1)
    expect(r.resiliency.status).toBe('Critical')
    expect(r.resiliency.rebuild.active).toBe(true)
    expect(r.resiliency.rebuild.bytesRemaining / TB).toBeCloseTo(4.0, 1)
    // the caption quotes the model's figure, in the one unit system (README rule 15.7)
    expect(eventsOf(r, 'RebuildPlanned')[0].message).toMatch(/3\.59 TiB .* all 3 healthy nodes/)
    expect(formatBytes(r.resiliency.rebuild.bytesRemaining)).toBe('3.59 TiB')
    expect(w.steps[3].say).toContain(figure(eventsOf(r, 'RebuildPlanned')[0].message))

    r = w.at(4)
    expect(onNode2.every((id) => vm(r, id).power === 'on' && vm(r, id).host !== 'node-2')).toBe(true)
    expect(vm(r, 'db-1').host).toBe('node-1')
    expect(eventsOf(r, 'VmRestarted')).toHaveLength(5)
    expect(r.resiliency.rebuild.active).toBe(true)

    r = w.at(5)
    expect(eventsOf(r, 'RebuildCompleted')[0].message).toMatch(/3\.59 TiB re-replicated/)
    expect(w.steps[5].say).toContain(figure(eventsOf(r, 'RebuildCompleted')[0].message))
    expect(r.resiliency.status).toBe('OK')
    expect(r.resiliency.underReplicatedBytes).toBe(0)

    r = w.at(6)
    expect(r.topology.nodes.find((n) => n.id === 'node-2')!.host).toBe('up')
    expect(vm(r, 'db-1').host).toBe('node-1')

    r = w.at(7)
    expect(eventsOf(r, 'OverReplicatedDataRemoved', 5460)).toHaveLength(1)
    expect(r.resiliency.status).toBe('OK')
  })

  it('block failure with block awareness: nothing lost, Warning after the rebuild, OK again with the block back', () => {
    const w = play('walkthrough-block-awareness')
    let r = w.at(0)
    expect(r.cluster.awareness.effective).toBe('block')
    expect(ft(r, 'RACKABLE_UNIT').failuresTolerable).toBe(1)
    expect(r.resiliency.status).toBe('OK')

    r = w.at(1)
    expect(r.topology.nodes.filter((n) => n.host === 'down').map((n) => n.id).sort()).toEqual(['node-3', 'node-4'])
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.vms.filter((v) => v.power === 'restarting')).toHaveLength(8)

    r = w.at(2)
    expect(r.resiliency.status).toBe('Critical')
    expect(r.resiliency.lostBytes).toBe(0)
    expect(eventsOf(r, 'RebuildPlanned')[0].message).toMatch(/8\.96 TiB .* all 4 healthy nodes/)
    expect(w.steps[2].say).toContain(figure(eventsOf(r, 'RebuildPlanned')[0].message))

    r = w.at(3)
    expect(r.vms.every((v) => v.power === 'on' && v.host !== 'node-3' && v.host !== 'node-4')).toBe(true)
    expect(r.resiliency.lostBytes).toBe(0)

    r = w.at(4)
    expect(eventsOf(r, 'RebuildCompleted')).toHaveLength(1)
    expect(r.resiliency.status).toBe('Warning')
    expect(ft(r, 'NODE').failuresTolerable).toBe(1)
    expect(ft(r, 'RACKABLE_UNIT').failuresTolerable).toBe(0)
    expect(r.resiliency.underReplicatedBytes).toBe(0)

    r = w.at(5)
    expect(r.topology.blocks.find((b) => b.id === 'block-2')!.state).toBe('up')
    expect(running(r, 'CuratorScan')).toBe(true)

    r = w.at(6)
    expect(eventsOf(r, 'OverReplicatedDataRemoved')).toHaveLength(1)
    expect(r.resiliency.status).toBe('Warning')
    expect(r.metadataRing).not.toContain('node-3')

    r = w.at(7)
    expect(r.metadataRing).toEqual(expect.arrayContaining(['node-3', 'node-4']))
    expect(r.resiliency.status).toBe('OK')
    expect(ft(r, 'RACKABLE_UNIT').failuresTolerable).toBe(1)
    expect(r.resiliency.lostBytes).toBe(0)
  })

  it('resilient capacity exceeded: warning, then critical with FREE_SPACE 0, then a node failure the rebuild cannot heal', () => {
    const w = play('walkthrough-resilient-capacity')
    let r = w.at(0)
    // the narration quotes TiB, as the Storage Summary shows them
    expect(r.storage.totalBytes / TiB).toBeCloseTo(36.38, 2)
    expect(r.storage.resilientCapacityBytes / TiB).toBeCloseTo(27.28, 2)
    expect(r.storage.usedBytes / TiB).toBeCloseTo(24.01, 2)
    expect(r.storage.state).toBe('warning')
    expect(r.storage.warnThresholdPct).toBe(75)
    expect((0.75 * r.storage.resilientCapacityBytes) / TiB).toBeCloseTo(20.46, 2)
    expect(r.storage.growthBytesPerDay / 24 / TiB).toBeCloseTo(0.91, 2)
    expect(r.resiliency.status).toBe('OK')

    r = w.at(1)
    expect(r.storage.usedBytes / TiB).toBeCloseTo(26.74, 2)
    expect(r.storage.usedBytes).toBeLessThan(r.storage.resilientCapacityBytes)

    r = w.at(2)
    expect(r.storage.usedBytes / TiB).toBeCloseTo(27.65, 2)
    expect(r.storage.state).toBe('critical')
    const free = ft(r, 'NODE').components.FREE_SPACE
    expect(free.failuresTolerable).toBe(0)
    expect(free.message).toBe('Cluster does not have enough capacity to tolerate a node failure')
    expect(r.resiliency.status).toBe('Critical')
    expect(r.topology.nodes.every((n) => n.host === 'up' && n.cvm === 'up')).toBe(true)

    r = w.at(3)
    expect(r.storage.totalBytes / TiB).toBeCloseTo(27.28, 2)
    expect(running(r, 'CuratorScan')).toBe(true)

    r = w.at(4)
    expect(r.resiliency.rebuild.active).toBe(true)
    expect(r.storage.usedBytes).toBeGreaterThan(r.storage.resilientCapacityBytes)

    r = w.at(5)
    expect(eventsOf(r, 'StorageFull')).toHaveLength(1)
    expect(eventsOf(r, 'StorageFull')[0].time).toBe(25200)

    r = w.at(6)
    const blocked = eventsOf(r, 'RebuildBlocked')
    expect(blocked).toHaveLength(1)
    expect(blocked[0].message).toMatch(/3\.55 TiB/)
    expect(w.steps[6].say).toContain(figure(blocked[0].message))
    expect(r.tasks.find((t) => t.type === 'DataRebuild')!.state).toBe('failed')
    expect(r.resiliency.underReplicatedBytes).toBeGreaterThan(0)
    expect(r.resiliency.lostBytes).toBe(0)
  })

  it('Guarantee mode: a power-on that breaks the reservation is refused, admitted after freeing memory, restarts land in reserved room', () => {
    const w = play('walkthrough-guarantee-admission')
    let r = w.at(0)
    const host = (id: string) => r.ha.hosts.find((h) => h.id === id)!
    expect(r.ha.mode).toBe('guarantee')
    expect(r.vms.filter((v) => v.power === 'on')).toHaveLength(12)
    expect(host('node-1').capacityBytes / GiB).toBe(224)
    expect(['node-1', 'node-2', 'node-3', 'node-4'].every((h) => host(h).runningBytes / GiB === 96)).toBe(true)
    // the segments are spread (our rule 15.5): every host covers one VM of each other host
    expect(['node-1', 'node-2', 'node-3', 'node-4'].every((h) => host(h).reservedBytes / GiB === 32)).toBe(true)
    expect(host('node-1').availableBytes / GiB).toBe(96)

    r = w.at(1)
    expect(vm(r, 'big-db').power).toBe('off')
    const refusal = eventsOf(r, 'ScenarioStepFailed')
    expect(refusal).toHaveLength(1)
    expect(refusal[0].message).toMatch(/cannot power on VM "big-db".*Guarantee mode: host node-1 has 96 GiB available/)

    r = w.at(2)
    expect(vm(r, 'vm-1').power).toBe('off')
    expect(vm(r, 'vm-5').power).toBe('off')
    expect(r.vms.find((v) => v.id === 'vm-1')!.name).toBe('vm-1') // one name everywhere: a generated VM's name is its id

    r = w.at(4)
    expect(vm(r, 'big-db')).toMatchObject({ power: 'on', host: 'node-1' })
    expect(host('node-1').availableBytes / GiB).toBe(32)
    expect(host('node-2').reservedBytes / GiB).toBe(128)
    expect(host('node-2').availableBytes).toBe(0)

    r = w.at(5)
    const victims = r.vms.filter((v) => v.power === 'restarting').map((v) => v.id)
    expect(victims).toHaveLength(3)

    r = w.at(6)
    expect(victims.every((id) => vm(r, id).power === 'on')).toBe(true)
    // spread: one on each surviving host, each in its segment
    expect(victims.map((id) => vm(r, id).host).sort()).toEqual(['node-1', 'node-2', 'node-4'])
    expect(r.ha.incidents.flatMap((i) => i.restarted).every((x) => x.viaSegment)).toBe(true)
    expect(r.vms.filter((v) => v.power === 'off').map((v) => v.id).sort()).toEqual(['vm-1', 'vm-5'])
  })

  it('rack partition: the Zookeeper-majority side keeps the cluster, new leader at T20, VMs stop at T45, fenced at T60, restarted at T120; reconnect heals', () => {
    const w = play('walkthrough-rack-partition')
    const cut = ['node-1', 'node-2']
    let r = w.at(0)
    expect(r.cluster.awareness.effective).toBe('rack')
    expect(r.metadata.zookeeper.servers).toEqual(['node-1', 'node-3', 'node-5'])
    expect(r.acropolisLeader).toBe('node-1')
    const victims = r.vms.filter((v) => v.power === 'on' && cut.includes(v.host!)).map((v) => v.id)
    expect(victims).toHaveLength(6)

    r = w.at(1)
    expect(r.topology.nodes.filter((n) => n.host === 'partitioned').map((n) => n.id)).toEqual(cut)
    expect(r.cluster.quorum).toBe(true)

    r = w.at(2)
    expect(r.acropolisLeader).toBe('node-3')
    expect(eventsOf(r, 'AcropolisLeaderElected', 50)).toHaveLength(1)
    expect(victims.every((id) => vm(r, id).io.errorsPerSecond > 0)).toBe(true)

    r = w.at(3)
    expect(victims.every((id) => vm(r, id).power === 'restarting')).toBe(true)
    expect(eventsOf(r, 'VmsDown', 75)).toHaveLength(2)
    expect(r.resiliency.unavailableBytes).toBe(0)
    expect(r.resiliency.lostBytes).toBe(0)
    expect(running(r, 'DataRebuild')).toBe(true)
    expect(formatBytes(r.resiliency.underReplicatedBytes)).toBe('9.03 TiB')

    r = w.at(4)
    expect(eventsOf(r, 'HaIoFenced', 90)).toHaveLength(2)

    r = w.at(5)
    const hosts = victims.map((id) => vm(r, id).host!)
    expect(victims.every((id) => vm(r, id).power === 'on')).toBe(true)
    expect(hosts.every((h) => !cut.includes(h))).toBe(true)
    expect(new Set(hosts).size).toBe(4) // spread over the 4 hosts of rack-2 and rack-3

    r = w.at(6)
    expect(r.metadata.zookeeper.servers).toContain('node-4')
    expect(r.metadata.zookeeper.servers).not.toContain('node-1')

    r = w.at(7)
    expect(r.topology.nodes.every((n) => n.host === 'up')).toBe(true)

    r = w.at(8)
    expect(r.resiliency.status).toBe('OK')
    expect(r.resiliency.overReplicatedBytes).toBe(0)
    expect(r.resiliency.lostBytes).toBe(0)
    expect(r.metadata.zookeeper.servers).toContain('node-1')
    expect(eventsOf(r, 'OverReplicatedDataRemoved', 360)).toHaveLength(1)
    expect(victims.every((id) => !cut.includes(vm(r, id).host!))).toBe(true)
  })

  it('cluster expansion: a third block turns block awareness on; balancing makes the data block aware (Block FT 1, OK)', () => {
    const w = play('walkthrough-cluster-expansion')
    let r = w.at(0)
    expect(r.cluster.awareness).toEqual({ desired: 'block', effective: 'node' })
    expect(r.resiliency.status).toBe('OK')
    expect(ft(r, 'RACKABLE_UNIT').failuresTolerable).toBe(0)

    r = w.at(1)
    expect(r.cluster.awareness.effective).toBe('block')
    expect(eventsOf(r, 'AwarenessChanged', 30)).toHaveLength(1)
    expect(r.topology.nodes.find((n) => n.id === 'node-5')).toMatchObject({ block: 'block-3', host: 'up' })
    expect(r.topology.disks.filter((d) => d.node === 'node-5').every((d) => d.usedBytes === 0)).toBe(true)

    r = w.at(2)
    expect(r.topology.nodes.find((n) => n.id === 'node-6')).toMatchObject({ block: 'block-3', host: 'up' })

    r = w.at(3)
    expect(r.topology.nodes.filter((n) => n.id === 'node-5' || n.id === 'node-6').every((n) => n.inMetadataRing)).toBe(true)
    expect(r.metadata.zookeeper.servers).toContain('node-5')
    expect(r.metadata.zookeeper.servers).not.toContain('node-2')
    expect(r.resiliency.status).toBe('Warning')
    expect(running(r, 'DiskBalancing')).toBe(true)
    expect(figure(eventsOf(r, 'DiskBalancingStarted', 60)[0].message)).toBe('4.84 TiB')

    r = w.at(4)
    expect(running(r, 'DiskBalancing')).toBe(true)
    expect(r.topology.disks.filter((d) => d.node === 'node-5').reduce((a, d) => a + d.usedBytes, 0)).toBeGreaterThan(0)
    expect(r.resiliency.lostBytes + r.resiliency.underReplicatedBytes).toBe(0)

    r = w.at(5)
    expect(figure(eventsOf(r, 'DiskBalancingCompleted', 60)[0].message)).toBe('4.78 TiB')
    expect(ft(r, 'RACKABLE_UNIT').failuresTolerable).toBe(1)
    expect(r.resiliency.status).toBe('OK')
  })

  it('node removal: VMs migrate off, data migrates at full RF with the status OK throughout, Zookeeper and leadership move, the node is gone', () => {
    const w = play('walkthrough-node-removal')
    let r = w.at(0)
    expect(r.acropolisLeader).toBe('node-1')
    expect(r.metadata.zookeeper.servers).toContain('node-1')
    const vmsOn1 = r.vms.filter((v) => v.host === 'node-1' && v.power === 'on').map((v) => v.id)
    expect(vmsOn1).toHaveLength(3)
    expect(formatBytes(r.topology.disks.filter((d) => d.node === 'node-1').reduce((a, d) => a + d.usedBytes, 0))).toBe('3.62 TiB')

    r = w.at(1)
    expect(r.topology.nodes.find((n) => n.id === 'node-1')).toMatchObject({ removal: 'removing', maintenance: 'entering' })

    r = w.at(2)
    expect(vmsOn1.map((id) => vm(r, id).host).sort()).toEqual(['node-2', 'node-3', 'node-4'])
    expect(vmsOn1.every((id) => vm(r, id).power === 'on')).toBe(true)
    expect(eventsOf(r, 'VmMigrated', 30)).toHaveLength(3)
    expect(figure(eventsOf(r, 'NodeDataMigration', 30)[0].message)).toBe('3.62 TiB')

    for (const i of [3, 4]) {
      r = w.at(i)
      expect(r.resiliency.status).toBe('OK')
      expect(ft(r, 'NODE').failuresTolerable).toBe(1)
      expect(r.resiliency.underReplicatedBytes + r.resiliency.lostBytes).toBe(0)
    }
    expect(r.metadata.zookeeper.servers).toContain('node-4')
    expect(r.acropolisLeader).toBe('node-2')
    expect(running(r, 'MetadataRingRemove')).toBe(true)

    r = w.at(5)
    expect(r.topology.nodes.find((n) => n.id === 'node-1')).toMatchObject({ removal: 'removed', inMetadataRing: false })
    expect(r.metadata.zookeeper.servers).not.toContain('node-1')
    expect(r.resiliency.status).toBe('OK')
    expect(eventsOf(r, 'NodeRemoved', 8000)).toHaveLength(1)
  })
})
