/**
 * Zookeeper quorum (DOMAIN.md §9): a majority of the Zookeeper servers is up and
 * reachable (its CVM serves and its metadata disk is online). Without it the cluster's
 * configuration is frozen: no leader election, no HA restarts, no Zookeeper moves, no
 * configuration change (power-on, migrate, maintenance, upgrades...). Running VMs keep
 * running with the I/O their data allows.
 *
 * `configChangeRefusal` is the ONE check every configuration change calls: null when the
 * change may go ahead, else the reason to refuse it with.
 */
import type { Topology } from '../cluster/topology'
import { metadataServiceUp, quorumOf } from './ring'

/** What the check reads: the hardware state and the Zookeeper ensemble (node indices). */
export interface QuorumSource {
  readonly topo: Topology
  zookeeperServers(): readonly number[]
}

export interface ZookeeperQuorum {
  servers: number
  up: number
  need: number
  quorum: boolean
}

export function zookeeperQuorum(src: QuorumSource): ZookeeperQuorum {
  const zk = src.zookeeperServers()
  let up = 0
  for (const n of zk) if (metadataServiceUp(src.topo, n)) up++
  const need = quorumOf(zk.length)
  return { servers: zk.length, up, need, quorum: zk.length > 0 && up >= need }
}

/** Null when configuration may change; else why not (names the quorum and how many servers are up). */
export function configChangeRefusal(src: QuorumSource): string | null {
  const q = zookeeperQuorum(src)
  if (q.quorum) return null
  return `the cluster has no Zookeeper quorum (${q.up} of ${q.servers} Zookeeper servers up, ${q.need} needed): its configuration cannot change until a majority is back`
}
