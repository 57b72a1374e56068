/** The Hardware page's network actions (issue 15): a block or rack disconnects as one side, reconnects by one of its nodes. */
import { describe, expect, it } from 'vitest'
import type { Structure } from '../bridge/types'
import { networkActionsFor, partitionPreview, reconnectTarget } from './networkActions'

/** two racks: rack-1 = block-1 (node-1, node-2), rack-2 = block-2 (node-3, node-4) + block-3 (node-5, node-6) */
const structure = {
  racks: [{ id: 'rack-1', blocks: [0] }, { id: 'rack-2', blocks: [1, 2] }],
  blocks: [{ id: 'block-1', nodes: [0, 1] }, { id: 'block-2', nodes: [2, 3] }, { id: 'block-3', nodes: [4, 5] }],
  nodes: Array.from({ length: 6 }, (_, i) => ({ id: `node-${i + 1}` })),
} as unknown as Structure

describe('network actions of blocks and racks', () => {
  it('a rack disconnects all its hosts as one partition; nothing for hosts and disks', () => {
    const [a] = networkActionsFor('rack', 'rack-2', structure, { activeFaults: [] })
    expect(a).toMatchObject({ label: 'Disconnect from network', fault: { kind: 'partition', target: ['node-3', 'node-4', 'node-5', 'node-6'] } })
    expect(networkActionsFor('node', 'node-1', structure, { activeFaults: [] })).toEqual([])
  })
  it('once disconnected, the unit offers Reconnect (by a node no other fault names); a unit holding every host offers nothing', () => {
    const state = { activeFaults: [{ kind: 'cvm', target: 'node-1' }, { kind: 'partition', target: ['node-1', 'node-2'] }] }
    const acts = networkActionsFor('block', 'block-1', structure, state)
    expect(acts.map((a) => a.label)).toEqual(['Reconnect to network'])
    expect(acts[0].restore).toBe('node-2')
    // the rack holding block-1 is the same set here: reconnect only
    expect(networkActionsFor('rack', 'rack-1', structure, state).map((a) => a.label)).toEqual(['Reconnect to network'])
    // a block inside a bigger partition: disconnect alone, or reconnect the bigger one
    const big = { activeFaults: [{ kind: 'partition', target: ['node-3', 'node-4', 'node-5', 'node-6'] }] }
    expect(networkActionsFor('block', 'block-3', structure, big).map((a) => a.label)).toEqual(['Disconnect from network', 'Reconnect 4 hosts (node-3…)'])
    const one = { racks: [{ id: 'r', blocks: [0] }], blocks: [{ id: 'b', nodes: [0, 1, 2] }], nodes: [{ id: 'a' }, { id: 'b1' }, { id: 'c' }] } as unknown as Structure
    expect(networkActionsFor('block', 'b', one, { activeFaults: [] })).toEqual([])
    expect(reconnectTarget(['node-1', 'node-2'], state)).toBe('node-2')
  })
  it('the preview counts the Zookeeper servers on each side', () => {
    expect(partitionPreview(structure, [0, 2, 4], new Set(['node-1', 'node-2']))).toContain('Zookeeper servers: 1 of 3 on the chosen side, 2 on the other')
    expect(partitionPreview(structure, [0, 2, 4], new Set(structure.nodes.map((n) => n.id)))).toMatch(/at least one host on the other side/)
  })
})
