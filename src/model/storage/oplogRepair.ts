/**
 * OpLog episode repair (seed 004): an episode with a peer that no longer serves starts a new
 * episode on healthy peers; once every node serves again, episodes whose replicas share a
 * unit of the awareness in force are reopened apart (removed nodes do not count) (our rule, README "Storage lifecycle").
 * Run after every Curator scan.
 */
import type { Prng } from '../kernel/prng'
import type { Topology } from '../cluster/topology'
import { POWER_ON, type VmTable } from '../cluster/vms'
import type { OplogStore } from './oplog'
import type { Domain } from '../types'

export interface OplogRepairContext {
  readonly vms: VmTable
  readonly oplog: OplogStore
  readonly topo: Pick<Topology, 'nodeCount' | 'cvmServing' | 'nodeActive'>
  readonly rng: Prng
  readonly effectiveAwareness: Domain
}

export function repairOplogEpisodes(ctx: OplogRepairContext): void {
  const { vms, oplog, topo } = ctx
  const rf = oplog.rf
  let allServe = true
  for (let n = 0; n < topo.nodeCount; n++) if (topo.nodeActive(n) && !topo.cvmServing(n)) allServe = false
  for (let v = 0; v < vms.count; v++) {
    if (vms.power[v] !== POWER_ON) continue
    for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
      let broken = false
      for (let k = 0; k < rf; k++) {
        const p = oplog.peers[vd * rf + k]
        if (p < 0 || !topo.cvmServing(p)) broken = true
      }
      if (broken || (allServe && oplog.sharesUnit(vd, ctx.effectiveAwareness))) oplog.open(ctx.rng, vd, vms.host[v], ctx.effectiveAwareness)
    }
  }
}
