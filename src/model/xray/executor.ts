/**
 * The X-Ray executor: runs a prepared plan (prepare.ts) on the simulated clock, through a
 * small context (XrayContext), never the Simulation class. A step starts when the one
 * before it has ended; it performs its actions, then ends once its `waitFor` holds and at
 * least its nominal `duration` has passed (our rule); it fails after `timeout`, which stops
 * the test (as X-Ray does). Results are sampled every XRAY_RULES.sampleSeconds.
 *
 * Our rules (README "X-Ray scenarios"):
 *   - nodes.PowerOff is an IPMI power-off: a `node` fault; nodes.PowerOn brings the node back
 *     XRAY_RULES.nodeBootSeconds later (the fault is restored then);
 *   - a workload keeps running on a VM that HA restarts: fio resumes when the VM is on again;
 *   - each running VM's demand is its workloads' fio streams; an uncapped (closed-loop) stream
 *     does iodepth ÷ the unloaded latency, and a saturated Stargate serves less (ioload.ts);
 *   - steps needing live migration or a graceful shutdown run through XrayOps; without them
 *     the test is refused at load time (`xrayRefusals`).
 */
import type { Topology } from '../cluster/topology'
import { POWER_OFF, POWER_ON, type VmTable } from '../cluster/vms'
import type { Kernel } from '../kernel/context'
import type { ScheduledEvent } from '../kernel/eventQueue'
import { CLASSIC_OVERHEAD_MS, FRODO_OVERHEAD_MS, stargateLatencyMs, type IoDemandSource, type IoLoad, type VdiskDemand } from '../iopath/ioload'
import type { ClusterSpec } from '../scenario/normalize'
import type { Fault } from '../types'
import { streamIops } from './fioDemand'
import type { PlanAction, PlanStep, WaitCondition, XrayPlan } from './planTypes'
import { newCollector, recordAnnotation, recordStep, recordTick, xrayReport, type XrayCollector, type XrayTick } from './results'
import { XRAY_RULES } from './rules'
import { scheduleOf, type Scheduled } from './schedule'
import type { Phase, XrayReport } from './types'

/** Planned operations (issue 16) the executor needs for some steps; absent: those steps are refused. */
export interface XrayOps {
  /** start a live migration of the VM to the host */
  migrate?(vmId: string, hostId: string): void
  /** the VM is being migrated now */
  migrating?(vmId: string): boolean
  /** graceful shutdown: CVM stopped cleanly, then the host */
  shutdownNode?(nodeId: string): void
}

export interface XrayContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Pick<Topology, 'nodeIndex' | 'faults' | 'hostUp' | 'cvmServing'>
  readonly vms: VmTable
  readonly io: { load(): IoLoad; cpu?(): { clusterCpuPct: number } }
  inject(f: Fault): void
  restore(target: string): void
  powerOn(vmId: string): void
  powerOff(vmId: string): void
  /** I/O errors per second of VM v now (0 while the model has no I/O errors) */
  vmErrorsPerSecond?(v: number): number
  readonly xrayOps?: XrayOps | null
}

/** Steps this build cannot run, one message per step (meta steps named once). */
export function xrayRefusals(plan: XrayPlan, ops: XrayOps | null | undefined): string[] {
  const needs = new Map<string, { kind: string; what: Set<string> }>()
  for (const s of plan.steps) {
    if (s.folded) continue
    const base = s.path.split('.')[0]
    const head = plan.steps.find((x) => x.path === base) ?? s
    for (const a of s.actions) {
      let what: string | null = null
      if ((a.do === 'migrateGroup' || a.do === 'resetPlacement') && !(ops?.migrate && ops.migrating)) what = 'live migration'
      if (a.do === 'shutdownNodes' && !ops?.shutdownNode) what = 'a graceful node shutdown'
      if (what === null) continue
      const n = needs.get(base) ?? { kind: head.kind, what: new Set<string>() }
      n.what.add(what)
      needs.set(base, n)
    }
  }
  return [...needs].map(([path, n]) => `${path}: ${n.kind} needs ${[...n.what].join(' and ')}, which this build does not simulate`)
}

const toMs = (s: number) => Math.round(s * 1000)

export class XrayExecutor implements IoDemandSource {
  version = 0
  /** index of the step running now, or -1 before the first / after the last */
  current = -1
  failed: string | null = null
  private readonly c: XrayCollector
  private stepStartMs = 0
  /** per workload: the VMs running it now */
  private readonly running = new Map<string, Set<string>>()
  /** per workload: its start/end events not yet run */
  private readonly pending = new Map<string, Array<ScheduledEvent<Scheduled>>>()
  private readonly boots = new Map<string, ScheduledEvent<string>>()
  private readonly demandCache = new Map<number, VdiskDemand[]>()
  private readonly groupOf = new Map<string, string>()
  private readonly originalHost = new Map<string, string>()

  constructor(private readonly ctx: XrayContext, readonly plan: XrayPlan) {
    this.c = newCollector(plan)
    for (const g of plan.groups) g.vmIds.forEach((v, k) => { this.groupOf.set(v, g.name); this.originalHost.set(v, g.hosts[k]) })
    ctx.on('xray-step', () => this.tryEnd())
    ctx.on('xray-at', (p) => this.onScheduled(p as Scheduled))
    ctx.on('xray-boot', (p) => this.onBooted(p as string))
    ctx.on('xray-sample', () => this.sample())
  }

  /** Begin at the current time: the first step that was not fast-forwarded, and the sampler. */
  start(): void {
    this.sample()
    this.begin(0)
  }

  report(): XrayReport {
    return xrayReport(this.c)
  }

  get phase(): Phase | 'done' {
    return this.c.phase
  }

  // ------------------------------------------------------------------ I/O demand
  vmDemand(v: number): readonly VdiskDemand[] {
    let d = this.demandCache.get(v)
    if (!d) { d = this.computeDemand(v); this.demandCache.set(v, d) }
    return d
  }

  /** The VM's demand per vDisk: the fio streams of every workload it runs now. */
  private computeDemand(v: number, only?: string): VdiskDemand[] {
    const vmId = this.ctx.spec.vms[v].id
    const spec = this.ctx.spec.vms[v]
    const overhead = spec.frodo && spec.vcpus >= 2 ? FRODO_OVERHEAD_MS : CLASSIC_OVERHEAD_MS
    const by = new Map<number, VdiskDemand>()
    for (const w of this.plan.workloads) {
      if ((only !== undefined && w.name !== only) || !this.running.get(w.name)?.has(vmId)) continue
      for (const s of w.demand.streams) {
        const r = streamIops(s, (overhead + stargateLatencyMs(0, s.readFraction)) / 1000)
        const d = by.get(s.vdisk) ?? { vdisk: s.vdisk, readIops: 0, writeIops: 0, bytesPerSecond: 0 }
        d.readIops += r.read
        d.writeIops += r.write
        d.bytesPerSecond += r.read * s.readBlockBytes + r.write * s.writeBlockBytes
        by.set(s.vdisk, d)
      }
    }
    return [...by.values()].sort((a, b) => a.vdisk - b.vdisk)
  }

  private demandChanged(): void {
    this.demandCache.clear()
    this.version++
    this.ctx.touch()
  }

  // ------------------------------------------------------------------ steps
  private begin(i: number): void {
    while (i < this.plan.steps.length && this.plan.steps[i].folded) i++
    this.current = i
    if (i >= this.plan.steps.length) return this.finish()
    const step = this.plan.steps[i]
    this.stepStartMs = this.ctx.timeMs
    recordStep(this.c, this.plan, i, 'running', this.ctx.time)
    for (const a of step.actions) this.perform(a)
    this.ctx.touch()
    this.tryEnd()
  }

  private tryEnd(): void {
    const i = this.current
    if (i < 0 || i >= this.plan.steps.length || this.failed !== null) return
    const step = this.plan.steps[i]
    const elapsedMs = this.ctx.timeMs - this.stepStartMs
    const met = step.waitFor === null || this.holds(step.waitFor)
    if (met && elapsedMs >= toMs(step.duration)) {
      recordStep(this.c, this.plan, i, 'done', this.ctx.time)
      this.ctx.touch()
      return this.begin(i + 1)
    }
    if (!met && step.timeout !== null && elapsedMs >= toMs(step.timeout)) return this.fail(step, `timed out after ${step.timeout} s waiting for ${this.describe(step.waitFor!)}`)
    // poll an unmet condition every second (never past the timeout); else wake at the nominal end
    let delayMs = met ? toMs(step.duration) - elapsedMs : 1000
    if (!met && step.timeout !== null) delayMs = Math.min(delayMs, Math.max(1, toMs(step.timeout) - elapsedMs))
    this.ctx.schedule(delayMs / 1000, 'xray-step', null)
  }

  private fail(step: PlanStep, why: string): void {
    this.failed = `${step.path} (${step.title}) failed: ${why}`
    recordAnnotation(this.c, this.ctx.time, this.failed)
    this.c.notes.push(`The test stopped: ${this.failed}.`)
    this.c.steps[step.index].state = 'done'
    this.c.steps[step.index].end = this.ctx.time
    this.stopAll()
    this.c.phase = 'done'
    this.ctx.touch()
  }

  private finish(): void {
    this.stopAll()
    this.c.phase = 'done'
    recordAnnotation(this.c, this.ctx.time, 'Test finished')
    this.ctx.touch()
  }

  private stopAll(): void {
    for (const w of [...this.running.keys(), ...this.pending.keys()]) this.stopWorkload(w)
  }

  private describe(w: WaitCondition): string {
    switch (w.for) {
      case 'vmsOn': return `${w.vms.length} VM(s) to power on`
      case 'vmsOff': return `${w.vms.length} VM(s) to power off`
      case 'nodesReady': return `${w.nodes.join(', ')} to be ready`
      case 'nodesOff': return `${w.nodes.join(', ')} to power off`
      case 'groupMigrated': return `${w.group}'s VMs to leave ${w.from}`
      case 'placementReset': return `${w.group}'s VMs to return to their nodes`
      case 'workloadDone': return `workload "${w.workload}" to end`
    }
  }

  private vm(id: string): number {
    return this.ctx.vms.index.get(id)!
  }

  private node(id: string): number {
    return this.ctx.topo.nodeIndex.get(id)!
  }

  private holds(w: WaitCondition): boolean {
    const { vms, topo } = this.ctx
    const ops = this.ctx.xrayOps
    const groupVms = (g: string) => this.plan.groups.find((x) => x.name === g)?.vmIds ?? []
    const hostOf = (id: string) => this.ctx.spec.nodes[vms.host[this.vm(id)]]?.id
    switch (w.for) {
      case 'vmsOn': return w.vms.every((id) => vms.power[this.vm(id)] === POWER_ON)
      case 'vmsOff': return w.vms.every((id) => vms.power[this.vm(id)] === POWER_OFF)
      case 'nodesReady': return w.nodes.every((n) => topo.hostUp(this.node(n)) && topo.cvmServing(this.node(n)))
      case 'nodesOff': return w.nodes.every((n) => !topo.hostUp(this.node(n)))
      case 'groupMigrated': return groupVms(w.group).every((id) => !ops?.migrating?.(id) && (vms.power[this.vm(id)] !== POWER_ON || hostOf(id) !== w.from))
      case 'placementReset': return groupVms(w.group).every((id) => !ops?.migrating?.(id) && (vms.power[this.vm(id)] !== POWER_ON || hostOf(id) === this.originalHost.get(id)))
      case 'workloadDone': return (this.running.get(w.workload)?.size ?? 0) === 0 && (this.pending.get(w.workload)?.length ?? 0) === 0
    }
  }

  // ------------------------------------------------------------------ actions
  private perform(a: PlanAction): void {
    const ctx = this.ctx
    const ops = ctx.xrayOps
    const note = (text: string) => recordAnnotation(this.c, ctx.time, text)
    switch (a.do) {
      case 'createVms': case 'prefill': return // the VMs are in the loaded scenario; prefill is not simulated
      case 'powerOnVms':
        for (const id of a.vms) {
          if (ctx.vms.power[this.vm(id)] !== POWER_OFF) continue
          try { ctx.powerOn(id) } catch (e) { note(`${id}: power-on failed: ${(e as Error).message}`) }
        }
        return
      case 'powerOffVms': case 'cleanUp':
        if (a.do === 'cleanUp') for (const n of ctx.spec.nodes) if (this.nodeFaulted(n.id)) this.powerOnNode(n.id)
        for (const id of a.vms) if (ctx.vms.power[this.vm(id)] !== POWER_OFF) ctx.powerOff(id)
        return
      case 'startWorkload': case 'snapshots': {
        const list = a.do === 'startWorkload' ? (this.pending.get(a.workload) ?? []) : null
        for (const s of scheduleOf(a, ctx.time)) {
          const ev = ctx.schedule((toMs(s.time) - ctx.timeMs) / 1000, 'xray-at', s, s.kind === 'annotation' && a.do === 'snapshots' && a.background)
          if (list && s.kind !== 'annotation') list.push(ev)
        }
        if (a.do === 'startWorkload') { this.pending.set(a.workload, list!); if (!this.running.has(a.workload)) this.running.set(a.workload, new Set()) }
        return
      }
      case 'stopWorkload': return this.stopWorkload(a.workload)
      case 'powerOffNodes':
        for (const n of a.nodes) {
          const boot = this.boots.get(n)
          if (boot) { ctx.queue.cancel(boot); this.boots.delete(n) }
          if (!this.nodeFaulted(n)) ctx.inject({ kind: 'node', target: n })
        }
        return
      case 'powerOnNodes':
        for (const n of a.nodes) this.powerOnNode(n)
        return
      case 'shutdownNodes':
        for (const n of a.nodes) ops!.shutdownNode!(n)
        return
      case 'migrateGroup':
        for (const id of this.plan.groups.find((g) => g.name === a.group)?.vmIds ?? []) {
          const v = this.vm(id)
          if (ctx.vms.power[v] === POWER_ON && ctx.spec.nodes[ctx.vms.host[v]]?.id === a.from) ops!.migrate!(id, a.to)
        }
        return
      case 'resetPlacement':
        for (const [id, host] of Object.entries(a.hosts)) {
          const v = this.vm(id)
          if (ctx.vms.power[v] === POWER_ON && ctx.spec.nodes[ctx.vms.host[v]]?.id !== host) ops!.migrate!(id, host)
        }
        return
    }
  }

  private nodeFaulted(n: string): boolean {
    return this.ctx.topo.faults.some((f) => f.kind === 'node' && f.target === n)
  }

  /** Power-on: the node is back (its fault restored) nodeBootSeconds later. */
  private powerOnNode(n: string): void {
    if (!this.nodeFaulted(n) || this.boots.has(n)) return
    this.boots.set(n, this.ctx.schedule(XRAY_RULES.nodeBootSeconds, 'xray-boot', n))
  }

  private onBooted(n: string): void {
    this.boots.delete(n)
    if (this.nodeFaulted(n)) this.ctx.restore(n)
  }

  private stopWorkload(w: string): void {
    for (const ev of this.pending.get(w) ?? []) this.ctx.queue.cancel(ev)
    this.pending.delete(w)
    if (this.running.delete(w)) this.demandChanged()
  }

  private onScheduled(s: Scheduled): void {
    if (s.kind === 'annotation') return recordAnnotation(this.c, this.ctx.time, s.text)
    const list = this.pending.get(s.workload)
    if (list) {
      const k = list.findIndex((ev) => ev.payload === s)
      if (k >= 0) list.splice(k, 1)
    }
    const set = this.running.get(s.workload) ?? new Set<string>()
    this.running.set(s.workload, set)
    if (s.kind === 'workloadVmStart') set.add(s.vm)
    else set.delete(s.vm)
    this.demandChanged()
  }

  // ------------------------------------------------------------------ results
  private sample(): void {
    if (this.c.phase === 'done') return
    const { vms, spec } = this.ctx
    const load = this.ctx.io.load()
    const tick: XrayTick = { time: this.ctx.time, phase: this.c.phase, vms: {}, workloads: {}, cluster: {} }
    const errors = (v: number) => this.ctx.vmErrorsPerSecond?.(v) ?? 0
    for (const id of this.groupOf.keys()) {
      const v = this.vm(id)
      const iops = load.vmIops[v]
      tick.vms[id] = { iops, bytesPerSecond: load.vmBandwidthBps[v], latencyMs: iops > 0 ? load.vmLatencyMs[v] : null, errorsPerSecond: errors(v), on: vms.power[v] === POWER_ON }
    }
    for (const [w, set] of this.running) {
      if (set.size === 0) continue
      const out: XrayTick['workloads'][string] = {}
      for (const id of set) {
        const v = this.vm(id)
        const all = this.vmDemand(v).reduce((s, d) => s + d.readIops + d.writeIops, 0)
        const share = all > 0 ? this.workloadShare(v, w) / all : 0
        out[id] = { iops: load.vmIops[v] * share, bytesPerSecond: load.vmBandwidthBps[v] * share, errorsPerSecond: errors(v) * share }
      }
      tick.workloads[w] = out
    }
    let hostsUp = 0
    for (let n = 0; n < spec.nodes.length; n++) if (this.ctx.topo.hostUp(n)) hostsUp++
    let vmsOn = 0
    for (let v = 0; v < vms.count; v++) if (vms.power[v] === POWER_ON) vmsOn++
    const cl = load.cluster
    tick.cluster = { iops: cl.iops, readIops: cl.readIops, writeIops: cl.writeIops, bandwidthBps: cl.bandwidthBps, latencyMs: cl.latencyMs, hostsUp, vmsOn }
    const cpu = this.ctx.io.cpu?.()
    if (cpu) tick.cluster.cpuPct = cpu.clusterCpuPct
    recordTick(this.c, tick)
    this.ctx.schedule(XRAY_RULES.sampleSeconds, 'xray-sample', null, true)
  }

  /** IOPS workload `w` alone asks of VM v (its share of the VM's demand). */
  private workloadShare(v: number, w: string): number {
    return this.computeDemand(v, w).reduce((s, x) => s + x.readIops + x.writeIops, 0)
  }
}
