/**
 * The worker → UI protocol end to end, without a browser: the facade's compact deltas
 * (patches, changed records, appended events) applied by the UI store must give exactly
 * what the model holds, after any sequence of commands, and a resync must agree.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildHa, buildStorage } from '../../model/report/report'
import { SimFacade } from '../../worker/facade'
import { applyListPatch, applyPatch, applyRecords } from '../../worker/patch'
import { ArraySender, ListSender, RecordSender } from '../../worker/patch'
import { UI_EVENT_LIMIT } from '../store/decode'
import { useSim } from '../store/simStore'

const FC = { numRuns: 40, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined }

/** What the model holds now, as the UI should see it. */
function expected(f: SimFacade) {
  const sim = f.simulation
  const l = sim.io.load()
  const steps = (a: Float32Array) => Array.from(a, (x) => Math.min(65535, Math.round(x * 100)) / 100)
  return {
    host: Array.from(sim.vms.host),
    power: Array.from(sim.vms.power),
    vdiskStargate: Array.from(sim.vms.vdiskStargate),
    vdiskSession: Array.from(sim.io.sessionStates()),
    vdiskLoginTarget: Array.from(sim.io.loginTarget),
    ip: [...sim.vms.ip],
    vmReadIops: Array.from(l.vmReadIops),
    vmWriteIops: Array.from(l.vmWriteIops),
    vmLatencyMs: steps(l.vmLatencyMs),
    vdiskLatencyMs: steps(l.vdiskLatencyMs),
    tasks: sim.log.tasks.map((t) => ({ ...t })),
    alerts: sim.log.alerts.map((a) => ({ ...a })),
    events: sim.log.events.slice(-UI_EVENT_LIMIT),
    eventsTotal: sim.log.eventsAppended,
    metrics: sim.metrics.samples,
    ha: buildHa(sim),
    storage: buildStorage(sim),
    nodes: sim.spec.nodes.map((n) => n.id),
    disks: sim.spec.disks.map((d) => d.id),
    removal: Array.from(sim.topo.removal),
    diskUsedBytes: Array.from({ length: sim.spec.disks.length }, (_, d) => sim.data.diskUsedBytes(d)),
  }
}

function shown() {
  const s = useSim.getState()
  const vms = s.vms!
  const io = s.io!
  const round = (a: Float32Array) => Array.from(a, (x) => Math.round(x * 100) / 100)
  return {
    host: Array.from(vms.host),
    power: Array.from(vms.power),
    vdiskStargate: Array.from(vms.vdiskStargate),
    vdiskSession: Array.from(vms.vdiskSession),
    vdiskLoginTarget: Array.from(vms.vdiskLoginTarget),
    ip: [...vms.ip],
    vmReadIops: Array.from(io.vmReadIops),
    vmWriteIops: Array.from(io.vmWriteIops),
    vmLatencyMs: round(io.vmLatencyMs),
    vdiskLatencyMs: round(io.vdiskLatencyMs),
    tasks: s.tasks,
    alerts: s.alerts,
    events: s.events,
    eventsTotal: s.eventsTotal,
    metrics: s.metrics,
    ha: s.summary!.ha,
    storage: s.summary!.storage,
    nodes: s.structure!.nodes.map((n) => n.id),
    disks: s.structure!.disks.map((d) => d.id),
    removal: Array.from(s.state!.removal!),
    diskUsedBytes: Array.from(s.state!.diskUsedBytes),
  }
}

type Cmd =
  | { op: 'inject'; kind: 'node' | 'cvm' | 'disk' | 'partition'; n: number }
  | { op: 'haMode'; guarantee: boolean }
  | { op: 'restore'; n: number; disk: boolean }
  | { op: 'tick'; s: number }
  | { op: 'power'; v: number; on: boolean }
  | { op: 'ack' }
  | { op: 'resync' }
  | { op: 'addNode'; block: number }
  | { op: 'removeNode'; n: number }

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ op: fc.constant('inject' as const), kind: fc.constantFrom('node' as const, 'cvm' as const, 'disk' as const, 'partition' as const), n: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('restore' as const), n: fc.integer({ min: 1, max: 12 }), disk: fc.boolean() }),
  fc.record({ op: fc.constant('tick' as const), s: fc.integer({ min: 1, max: 900 }) }),
  fc.record({ op: fc.constant('tick' as const), s: fc.constant(6 * 3600) }), // the most a tick runs: many metric samples
  fc.record({ op: fc.constant('power' as const), v: fc.integer({ min: 1, max: 96 }), on: fc.boolean() }),
  fc.constant({ op: 'ack' as const }),
  fc.record({ op: fc.constant('haMode' as const), guarantee: fc.boolean() }),
  fc.constant({ op: 'resync' as const }),
  // the topology grows and shrinks (lifecycle/): per-node and per-disk arrays change length
  fc.record({ op: fc.constant('addNode' as const), block: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('removeNode' as const), n: fc.integer({ min: 1, max: 14 }) }),
)

function run(f: SimFacade, c: Cmd): void {
  const apply = useSim.getState().apply
  const id = (n: number) => `node-${n}`
  try {
    if (c.op === 'inject') apply(f.inject(c.kind === 'disk' ? { kind: 'disk', target: `disk-${c.n}-1` } : { kind: c.kind, target: id(c.n) }))
    else if (c.op === 'restore') apply(f.restore(c.disk ? `disk-${c.n}-1` : id(c.n)))
    else if (c.op === 'tick') apply(f.tick(c.s))
    else if (c.op === 'haMode') apply(f.setHaMode(c.guarantee ? 'guarantee' : 'default'))
    else if (c.op === 'power') apply(c.on ? f.powerOn(`vm-${c.v}`) : f.powerOff(`vm-${c.v}`))
    else if (c.op === 'addNode') {
      const id = `node-x${f.simulation.spec.nodes.length + 1}`
      apply(f.addNode({ id, block: `block-${c.block}`, disks: [{ id: `${id}-1`, tier: 'SSD', capacityTB: 1 }, { id: `${id}-2`, tier: 'HDD', capacityTB: 4 }] }))
    } else if (c.op === 'removeNode') apply(f.removeNode(id(c.n)))
    else if (c.op === 'ack') {
      const open = f.simulation.log.alerts.find((a) => !a.acknowledged)
      if (open) apply(f.acknowledgeAlert(open.id))
    } else apply(f.resync())
  } catch {
    // refused commands (restore of a healthy part, power on a running VM): nothing changes
  }
}

describe('worker → UI deltas', () => {
  it('the store decoded from deltas equals the model after any command sequence (property)', () => {
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 1, maxLength: 14 }), (cmds) => {
        const f = new SimFacade()
        useSim.getState().apply(f.load('twelve-3-blocks'))
        for (const c of cmds) {
          run(f, c)
          expect(shown()).toEqual(expected(f))
        }
      }),
      FC,
    )
  }, 120_000)

  it('a node added and a node removed: the UI gets the new structure and every array at its new length', () => {
    const f = new SimFacade()
    const apply = useSim.getState().apply
    apply(f.load('four-blocks-of-2'))
    const d = f.addNode({ id: 'node-9', block: 'block-5', disks: [{ id: 'node-9-ssd', tier: 'SSD', capacityTB: 2 }, { id: 'node-9-hdd', tier: 'HDD', capacityTB: 6 }] })
    expect(d.structure?.nodes.map((n) => n.id)).toContain('node-9')
    apply(d)
    expect(shown()).toEqual(expected(f))
    for (let i = 0; i < 20; i++) {
      apply(f.tick(600))
      expect(shown()).toEqual(expected(f))
    }
    apply(f.removeNode('node-2'))
    for (let i = 0; i < 200 && f.simulation.topo.removal[1] !== 2; i++) {
      const delta = f.tick(900)
      apply(delta)
      expect(shown()).toEqual(expected(f))
    }
    expect(useSim.getState().state!.removal![1]).toBe(2)
    apply(f.tick(60))
    expect(shown()).toEqual(expected(f))
  }, 120_000)

  it('time travel back across an expansion shows the smaller cluster, and forward again the larger', () => {
    const f = new SimFacade()
    const apply = useSim.getState().apply
    apply(f.load('four-blocks-of-2'))
    apply(f.tick(600))
    apply(f.addNode({ id: 'node-9', block: 'block-5', disks: [{ id: 'node-9-ssd', tier: 'SSD', capacityTB: 2 }, { id: 'node-9-hdd', tier: 'HDD', capacityTB: 6 }] }))
    apply(f.tick(7200))
    const end = JSON.stringify(f.report())
    apply(f.travelTo(300))
    expect(useSim.getState().structure!.nodes).toHaveLength(8)
    expect(shown()).toEqual(expected(f))
    apply(f.travelTo(7800))
    expect(useSim.getState().structure!.nodes).toHaveLength(9)
    expect(shown()).toEqual(expected(f))
    expect(JSON.stringify(f.report())).toBe(end)
  }, 120_000)

  it('a failure sends only the VM entries that changed, not the whole arrays', () => {
    const f = new SimFacade()
    f.load('large-64')
    f.tick(1)
    f.inject({ kind: 'node', target: 'node-17' })
    let restarted = null
    for (let i = 0; i < 4 && !restarted; i++) restarted = f.tick(60).vms ?? null
    expect(restarted).not.toBeNull()
    const host = restarted!.host!
    expect('idx' in host).toBe(true) // a patch: 10,000 VMs, a few hundred moved
    if ('idx' in host) {
      expect(host.idx.length).toBeGreaterThan(0)
      expect(host.idx.length).toBeLessThan(f.simulation.vms.count / 10)
    }
    expect(restarted!.frodo).toBeUndefined() // unchanged arrays are not sent
  })

  it('when the model thins its metric history the UI gets it again whole', () => {
    const f = new SimFacade()
    useSim.getState().apply(f.load('starter-3'))
    const rewrites = f.simulation.metrics.rewrites
    while (f.simulation.metrics.rewrites === rewrites) useSim.getState().apply(f.tick(6 * 3600))
    useSim.getState().apply(f.tick(6 * 3600))
    expect(useSim.getState().metrics).toEqual(f.simulation.metrics.samples)
  }, 60_000)

  it('events beyond the UI limit keep the latest ones and the total', () => {
    useSim.getState().apply(new SimFacade().load('starter-3'))
    const ev = (i: number) => ({ time: i, severity: 'info' as const, type: 'T', entity: null, message: String(i), cause: null })
    const s = useSim.getState()
    const items = Array.from({ length: UI_EVENT_LIMIT + 5 }, (_, i) => ev(i))
    s.apply({ ...baseDelta(s.structure!.loadId), events: { from: s.eventsTotal, items } })
    const after = useSim.getState()
    expect(after.events.length).toBe(UI_EVENT_LIMIT)
    expect(after.events[0].message).toBe('5')
    expect(after.eventsTotal - s.eventsTotal).toBe(UI_EVENT_LIMIT + 5)
  })
})

function baseDelta(loadId: number) {
  return { loadId, time: 0, nextEventTime: null, pendingActivity: 0, narration: null }
}

describe('array patches', () => {
  it('patches round-trip: whole when many changed, sparse when few (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 50, maxLength: 50 }), { minLength: 1, maxLength: 8 }), (frames) => {
        const sender = new ArraySender<Int16Array>()
        let ui: Int16Array | null = null
        for (const fr of frames) {
          const cur = Int16Array.from(fr)
          const p = sender.diff(cur)
          const before = ui
          ui = applyPatch(ui, p ?? undefined)
          expect(Array.from(ui!)).toEqual(fr)
          if (p && 'idx' in p) expect(p.idx.length).toBeLessThanOrEqual(10)
          if (before && p) expect(ui).not.toBe(before) // a fresh array: snapshots stay put
        }
      }),
      FC,
    )
  })

  it('NaN equals NaN for a patch; string lists and records patch too', () => {
    const s = new ArraySender<Float32Array>()
    s.diff(Float32Array.from([NaN, 1]))
    expect(s.diff(Float32Array.from([NaN, 1]))).toBeNull()
    const l = new ListSender<string | null>()
    const full = l.diff(['a', null, 'c', 'd', 'e', 'f'])
    const p = l.diff(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(p).toEqual({ idx: [1], val: ['b'] })
    expect(applyListPatch(applyListPatch(null, full!), p!)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    const r = new RecordSender<{ id: string; x: number }>()
    const a = r.diff([{ id: 'a', x: 1 }, { id: 'b', x: 1 }])!
    let ui = applyRecords([], a.changed, a.removed)
    const b = r.diff([{ id: 'b', x: 2 }, { id: 'c', x: 0 }])!
    expect(b).toEqual({ changed: [{ id: 'b', x: 2 }, { id: 'c', x: 0 }], removed: ['a'] })
    ui = applyRecords(ui, b.changed, b.removed)
    expect(ui).toEqual([{ id: 'b', x: 2 }, { id: 'c', x: 0 }])
    expect(r.diff([{ id: 'b', x: 2 }, { id: 'c', x: 0 }])).toBeNull()
  })
})
