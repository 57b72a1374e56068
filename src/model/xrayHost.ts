/**
 * The planned operations X-Ray steps use (xray/executor.ts XrayOps): live migration
 * (ha/migration.ts) and a graceful node shutdown — our rule: the node's Stargate hands its
 * sessions to the others first (planned CVM shutdown, DOMAIN.md §11), then the host powers
 * off; its power-on is X-Ray's.
 */
import { SimError } from './kernel/errors'
import type { Topology } from './cluster/topology'
import type { XrayOps } from './xray/executor'
import type { Fault } from './types'

export interface XrayOpsHost {
  readonly topo: Pick<Topology, 'nodeIndex'>
  readonly io: { handOff(n: number): void }
  readonly planned: { readonly migrations: { destination(v: number): number } }
  migrate(vmId: string, hostId?: string): void
  vmIndex(vmId: string): number
  inject(f: Fault): void
}

export function xrayOpsOf(sim: XrayOpsHost): XrayOps {
  return {
    migrate: (vmId, hostId) => sim.migrate(vmId, hostId),
    migrating: (vmId) => sim.planned.migrations.destination(sim.vmIndex(vmId)) >= 0,
    shutdownNode: (nodeId) => {
      const n = sim.topo.nodeIndex.get(nodeId)
      if (n === undefined) throw new SimError(`unknown node "${nodeId}"`)
      sim.io.handOff(n)
      sim.inject({ kind: 'node', target: nodeId })
    },
  }
}
