/** The Expand cluster form: defaults from the cluster, and the addNode argument it builds (the model checks it). */
import { describe, expect, it } from 'vitest'
import { SimFacade } from '../../worker/facade'
import { defaultForm, diskIds, NEW, openBlocks, toAddNode } from './expandForm'

describe('Expand cluster form', () => {
  it('defaults: the next free ids, a new block in the first rack, the first node\'s memory and disks; the model accepts it', () => {
    const f = new SimFacade()
    const d = f.load('four-blocks-of-2')
    const form = defaultForm(d.structure!, d.state!)
    expect(form).toMatchObject({ id: 'node-9', block: NEW, newBlock: 'block-5', rack: 'rack-1', memoryGiB: '512', cvmMemoryGiB: '32' })
    expect(form.disks.map((x) => x.tier)).toEqual(['SSD', 'SSD', 'HDD', 'HDD', 'HDD', 'HDD'])
    const node = toAddNode(form)
    expect(node.disks.map((x) => x.id)).toEqual(['disk-9-1', 'disk-9-2', 'disk-9-3', 'disk-9-4', 'disk-9-5', 'disk-9-6'])
    expect(node.rack).toBe('rack-1')
    // a new block gets the cluster's block model unless the form says another
    const model = d.structure!.blocks[0].model
    expect(node.model).toBe(model)
    const after = f.addNode(node)
    expect(after.structure!.nodes.map((n) => n.id)).toContain('node-9')
    expect(after.structure!.blocks.find((b) => b.id === 'block-5')!.model).toBe(model)
    expect(toAddNode({ ...form, id: 'node-10', newBlock: 'block-6', model: 'NX-8035-G8' }).model).toBe('NX-8035-G8')
    expect('model' in toAddNode({ ...form, model: '  ' })).toBe(false)
  })

  it('an existing block sends no rack; blocks with 4 nodes are not offered; typed text reaches the model as is', () => {
    const f = new SimFacade()
    const d = f.load('twelve-3-blocks')
    expect(openBlocks(d.structure!, d.state!)).toEqual([])
    const f2 = new SimFacade()
    const d2 = f2.load('four-blocks-of-2')
    expect(openBlocks(d2.structure!, d2.state!).map((b) => b.id)).toEqual(['block-1', 'block-2', 'block-3', 'block-4'])
    const node = toAddNode({ ...defaultForm(d2.structure!, d2.state!), block: 'block-2', memoryGiB: 'lots' })
    expect(node.block).toBe('block-2')
    expect('rack' in node).toBe(false)
    expect('model' in node).toBe(false) // an existing block keeps its model
    expect(node.memoryGiB).toBeNaN()
    expect(() => f2.addNode(node)).toThrow(/node\.memoryGiB: must be a number/)
    expect(diskIds('edge-1', 2)).toEqual(['edge-1-disk1', 'edge-1-disk2'])
  })
})
