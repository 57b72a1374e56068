/** CPU and guest memory usage (cpu.ts, our rules): per VM, per host, for the cluster. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinScenario } from '../scenario/builtins'
import { Simulation } from '../simulation'
import { CPU_IOPS_PER_VCPU, CVM_BASE_CORES, CVM_IOPS_PER_CORE, vmUsageProfile } from './cpu'
import { workloadFactor } from './ioload'

describe('CPU usage', () => {
  it('a VM uses its baseline × the time of day plus its I/O; off: 0 %', () => {
    const sim = Simulation.create(builtinScenario('starter-3')!)
    sim.advance(12 * 3600)
    const r = sim.report()
    const w = workloadFactor(sim.spec.seed, sim.time)
    r.vms.forEach((vm, v) => {
      if (vm.power !== 'on') {
        // the built-ins' workloads start some VMs off (dev VMs, a few desktops)
        expect([vm.cpuUsagePct, vm.memoryUsagePct]).toEqual([0, 0])
        return
      }
      const p = vmUsageProfile(sim.spec.seed, v)
      const want = Math.min(100, (p.cpuBase * w + vm.io.iops / (CPU_IOPS_PER_VCPU * vm.vcpus)) * 100)
      expect(vm.cpuUsagePct).toBeCloseTo(want, 0)
      expect(vm.memoryUsagePct).toBeCloseTo(p.memory * 100, 0)
    })
    const on = r.vms.findIndex((x) => x.power === 'on')
    sim.powerOff(r.vms[on].id)
    const off = sim.report().vms[on]
    expect([off.cpuUsagePct, off.memoryUsagePct]).toEqual([0, 0])
  })

  it('a host adds its VMs’ cores and its CVM’s; the cluster is the used share of the up hosts’ cores; a down host is 0', () => {
    const sim = Simulation.create(builtinScenario('starter-3')!)
    sim.advance(600)
    const check = () => {
      const r = sim.report()
      let used = 0
      let cores = 0
      r.topology.nodes.forEach((node, i) => {
        const spec = sim.spec.nodes[i]
        if (node.host === 'down') {
          expect(node.cpuUsagePct).toBe(0)
          return
        }
        const sg = r.io.stargates[i]
        const vmCores = r.vms.filter((v) => v.host === node.id && v.power === 'on').reduce((a, v) => a + (v.cpuUsagePct / 100) * v.vcpus, 0)
        const cvm = node.cvm === 'up' ? CVM_BASE_CORES + sg.iops / CVM_IOPS_PER_CORE : 0
        const u = Math.min(spec.cpuCores, vmCores + cvm)
        expect(node.cpuUsagePct).toBeCloseTo((u / spec.cpuCores) * 100, 0)
        used += u
        cores += spec.cpuCores
      })
      expect(r.cluster.cpuUsagePct).toBeCloseTo((used / cores) * 100, 0)
      return r
    }
    const before = check().cluster.cpuUsagePct
    sim.inject({ kind: 'node', target: sim.spec.nodes[1].id })
    check()
    sim.advance(300) // HA restarts its VMs on the other hosts: they get busier
    const after = check()
    expect(after.topology.nodes[0].cpuUsagePct + after.topology.nodes[2].cpuUsagePct).toBeGreaterThan(0)
    expect(after.cluster.cpuUsagePct).not.toBe(before)
  })

  it('follows the time of day: busier at noon than at midnight', () => {
    const sim = Simulation.create(builtinScenario('twelve-3-blocks')!)
    sim.advance(12 * 3600)
    const noon = sim.report().cluster.cpuUsagePct
    sim.advance(12 * 3600)
    const midnight = sim.report().cluster.cpuUsagePct
    expect(noon).toBeGreaterThan(midnight)
  })

  it('property: every figure is a percentage, the same for the same run', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 86400 }), fc.integer({ min: 0, max: 2 }), (t, fault) => {
        const run = () => {
          const sim = Simulation.create(builtinScenario('four-blocks-of-2')!)
          if (fault > 0) sim.inject({ kind: fault === 1 ? 'node' : 'cvm', target: sim.spec.nodes[fault].id })
          sim.advance(t)
          return sim.report()
        }
        const r = run()
        const all = [r.cluster.cpuUsagePct, ...r.topology.nodes.map((n) => n.cpuUsagePct), ...r.vms.flatMap((v) => [v.cpuUsagePct, v.memoryUsagePct])]
        for (const x of all) expect(x >= 0 && x <= 100).toBe(true)
        expect(JSON.stringify(run())).toBe(JSON.stringify(r))
      }),
      { numRuns: 10 },
    )
  })
})
