/**
 * The Health page's entity lists against the model's Report, through the real worker → UI
 * deltas: every entity listed once, counts per state add up, and the states follow the Report.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Report } from '../bridge/types'
import { SimFacade } from '../../worker/facade'
import { useSim } from '../store/simStore'
import { serviceRows, storagePoolRows } from './clusterHealth'
import { diskRows, HEALTH_RANK, hostRows, restartFailures, vmRows, type EntityHealth } from './entityHealth'

const FC = { numRuns: 25, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined }

function shown() {
  const s = useSim.getState()
  return {
    vms: vmRows(s.structure!, s.state!, s.vms!, s.io, restartFailures(s.alerts)),
    hosts: hostRows(s.structure!, s.state!, s.vms, s.io),
    disks: diskRows(s.structure!, s.state!),
    pools: storagePoolRows(s.summary!),
    services: serviceRows(s.structure!, s.state!, s.io),
  }
}

function wellFormed(h: EntityHealth, total: number) {
  expect(h.rows.length).toBe(total)
  expect(h.good + h.warning + h.critical).toBe(total)
  expect(new Set(h.rows.map((r) => r.key)).size).toBe(total)
  for (let i = 1; i < h.rows.length; i++) expect(HEALTH_RANK[h.rows[i - 1].level]).toBeLessThanOrEqual(HEALTH_RANK[h.rows[i].level])
}

function agreesWith(r: Report) {
  const h = shown()
  wellFormed(h.hosts, r.topology.nodes.length)
  wellFormed(h.disks, r.topology.disks.filter((d) => d.status !== 'removed').length)
  wellFormed(h.vms, r.vms.length)
  wellFormed(h.services, 1 + r.zookeeper.length + 2 * r.topology.nodes.length)
  const level = (x: EntityHealth, key: string) => x.rows.find((row) => row.key === key)?.level
  for (const n of r.topology.nodes) {
    const expected = n.host === 'down' ? 'critical' : n.host === 'partitioned' || n.cvm === 'down' || n.maintenance !== 'none' ? 'warning' : 'good'
    expect(level(h.hosts, n.id), n.id).toBe(expected)
    const up = n.host === 'up' && n.cvm === 'up'
    expect(level(h.services, `stargate-${n.id}`), n.id).toBe(up ? 'good' : 'critical')
  }
  for (const d of r.topology.disks) {
    if (d.status === 'removed') continue
    const node = r.topology.nodes.find((n) => n.id === d.node)!
    if (d.mode === 'offline') expect(level(h.disks, d.id), d.id).toBe('critical')
    else expect(level(h.disks, d.id), d.id).toBe(node.host === 'up' && node.cvm === 'up' && d.status === 'normal' ? 'good' : 'warning')
  }
  for (const v of r.vms) {
    const l = level(h.vms, v.id)
    if (v.power === 'on' && v.io.errorsPerSecond > 0) expect(l, v.id).toBe('critical')
    if (v.power === 'restarting') expect(l, v.id).toBe('warning')
    if (l === 'good') expect(v.io.errorsPerSecond, v.id).toBe(0)
  }
  const pool = h.pools.rows[0]
  const dataGone = r.resiliency.lostBytes > 0 || r.resiliency.unavailableBytes > 0 || r.storage.state === 'critical'
  expect(pool.level).toBe(dataGone ? 'critical' : r.resiliency.underReplicatedBytes > 0 || r.storage.state === 'warning' ? 'warning' : 'good')
  expect(level(h.services, 'acropolis-none') === 'critical').toBe(r.acropolisLeader === null)
}

type Cmd = { op: 'inject'; kind: 'node' | 'cvm' | 'disk' | 'partition' | 'block'; n: number } | { op: 'restore'; n: number; disk: boolean } | { op: 'tick'; s: number }

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ op: fc.constant('inject' as const), kind: fc.constantFrom('node' as const, 'cvm' as const, 'disk' as const, 'partition' as const, 'block' as const), n: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('restore' as const), n: fc.integer({ min: 1, max: 12 }), disk: fc.boolean() }),
  fc.record({ op: fc.constant('tick' as const), s: fc.constantFrom(5, 30, 60, 180, 900, 3600) }),
)

function run(f: SimFacade, c: Cmd): void {
  const apply = useSim.getState().apply
  try {
    if (c.op === 'inject') {
      const target = c.kind === 'disk' ? `disk-${c.n}-1` : c.kind === 'block' ? `block-${((c.n - 1) % 3) + 1}` : `node-${c.n}`
      apply(f.inject({ kind: c.kind, target }))
    } else if (c.op === 'restore') apply(f.restore(c.disk ? `disk-${c.n}-1` : `node-${c.n}`))
    else apply(f.tick(c.s))
  } catch {
    // refused (restore of a healthy part…): nothing changed
  }
}

describe('Health entity lists', () => {
  it('on a healthy cluster every entity is listed once and good', () => {
    const f = new SimFacade()
    useSim.getState().apply(f.load('twelve-3-blocks'))
    useSim.getState().apply(f.tick(60))
    const h = shown()
    for (const x of Object.values(h)) expect(x.warning + x.critical).toBe(0)
    expect(h.vms.rows.length).toBe(96)
    expect(h.services.rows.length).toBe(1 + 3 + 12 + 12)
    agreesWith(f.simulation.report())
  })

  it('a node off: the host critical, its disks not reachable, its services down, the pool under-replicated', () => {
    const f = new SimFacade()
    useSim.getState().apply(f.load('twelve-3-blocks'))
    useSim.getState().apply(f.inject({ kind: 'node', target: 'node-5' }))
    useSim.getState().apply(f.tick(180))
    const h = shown()
    expect(h.hosts.critical).toBe(1)
    expect(h.hosts.rows[0]).toMatchObject({ key: 'node-5', level: 'critical', reason: 'Host is down' })
    expect(h.disks.warning).toBe(6)
    expect(h.disks.rows[0].reason).toBe('Not reachable: node-5 host is down')
    expect(h.services.rows.filter((r) => r.level === 'critical').map((r) => r.key).sort()).toEqual(['cassandra-node-5', 'stargate-node-5', 'zookeeper-node-5'])
    expect(h.pools.rows[0].level).toBe('warning')
    expect(h.pools.rows[0].reason).toMatch(/under-replicated/)
    agreesWith(f.simulation.report())
  })

  it('CVM of node-2 down and node-5 off: data unavailable makes the pool and the VMs that need it critical', () => {
    const f = new SimFacade()
    useSim.getState().apply(f.load('twelve-3-blocks'))
    useSim.getState().apply(f.inject({ kind: 'cvm', target: 'node-2' }))
    useSim.getState().apply(f.inject({ kind: 'node', target: 'node-5' }))
    useSim.getState().apply(f.tick(30))
    const r = f.simulation.report()
    expect(r.resiliency.unavailableBytes).toBeGreaterThan(0)
    const h = shown()
    expect(h.pools.rows[0].level).toBe('critical')
    expect(h.pools.rows[0].reason).toMatch(/unavailable/)
    expect(h.vms.critical).toBe(r.vms.filter((v) => v.power === 'on' && v.io.errorsPerSecond > 0).length)
    expect(h.vms.critical).toBeGreaterThan(0)
    agreesWith(r)
  })

  it('follows the Report after any sequence of failures, restores and time (property)', () => {
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 1, maxLength: 8 }), (cmds) => {
        const f = new SimFacade()
        useSim.getState().apply(f.load('twelve-3-blocks'))
        for (const c of cmds) run(f, c)
        agreesWith(f.simulation.report())
      }),
      FC,
    )
  }, 120_000)
})
