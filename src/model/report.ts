/** Builds the drill API's Report (DRILL-API.md §2) from the simulation state. */
import type { Simulation } from './simulation'
import { CVM_STATES, DISK_MODES, HOST_STATES } from './topology'
import type { Report } from './types'
import { UNIT_BYTES } from './units'
import { POWER_OFF, POWER_STATES } from './vms'

export function storageState(used: number, resilient: number, warnPct: number): 'ok' | 'warning' | 'critical' {
  if (used > resilient) return 'critical'
  if (used >= (resilient * warnPct) / 100) return 'warning'
  return 'ok'
}

export function buildResiliency(sim: Simulation): Report['resiliency'] {
  const ft = sim.faultTolerance()
  const lostUnits = countLost(sim)
  const under = countUnderReplicated(sim)
  return {
    status: ft.status,
    faultTolerance: ft.rows,
    rebuild: { active: false, progress: under === 0 ? 1 : 0, bytesRemaining: under * UNIT_BYTES, etaSeconds: null },
    underReplicatedBytes: under * UNIT_BYTES,
    lostBytes: lostUnits * UNIT_BYTES,
  }
}

export function buildStorage(sim: Simulation): Report['storage'] {
  const { spec, topo, data } = sim
  const total = spec.disks.reduce((a, d, i) => a + (topo.diskAvailable(i) ? d.capacityBytes : 0), 0)
  const used = sim.availableUsedBytes()
  const resilient = sim.resilientCapacityBytes()
  return {
    totalBytes: total,
    usedBytes: used,
    resilientCapacityBytes: resilient,
    warnThresholdPct: sim.warnThresholdPct,
    state: storageState(used, resilient, sim.warnThresholdPct),
    nodes: spec.nodes.map((n) => ({
      id: n.id,
      totalBytes: n.disks.reduce((a, d) => a + (topo.diskAvailable(d) ? spec.disks[d].capacityBytes : 0), 0),
      usedBytes: n.disks.reduce((a, d) => a + (topo.diskAvailable(d) ? data.diskUsedBytes(d) : 0), 0),
    })),
  }
}

export function buildHa(sim: Simulation): Report['ha'] {
  const { spec } = sim
  return {
    mode: spec.haMode,
    hostFailuresToTolerate: spec.haMode === 'guarantee' ? (spec.replicationFactor === 3 ? 2 : 1) : 0,
    hosts: spec.nodes.map((n, i) => {
      const capacity = sim.hostCapacityBytes(i)
      const running = sim.hostRunningBytes(i)
      return { id: n.id, capacityBytes: capacity, runningBytes: running, reservedBytes: 0, availableBytes: capacity - running }
    }),
  }
}

export function buildReport(sim: Simulation): Report {
  const { spec, topo, data, vms, log } = sim
  const nodeId = (n: number) => spec.nodes[n].id
  const zk = sim.zookeeperServers()

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
      haMode: spec.haMode,
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
      })),
      disks: spec.disks.map((d, i) => ({
        id: d.id,
        node: spec.nodes[d.node].id,
        tier: d.tier,
        mode: DISK_MODES[topo.diskMode[i]],
        capacityBytes: d.capacityBytes,
        usedBytes: data.diskUsedBytes(i),
      })),
    },
    metadataRing: sim.ringMembers().map(nodeId),
    zookeeper: zk.map(nodeId),
    acropolisLeader: sim.leader >= 0 ? nodeId(sim.leader) : null,
    vms: spec.vms.map((s, v) => {
      const vdisks = []
      for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
        const sg = vms.vdiskStargate[vd]
        const host = vms.host[v]
        vdisks.push({
          id: vms.vdiskIds[vd],
          stargate: sg >= 0 ? nodeId(sg) : null,
          path: (sg < 0 ? 'none' : sg === host ? 'local' : 'remote') as 'local' | 'remote' | 'none',
        })
      }
      return {
        id: s.id,
        name: s.name,
        host: vms.host[v] >= 0 && vms.power[v] !== POWER_OFF ? nodeId(vms.host[v]) : null,
        power: POWER_STATES[vms.power[v]],
        vcpus: s.vcpus,
        memoryBytes: s.memoryBytes,
        ioPath: vms.power[v] === POWER_OFF ? (s.frodo && s.vcpus >= 2 ? 'frodo' : 'classic') : vms.frodo[v] ? 'frodo' : 'classic',
        ip: vms.ip[v],
        vdisks,
      }
    }),
    ha: buildHa(sim),
    events: log.events.map((e) => ({ ...e })),
    tasks: log.tasks.map((t) => ({ ...t })),
    alerts: log.alerts.map((a) => ({ ...a })),
  }
}

/** Units with no replica on an available disk. */
function countLost(sim: Simulation): number {
  const { data, topo } = sim
  let lost = 0
  for (let u = 0; u < data.units; u++) {
    let alive = false
    for (let k = 0; k < data.rf && !alive; k++) {
      const d = data.replicaDisk[u * data.rf + k]
      if (d >= 0 && topo.diskAvailable(d)) alive = true
    }
    if (!alive) lost++
  }
  return lost
}

/** Missing replicas (each counted in logical unit bytes) on units that still have one. */
function countUnderReplicated(sim: Simulation): number {
  const { data, topo } = sim
  let under = 0
  for (let u = 0; u < data.units; u++) {
    let alive = 0
    for (let k = 0; k < data.rf; k++) {
      const d = data.replicaDisk[u * data.rf + k]
      if (d >= 0 && topo.diskAvailable(d)) alive++
    }
    if (alive > 0 && alive < data.rf) under += data.rf - alive
  }
  return under
}
