import { describe, expect, it } from 'vitest'
import { scheduleOf } from './schedule'

describe('X-Ray action schedules', () => {
  it('a staggered workload starts each VM at its offset and ends it runtime later, in time order', () => {
    const s = scheduleOf({ do: 'startWorkload', workload: 'W', group: 'G', runtimeSeconds: 10, vms: [{ vm: 'a', offset: 0 }, { vm: 'b', offset: 6 }, { vm: 'c', offset: 12 }] }, 100)
    expect(s.map((e) => `${e.time} ${e.kind} ${'vm' in e ? e.vm : ''}`)).toEqual([
      '100 workloadVmStart a', '106 workloadVmStart b', '110 workloadVmEnd a', '112 workloadVmStart c', '116 workloadVmEnd b', '122 workloadVmEnd c',
    ])
  })

  it('a workload without runtime only starts; snapshots annotate every interval; other actions schedule nothing', () => {
    expect(scheduleOf({ do: 'startWorkload', workload: 'W', group: 'G', runtimeSeconds: null, vms: [{ vm: 'a', offset: 0 }] }, 5)).toEqual([{ time: 5, kind: 'workloadVmStart', workload: 'W', vm: 'a' }])
    expect(scheduleOf({ do: 'snapshots', group: 'G', count: 3, everySeconds: 300, background: true }, 60)).toEqual([
      { time: 60, kind: 'annotation', text: 'G: snapshot 1 of 3 (not simulated)' },
      { time: 360, kind: 'annotation', text: 'G: snapshot 2 of 3 (not simulated)' },
      { time: 660, kind: 'annotation', text: 'G: snapshot 3 of 3 (not simulated)' },
    ])
    expect(scheduleOf({ do: 'powerOffNodes', nodes: ['node-1'] }, 0)).toEqual([])
  })
})
