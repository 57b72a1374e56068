/**
 * The VM I/O path (DOMAIN.md §7): the iSCSI redirector's NOP-OUT health checks, per-vDisk
 * failover to remote Stargates, a second failure during failover, failback after 300 s,
 * and the I/O model. The property test prints its fast-check seed on failure; replay with
 * FC_SEED=<seed> npx vitest run src/model/iopath.test.ts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_IO_PATH } from './iopath'
import { CLASSIC_OVERHEAD_MS, FRODO_OVERHEAD_MS, REMOTE_HOP_MS, stargateCapacityIops } from './ioload'
import { fcParams } from '../storage/tolerance/resiliency.testkit'
import { builtinScenario } from '../scenario/builtins'
import type { Scenario } from '../scenario/schema'
import { Simulation } from '../simulation'
import type { Report, ReportVm } from '../types'
import { fillVms } from '../scenario/workloads'
import { faultEntity } from '../cluster/partition'

const load = (id: string, seed?: number) => Simulation.create(builtinScenario(id)!, seed)

/** A small cluster with a few known VMs (6 nodes in 3 blocks). */
function scenario(extra: Partial<Scenario['cluster']> = {}, vms?: Scenario['vms']): Scenario {
  return {
    title: 'I/O path test',
    seed: 7,
    cluster: {
      name: 'IO-6',
      layout: { racks: 1, blocksPerRack: 3, nodesPerBlock: 2, ssdPerNode: 1, hddPerNode: 2, ssdTB: 1, hddTB: 2 },
      data: { usedPct: 10 },
      ...extra,
    },
    vms: vms ?? [
      { id: 'db-1', host: 'node-2', vcpus: 8, memoryGiB: 32, vdisks: 6 },
      { id: 'web-1', host: 'node-2', vcpus: 2, memoryGiB: 8, vdisks: 2 },
      { id: 'old-1', host: 'node-2', vcpus: 1, memoryGiB: 4, vdisks: 1 },
      { id: 'app-1', host: 'node-4', vcpus: 4, memoryGiB: 16, vdisks: 3 },
      { id: 'app-2', host: 'node-5', vcpus: 4, memoryGiB: 16, vdisks: 3 },
    ],
  }
}

const vmOf = (r: Report, id: string): ReportVm => r.vms.find((v) => v.id === id)!
const vdisksOnHost = (r: Report, host: string) => r.vms.filter((v) => v.host === host && v.power === 'on').flatMap((v) => v.vdisks)

describe('sessions at load', () => {
  it('every vDisk of a running VM has one session on its local Stargate; Frodo opens 4 connections', () => {
    const r = Simulation.create(scenario()).report()
    for (const v of r.vms) {
      expect(v.power).toBe('on')
      for (const d of v.vdisks) expect(d).toMatchObject({ stargate: v.host, path: 'local', session: 'active', loginTarget: null })
    }
    expect(vmOf(r, 'db-1').ioPath).toBe('frodo')
    expect(vmOf(r, 'db-1').vdisks[0].connections).toBe(4)
    expect(vmOf(r, 'old-1').ioPath).toBe('classic') // 1 vCPU: no Frodo
    expect(vmOf(r, 'old-1').vdisks[0].connections).toBe(1)
    expect(r.io.sessions).toEqual({ local: 15, remote: 0, none: 0, connections: 14 * 4 + 1 })
    expect(r.io.settings).toEqual(DEFAULT_IO_PATH)
  })

  it('the default scenario has one session per vDisk of its 96 VMs (the workload mix: 187 vDisks)', () => {
    const r = load('twelve-3-blocks').report()
    expect(r.vms).toHaveLength(96)
    for (const v of r.vms) expect(v.vdisks.length).toBe(fillVms(builtinScenario('twelve-3-blocks')!.vmFill!, 'twelve-3-blocks').find((f) => f.id === v.id)!.vdisks)
    expect(r.vms.reduce((a, v) => a + v.vdisks.length, 0)).toBe(187)
  })
})

describe('failover: the local Stargate goes down', () => {
  it('sessions stall until the next NOP-OUT round, then each vDisk logs in on a healthy remote Stargate', () => {
    const sim = Simulation.create(scenario())
    sim.advance(12) // NOP-OUT rounds at 5, 10, 15 …
    sim.inject({ kind: 'cvm', target: 'node-2' })
    let r = sim.report()
    expect(vmOf(r, 'db-1').power).toBe('on') // the VM keeps running
    for (const d of vmOf(r, 'db-1').vdisks) expect(d).toMatchObject({ stargate: 'node-2', session: 'stalled' })
    expect(vmOf(r, 'db-1').io.iops).toBe(0) // its I/O hangs
    sim.advance(2.999)
    expect(vmOf(sim.report(), 'db-1').vdisks[0].session).toBe('stalled')
    sim.advance(0.001) // t = 15: the redirector marks 192.168.5.254 down and redirects the logins
    r = sim.report()
    for (const d of vdisksOnHost(r, 'node-2')) {
      expect(d).toMatchObject({ stargate: null, path: 'none', session: 'login' })
      expect(d.loginTarget).not.toBe('node-2')
    }
    sim.advance(1) // login time
    r = sim.report()
    const targets = new Set<string>()
    for (const d of vdisksOnHost(r, 'node-2')) {
      expect(d).toMatchObject({ path: 'remote', session: 'active' })
      expect(d.stargate).not.toBe('node-2')
      targets.add(d.stargate!)
    }
    expect(targets.size).toBeGreaterThanOrEqual(3) // per vDisk, not per VM: spread over several Stargates
    expect(vmOf(r, 'db-1').power).toBe('on')
    expect(vmOf(r, 'db-1').io.iops).toBeGreaterThan(0)
    // VMs on other hosts never moved
    expect(vmOf(r, 'app-1').vdisks.every((d) => d.path === 'local')).toBe(true)
    const redirects = r.io.redirects.filter((x) => x.host === 'node-2')
    expect(redirects).toHaveLength(9)
    expect(redirects.every((x) => x.reason === 'failover' && x.from === 'node-2' && x.time === 15)).toBe(true)
    expect(r.events.some((e) => e.type === 'IoPathRedirect' && e.entity === 'node-2')).toBe(true)
  })

  it('the redirector log shows the local portal going down at the NOP-OUT round, like iscsi_redirector', () => {
    const sim = Simulation.create(scenario())
    sim.advance(12)
    const before = sim.io.redirectorLog(1, 12)
    expect(before.some((l) => /^2026-01-01 00:00:10,000 - INFO - Portal 192\.168\.5\.254:3261 is up$/.test(l))).toBe(true)
    expect(before.some((l) => l.includes('Portal 10.11.0.10:3261 is up'))).toBe(true) // node-1's CVM
    sim.inject({ kind: 'cvm', target: 'node-2' })
    sim.advance(5)
    const after = sim.io.redirectorLog(1, 200)
    expect(after).toContain('2026-01-01 00:00:15,000 - WARNING - Portal 192.168.5.254:3261 is down')
    expect(after.filter((l) => l.includes('Redirecting login for iqn.2010-06.com.nutanix:vmdisk-db-1-vd'))).toHaveLength(6)
    // another host's redirector sees node-2's CVM down through its external address
    expect(sim.io.redirectorLog(0, 40)).toContain('2026-01-01 00:00:15,002 - WARNING - Portal 10.11.0.11:3261 is down')
  })

  it('the redirector log is a bounded ring buffer', () => {
    const sim = load('twelve-3-blocks')
    for (let i = 0; i < 6; i++) {
      sim.inject({ kind: 'cvm', target: 'node-1' })
      sim.advance(10)
      sim.restore('node-1')
      sim.advance(400)
    }
    const lines = sim.io.redirectorLog(0, 100_000)
    const events = lines.filter((l) => l.includes('Redirecting'))
    expect(events.length).toBeLessThanOrEqual(240)
    expect(sim.io.recentRedirects().length).toBeLessThanOrEqual(4096)
  })

  it('random redirects are seeded: same seed, same targets; round robin spreads evenly', () => {
    const targets = (seed: number, redirect: 'random' | 'round-robin') => {
      const sim = Simulation.create({ ...scenario({ ioPath: { redirect } }), seed })
      sim.inject({ kind: 'cvm', target: 'node-2' })
      sim.advance(6)
      return vdisksOnHost(sim.report(), 'node-2').map((d) => d.stargate)
    }
    expect(targets(3, 'random')).toEqual(targets(3, 'random'))
    expect(targets(3, 'random')).not.toEqual(targets(4, 'random'))
    const rr = targets(3, 'round-robin')
    const counts = new Map<string, number>()
    for (const t of rr) counts.set(t!, (counts.get(t!) ?? 0) + 1)
    expect(counts.size).toBe(5) // every other Stargate
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1)
    expect(rr.slice(0, 5)).toEqual(['node-3', 'node-4', 'node-5', 'node-6', 'node-1'])
  })

  it('a remote Stargate that fails in turn hands its sessions to another remote Stargate', () => {
    const sim = Simulation.create(scenario({ ioPath: { redirect: 'round-robin' } }))
    sim.inject({ kind: 'cvm', target: 'node-2' })
    sim.advance(6)
    const r1 = sim.report()
    const onNode3 = vdisksOnHost(r1, 'node-2').filter((d) => d.stargate === 'node-3').map((d) => d.id)
    expect(onNode3.length).toBeGreaterThan(0)
    sim.advance(1)
    sim.inject({ kind: 'cvm', target: 'node-3' }) // t = 7: the second failure during failover
    sim.advance(4) // t = 11 > the round at 10 + login 1
    const r2 = sim.report()
    for (const d of vdisksOnHost(r2, 'node-2')) {
      expect(d.session).toBe('active')
      expect(d.stargate).not.toBe('node-2')
      expect(d.stargate).not.toBe('node-3')
    }
    const second = r2.io.redirects.filter((x) => x.time === 10 && x.host === 'node-2')
    expect(second.map((x) => x.vdisk).sort()).toEqual([...onNode3].sort())
    expect(second.every((x) => x.from === 'node-3' && x.reason === 'failover')).toBe(true)
    // node-3's own VMs? none here; node-3's CVM is down, its sessions elsewhere are untouched
    expect(vmOf(r2, 'app-1').vdisks.every((d) => d.stargate === 'node-4')).toBe(true)
  })

  it('a node failure: its VMs are off (no sessions); the other hosts drop the portal at the next round', () => {
    const sim = Simulation.create(scenario())
    sim.inject({ kind: 'node', target: 'node-2' })
    const r = sim.report()
    for (const id of ['db-1', 'web-1', 'old-1']) {
      expect(vmOf(r, id).power).not.toBe('on')
      expect(vmOf(r, id).vdisks.every((d) => d.path === 'none' && d.stargate === null)).toBe(true)
    }
    sim.advance(5)
    expect(sim.io.redirectorLog(0, 40)).toContain('2026-01-01 00:00:05,002 - WARNING - Portal 10.11.0.11:3261 is down')
  })

  it('a partitioned host reaches no Stargate: its running VMs have no path (none), and settle ends', () => {
    const sim = Simulation.create(scenario())
    sim.inject({ kind: 'partition', target: 'node-4' })
    sim.advance(10) // the NOP-OUT round at 5 saw every portal down (VM HA acts much later)
    let r = sim.report()
    const app = vmOf(r, 'app-1')
    expect(app.host).toBe('node-4')
    if (app.power === 'on') expect(app.vdisks.every((d) => d.path === 'none' && d.session === 'none')).toBe(true)
    expect(sim.io.redirectorLog(3, 40)).toContain('2026-01-01 00:00:05,000 - WARNING - Portal 192.168.5.254:3261 is down')
    // the others lost node-4's Stargate but had no sessions on it
    expect(vmOf(r, 'app-2').vdisks.every((d) => d.path === 'local')).toBe(true)
    sim.settle(3600)
    expect(sim.io.busy).toBe(false)
    r = sim.report()
    // whatever VM HA decided: a VM still on the partitioned host has no path, the others are local
    for (const v of r.vms.filter((x) => x.power === 'on')) {
      for (const d of v.vdisks) expect(d.path).toBe(v.host === 'node-4' ? 'none' : 'local')
    }
  })
})

describe('failback after the local Stargate is healthy for 300 s', () => {
  it('happens exactly 300 s after the NOP-OUT round that saw the local Stargate up, then the login', () => {
    const sim = Simulation.create(scenario())
    sim.inject({ kind: 'cvm', target: 'node-2' })
    sim.advance(100)
    sim.restore('node-2') // t = 100, just after the round at 100
    expect(vdisksOnHost(sim.report(), 'node-2').every((d) => d.path === 'remote')).toBe(true)
    sim.advance(5) // t = 105: the redirector sees 192.168.5.254 up again, failback due at 405
    let r = sim.report()
    expect(r.io.failbacks).toEqual([{ host: 'node-2', at: 405 }])
    expect(r.tasks.find((t) => t.type === 'IoPathFailback' && t.entity === 'node-2')?.state).toBe('running')
    sim.advance(299.999) // t = 404.999
    expect(vdisksOnHost(sim.report(), 'node-2').every((d) => d.path === 'remote' && d.session === 'active')).toBe(true)
    sim.advance(0.001) // t = 405: the remote Stargates quiesce and kill the sessions
    r = sim.report()
    expect(vdisksOnHost(r, 'node-2').every((d) => d.session === 'login' && d.loginTarget === 'node-2')).toBe(true)
    sim.advance(1) // t = 406: logged in locally
    r = sim.report()
    expect(vdisksOnHost(r, 'node-2').every((d) => d.stargate === 'node-2' && d.path === 'local' && d.session === 'active')).toBe(true)
    expect(r.io.redirects.filter((x) => x.reason === 'failback')).toHaveLength(9)
    expect(r.tasks.find((t) => t.type === 'IoPathFailback' && t.entity === 'node-2')).toMatchObject({ state: 'succeeded', endTime: 406 })
    expect(r.io.failbacks).toEqual([])
    expect(vmOf(r, 'db-1').power).toBe('on')
  })

  it('a local Stargate that goes down again before 300 s cancels the failback; the clock restarts', () => {
    const sim = Simulation.create(scenario())
    sim.inject({ kind: 'cvm', target: 'node-2' })
    sim.advance(100)
    sim.restore('node-2')
    sim.advance(200) // t = 300, failback due at 405
    sim.inject({ kind: 'cvm', target: 'node-2' })
    const r = sim.report()
    expect(r.io.failbacks).toEqual([])
    expect(r.tasks.find((t) => t.type === 'IoPathFailback')?.state).toBe('failed')
    expect(vdisksOnHost(r, 'node-2').every((d) => d.path === 'remote' && d.session === 'active')).toBe(true) // remote sessions unaffected
    sim.advance(100)
    sim.restore('node-2') // t = 400
    sim.advance(10)
    expect(sim.report().io.failbacks).toEqual([{ host: 'node-2', at: 705 }])
    sim.advance(296)
    expect(vdisksOnHost(sim.report(), 'node-2').every((d) => d.path === 'local')).toBe(true)
  })

  it('settle runs until failover and failback are done, though NOP-OUT rounds go on for ever', () => {
    const sim = Simulation.create(scenario())
    sim.inject({ kind: 'cvm', target: 'node-2' })
    sim.settle()
    expect(sim.io.busy).toBe(false)
    expect(vdisksOnHost(sim.report(), 'node-2').every((d) => d.path === 'remote')).toBe(true)
    const restoredAt = sim.time
    sim.restore('node-2')
    sim.settle()
    expect(sim.time).toBeGreaterThanOrEqual(restoredAt + 300 + 1)
    expect(vdisksOnHost(sim.report(), 'node-2').every((d) => d.path === 'local' && d.session === 'active')).toBe(true)
    // nothing pending: the periodic health checks are quiet
    const t = sim.time
    expect(sim.io.busy).toBe(false)
    sim.advance(60)
    expect(sim.time).toBe(t + 60)
  })

  it('uses the scenario timers', () => {
    const sim = Simulation.create(scenario({ ioPath: { healthCheckSeconds: 2, loginSeconds: 0.5, failbackSeconds: 60 } }))
    sim.advance(1)
    sim.inject({ kind: 'cvm', target: 'node-2' })
    sim.advance(1.5) // round at 2, login until 2.5
    expect(vdisksOnHost(sim.report(), 'node-2').every((d) => d.path === 'remote')).toBe(true)
    sim.restore('node-2') // t = 2.5; round at 4; failback at 64; local at 64.5
    sim.advance(61.999)
    expect(vdisksOnHost(sim.report(), 'node-2').some((d) => d.path === 'remote' || d.session === 'login')).toBe(true)
    sim.advance(0.001)
    expect(vdisksOnHost(sim.report(), 'node-2').every((d) => d.path === 'local')).toBe(true)
  })
})

describe('scenario parameters', () => {
  it('are validated by JSON path', () => {
    const bad = () => Simulation.create(scenario({ ioPath: { healthCheckSeconds: 0, redirect: 'sideways' as 'random', loginSeconds: -1, extra: 1 } as never }))
    let msg = ''
    try {
      bad()
    } catch (e) {
      msg = (e as Error).message
    }
    expect(msg).toContain('cluster.ioPath.healthCheckSeconds: must be at least 0.5')
    expect(msg).toContain('cluster.ioPath.redirect: must be one of "random", "round-robin"')
    expect(msg).toContain('cluster.ioPath.loginSeconds: must be at least 0')
    expect(msg).toContain('cluster.ioPath.extra: unknown field')
  })
})

describe('I/O model', () => {
  it('a remote path costs latency; the Stargates taking remote sessions show load', () => {
    const sim = Simulation.create(scenario())
    const before = sim.report()
    const db0 = vmOf(before, 'db-1').io
    sim.inject({ kind: 'cvm', target: 'node-2' })
    sim.advance(6)
    const after = sim.report()
    const db1 = vmOf(after, 'db-1').io
    expect(db1.iops).toBeGreaterThan(0)
    expect(db1.latencyMs).toBeGreaterThan(db0.latencyMs + REMOTE_HOP_MS * 0.9)
    for (const sg of after.io.stargates) {
      const was = before.io.stargates.find((x) => x.id === sg.id)!
      if (sg.id === 'node-2') {
        expect(sg).toMatchObject({ healthy: false, sessions: 0, iops: 0 })
      } else if (sg.remoteSessions > 0) {
        expect(sg.sessions).toBe(was.sessions + sg.remoteSessions)
        expect(sg.iops).toBeGreaterThan(was.iops)
        expect(sg.utilization).toBeGreaterThanOrEqual(was.utilization)
      }
    }
    expect(after.io.sessions.remote).toBe(9)
  })

  it('Frodo costs less per I/O than the classic path', () => {
    const vms: Scenario['vms'] = [
      { id: 'f', host: 'node-1', vcpus: 4, memoryGiB: 8, vdisks: 1, frodo: true },
      { id: 'c', host: 'node-1', vcpus: 4, memoryGiB: 8, vdisks: 1, frodo: false },
    ]
    const r = Simulation.create(scenario({}, vms)).report()
    expect(vmOf(r, 'f').ioPath).toBe('frodo')
    expect(vmOf(r, 'c').ioPath).toBe('classic')
    // same Stargate; the difference is the path overhead (and the per-VM read share)
    const f = vmOf(r, 'f').io.latencyMs
    const c = vmOf(r, 'c').io.latencyMs
    expect(c - f).toBeGreaterThan((CLASSIC_OVERHEAD_MS - FRODO_OVERHEAD_MS) - 0.45)
  })

  it('a Stargate offered more than its capacity serves its capacity, with a long queue', () => {
    const vms: Scenario['vms'] = Array.from({ length: 12 }, (_, i) => ({ id: `big-${i}`, host: 'node-1', vcpus: 64, memoryGiB: 4, vdisks: 2 }))
    const r = Simulation.create(scenario({}, vms)).report()
    const sg = r.io.stargates.find((s) => s.id === 'node-1')!
    expect(sg.utilization).toBeGreaterThan(1)
    expect(sg.iops).toBeLessThanOrEqual(stargateCapacityIops(32) + 1)
    expect(sg.latencyMs).toBeGreaterThan(5)
    expect(r.io.cluster.iops).toBe(r.vms.reduce((a, v) => a + v.io.iops, 0) + (r.io.cluster.iops - r.vms.reduce((a, v) => a + v.io.iops, 0)))
    expect(Math.abs(r.io.cluster.iops - r.vms.reduce((a, v) => a + v.io.iops, 0))).toBeLessThanOrEqual(r.vms.length)
  })

  it('feeds the metrics samples (controller IOPS, bandwidth, latency)', () => {
    const sim = Simulation.create(scenario())
    sim.inject({ kind: 'cvm', target: 'node-2' })
    sim.advance(6)
    const m = sim.metrics.samples
    const atFault = m.find((s) => s.time === 0)!
    const afterFailover = m.find((s) => s.time === 6)!
    expect(afterFailover.iops).toBeGreaterThan(atFault.iops) // node-2's VMs were stalled at the fault
    expect(afterFailover.latencyMs).toBeGreaterThan(0)
    expect(afterFailover.bandwidthBps).toBeGreaterThan(0)
    expect(afterFailover.readIops + afterFailover.writeIops).toBeCloseTo(afterFailover.iops, -1)
  })
})

/** Issue 22: fast-check's counterexample (seed -969111639), kept as a regression example of the property below. */
const ISSUE_22: [Array<{ at: number; kind: string; target: string }>, 'random' | 'round-robin'] = [
  [{ at: 0, kind: 'cvm', target: 'node-4' }, { at: 351, kind: 'partition', target: 'node-2' }, { at: 470, kind: 'cvm', target: 'node-5' }],
  'random',
]

describe('property: no vDisk is served by a down Stargate for longer than one health-check interval plus the login', () => {
  it('issue 22: a VM restarted by HA onto a Stargate that died since the last NOP-OUT round is redirected at the next round', () => {
    // node-4's CVM down at 0; node-2 partitioned at 351 (its VMs die at 396, HA restarts them
    // at T120 = 471); node-5's CVM down at 470, just after the round at 470: at 471 every
    // redirector still sees node-5 healthy, and db-1 boots on node-4 (local Stargate down).
    // db-1 pinned to node-2 and node-4 (VM-host affinity), so HA's spread (DOMAIN.md §8) still restarts it on node-4
    const vms = scenario().vms!.map((v) => (v.id === 'db-1' ? { ...v, affinityHosts: ['node-2', 'node-4'] } : v))
    const sim = Simulation.create(scenario({ ioPath: { redirect: 'random' } }, vms))
    for (const a of ISSUE_22[0]) {
      sim.advance(a.at - sim.time)
      sim.inject({ kind: a.kind as 'cvm' | 'partition', target: a.target })
    }
    sim.advance(1) // t = 471
    let r = sim.report()
    // the restarted VMs whose logins the stale view sent to node-5 (where HA put them depends on
    // the restart placement, DOMAIN.md §8: the test follows whichever VMs it is)
    const onDead = r.vms.filter((v) => v.power === 'on').flatMap((v) => v.vdisks.filter((d) => d.stargate === 'node-5').map((d) => ({ vm: v.id, host: v.host, d })))
    expect(onDead.length).toBeGreaterThan(0)
    for (const x of onDead) expect(x.d.session).toBe('stalled') // its I/O hangs: no I/O is served by node-5
    sim.advance(4) // t = 475: the round marks node-5 down and redirects exactly those sessions
    r = sim.report()
    const again = r.io.redirects.filter((x) => x.time === 475 && onDead.some((o) => o.vm === x.vm))
    expect(again.map((x) => x.vdisk).sort()).toEqual(onDead.map((o) => o.d.id).sort())
    expect(again.every((x) => x.from === 'node-5' && x.reason === 'failover' && x.to !== 'node-5' && x.to !== 'node-4')).toBe(true)
    sim.advance(1) // t = 476 = 470 + one interval + the login
    r = sim.report()
    for (const v of r.vms.filter((x) => x.power === 'on')) {
      for (const d of v.vdisks) {
        expect(d.session).toBe('active')
        expect(['node-4', 'node-5', 'node-2']).not.toContain(d.stargate)
      }
    }
  })

  it('holds under random CVM, node and partition failures and restores', () => {
    const targets = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6']
    const action = fc.record({
      at: fc.integer({ min: 0, max: 900 }),
      kind: fc.constantFrom('cvm', 'cvm', 'node', 'partition', 'restore'),
      target: fc.constantFrom(...targets),
    })
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 8 }), fc.constantFrom<'random' | 'round-robin'>('random', 'round-robin'), (actions, redirect) => {
        const sim = Simulation.create(scenario({ ioPath: { redirect } }))
        const { healthCheckSeconds, loginSeconds } = sim.io.params
        const bound = healthCheckSeconds + loginSeconds
        const n = sim.spec.nodes.length
        // time since when Stargate s has been unreachable from host h (-1: reachable)
        const since = new Float64Array(n * n).fill(-1)
        // time since when host h could reach some Stargate while a running VM's vDisk had no working session
        const plan = [...actions].sort((a, b) => a.at - b.at)
        let next = 0
        for (let t = 0; t <= 1300; t += 0.5) {
          sim.advance(t - sim.time)
          while (next < plan.length && plan[next].at <= sim.time) {
            const a = plan[next++]
            try {
              if (a.kind === 'restore') sim.restore(a.target)
              else sim.inject({ kind: a.kind as 'cvm' | 'node' | 'partition', target: a.target })
            } catch {
              // refused (already failed / nothing to restore): the drill goes on
            }
          }
          for (let h = 0; h < n; h++) {
            for (let s = 0; s < n; s++) {
              const ok = sim.io.reachable(h, s)
              if (ok) since[h * n + s] = -1
              else if (since[h * n + s] < 0) since[h * n + s] = sim.time
            }
          }
          const { vms } = sim
          for (let v = 0; v < vms.count; v++) {
            if (vms.power[v] !== 0) continue
            const h = vms.host[v]
            for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
              const sg = vms.vdiskStargate[vd]
              if (sg < 0) continue
              const down = since[h * n + sg]
              if (down >= 0 && sim.time - down > bound) {
                throw new Error(`t=${sim.time}: ${vms.vdiskIds[vd]} still bound to unreachable ${sim.spec.nodes[sg].id} since ${down}`)
              }
            }
          }
        }
        // liveness: with everything restored and time passed, every running VM on an up host is served locally
        for (const target of new Set(sim.topo.faults.map((f) => faultEntity(f)))) sim.restore(target)
        sim.settle()
        const r = sim.report()
        for (const v of r.vms) if (v.power === 'on' && v.host) for (const d of v.vdisks) expect(d).toMatchObject({ stargate: v.host, session: 'active' })
      }),
      { ...fcParams(25), examples: [ISSUE_22] },
    )
  })
})

describe('large-64', () => {
  it('a CVM failure and failback across 20,000 vDisks', () => {
    const sim = load('large-64')
    sim.advance(60)
    sim.inject({ kind: 'cvm', target: 'node-10' })
    sim.advance(6)
    let r = sim.report()
    const moved = vdisksOnHost(r, 'node-10')
    expect(moved.length).toBeGreaterThan(200)
    expect(moved.every((d) => d.path === 'remote')).toBe(true)
    expect(new Set(moved.map((d) => d.stargate)).size).toBeGreaterThan(40)
    sim.restore('node-10')
    sim.advance(310)
    r = sim.report()
    expect(vdisksOnHost(r, 'node-10').every((d) => d.path === 'local')).toBe(true)
  })
})
