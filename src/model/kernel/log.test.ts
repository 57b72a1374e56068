/**
 * The bounded history (log.ts): the latest EVENT_RETENTION events, every open alert and
 * running task, and the latest ENDED_RETENTION resolved alerts / ended tasks.
 */
import { describe, expect, it } from 'vitest'
import { ClusterLog, ENDED_RETENTION, EVENT_RETENTION } from './log'
import { Simulation } from '../simulation'

function clock(): { log: ClusterLog; tick: () => void } {
  let t = 0
  return { log: new ClusterLog(() => t), tick: () => t++ }
}

describe('events', () => {
  it('keeps the latest EVENT_RETENTION events, oldest first, and counts every event appended', () => {
    expect(EVENT_RETENTION).toBe(10_000)
    const { log, tick } = clock()
    for (let i = 0; i < 2.5 * EVENT_RETENTION; i++) {
      log.event('info', 'Test', null, `event ${i}`)
      tick()
      if (i === EVENT_RETENTION - 1) {
        // exactly full: nothing dropped yet
        expect(log.events).toHaveLength(EVENT_RETENTION)
        expect(log.events[0].message).toBe('event 0')
      }
    }
    expect(log.eventsAppended).toBe(25_000)
    const ev = log.events
    expect(ev).toHaveLength(EVENT_RETENTION)
    expect(ev[0].message).toBe('event 15000')
    expect(ev.at(-1)!.message).toBe('event 24999')
    // oldest first, no gap
    for (let i = 1; i < ev.length; i++) expect(ev[i].time).toBe(ev[i - 1].time + 1)
  })

  it('eventsSince(seen): the new events still kept, numbered from the first of them, across the ring wrap', () => {
    const { log } = clock()
    const n = (i: number) => `event ${i}`
    for (let i = 0; i < 5; i++) log.event('info', 'Test', null, n(i))
    expect(log.eventsSince(3)).toEqual({ from: 3, items: log.events.slice(3) })
    expect(log.eventsSince(5).items).toEqual([])
    for (let i = 5; i < EVENT_RETENTION + 1234; i++) log.event('info', 'Test', null, n(i))
    // wrapped: the first 1,234 are gone; a consumer that saw 100 gets everything kept
    const all = log.eventsSince(100)
    expect(all.from).toBe(1234)
    expect(all.items.map((e) => e.message)).toEqual(log.events.map((e) => e.message))
    const tail = log.eventsSince(EVENT_RETENTION + 1000)
    expect(tail.from).toBe(EVENT_RETENTION + 1000)
    expect(tail.items.map((e) => e.message)).toEqual(Array.from({ length: 234 }, (_, i) => n(EVENT_RETENTION + 1000 + i)))
  })

  it('what a consumer has not seen is the tail: eventsAppended − seen, at most what is kept', () => {
    const { log } = clock()
    for (let i = 0; i < 30; i++) log.event('info', 'Test', null, `event ${i}`)
    const seen = log.eventsAppended
    const before = log.events
    for (let i = 30; i < 35; i++) log.event('warning', 'Test', null, `event ${i}`)
    const fresh = log.events.slice(log.events.length - (log.eventsAppended - seen))
    expect(fresh.map((e) => e.message)).toEqual(['event 30', 'event 31', 'event 32', 'event 33', 'event 34'])
    // an array read earlier is a snapshot
    expect(before).toHaveLength(30)
  })
})

describe('alerts and tasks', () => {
  it('keeps every open alert and the latest ENDED_RETENTION resolved ones; acknowledge finds the kept ones only', () => {
    expect(ENDED_RETENTION).toBe(1_000)
    const { log, tick } = clock()
    // two alerts stay open from the start, then 1,500 are raised and resolved
    log.raise('old-open-1', 'critical', 'T', null, 'open since the start')
    log.raise('old-open-2', 'warning', 'T', null, 'open since the start')
    for (let i = 0; i < 1500; i++) {
      log.raise(`k${i}`, 'warning', 'T', null, `alert ${i}`)
      tick()
    }
    // resolve in reverse order of raising: the latest resolved are the earliest raised
    let version = log.alertsVersion
    for (let i = 1499; i >= 0; i--) {
      log.resolve(`k${i}`)
      tick()
      expect(log.alertsVersion).toBe(++version)
    }
    const alerts = log.alerts
    expect(alerts).toHaveLength(2 + ENDED_RETENTION)
    expect(alerts.slice(0, 2).map((a) => a.message)).toEqual(['open since the start', 'open since the start'])
    expect(alerts.slice(0, 2).every((a) => a.resolvedTime === null)).toBe(true)
    // kept: alerts 0..999 (resolved last), in the order they were raised
    expect(alerts.slice(2).map((a) => a.message)).toEqual(Array.from({ length: ENDED_RETENTION }, (_, i) => `alert ${i}`))
    expect(log.unresolvedAlerts).toBe(2)
    // alert-3 is "alert 0" (kept), alert-1502 is "alert 1499" (resolved first: dropped)
    expect(log.acknowledge('alert-3')).toBe(true)
    expect(log.acknowledge('alert-1502')).toBe(false)
    expect(log.acknowledge('alert-1')).toBe(true)
    // a re-raised cause is a new alert
    log.raise('k5', 'warning', 'T', null, 'again')
    expect(log.alerts.at(-1)!.message).toBe('again')
  })

  it('keeps every running task and the latest ENDED_RETENTION ended ones', () => {
    const { log, tick } = clock()
    const long = log.startTask('Long', null, 'runs through it all')
    for (let i = 0; i < 1200; i++) {
      const t = log.startTask('Short', null, `task ${i}`)
      tick()
      log.endTask(t, i % 2 === 0 ? 'succeeded' : 'failed')
    }
    const running = log.startTask('Late', null, 'started last')
    const tasks = log.tasks
    expect(tasks).toHaveLength(2 + ENDED_RETENTION)
    expect(tasks[0]).toBe(long)
    expect(tasks.at(-1)).toBe(running)
    expect(tasks.slice(1, -1).map((t) => t.message)).toEqual(Array.from({ length: ENDED_RETENTION }, (_, i) => `task ${i + 200}`))
    expect(log.runningTasks).toBe(2)
    // the long task ends: it is now the latest ended, the oldest kept one leaves
    log.endTask(long, 'succeeded')
    expect(log.tasks).toHaveLength(1 + ENDED_RETENTION)
    expect(log.tasks[0]).toBe(long)
    expect(log.tasks[1].message).toBe('task 201')
  })
})

describe('a long drill', () => {
  it('the Report carries the bounded history: repeated node failures with hundreds of HA restarts each', () => {
    // 4 hosts, 1,200 small VMs: each failure restarts ~300 VMs (a task and events each)
    const sim = Simulation.create({
      title: 'many small VMs',
      cluster: { data: { usedPct: 5 }, layout: { racks: 1, blocksPerRack: 4, nodesPerBlock: 1, ssdPerNode: 1, hddPerNode: 1, ssdTB: 1, hddTB: 2, memoryGiB: 512, cvmMemoryGiB: 32 } },
      vmFill: { count: 1200, vcpus: 1, memoryGiB: 1, vdisks: 1 },
    })
    const nodes = sim.spec.nodes.map((n) => n.id)
    let i = 0
    let restarted = 0
    while (sim.log.eventsAppended <= EVENT_RETENTION + 500) {
      const n = nodes[i++ % nodes.length]
      sim.inject({ kind: 'node', target: n })
      sim.advance(200)
      restarted += sim.report().ha.incidents.at(-1)!.restarted.length
      sim.restore(n)
      sim.advance(100)
    }
    expect(restarted).toBeGreaterThan(ENDED_RETENTION)
    const r = sim.report()
    expect(r.events).toHaveLength(EVENT_RETENTION)
    expect(r.events.at(-1)).toEqual(sim.log.events.at(-1))
    expect(r.tasks).toHaveLength(ENDED_RETENTION + sim.log.runningTasks)
    expect(r.alerts.length).toBeLessThanOrEqual(ENDED_RETENTION + sim.log.unresolvedAlerts)
  })
})
