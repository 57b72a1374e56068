import { describe, expect, it } from 'vitest'
import { Simulation, SimError } from '../simulation'
import { BUILTIN_SCENARIOS, builtinScenario, DEFAULT_SCENARIO_ID } from './builtins'
import { compileScenario } from './normalize'
import { formatPath, structuralProblems } from './schema'

/** A valid 3-node cluster, explicit racks. Fresh object per call so tests can mutate it. */
function base() {
  return {
    title: 'Test cluster',
    cluster: {
      racks: [
        {
          id: 'rack-a',
          blocks: [
            {
              id: 'block-a',
              nodes: [1, 2, 3].map((i) => ({
                id: `node-${i}`,
                disks: [
                  { id: `disk-${i}-1`, tier: 'SSD', capacityTB: 1.92 },
                  { id: `disk-${i}-2`, tier: 'HDD', capacityTB: 4 },
                ],
              })),
            },
          ],
        },
      ],
    },
  } as Record<string, unknown> & { cluster: Record<string, unknown> & { racks: Array<{ id: string; blocks: Array<{ id: string; nodes: Array<{ id: string; disks: Array<{ id: string; tier: string; capacityTB: number }> }> }> }> } }
}

const layout = { racks: 1, blocksPerRack: 1, nodesPerBlock: 4, ssdPerNode: 1, hddPerNode: 2, ssdTB: 1.92, hddTB: 4 }

/** The problems of a scenario that must be refused. */
function problems(input: unknown): string[] {
  const res = compileScenario(input)
  if (res.ok) throw new Error('expected the scenario to be refused')
  return res.problems
}

describe('built-in scenarios', () => {
  it('has unique ids and the default among them', () => {
    const ids = BUILTIN_SCENARIOS.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain(DEFAULT_SCENARIO_ID)
    expect(builtinScenario('no-such-scenario')).toBeUndefined()
  })

  it.each(BUILTIN_SCENARIOS.map((s) => [s.id!, s] as const))('%s compiles', (id, s) => {
    const res = compileScenario(s)
    if (!res.ok) throw new Error(`${id}: ${res.problems.join('; ')}`)
    expect(res.spec.scenarioId).toBe(id)
    expect(res.spec.nodes.length).toBeGreaterThanOrEqual(3)
    // every node is in its block and every block in its rack
    res.spec.nodes.forEach((n, i) => {
      expect(res.spec.blocks[n.block].nodes).toContain(i)
      expect(res.spec.racks[n.rack].blocks).toContain(n.block)
    })
    expect(res.spec.replicationFactor).toBe(res.spec.ftLevel === 2 ? 3 : 2)
    expect(res.spec.metadataReplicationFactor).toBe(res.spec.ftLevel === 2 ? 5 : 3)
  })

  it('large-64 expands its layout to 64 nodes, 16 blocks, 8 racks, 768 disks and 10,000 VMs', () => {
    const res = compileScenario(builtinScenario('large-64'))
    if (!res.ok) throw new Error(res.problems.join('; '))
    expect(res.spec.nodes.length).toBe(64)
    expect(res.spec.blocks.length).toBe(16)
    expect(res.spec.racks.length).toBe(8)
    expect(res.spec.disks.length).toBe(64 * 12)
    expect(res.spec.vms.length).toBe(10000)
    expect(res.spec.nodes[0].id).toBe('node-1')
    expect(res.spec.disks[0].id).toBe('disk-1-1')
    expect(res.spec.blocks[15].id).toBe('block-16')
    expect(res.spec.racks[7].id).toBe('rack-8')
  })
})

describe('defaults (DRILL-API §3)', () => {
  it('fills the documented defaults', () => {
    const res = compileScenario(base())
    if (!res.ok) throw new Error(res.problems.join('; '))
    const s = res.spec
    expect(s.seed).toBe(1)
    expect(s.ftLevel).toBe(1)
    expect(s.desiredAwareness).toBe('block')
    expect(s.erasureCoding).toBe(false)
    expect(s.haMode).toBe('default')
    expect(s.warnThresholdPct).toBe(75)
    expect(s.name).toBe('Test cluster')
    expect(s.scenarioId).toBeNull()
    expect(s.nodes[0].cpuCores).toBe(32)
    expect(s.nodes[0].memoryBytes).toBe(512 * 1024 ** 3)
    expect(s.nodes[0].cvmMemoryBytes).toBe(32 * 1024 ** 3)
    expect(s.disks[1].capacityBytes).toBe(4e12)
    // usedPct 40 of the raw total
    expect(s.usedRawBytes).toBe(Math.round(3 * 5.92e12 * 0.4))
  })

  it('takes the seed override over the scenario seed', () => {
    const res = compileScenario({ ...base(), seed: 9 }, 42)
    expect(res.ok && res.spec.seed).toBe(42)
    const res2 = compileScenario({ ...base(), seed: 9 })
    expect(res2.ok && res2.spec.seed).toBe(9)
  })
})

describe('refused scenarios: every problem by JSON path', () => {
  it('missing title', () => {
    const s = base()
    delete s.title
    expect(problems(s)).toEqual(['title: is required'])
  })

  it('a rack with no blocks', () => {
    const s = base()
    s.cluster.racks.push({ id: 'rack-b', blocks: [] })
    expect(problems(s)).toEqual(['cluster.racks[1].blocks: must not be empty'])
    const t = base()
    t.cluster.racks[0].blocks = []
    expect(problems(t)).toContain('cluster.racks[0].blocks: must not be empty')
  })

  it('both racks and layout, or neither', () => {
    const s = base()
    s.cluster.layout = layout
    expect(problems(s)).toEqual(['cluster: must have exactly one of racks or layout, not both'])
    expect(problems({ title: 'x', cluster: {} })).toEqual(['cluster: must have one of racks or layout'])
  })

  it('duplicate ids name the id and both paths', () => {
    const s = base()
    s.cluster.racks[0].blocks[0].nodes[2].id = 'node-1'
    expect(problems(s)).toEqual([
      'cluster.racks[0].blocks[0].nodes[2].id: duplicate id "node-1" (already used at cluster.racks[0].blocks[0].nodes[0].id)',
    ])
    // ids are unique across kinds too
    const t = base()
    t.cluster.racks[0].blocks[0].nodes[1].disks[1].id = 'block-a'
    expect(problems(t)).toEqual([
      'cluster.racks[0].blocks[0].nodes[1].disks[1].id: duplicate id "block-a" (already used at cluster.racks[0].blocks[0].id)',
    ])
    const u = { ...base(), vms: [1, 2].map(() => ({ id: 'vm-a', host: 'node-1', vcpus: 2, memoryGiB: 4, vdisks: 1 })) }
    expect(problems(u)).toEqual(['vms[1].id: duplicate id "vm-a" (already used at vms[0].id)'])
  })

  it('unknown VM host', () => {
    const s = { ...base(), vms: [{ id: 'vm-1', host: 'node-9', vcpus: 2, memoryGiB: 4, vdisks: 1 }] }
    expect(problems(s)).toEqual(['vms[0].host: unknown host "node-9"'])
    // layout ids are known hosts
    const ok = compileScenario({ title: 'x', cluster: { layout }, vms: [{ id: 'vm-1', host: 'node-4', vcpus: 2, memoryGiB: 4, vdisks: 1 }] })
    expect(ok.ok).toBe(true)
    expect(problems({ title: 'x', cluster: { layout }, vms: [{ id: 'vm-1', host: 'node-5', vcpus: 2, memoryGiB: 4, vdisks: 1 }] })).toEqual([
      'vms[0].host: unknown host "node-5"',
    ])
  })

  it('FT2 on fewer than 5 nodes', () => {
    const s = base()
    s.cluster.ftLevel = 2
    expect(problems(s)).toEqual(['cluster.ftLevel: FT2 (data RF3, metadata RF5) needs at least 5 nodes, the cluster has 3'])
    expect(problems({ title: 'x', cluster: { ftLevel: 2, layout } })).toEqual([
      'cluster.ftLevel: FT2 (data RF3, metadata RF5) needs at least 5 nodes, the cluster has 4',
    ])
    expect(compileScenario({ title: 'x', cluster: { ftLevel: 2, layout: { ...layout, blocksPerRack: 2 } } }).ok).toBe(true)
  })

  it('fewer than 3 nodes', () => {
    const s = base()
    s.cluster.racks[0].blocks[0].nodes.length = 2
    expect(problems(s)).toEqual(['cluster: a cluster needs at least 3 nodes, this one has 2'])
  })

  it('a block with 5 nodes', () => {
    const s = base()
    const nodes = s.cluster.racks[0].blocks[0].nodes
    for (const i of [4, 5]) nodes.push({ id: `node-${i}`, disks: [{ id: `disk-${i}-1`, tier: 'SSD', capacityTB: 1 }] })
    expect(problems(s)).toEqual(['cluster.racks[0].blocks[0].nodes: a block holds 1 to 4 nodes'])
    expect(problems({ title: 'x', cluster: { layout: { ...layout, nodesPerBlock: 5 } } })).toEqual(['cluster.layout.nodesPerBlock: must be at most 4'])
  })

  it('unknown fields, at any depth', () => {
    const s = { ...base(), colour: 'red' }
    ;(s.cluster as Record<string, unknown>).foo = 1
    ;(s.cluster.racks[0].blocks[0].nodes[1].disks[0] as Record<string, unknown>).rpm = 7200
    expect(problems(s).sort()).toEqual([
      'cluster.foo: unknown field',
      'cluster.racks[0].blocks[0].nodes[1].disks[0].rpm: unknown field',
      'colour: unknown field',
    ])
  })

  it('step actions whose target is unknown or of the wrong kind', () => {
    const s = {
      ...base(),
      vms: [{ id: 'vm-1', host: 'node-1', vcpus: 2, memoryGiB: 4, vdisks: 1 }],
      steps: [
        { at: 10, action: { inject: { kind: 'node', target: 'node-99' } } },
        { at: 20, action: { restore: 'nowhere' } },
        { at: 30, action: { powerOn: 'vm-x' } },
        { at: 40, action: { inject: { kind: 'disk', target: 'node-1' } } },
        { at: 50, action: { powerOff: 'vm-1' } }, // fine
        { at: 60, action: { inject: { kind: 'block', target: 'block-a' } } }, // fine
        { at: 70, action: { restore: 'disk-2-1' } }, // fine
      ],
    }
    expect(problems(s)).toEqual([
      'steps[0].action.inject.target: unknown target "node-99" (expected a node id)',
      'steps[1].action.restore: unknown target "nowhere"',
      'steps[2].action.powerOn: unknown VM "vm-x"',
      'steps[3].action.inject.target: unknown target "node-1" (expected a disk id)',
    ])
  })

  it('types and ranges', () => {
    const s = base()
    s.cluster.racks[0].blocks[0].nodes[0].disks[0].capacityTB = -1
    s.cluster.racks[0].blocks[0].nodes[1].disks[0].tier = 'NVMe'
    s.cluster.warnThresholdPct = 120
    expect(problems(s)).toEqual([
      'cluster.warnThresholdPct: must be at most 100',
      'cluster.racks[0].blocks[0].nodes[0].disks[0].capacityTB: must be greater than 0',
      'cluster.racks[0].blocks[0].nodes[1].disks[0].tier: must be one of "SSD", "HDD"',
    ])
  })

  it('not an object', () => {
    expect(problems(42)).toEqual(['(scenario): must be an object'])
    expect(problems(null)).toEqual(['(scenario): must be an object'])
    expect(problems({})).toEqual(['title: is required', 'cluster: is required'])
  })

  it('lists ALL problems of one scenario at once', () => {
    const s = {
      colour: 'red',
      cluster: {
        ftLevel: 2,
        racks: [
          {
            id: 'rack-a',
            blocks: [
              {
                id: 'block-a',
                nodes: [1, 2, 3].map((i) => ({ id: `node-${i}`, disks: [{ id: `disk-${i}`, tier: 'SSD', capacityTB: 4 }] })),
              },
              { id: 'node-2', nodes: [{ id: 'node-4', disks: [{ id: 'disk-4', tier: 'HDD', capacityTB: 4 }] }] },
            ],
          },
          { id: 'rack-b', blocks: [] },
        ],
        layout,
      },
      vms: [{ id: 'vm-1', host: 'node-9', vcpus: 2, memoryGiB: 4, vdisks: 1 }],
      steps: [{ at: 5, action: { inject: { kind: 'node', target: 'node-99' } } }],
    }
    const got = problems(s)
    const want = [
      'title: is required',
      'colour: unknown field',
      'cluster.racks[1].blocks: must not be empty',
      'cluster: must have exactly one of racks or layout, not both',
      'cluster.racks[0].blocks[1].id: duplicate id "node-2" (already used at cluster.racks[0].blocks[0].nodes[1].id)',
      'cluster.ftLevel: FT2 (data RF3, metadata RF5) needs at least 5 nodes, the cluster has 4',
      'vms[0].host: unknown host "node-9"',
      'steps[0].action.inject.target: unknown target "node-99" (expected a node id)',
    ]
    expect([...got].sort()).toEqual([...want].sort())
    expect(new Set(got).size).toBe(got.length) // no problem listed twice
  })

  it('refuses the scenario whole: Simulation.create throws a SimError listing every problem', () => {
    const s = { ...base(), colour: 'red', vms: [{ id: 'vm-1', host: 'node-9', vcpus: 2, memoryGiB: 4, vdisks: 1 }] }
    let err: unknown
    try {
      Simulation.create(s)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(SimError)
    expect((err as Error).message.split('\n').sort()).toEqual(['colour: unknown field', 'vms[0].host: unknown host "node-9"'])
  })

  it('refuses data beyond 95 % of raw capacity', () => {
    const s = base()
    s.cluster.data = { usedTB: 17 } // raw total 3 × 5.92 = 17.76 TB, 95 % = 16.87 TB
    expect(problems(s)).toEqual(["cluster.data.usedTB: more than 95 % of the cluster's raw capacity"])
  })
})

describe('formatPath / structuralProblems', () => {
  it('formats JSON paths', () => {
    expect(formatPath([])).toBe('(scenario)')
    expect(formatPath(['cluster', 'racks', 0, 'blocks', 12, 'id'])).toBe('cluster.racks[0].blocks[12].id')
    expect(formatPath(['vms', 3])).toBe('vms[3]')
  })
  it('structural validation alone accepts a valid scenario', () => {
    expect(structuralProblems(base()).problems).toEqual([])
  })
})

describe('every rule keeps its message (zod/mini, no zod locale loaded)', () => {
  const structural = (input: unknown) => structuralProblems(input).problems

  it('whole numbers, ranges and types of the layout; a non-integer stops at "whole number"', () => {
    const s = { title: 'x', cluster: { layout: { ...layout, racks: 1.5, blocksPerRack: 0, nodesPerBlock: 5, ssdPerNode: -0.5, hddPerNode: '2', ssdTB: 0, hddTB: 1001, cpuCores: 2 ** 53 + 2 } } }
    expect(structural(s)).toEqual([
      'cluster.layout.racks: must be a whole number',
      'cluster.layout.blocksPerRack: must be at least 1',
      'cluster.layout.nodesPerBlock: must be at most 4',
      'cluster.layout.ssdPerNode: must be a whole number',
      'cluster.layout.hddPerNode: must be a number',
      'cluster.layout.ssdTB: must be greater than 0',
      'cluster.layout.hddTB: must be at most 200',
      'cluster.layout.cpuCores: must be a whole number',
      'cluster.layout.cpuCores: must be at most 1024',
    ])
  })

  it('ids, strings and the seed', () => {
    expect(structural({ ...base(), id: 'bad id', title: '', summary: 'a'.repeat(2001), seed: 4294967296 })).toEqual([
      'id: must start with a letter or digit and use only letters, digits, ".", "_", ":" or "-"',
      'title: must not be empty',
      'summary: must be at most 2000 characters',
      'seed: must be at most 4294967295',
    ])
    expect(structural({ ...base(), title: 'a'.repeat(121), seed: 1.5 })).toEqual(['title: must be at most 120 characters', 'seed: must be a whole number'])
    expect(structural({ ...base(), title: 'a'.repeat(120), seed: 4294967295 })).toEqual([])
  })

  it('every cluster option, NaN and Infinity included', () => {
    const s = base()
    Object.assign(s.cluster, {
      name: 'a'.repeat(81),
      ftLevel: 3,
      awareness: 'host',
      erasureCoding: 'yes',
      warnThresholdPct: 0,
      data: { usedPct: 96, usedTB: -1, growthTBPerDay: NaN },
      rebuildMBpsPerNode: Infinity,
      healing: { hadesTestSeconds: 0.5, ringDetachMinutes: 1441 },
      ioPath: { healthCheckSeconds: 0.4, loginSeconds: 61, failbackSeconds: 86401, redirect: 'rr' },
      networks: [{ name: 'n', subnet: '10.0.0.0', vlan: 4095, managed: 1 }],
    })
    expect(structural(s)).toEqual([
      'cluster.name: must be at most 80 characters',
      'cluster.ftLevel: must be 1 or 2',
      'cluster.awareness: must be one of "node", "block", "rack"',
      'cluster.erasureCoding: must be a boolean',
      'cluster.warnThresholdPct: must be at least 1',
      'cluster.data.usedPct: must be at most 95',
      'cluster.data.usedTB: must be at least 0',
      'cluster.data.growthTBPerDay: must be a number',
      'cluster.rebuildMBpsPerNode: must be a number',
      'cluster.healing.hadesTestSeconds: must be at least 1',
      'cluster.healing.ringDetachMinutes: must be at most 1440',
      'cluster.ioPath.healthCheckSeconds: must be at least 0.5',
      'cluster.ioPath.loginSeconds: must be at most 60',
      'cluster.ioPath.failbackSeconds: must be at most 86400',
      'cluster.ioPath.redirect: must be one of "random", "round-robin"',
      'cluster.networks[0].managed: must be a boolean',
      'cluster.networks[0].subnet: must be an IPv4 subnet like "10.100.0.0/16"',
      'cluster.networks[0].vlan: must be at most 4094',
    ])
  })

  it('array sizes and VM fields', () => {
    const s = base() as ReturnType<typeof base> & { vms?: unknown[] }
    s.cluster.racks[0].blocks[0].nodes[0].disks = Array.from({ length: 25 }, (_, i) => ({ id: `d${i}`, tier: 'SSD', capacityTB: 1 }))
    s.cluster.racks[0].blocks[0].nodes[1].disks = []
    s.cluster.networks = Array.from({ length: 65 }, (_, i) => ({ name: `n${i}` }))
    s.vms = [
      { id: 'vm-1', host: 'node-1', vcpus: 0, memoryGiB: 16385, vdisks: 65, affinityHosts: [], power: 'up' },
      { id: 'vm-2', host: 'node-1', vcpus: 2, memoryGiB: 4, vdisks: 1, affinityHosts: Array.from({ length: 65 }, () => 'node-1') },
    ]
    expect(structural(s)).toEqual([
      'cluster.racks[0].blocks[0].nodes[0].disks: must hold at most 24 disks',
      'cluster.racks[0].blocks[0].nodes[1].disks: must not be empty',
      'cluster.networks: must hold at most 64 networks',
      'vms[0].vcpus: must be at least 1',
      'vms[0].memoryGiB: must be at most 16384',
      'vms[0].vdisks: must be at most 64',
      'vms[0].power: must be one of "on", "off"',
      'vms[0].affinityHosts: must not be empty',
      'vms[1].affinityHosts: must hold at most 64 hosts',
    ])
    const many = {
      ...base(),
      vms: Array.from({ length: 20001 }, (_, i) => ({ id: `vm-${i}`, host: 'node-1', vcpus: 1, memoryGiB: 1, vdisks: 0 })),
      steps: Array.from({ length: 1001 }, () => ({ at: 0 })),
    }
    expect(structural(many)).toEqual(['vms: must hold at most 20000 VMs', 'steps: must hold at most 1000 steps'])
    expect(structural({ ...base(), cluster: { racks: 'r' }, vms: {}, vmFill: [], steps: [null] })).toEqual([
      'cluster.racks: must be an array',
      'vms: must be an array',
      'vmFill: must be an object',
      'steps[0]: must be an object',
    ])
  })

  it('steps: a malformed action reads as the one-of message, a bad target as its own', () => {
    const s = {
      ...base(),
      steps: [
        { at: -1 },
        { at: 1, action: { explode: 1 } },
        { at: 2, action: { inject: { kind: 'nod', target: 'x' } } },
        { at: 3, action: { inject: { kind: 'disk', target: 'x', smart: 'maybe' } } },
        { at: 4, action: { restore: '' } },
        { at: 5, say: 'a'.repeat(2001), focus: '-x' },
      ],
    }
    const oneOf = 'must be one of {inject}, {restore}, {powerOn}, {powerOff}, {removeDisk}, {migrate}, {enterMaintenance}, {exitMaintenance}, {upgrade}, {removeNode}, {addNode}'
    expect(structural(s)).toEqual([
      'steps[0].at: must be at least 0',
      `steps[1].action: ${oneOf}`,
      `steps[2].action: ${oneOf}`,
      `steps[3].action: ${oneOf}`,
      'steps[4].action.restore: must not be empty',
      'steps[4].action.restore: must start with a letter or digit and use only letters, digits, ".", "_", ":" or "-"',
      'steps[5].say: must be at most 2000 characters',
      'steps[5].focus: must start with a letter or digit and use only letters, digits, ".", "_", ":" or "-"',
    ])
  })
})
