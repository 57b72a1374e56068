/** IoTotalsAt (the lazy sampler's figures) must equal computeIoLoad's cluster figures exactly. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinScenario } from '../scenario/builtins'
import { Simulation } from '../simulation'
import { computeIoLoad } from './ioload'
import { IoTotalsAt } from './ioTotals'

describe('IoTotalsAt', () => {
  it('property: the same cluster figures as computeIoLoad, bit for bit, at any time and session state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('starter-3', 'four-blocks-of-2', 'non-homogeneous'),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.integer({ min: 0, max: 10 * 86400 }), { minLength: 1, maxLength: 5 }),
        (name, fault, wait, times) => {
          const sim = Simulation.create(builtinScenario(name)!)
          const node = sim.spec.nodes[1].id
          if (fault === 1) sim.inject({ kind: 'cvm', target: node })
          if (fault === 2) sim.inject({ kind: 'node', target: node })
          if (fault === 3) sim.powerOff(sim.spec.vms[0].id)
          sim.advance(wait) // stalled sessions, logins in flight, failovers, HA restarts
          const totals = new IoTotalsAt(sim.spec, sim.vms, sim.io.sessionStates())
          for (const t of times) {
            const want = computeIoLoad({ time: t, spec: sim.spec, vms: sim.vms }, sim.io).cluster
            expect(totals.at(t)).toEqual(want)
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
