import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EventQueue, type ScheduledEvent } from './eventQueue'

/** fast-check prints seed and path on failure; FC_SEED / FC_PATH replay a run. */
const fcParams = {
  verbose: 1 as const,
  ...(process.env.FC_SEED !== undefined ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
}

const drain = (q: EventQueue): ScheduledEvent[] => {
  const out: ScheduledEvent[] = []
  for (let e = q.pop(); e !== undefined; e = q.pop()) out.push(e)
  return out
}

describe('EventQueue', () => {
  it('pops in time order', () => {
    const q = new EventQueue()
    for (const t of [500, 100, 300, 0, 200, 400]) q.push(t, `t${t}`, t)
    expect(drain(q).map((e) => e.time)).toEqual([0, 100, 200, 300, 400, 500])
    expect(q.pop()).toBeUndefined()
    expect(q.peek()).toBeUndefined()
    expect(q.size).toBe(0)
  })

  it('breaks ties first scheduled, first run', () => {
    const q = new EventQueue()
    q.push(10, 'b', 1)
    q.push(5, 'a', 0)
    q.push(10, 'c', 2)
    q.push(10, 'd', 3)
    q.push(5, 'e', 4)
    const out = drain(q)
    expect(out.map((e) => e.type)).toEqual(['a', 'e', 'b', 'c', 'd'])
    // sequence numbers are strictly increasing in push order
    expect(out.map((e) => e.seq)).toEqual([1, 4, 0, 2, 3])
  })

  it('peek returns the earliest live event without removing it', () => {
    const q = new EventQueue()
    const a = q.push(20, 'a', null)
    q.push(30, 'b', null)
    expect(q.peek()).toBe(a)
    expect(q.peek()).toBe(a)
    expect(q.size).toBe(2)
    q.cancel(a)
    expect(q.peek()?.type).toBe('b')
  })

  it('cancelled events are never popped', () => {
    const q = new EventQueue()
    const evs = [0, 1, 2, 3, 4, 5].map((i) => q.push(i * 10, `e${i}`, i))
    q.cancel(evs[0])
    q.cancel(evs[3])
    q.cancel(evs[5])
    expect(drain(q).map((e) => e.type)).toEqual(['e1', 'e2', 'e4'])
  })

  it('counts active (non-quiet, non-cancelled) events', () => {
    const q = new EventQueue()
    expect(q.active).toBe(0)
    const a = q.push(1, 'a', null)
    const b = q.push(2, 'b', null, true) // quiet
    const c = q.push(3, 'c', null)
    expect(q.active).toBe(2)
    expect(q.size).toBe(3)
    q.cancel(b) // quiet: active unchanged
    expect(q.active).toBe(2)
    q.cancel(c)
    expect(q.active).toBe(1)
    q.cancel(c) // cancelling twice changes nothing
    expect(q.active).toBe(1)
    expect(q.pop()).toBe(a)
    expect(q.active).toBe(0)
    expect(q.pop()).toBeUndefined()
    expect(q.active).toBe(0)
  })

  it('cancelling an event that already ran is a no-op (active never goes negative)', () => {
    const q = new EventQueue()
    const a = q.push(1, 'a', null)
    q.push(2, 'b', null)
    expect(q.pop()).toBe(a)
    q.cancel(a) // e.g. a timer handle cancelled after it fired
    expect(q.active).toBe(1)
    expect(a.cancelled).toBe(false)
    expect(q.pop()?.type).toBe('b')
    expect(q.active).toBe(0)
  })

  it('nextActiveTime skips quiet and cancelled events', () => {
    const q = new EventQueue()
    expect(q.nextActiveTime()).toBeUndefined()
    q.push(5, 'tick', null, true)
    expect(q.nextActiveTime()).toBeUndefined()
    const x = q.push(7, 'x', null)
    q.push(9, 'y', null)
    expect(q.nextActiveTime()).toBe(7)
    q.cancel(x)
    expect(q.nextActiveTime()).toBe(9)
    expect(q.peek()?.type).toBe('tick')
  })

  type Op = { op: 'push'; time: number; quiet: boolean } | { op: 'pop' } | { op: 'cancel'; pick: number }
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('push' as const), time: fc.integer({ min: 0, max: 50 }), quiet: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('pop' as const) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
  )

  it('property: behaves like a sorted list ordered by (time, seq)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const q = new EventQueue()
        const all: ScheduledEvent<number>[] = [] // every event pushed, for cancel picks
        let ref: Array<{ time: number; seq: number; quiet: boolean; id: number }> = []
        let id = 0
        const live = () => [...ref].sort((a, b) => a.time - b.time || a.seq - b.seq)
        for (const o of ops) {
          if (o.op === 'push') {
            const ev = q.push(o.time, 'e', id, o.quiet)
            all.push(ev)
            ref.push({ time: o.time, seq: ev.seq, quiet: o.quiet, id })
            id++
          } else if (o.op === 'pop') {
            const want = live()[0]
            const got = q.pop()
            if (want === undefined) expect(got).toBeUndefined()
            else {
              expect(got?.payload).toBe(want.id)
              expect(got?.time).toBe(want.time)
              ref = ref.filter((r) => r.id !== want.id)
            }
          } else if (all.length > 0) {
            const ev = all[o.pick % all.length]
            q.cancel(ev)
            ref = ref.filter((r) => r.id !== ev.payload)
          }
          expect(q.active).toBe(ref.filter((r) => !r.quiet).length)
          const next = live().find((r) => !r.quiet)
          expect(q.nextActiveTime()).toBe(next?.time)
          expect(q.peek()?.payload).toBe(live()[0]?.id)
        }
        // what is left drains in (time, seq) order
        expect(drain(q).map((e) => e.payload)).toEqual(live().map((r) => r.id))
        expect(q.active).toBe(0)
      }),
      fcParams,
    )
  })

  it('property: pushing then draining equals a stable sort by time', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 500 }), (times) => {
        const q = new EventQueue()
        times.forEach((t, i) => q.push(t, 'e', i))
        const want = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i)
        expect(drain(q).map((e) => e.payload)).toEqual(want)
      }),
      fcParams,
    )
  })
})
