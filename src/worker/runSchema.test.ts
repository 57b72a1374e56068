import { describe, expect, it } from 'vitest'
import { z } from 'zod/mini'
import { parseRun } from './runSchema'

const run = { format: 'prism-sim-run', version: 1, scenario: 'starter-3', seed: 1, actions: [] as unknown[], end: 0 }
const problems = (input: unknown): string[] => {
  const res = parseRun(input)
  if (res.ok) throw new Error('expected the run to be refused')
  return res.problems
}

describe('parseRun: every rule keeps its message (zod/mini)', () => {
  it('no zod locale is loaded: every message is our own (the classic zod API would load one, ≈ 70 kB per bundle)', () => {
    expect(z.config().localeError).toBeUndefined()
    expect(parseRun(run)).toEqual({ ok: true, run })
  })

  it('lists every problem of a broken run, each by path', () => {
    const broken = {
      format: 'x',
      version: 2,
      name: 'a'.repeat(201),
      scenario: 42,
      seed: 1.5,
      actions: [
        { at: -1, op: 'restore', args: [] },
        { at: 1, op: 'run', args: [1] },
        { at: 1, op: 'inject', args: [{ kind: 'nod', target: 'n' }] },
        { at: 1, op: 'setHaMode', args: ['x'] },
        { at: 31536001, op: 'powerOn', args: ['a', 'b'] },
        { at: 1, op: 'explode' },
        { at: 1, op: 'writeData', args: [Infinity] },
        { op: 'acknowledgeAlert', args: [''] },
      ],
      end: 'z',
      extra: 1,
    }
    expect(problems(broken)).toEqual([
      'format: must be "prism-sim-run"',
      'version: must be 1',
      'name: must be at most 200 characters',
      'scenario: Invalid input',
      'seed: must be a whole number',
      'actions[0].at: must be at least 0',
      'actions[0].args: must hold 1 items',
      'actions[1].args: must hold at most 0 items',
      'actions[2].args[0].kind: "kind" must be one of "disk", "cvm", "node", "block", "rack", "partition", "corrupt"',
      'actions[3].args[0]: must be one of "default", "guarantee"',
      'actions[4].at: must be at most 31536000',
      'actions[4].args: must hold at most 1 items',
      'actions[5].op: "op" must be one of inject, restore, powerOn, powerOff, migrate, enterMaintenance, exitMaintenance, upgrade, acknowledgeAlert, setWarnThreshold, setHaMode, setAwarenessMode, setGrowthRate, writeData, removeDisk, removeNode, addNode, run',
      'actions[6].args[0]: must be a number',
      'actions[7].at: is required',
      'actions[7].args[0]: must not be empty',
      'end: must be a number',
      'extra: unknown field',
    ])
  })

  it('types, bounds and missing fields', () => {
    const nested = {
      ...run,
      scenario: { any: 1 },
      seed: 4294967296,
      actions: [{ at: 1, op: 'restore', args: 'x' }, { at: 1, op: 'setWarnThreshold', args: ['80'], x: 1 }, 'y'],
      end: -1,
    }
    expect(problems(nested)).toEqual([
      'seed: must be at most 4294967295',
      'actions[0].args: must be a tuple',
      'actions[1].args[0]: must be a number',
      'actions[1].x: unknown field',
      'actions[2]: must be an object',
      'end: must be at least 0',
    ])
    expect(problems(42)).toEqual(['(run): must be an object'])
    expect(problems({})).toEqual([
      'format: must be "prism-sim-run"',
      'version: must be 1',
      'scenario: Invalid input',
      'seed: is required',
      'actions: is required',
      'end: is required',
    ])
    expect(problems({ ...run, actions: Array.from({ length: 100_001 }, () => ({ at: 0, op: 'run' })) })).toEqual(['actions: must hold at most 100000 actions'])
  })

  it('accepts every op with its arguments, and a scenario given inline', () => {
    const actions = [
      { at: 0, op: 'run' },
      { at: 1, op: 'inject', args: [{ kind: 'disk', target: 'disk-1-1', smart: 'pass' }] },
      { at: 2, op: 'restore', args: ['disk-1-1'] },
      { at: 3, op: 'powerOn', args: ['vm-1'] },
      { at: 4, op: 'powerOff', args: ['vm-1'] },
      { at: 5, op: 'acknowledgeAlert', args: ['a-1'] },
      { at: 6, op: 'setWarnThreshold', args: [80] },
      { at: 7, op: 'setHaMode', args: ['guarantee'] },
      { at: 7.5, op: 'setAwarenessMode', args: ['opt-in'] },
      { at: 8, op: 'setGrowthRate', args: [1.5] },
      { at: 9, op: 'writeData', args: [2] },
      { at: 10, op: 'run', args: [] },
      { at: 11, op: 'removeNode', args: ['node-2'] },
      { at: 12, op: 'addNode', args: [{ id: 'node-9', block: 'block-9', rack: 'rack-2', memoryGiB: 256, disks: [{ id: 'd-9', tier: 'SSD', capacityTB: 1.92 }] }] },
    ]
    const ok = { ...run, name: 'r', scenario: { title: 'x' }, seed: 4294967295, actions, end: 31536000 }
    expect(parseRun(ok)).toEqual({ ok: true, run: ok })
    expect(parseRun(JSON.stringify(ok))).toEqual({ ok: true, run: ok })
  })
})
