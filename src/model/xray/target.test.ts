import { describe, it } from 'vitest'
import fc from 'fast-check'
import { prepareXray } from './prepare'
import type { Scenario } from '../scenario/schema'

const cluster = (nodes: number, memoryGiB: number): Scenario => ({
  title: 'P', cluster: { layout: { racks: 1, blocksPerRack: nodes, nodesPerBlock: 1, ssdPerNode: 1, hddPerNode: 1, ssdTB: 2, hddTB: 8, memoryGiB, cvmMemoryGiB: 32 } },
})

describe('X-Ray placement and requirements (properties)', () => {
  it('every VM is on a selected node, spread evenly, as many as asked; refused exactly when memory is short', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 6 }), fc.boolean(),
      fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 64 }),
      (n, startRaw, perNode, perCluster, clusterCount, ramGiB) => {
        const start = startRaw % n
        const count = perCluster ? `count_per_cluster: ${clusterCount}` : `count_per_node: ${perNode}`
        const files = {
          'test.yml': `name: p\nvms:\n  - G: {template: i, ram_mb: ${ramGiB * 1024}, nodes: "${start}:", ${count}}\nsetup:\n  - vm_group.CloneFromTemplate: {vm_group_name: G}\n  - vm_group.PowerOn: {vm_group_name: G}\nrun:\n  - test.Wait: {duration_secs: 10}\n`,
        }
        const selected = n - start
        const total = perCluster ? clusterCount : perNode * selected
        const perHost = Math.ceil(total / selected)
        const r = prepareXray(files, { cluster: cluster(n, 256) })
        const fits = perHost * ramGiB <= 256 - 32
        if (!fits) return !r.ok && r.problems.every((p) => p.includes('not enough memory on node'))
        if (!r.ok) return false
        const vms = r.value.scenario.vms!
        const counts = new Map<string, number>()
        for (const v of vms) counts.set(v.host, (counts.get(v.host) ?? 0) + 1)
        const hosts = [...counts.keys()].map((h) => Number(h.slice(5)) - 1)
        const values = [...counts.values()]
        return vms.length === total && vms.every((v) => v.power === 'on') && hosts.every((h) => h >= start && h < n)
          && Math.max(...values) - Math.min(...values) <= 1 && (total < selected || counts.size === selected)
      },
    ), { numRuns: 150 })
  })

  it('nominal step times never go back and each step starts where the one before ended', () => {
    fc.assert(fc.property(fc.array(fc.oneof(
      fc.integer({ min: 1, max: 900 }).map((d) => `  - test.Wait: {duration_secs: ${d}}\n`),
      fc.integer({ min: 0, max: 2 }).map((i) => `  - nodes.PowerOff: {nodes: ${i}}\n  - nodes.PowerOn: {nodes: ${i}}\n`),
      fc.integer({ min: 0, max: 2 }).map((i) => `  - vm_group.MigrateGroup: {vm_group_name: G, from_node: ${i}, to_node: ${(i + 1) % 3}}\n`),
      fc.constant('  - vm_group.ResetGroupPlacement: {vm_group_name: G}\n'),
      fc.constant('  - meta.RollingUpgrade: {node_count: 2}\n'),
    ), { minLength: 1, maxLength: 8 }), (run) => {
      const files = { 'test.yml': `name: p\nvms:\n  - G: {template: i}\nsetup:\n  - vm_group.CloneFromTemplate: {vm_group_name: G, power_on: true}\nrun:\n${run.join('')}` }
      const r = prepareXray(files, { cluster: 'starter-3' })
      if (!r.ok) return false
      const steps = r.value.plan.steps.filter((s) => !s.folded)
      return steps.every((s, i) => s.duration >= 0 && (i === 0 || Math.abs(s.start - (steps[i - 1].start + steps[i - 1].duration)) < 1e-9))
    }), { numRuns: 100 })
  })
})
