/** Builds the drill API's Report (DRILL-API.md §2) from the simulation state. */
import { metadataServiceUp, quorumOf, tokenRanges } from '../metadata/ring'
import type { ReportSource } from './source'
import { CVM_STATES, DISK_MODES, HOST_STATES, MAINTENANCE_STATES, REMOVAL_STATES } from '../cluster/topology'
import type { Report, ReportContainer, ReportMetadata } from '../types'
import { UNIT_BYTES } from '../kernel/units'
import { buildVms } from './reportVms'

export function storageState(used: number, resilient: number, warnPct: number): 'ok' | 'warning' | 'critical' {
  if (used > resilient) return 'critical'
  if (used > 0 && used >= (resilient * warnPct) / 100) return 'warning'
  return 'ok'
}

export function buildResiliency(sim: ReportSource): Report['resiliency'] {
  const ft = sim.faultTolerance()
  // missing replicas / strip members of data that still has a copy; unavailable: no online copy; lost: no copy left (availability.ts)
  // while the rebuild replicates, the fault tolerance stays as Curator last computed it; the copies left come from the rebuild
  const under = sim.curator.remainingCopies() ?? ft.health.missingCopies
  return {
    status: sim.curatorScanning ? 'Computing' : ft.status,
    faultTolerance: ft.rows,
    rebuild: sim.curator.report(under),
    underReplicatedBytes: under * UNIT_BYTES,
    unavailableBytes: ft.availability.unavailableUnits * UNIT_BYTES,
    lostBytes: ft.availability.lostUnits * UNIT_BYTES,
    lastUpdateTime: ft.lastUpdateTime,
    overReplicatedBytes: sim.curator.overReplicatedBytes(),
    detachedBytes: sim.curator.detachedBytes(),
    judgedDomain: ft.judged,
    statusReason: sim.curatorScanning ? null : ft.reason,
    ...sim.scrubber.report(),
  }
}

/** Storage containers with their data (extension). */
export function buildContainers(sim: ReportSource): ReportContainer[] {
  const { data } = sim
  return data.containers.map((c) => ({
    id: c.id,
    name: c.name,
    replicationFactor: c.rf,
    erasureCoding: c.erasureCoding,
    ecStrip: c.shape ? { k: c.shape.k, p: c.shape.p } : null,
    extentGroups: c.units,
    ecStrips: c.strips,
    logicalBytes: data.containerLogicalBytes(c.index),
    rawBytes: data.containerRaw[c.index] * UNIT_BYTES,
  }))
}

/** Token ranges (ring order, owner + next RF_m − 1 members) and the Zookeeper ensemble (extension). */
export function buildMetadata(sim: ReportSource): ReportMetadata {
  const { spec, topo } = sim
  const nodeId = (n: number) => spec.nodes[n].id
  const rfm = spec.metadataReplicationFactor
  const quorum = quorumOf(rfm)
  const members = sim.ringMembers()
  const up = spec.nodes.map((_, n) => metadataServiceUp(topo, n))
  const count = members.length
  const zk = sim.zookeeperServers()
  const zkQuorum = quorumOf(zk.length)
  const zkUp = zk.filter((n) => up[n]).length
  return {
    awareness: sim.metadataDomain(),
    replicationFactor: rfm,
    quorum,
    tokenRanges: tokenRanges(members, rfm).map((r) => {
      const replicasUp = r.replicas.filter((n) => up[n]).length
      return {
        index: r.index,
        start: r.index / count,
        end: (r.index + 1) / count,
        owner: nodeId(r.owner),
        replicas: r.replicas.map(nodeId),
        replicasUp,
        available: replicasUp >= quorum,
      }
    }),
    zookeeper: { servers: zk.map(nodeId), quorum: zkQuorum, up: zkUp, available: zk.length > 0 && zkUp >= zkQuorum },
  }
}

export function buildStorage(sim: ReportSource): Report['storage'] {
  const { spec, topo, data } = sim
  const total = sim.availableTotalBytes()
  const used = sim.availableUsedBytes()
  const resilient = sim.resilientCapacityBytes()
  const nodeCap = sim.nodeAvailableCapacity()
  return {
    totalBytes: total,
    usedBytes: used,
    resilientCapacityBytes: resilient,
    warnThresholdPct: sim.warnThresholdPct,
    state: storageState(used, resilient, sim.warnThresholdPct),
    // the nodes of the cluster (a removed node is listed only in topology.nodes, as 'removed')
    nodes: spec.nodes.flatMap((n, i) => {
      if (!topo.nodeActive(i)) return []
      const nodeTotal = nodeCap[i]
      const nodeUsed = n.disks.reduce((a, d) => a + (topo.diskAvailable(d) ? data.diskUsedBytes(d) : 0), 0)
      // (our rule) Curator disk balancing keeps every node equally full, so a node's share
      // of resilient capacity is in proportion to its capacity
      const share = total > 0 ? Math.floor((nodeTotal * resilient) / total) : 0
      return [{ id: n.id, totalBytes: nodeTotal, usedBytes: nodeUsed, resilientBytes: share, state: nodeTotal > 0 ? storageState(nodeUsed, share, sim.warnThresholdPct) : 'ok' as const }]
    }),
    domain: sim.effectiveAwareness,
    failures: spec.ftLevel,
    growthBytesPerDay: sim.growth.bytesPerDay,
    writableBytes: sim.growth.freeRawBytes(),
  }
}

export function buildHa(sim: ReportSource): Report['ha'] {
  return sim.ha.buildReport()
}

export function buildReport(sim: ReportSource): Report {
  const { spec, topo, data, log } = sim
  const nodeId = (n: number) => spec.nodes[n].id
  const zk = sim.zookeeperServers()
  const cpu = sim.io.cpu()

  return {
    apiVersion: 1,
    scenarioId: spec.scenarioId,
    seed: spec.seed,
    time: sim.time,
    cluster: {
      name: spec.name,
      ftLevel: spec.ftLevel,
      replicationFactor: spec.replicationFactor,
      metadataReplicationFactor: spec.metadataReplicationFactor,
      erasureCoding: spec.erasureCoding,
      awareness: { desired: spec.desiredAwareness, effective: sim.effectiveAwareness },
      awarenessMode: spec.awarenessMode,
      haMode: spec.haMode,
      quorum: sim.configChangeRefusal() === null,
      cpuUsagePct: cpu.clusterCpuPct,
      versions: sim.versions.report(),
    },
    resiliency: buildResiliency(sim),
    storage: buildStorage(sim),
    topology: {
      racks: spec.racks.map((r, i) => ({ id: r.id, state: topo.rackDown(i) ? 'down' : 'up' })),
      blocks: spec.blocks.map((b, i) => ({ id: b.id, rack: spec.racks[b.rack].id, state: topo.blockDown(i) ? 'down' : 'up' })),
      nodes: spec.nodes.map((n, i) => ({
        id: n.id,
        block: spec.blocks[n.block].id,
        rack: spec.racks[n.rack].id,
        host: HOST_STATES[topo.hostState[i]],
        cvm: CVM_STATES[topo.cvmState[i]],
        inMetadataRing: sim.ringMember[i] === 1,
        zookeeper: zk.includes(i),
        acropolisLeader: sim.leader === i,
        cpuUsagePct: cpu.nodeCpuPct[i],
        maintenance: MAINTENANCE_STATES[topo.maintenance[i]],
        removal: REMOVAL_STATES[topo.removal[i]],
      })),
      disks: spec.disks.map((d, i) => ({
        id: d.id,
        node: spec.nodes[d.node].id,
        tier: d.tier,
        mode: DISK_MODES[topo.diskMode[i]],
        capacityBytes: d.capacityBytes,
        usedBytes: data.diskUsedBytes(i),
        status: sim.removal.diskStatus(i),
        statusWords: sim.removal.diskStatusWords(i),
      })),
    },
    metadataRing: sim.ringMembers().map(nodeId),
    zookeeper: zk.map(nodeId),
    acropolisLeader: sim.leader >= 0 ? nodeId(sim.leader) : null,
    vms: buildVms(sim),
    ha: buildHa(sim),
    events: log.events.map((e) => ({ ...e })),
    tasks: log.tasks.map((t) => ({ ...t })),
    alerts: log.alerts.map((a) => ({ ...a })),
    containers: buildContainers(sim),
    metadata: buildMetadata(sim),
    io: sim.io.buildReport(),
    xray: sim.xray ? sim.xray.report() : null,
    upgrade: sim.upgrades.report(),
  }
}
