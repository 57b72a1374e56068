/**
 * `ncli cluster get-domain-fault-tolerance-status type=…` (ncli.ts). Property tests print
 * their fast-check seed on failure; replay with FC_SEED=<seed>.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { civilFromDays, formatDomainFaultToleranceStatus, formatJavaDateUtc, formatSimTime, NCLI_COMPONENT_ORDER, SIM_EPOCH_SECONDS } from './ncli'
import { builtinScenario } from '../scenario/builtins'
import { Simulation } from '../simulation'
import { fcParams } from '../storage/tolerance/resiliency.testkit'
import { COMPONENTS } from '../types'

const load = (id: string) => Simulation.create(builtinScenario(id)!)

describe('simulated wall clock', () => {
  it('the epoch is 2026-01-01T00:00:00Z', () => {
    expect(SIM_EPOCH_SECONDS * 1000).toBe(Date.UTC(2026, 0, 1, 0, 0, 0))
    expect(formatSimTime(0)).toBe('Thu Jan 01 00:00:00 UTC 2026')
    expect(formatSimTime(3600 + 61.9)).toBe('Thu Jan 01 01:01:01 UTC 2026')
    expect(formatSimTime(324 * 86400 + 11 * 3600 + 33 * 60)).toBe('Sat Nov 21 11:33:00 UTC 2026')
    expect(formatJavaDateUtc(Date.UTC(2024, 1, 29, 23, 59, 59) / 1000)).toBe('Thu Feb 29 23:59:59 UTC 2024')
  })

  it('civil dates agree with Date.UTC for any day (no host time zone involved)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 200_000 }), (days) => {
        const { year, month, day } = civilFromDays(days)
        expect(Date.UTC(year, month - 1, day) / 86_400_000).toBe(days)
      }),
      fcParams(500),
    )
  })
})

describe('formatDomainFaultToleranceStatus', () => {
  it('prints one aligned block per component, as ncli does', () => {
    const sim = load('twelve-3-blocks')
    const out = formatDomainFaultToleranceStatus(sim.report(), 'node')
    const block = (c: string) =>
      [
        '    Domain Type               : NODE',
        `    Component Type            : ${c}`,
        '    Current Fault Tolerance   : 1',
        '    Fault Tolerance Details   : ',
        '    Last Update Time          : Thu Jan 01 00:00:00 UTC 2026',
      ].join('\n')
    expect(out).toBe(`\n${NCLI_COMPONENT_ORDER.map(block).join('\n\n')}\n`)
    expect([...NCLI_COMPONENT_ORDER].sort()).toEqual([...COMPONENTS].sort())
    expect(out.split('\n\n')).toHaveLength(8)
  })

  it('shows the current figures, the detail message and the simulated time of the last change', () => {
    const sim = load('twelve-3-blocks')
    sim.advance(2 * 3600 + 5 * 60 + 7)
    // block-2 does not hold the Acropolis leader: no election (itself a change) follows
    sim.inject({ kind: 'block', target: 'block-2' })
    sim.advance(60) // the scan is done, the rebuild is still copying (fault tolerance is re-evaluated when it ends)
    // last update: the end of the Curator scan that followed the failure, 30 s + ⌈95,232 egroups / (8 CVMs × 2,000/s)⌉ = 36 s later
    const out = formatDomainFaultToleranceStatus(sim.report(), 'rackable_unit')
    expect(out).toContain('    Domain Type               : RACKABLE_UNIT\n    Component Type            : EXTENT_GROUPS\n    Current Fault Tolerance   : 0\n    Fault Tolerance Details   : Based on placement of extent group replicas the cluster can tolerate a maximum of 0 block failures\n    Last Update Time          : Thu Jan 01 02:05:43 UTC 2026')
    expect(out).not.toContain('RACK\n')
    for (const l of out.split('\n').filter((x) => x !== '')) expect(l).toMatch(/^ {4}[A-Za-z ]{26}: /)
  })

  it('type=rack and type=disk use RACK and DISK; an unknown type is refused', () => {
    const r = load('rack-aware-3').report()
    expect(formatDomainFaultToleranceStatus(r, 'rack')).toContain('    Domain Type               : RACK\n')
    expect(formatDomainFaultToleranceStatus(r, 'disk')).toContain('    Domain Type               : DISK\n')
    expect(() => formatDomainFaultToleranceStatus(r, 'block' as 'rack')).toThrow(/unknown domain type "block"/)
  })

  it('is pure: same report, same text', () => {
    const a = load('ft2-ec')
    const b = load('ft2-ec')
    for (const t of ['node', 'rackable_unit', 'rack'] as const) expect(formatDomainFaultToleranceStatus(a.report(), t)).toBe(formatDomainFaultToleranceStatus(b.report(), t))
  })
})
