/** The built-in scenarios (DRILL-API.md §3 format). `?scenario=<id>` loads one at start. */
import type { Scenario } from './schema'
import { WALKTHROUGHS } from './walkthroughs'

const node = (id: string, ssd: number[], hdd: number[]) => ({
  id,
  disks: [
    ...ssd.map((tb, i) => ({ id: `${id}-ssd${i + 1}`, tier: 'SSD' as const, capacityTB: tb })),
    ...hdd.map((tb, i) => ({ id: `${id}-hdd${i + 1}`, tier: 'HDD' as const, capacityTB: tb })),
  ],
})

export const BUILTIN_SCENARIOS: Scenario[] = [
  {
    id: 'starter-3',
    title: '3-node starter cluster',
    summary: 'Three nodes in one 3-node block, FT1 (RF2). Block awareness is desired but a single block means node awareness is in force.',
    cluster: {
      name: 'Starter-3',
      layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 3, ssdPerNode: 2, hddPerNode: 4, ssdTB: 1.92, hddTB: 4, memoryGiB: 384 },
      data: { usedPct: 35 },
    },
    vmFill: { count: 12, mix: { sql: 1, app: 3, web: 4, infra: 2, dev: 2 } },
  },
  {
    id: 'twelve-3-blocks',
    title: '12 nodes in 3 blocks',
    summary: 'Three 4-node blocks, FT1 with block awareness in force for data and metadata (the other blocks hold 2X nodes).',
    cluster: {
      name: 'Block-12',
      layout: { racks: 1, blocksPerRack: 3, nodesPerBlock: 4, ssdPerNode: 2, hddPerNode: 4, ssdTB: 3.84, hddTB: 8 },
      data: { usedPct: 40 },
    },
    vmFill: { count: 96, mix: { sql: 6, oracle: 3, app: 18, web: 20, vdi: 40, infra: 5, dev: 4 } },
  },
  {
    id: 'four-blocks-of-2',
    title: '4 blocks of 2 nodes',
    summary: 'Eight nodes in four 2-node blocks, FT1, block awareness.',
    cluster: {
      name: 'Quad-2',
      layout: { racks: 1, blocksPerRack: 4, nodesPerBlock: 2, ssdPerNode: 2, hddPerNode: 4, ssdTB: 1.92, hddTB: 6 },
      data: { usedPct: 45 },
    },
    vmFill: { count: 48, mix: { sql: 4, app: 12, web: 12, vdi: 16, dev: 4 } },
  },
  {
    id: 'rack-aware-3',
    title: 'Rack-aware cluster (3 racks)',
    summary: 'Three racks of two 2-node blocks, FT1 with rack awareness: a whole rack can fail.',
    cluster: {
      name: 'Rack-3',
      awareness: 'rack',
      layout: { racks: 3, blocksPerRack: 2, nodesPerBlock: 2, ssdPerNode: 2, hddPerNode: 6, ssdTB: 3.84, hddTB: 8 },
      data: { usedPct: 40 },
    },
    vmFill: { count: 72, mix: { sql: 6, oracle: 2, app: 16, web: 16, vdi: 24, infra: 4, dev: 4 } },
  },
  {
    id: 'ft2-ec',
    title: 'FT2 cluster with erasure coding',
    summary: 'Eight nodes in four 2-node blocks, FT2 (data RF3, metadata RF5, 5 Zookeeper servers) with EC-X; too few blocks for block awareness with EC, so node awareness is in force.',
    cluster: {
      name: 'FT2-EC',
      ftLevel: 2,
      erasureCoding: true,
      layout: { racks: 1, blocksPerRack: 4, nodesPerBlock: 2, ssdPerNode: 2, hddPerNode: 4, ssdTB: 3.84, hddTB: 8 },
      data: { usedPct: 35 },
    },
    vmFill: { count: 40, mix: { sql: 4, oracle: 2, app: 12, web: 12, infra: 4, dev: 6 } },
  },
  {
    id: 'non-homogeneous',
    title: 'Non-homogeneous cluster',
    summary: 'The Nutanix Bible example: blocks of 40 TB, 40 TB and 2 × 10 TB with block awareness. After losing a 40 TB block only node awareness is left: 2 copies fit in the 40 TB left on node awareness: resilient capacity is 40 TB, not 60 TB (seed 004).',
    cluster: {
      name: 'Mixed-4',
      racks: [
        {
          id: 'rack-1',
          blocks: [
            { id: 'block-a', model: 'PS-1080', nodes: [node('node-a1', [4, 4], [8, 8, 8, 8])] },
            { id: 'block-b', model: 'PS-1080', nodes: [node('node-b1', [4, 4], [8, 8, 8, 8])] },
            { id: 'block-c', model: 'PS-2020', nodes: [node('node-c1', [1, 1], [4, 4]), node('node-c2', [1, 1], [4, 4])] },
          ],
        },
      ],
      data: { usedTB: 30 },
    },
    vmFill: { count: 16, mix: { sql: 2, app: 6, web: 6, dev: 2 } },
  },
  {
    id: 'large-64',
    title: 'Large cluster: 64 nodes, 10,000 VMs',
    summary: 'Eight racks of two 4-node blocks (64 nodes × 12 disks), FT2 with rack awareness, about a million extent groups and 10,000 VMs.',
    cluster: {
      name: 'Large-64',
      ftLevel: 2,
      awareness: 'rack',
      layout: { racks: 8, blocksPerRack: 2, nodesPerBlock: 4, ssdPerNode: 2, hddPerNode: 10, ssdTB: 3.84, hddTB: 8, memoryGiB: 1024, cpuCores: 64 },
      data: { usedPct: 55 },
    },
    vmFill: { count: 10000, vcpus: 2, memoryGiB: 4, vdisks: 2 },
  },
  ...WALKTHROUGHS, // narrated walkthroughs for presenters (walkthroughs.ts)
]

export const DEFAULT_SCENARIO_ID = 'twelve-3-blocks'

export function builtinScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id)
}
