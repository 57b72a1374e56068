/**
 * What keeps Home's charts and the Hardware diagram from redrawing every frame: the chart
 * window is found by binary search (same answer as a scan), the fault annotations stay the
 * same array while only a rebuild's progress moves, and a disk slot's props change only when
 * what it shows changes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { MetricSample, SimEvent, SimTask } from '../bridge/types'
import { diskUsage } from '../hardware/DiagramDisk'
import { useSim } from '../store/simStore'
import { windowStart } from './IoControllerChart'
import { selectAnnotations } from './useFaultAnnotations'

const FC = { numRuns: 200, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined }

const sample = (time: number) => ({ time }) as MetricSample

describe('windowStart', () => {
  it('is the first sample at or after the window start, or -1, like a scan', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 60 }), fc.integer({ min: -100, max: 10_100 }), (times, from) => {
        const metrics = [...times].sort((a, b) => a - b).map(sample)
        expect(windowStart(metrics, from)).toBe(metrics.findIndex((m) => m.time >= from))
      }),
      FC,
    )
  })
})

describe('fault annotations', () => {
  const events: SimEvent[] = [
    { time: 10, severity: 'critical', type: 'FaultInjected', entity: 'node-2', message: 'Node node-2 powered off', cause: 'cause-1' },
    { time: 11, severity: 'info', type: 'HostDown', entity: 'node-2', message: 'Host node-2 is down', cause: 'cause-1' },
  ]
  const rebuild = (progress: number, endTime: number | null): SimTask => ({
    id: 'task-1',
    type: 'Curator rebuild',
    state: endTime === null ? 'running' : 'succeeded',
    progress,
    startTime: 70,
    endTime,
    entity: 'node-2',
  })

  it('keeps the same array while only a rebuild progresses, and a new one when it ends or an event comes', () => {
    useSim.setState({ events, tasks: [rebuild(10, null)] })
    const first = selectAnnotations(useSim.getState())
    expect(first.map((a) => [a.time, a.label])).toEqual([
      [10, 'Node node-2 powered off'],
      [70, 'Rebuild started'],
    ])
    useSim.setState({ tasks: [rebuild(55, null)] })
    expect(selectAnnotations(useSim.getState())).toBe(first)

    useSim.setState({ tasks: [rebuild(100, 3152)] })
    const ended = selectAnnotations(useSim.getState())
    expect(ended).not.toBe(first)
    expect(ended.at(-1)).toMatchObject({ time: 3152, label: 'Rebuild finished' })

    const restored: SimEvent = { time: 4000, severity: 'info', type: 'FaultRestored', entity: 'node-2', message: 'Node node-2 restored', cause: null }
    useSim.setState({ events: [...events, restored] })
    const withRestore = selectAnnotations(useSim.getState())
    expect(withRestore).not.toBe(ended)
    expect(withRestore.at(-1)).toMatchObject({ time: 4000, label: 'Node node-2 restored' })
  })
})

describe('diskUsage', () => {
  const box = { x: 0, y: 0, w: 20, h: 22 }
  const TiB = 2 ** 40

  it('gives what the slot shows: fill height of the 14 px well, used bytes and percentage as printed', () => {
    expect(diskUsage(4 * TiB, TiB, box)).toEqual({ usedH: 4, usedText: '1.00 TiB', usedPct: '25%' })
    expect(diskUsage(4 * TiB, 0, box)).toEqual({ usedH: 0, usedText: '0.00 B', usedPct: '0%' })
    expect(diskUsage(4 * TiB, 5 * TiB, box).usedH).toBe(14)
  })

  it('is equal for byte counts that print the same, so memo skips the slot', () => {
    expect(diskUsage(4 * TiB, TiB + 2 ** 20, box)).toEqual(diskUsage(4 * TiB, TiB, box))
    expect(diskUsage(4 * TiB, 1.1 * TiB, box)).not.toEqual(diskUsage(4 * TiB, TiB, box))
  })
})
