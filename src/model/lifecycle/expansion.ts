/**
 * Cluster expansion (DOMAIN.md §12; Prism "Expand Cluster"; DRILL-API §5 `addNode`). Our
 * rule 17.5 (README "Storage lifecycle"):
 *
 * - The argument is checked against the cluster (addNode.ts: ids, block and rack, memory,
 *   disks) and by the one pre-check (`configurationChangeProblem`); a refusal changes nothing.
 * - At once the node (and its new block / rack) is part of the cluster: its host takes VMs
 *   (HA capacity grows), its disks join the storage pool empty, every table sized by nodes
 *   or disks grows. The awareness in force is recomputed from the units now there (a third
 *   block turns block awareness on, with an `AwarenessChanged` event: until disk balancing
 *   has moved the copies apart, the block figures show what is not yet block aware).
 * - Curator scans; disk balancing then fills the new disks (and moves copies apart for the
 *   awareness in force) at half the rebuild bandwidth, below rebuild priority.
 * - The node joins the metadata ring after RING_CHANGE_SECONDS (token ranges stream to it);
 *   the Zookeeper ensemble then moves servers to new units when that spreads it wider. The
 *   `ClusterExpansion` task ends there; the `DiskBalancing` task goes on.
 */
import { formatBytes } from '../kernel/units'
import type { SimTask } from '../types'
import { SimError } from '../kernel/errors'
import { configurationChangeProblem } from '../storage/precheck'
import type { LifecycleContext } from './context'
import { appendNode, parseAddNode } from './addNode'


export class ClusterExpansion {
  /** the ClusterExpansion task of each node still joining */
  private readonly joining = new Map<number, SimTask>()

  constructor(private readonly ctx: LifecycleContext) {}

  /** Nodes added that have not joined the metadata ring yet. */
  get inProgress(): number {
    return this.joining.size
  }

  /** DRILL-API §5 `addNode(node)`: refused with every problem (nothing changed), else the node joins. */
  addNode(input: unknown): void {
    const { ctx } = this
    const { spec, topo, log } = ctx
    const parsed = parseAddNode(input, spec, topo, ctx.vmIds)
    const id = parsed.input.id
    const problem = configurationChangeProblem(ctx.precheck, { kind: 'addNode', plan: parsed.plan, facts: ctx.nodeFacts() })
    if (problem) throw new SimError(`cannot add node "${id}": ${problem}`)
    const newBlock = parsed.plan.block < 0
    const newRack = parsed.plan.rack < 0
    const n = appendNode(spec, parsed)
    ctx.growTables()
    const node = spec.nodes[n]
    const block = spec.blocks[node.block].id
    const rack = spec.racks[node.rack].id
    const task = log.startTask('ClusterExpansion', id, `Expand cluster: add ${id} to block ${block} (rack ${rack}); it joins the storage pool and HA now, the metadata ring next`)
    this.joining.set(n, task)
    if (newRack) log.event('info', 'RackAdded', rack, `Rack ${rack} added to the cluster`)
    if (newBlock) log.event('info', 'BlockAdded', block, `Block ${block} (${spec.blocks[node.block].model}) added to rack ${rack}`)
    const disks = parsed.input.disks.length
    log.event('info', 'NodeAdded', id, `Node ${id} added to block ${block}: ${disks} disk${disks === 1 ? '' : 's'} (${formatBytes(parsed.plan.capacityBytes)} raw) join the storage pool, ${Math.round((node.memoryBytes - node.cvmMemoryBytes) / 1024 ** 3)} GiB of memory join HA`)
    ctx.recomputeAwareness()
    ctx.applyStateChange()
    ctx.curatorReplan()
    log.progressTask(task, 0.5)
    ctx.meta.plannedRingChange(n, true, 'cluster expansion', (ok) => this.joined(n, ok))
    ctx.invalidate()
  }

  private joined(n: number, ok: boolean): void {
    const { ctx } = this
    const task = this.joining.get(n)
    this.joining.delete(n)
    const id = ctx.spec.nodes[n].id
    if (ok) ctx.meta.respreadZookeeper()
    if (!task) return
    if (ok) ctx.log.endTask(task, 'succeeded', `Node ${id} added: it is in the storage pool, the metadata ring and HA; disk balancing fills its disks`)
    else ctx.log.endTask(task, 'failed', `Node ${id} went down before it joined the metadata ring; it joins once it is back and stable`)
    ctx.invalidate()
  }
}
