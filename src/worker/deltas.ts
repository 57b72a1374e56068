/**
 * Worker → UI deltas (issue 19): what the UI holds of the model, and the delta that sends
 * only what differs since — the structure once per load, state and summaries by version,
 * per-VM and per-vDisk arrays as patches (patch.ts), events and redirects appended, tasks
 * and alerts as changed records, metric samples from the last one sent. A new builder (a
 * load, a travel, a resync) sends everything afresh.
 */
import { buildContainers, buildHa, buildResiliency, buildStorage } from '../model/report/report'
import { FRODO_CONNECTIONS_PER_VDISK } from '../model/iopath/ioload'
import type { Simulation } from '../model/simulation'
import type { SimAlert, SimTask } from '../model/types'
import { UNIT_BYTES } from '../model/kernel/units'
import { availableVersions } from '../model/upgrade/versions'
import { ArraySender, ListSender, RecordSender } from './patch'
import { LATENCY_STEPS_PER_MS, UI_REDIRECTS, type Delta, type IoDelta, type IoPatched, type RunStatus, type Structure, type SummaryDelta, type VmDelta } from './protocol'

interface Sent {
  state: number
  vms: number
  summary: number
  events: number
  alerts: number
  tasks: number
  metricsVersion: number
  metricsCount: number
  metricsRewrites: number
  structure: boolean
  io: string
  redirects: number
  /** HA state the summary's `ha` was built from (ha, topology and VM versions) */
  ha: string
  /** the topology's structure version the structure was built from (nodes added or removed: resync) */
  topology: number
}

const fresh = (): Sent => ({ state: -1, vms: -1, summary: -1, events: 0, alerts: -1, tasks: -1, metricsVersion: -1, metricsCount: 0, metricsRewrites: 0, structure: false, io: '', redirects: 0, ha: '', topology: -1 })

/** What the UI holds of the per-VM / per-vDisk arrays, tasks and alerts: deltas send what differs. */
class Senders {
  readonly host = new ArraySender<Int16Array>()
  readonly power = new ArraySender<Uint8Array>()
  readonly frodo = new ArraySender<Uint8Array>()
  readonly vdiskStargate = new ArraySender<Int16Array>()
  readonly vdiskSession = new ArraySender<Uint8Array>()
  readonly vdiskLoginTarget = new ArraySender<Int16Array>()
  readonly ip = new ListSender<string | null>()
  readonly vmReadIops = new ArraySender<Float32Array>()
  readonly vmWriteIops = new ArraySender<Float32Array>()
  readonly vmBandwidthBps = new ArraySender<Float32Array>()
  readonly vmCpuPct = new ArraySender<Float32Array>()
  readonly vmMemoryPct = new ArraySender<Float32Array>()
  readonly vmLatencyMs = new ArraySender<Uint16Array>()
  readonly vdiskLatencyMs = new ArraySender<Uint16Array>()
  readonly vmErrors = new ArraySender<Float32Array>()
  readonly vdiskDataOk = new ArraySender<Uint8Array>()
  readonly tasks = new RecordSender<SimTask>()
  readonly alerts = new RecordSender<SimAlert>()
}

/** Latencies (ms) as whole hundredths of a millisecond, capped at what a Uint16 holds. */
function latencySteps(ms: Float32Array): Uint16Array {
  const out = new Uint16Array(ms.length)
  for (let i = 0; i < ms.length; i++) out[i] = Math.min(65535, Math.round(ms[i] * LATENCY_STEPS_PER_MS))
  return out
}

export class DeltaBuilder {
  private sent: Sent = fresh()
  private senders = new Senders()

  /** Everything that changed since the last delta. */
  build(sim: Simulation, loadId: number, run: RunStatus | undefined): Delta {
    const { topo, data, vms, log, spec } = sim
    const d: Delta = {
      loadId,
      time: sim.time,
      nextEventTime: sim.nextActiveEventTime(),
      pendingActivity: sim.queue.active,
      narration: sim.narration,
      run,
    }
    if (this.sent.structure && topo.structureVersion !== this.sent.topology) {
      // nodes or disks were added or a node removed: per-node and per-disk arrays changed length, send everything again
      this.sent = fresh()
      this.senders = new Senders()
    }
    if (!this.sent.structure) {
      d.structure = this.structure(sim, loadId)
      this.sent.structure = true
      this.sent.topology = topo.structureVersion
    }
    const stateVersion = topo.version * 1_000_003 + data.version + sim.version
    if (stateVersion !== this.sent.state) {
      const used = new Float64Array(spec.disks.length)
      for (let i = 0; i < used.length; i++) used[i] = data.diskUsedBytes(i)
      d.state = {
        version: stateVersion,
        hostState: topo.hostState.slice(),
        cvmState: topo.cvmState.slice(),
        maintenance: topo.maintenance.slice(),
        removal: topo.removal.slice(),
        diskMode: topo.diskMode.slice(),
        diskUsedBytes: used,
        diskPhase: sim.removal.diskPhase.slice(),
        ringMember: sim.ringMember.slice(),
        ringOrder: [...sim.ringOrder()],
        zookeeper: sim.zookeeperServers(),
        leader: sim.leader,
        activeFaults: topo.faults.map((f) => ({ kind: f.kind, target: typeof f.target === 'string' ? f.target : [...f.target] })),
      }
      this.sent.state = stateVersion
    }
    if (vms.version !== this.sent.vms) {
      const s = this.senders
      const v: VmDelta = { version: vms.version }
      const set = <K extends keyof VmDelta>(k: K, p: VmDelta[K] | null) => {
        if (p) v[k] = p
      }
      set('host', s.host.diff(vms.host))
      set('power', s.power.diff(vms.power))
      set('frodo', s.frodo.diff(vms.frodo))
      set('vdiskStargate', s.vdiskStargate.diff(vms.vdiskStargate))
      set('vdiskSession', s.vdiskSession.diff(sim.io.sessionStates()))
      set('vdiskLoginTarget', s.vdiskLoginTarget.diff(sim.io.loginTarget))
      set('ip', s.ip.diff(vms.ip))
      d.vms = v
      this.sent.vms = vms.version
    }
    const ioKey = `${sim.io.loadKey()}:${sim.io.logVersion}`
    if (ioKey !== this.sent.io) {
      d.io = this.io(sim, ioKey)
      this.sent.io = ioKey
    }
    if (sim.version !== this.sent.summary) {
      d.summary = this.summary(sim)
      this.sent.summary = sim.version
    }
    if (log.eventsAppended > this.sent.events) {
      // the log keeps the latest events only: what is new and still kept
      d.events = log.eventsSince(this.sent.events)
      this.sent.events = log.eventsAppended
    }
    if (log.alertsVersion !== this.sent.alerts) {
      const p = this.senders.alerts.diff(log.alerts)
      if (p) d.alerts = { version: log.alertsVersion, ...p }
      this.sent.alerts = log.alertsVersion
    }
    if (log.tasksVersion !== this.sent.tasks) {
      const p = this.senders.tasks.diff(log.tasks)
      if (p) d.tasks = { version: log.tasksVersion, ...p }
      this.sent.tasks = log.tasksVersion
    }
    const m = sim.metrics
    if (m.version !== this.sent.metricsVersion) {
      if (m.rewrites === this.sent.metricsRewrites && this.sent.metricsVersion >= 0) {
        // the last sample sent may have been replaced (same time): send from it on
        const from = Math.max(0, this.sent.metricsCount - 1)
        d.metrics = { from, items: m.since(from), reset: false }
      } else {
        d.metrics = { from: 0, items: m.since(0), reset: true }
      }
      this.sent.metricsVersion = m.version
      this.sent.metricsCount = m.count
      this.sent.metricsRewrites = m.rewrites
    }
    return d
  }

  /** The I/O model's figures and the redirect timeline (iopath.ts, ioload.ts). */
  private io(sim: Simulation, key: string): IoDelta {
    const io = sim.io
    const l = io.load()
    const cpu = io.cpu()
    const s = this.senders
    const out: IoDelta = {
      key,
      cluster: { ...l.cluster },
      sessions: { ...l.sessions },
      sgSessions: l.sgSessions.slice(),
      sgRemoteSessions: l.sgRemoteSessions.slice(),
      sgIops: l.sgIops.slice(),
      sgUtil: l.sgUtil.slice(),
      sgLatencyMs: l.sgLatencyMs.slice(),
      failbacks: [...io.failbackAtMs].flatMap((ms, host) => (ms >= 0 ? [{ host, at: ms / 1000 }] : [])),
      redirectTotal: io.redirectTotal,
      redirects: io.redirectTotal > this.sent.redirects ? io.recentRedirects(Math.min(UI_REDIRECTS, io.redirectTotal - this.sent.redirects)) : [],
      logVersion: io.logVersion,
      nodeCpuPct: Array.from(cpu.nodeCpuPct),
      clusterCpuPct: cpu.clusterCpuPct,
    }
    this.sent.redirects = io.redirectTotal
    const set = <K extends IoPatched>(k: K, p: IoDelta[K] | null) => {
      if (p) out[k] = p
    }
    set('vmReadIops', s.vmReadIops.diff(l.vmReadIops))
    set('vmWriteIops', s.vmWriteIops.diff(l.vmWriteIops))
    set('vmBandwidthBps', s.vmBandwidthBps.diff(l.vmBandwidthBps))
    set('vmLatencyMs', s.vmLatencyMs.diff(latencySteps(l.vmLatencyMs)))
    set('vdiskLatencyMs', s.vdiskLatencyMs.diff(latencySteps(l.vdiskLatencyMs)))
    set('vmErrors', s.vmErrors.diff(l.vmErrors))
    const share = sim.vdiskDataShare().share
    set('vdiskDataOk', s.vdiskDataOk.diff(Uint8Array.from({ length: l.vdiskIops.length }, (_, vd) => (share === null || share[vd] >= 1 ? 1 : 0))))
    set('vmCpuPct', s.vmCpuPct.diff(Float32Array.from(cpu.vmCpuPct)))
    set('vmMemoryPct', s.vmMemoryPct.diff(Float32Array.from(cpu.vmMemoryPct)))
    return out
  }

  private summary(sim: Simulation): SummaryDelta {
    const res = buildResiliency(sim)
    const out: SummaryDelta = {
      version: sim.version,
      ...res,
      awarenessMode: sim.spec.awarenessMode,
      storage: buildStorage(sim),
      containers: buildContainers(sim),
      unresolvedAlerts: sim.log.unresolvedAlerts,
      runningTasks: sim.log.runningTasks,
      planned: { versions: sim.versions.report(), available: availableVersions(), upgrade: sim.upgrades.report(), maintenance: Array.from(sim.topo.maintenance) },
    }
    // the HA section (10,000 VMs' segments on large-64) only when HA, hosts or VMs changed
    const haKey = `${sim.ha.version}:${sim.topo.version}:${sim.vms.version}`
    if (haKey !== this.sent.ha) {
      out.ha = buildHa(sim)
      this.sent.ha = haKey
    }
    return out
  }

  private structure(sim: Simulation, loadId: number): Structure {
    const { spec, vms } = sim
    return {
      loadId,
      scenarioId: spec.scenarioId,
      title: spec.title,
      summary: spec.summary,
      seed: spec.seed,
      clusterName: spec.name,
      ftLevel: spec.ftLevel,
      replicationFactor: spec.replicationFactor,
      metadataReplicationFactor: spec.metadataReplicationFactor,
      erasureCoding: spec.erasureCoding,
      awareness: { desired: spec.desiredAwareness, effective: sim.effectiveAwareness },
      metadataDomain: sim.metadataDomain(),
      haMode: spec.haMode,
      racks: spec.racks.map((r) => ({ id: r.id, blocks: [...r.blocks] })),
      blocks: spec.blocks.map((b) => ({ id: b.id, rack: b.rack, model: b.model, serial: b.serial, nodes: [...b.nodes] })),
      nodes: spec.nodes.map((n) => ({ ...n, disks: [...n.disks] })),
      disks: spec.disks.map((x) => ({ ...x })),
      vms: spec.vms.map((v, i) => ({
        id: v.id, name: v.name, vcpus: v.vcpus, memoryBytes: v.memoryBytes, homeHost: v.host,
        vdiskStart: vms.vdiskStart[i], vdiskCount: v.vdisks, frodo: v.frodo && v.vcpus >= 2,
      })),
      vdiskIds: vms.vdiskIds,
      ioPath: { ...sim.io.params, connectionsPerFrodoVdisk: FRODO_CONNECTIONS_PER_VDISK },
      unitBytes: UNIT_BYTES,
      steps: spec.steps.map((s) => ({
        at: s.at, say: s.say ?? null, focus: s.focus ?? null,
        action: s.action ? JSON.stringify(s.action) : null,
      })),
    }
  }
}
