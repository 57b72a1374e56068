/**
 * The coarse API over the model that the worker exposes (and that Node tests and the
 * headless runner use directly). Every command leaves the simulation untouched when it
 * throws, and returns the delta it caused, so the UI shows the new state at once.
 */
import { builtinScenario, BUILTIN_SCENARIOS } from '../model/scenario/builtins'
import { formatDomainFaultToleranceStatus, type NcliDomainType } from '../model/report/ncli'
import { buildContainers, buildHa, buildResiliency, buildStorage } from '../model/report/report'
import { whatIfFailure, type WhatIfResult } from '../model/storage/whatif'
import { FRODO_CONNECTIONS_PER_VDISK } from '../model/iopath/ioload'
import { SimError, Simulation } from '../model/simulation'
import type { Fault, Report, SimAlert, SimTask, Until, UntilResult } from '../model/types'
import type { AddNodeInput } from '../model/scenario/schema'
import { UNIT_BYTES } from '../model/kernel/units'
import { runDrill, type DrillChecks } from '../model/scenario/expect'
import { ArraySender, ListSender, RecordSender } from './patch'
import { LATENCY_STEPS_PER_MS, UI_REDIRECTS, type Delta, type IoDelta, type IoPatched, type RunMark, type RunStatus, type ScenarioInfo, type SimWorkerApi, type Structure, type SummaryDelta, type VmDelta } from './protocol'
import { applyAction, replay, RunLog, toMs, type Command, type Run, type RunAction } from './runLog'
import { Checkpoints } from './checkpoints'
import { parseRun } from './runSchema'
import { freshSimulation, xraySimulation } from './xrayLoad'
import type { XrayReport } from '../model/xray/types'
import { runSliced, settleSliced, throttled, type Progress } from './chunked'
import { availableVersions } from '../model/upgrade/versions'
import { checkFault, checkId, checkNumber, checkSeconds, describeError, quote } from './guard'
import { MAX_CALL_SECONDS, MAX_JSON_CHARS, MAX_RUN_SECONDS } from '../model/scenario/limits'

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

/** Cap of simulated seconds one tick may run, so a frame never stalls on a huge jump. */
export const MAX_TICK_SECONDS = 6 * 3600

export class SimFacade implements SimWorkerApi {
  private sim: Simulation | null = null
  private loadId = 0
  private sent: Sent = fresh()
  private senders = new Senders()
  /** the recorded run (runLog.ts): every successful command with its simulated time */
  private run: RunLog | null = null
  /** checkpoints of `sim` for time travel (checkpoints.ts) */
  private ckpt: Checkpoints | null = null
  /** warning/critical events of the latest moment, kept while an earlier one is shown */
  private latestMarks: RunMark[] = []

  get simulation(): Simulation {
    if (!this.sim) throw new SimError('no scenario loaded')
    return this.sim
  }

  listScenarios(): ScenarioInfo[] {
    return BUILTIN_SCENARIOS.map((s) => ({ id: s.id!, title: s.title, summary: s.summary ?? '', narratedSteps: (s.steps ?? []).filter((x) => x.say !== undefined).length }))
  }

  load(scenario: unknown, seed?: number): Delta {
    return this.guard('load', () => {
      if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 4294967295))
        throw new SimError(`seed must be a whole number from 0 to 4294967295, got ${quote(seed)}`)
      let input = scenario
      if (typeof scenario === 'string') {
        input = builtinScenario(scenario)
        if (!input) throw new SimError(`unknown scenario ${quote(scenario)} (built-in ids: ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')})`)
      }
      const copy = JSON.parse(JSON.stringify(input) ?? 'null') as unknown // plain JSON data only (no cycles, no functions)
      const sim = Simulation.create(copy, seed) // throws with every problem; the current sim stays
      this.swap(sim, new RunLog(copy, sim.spec.seed), Checkpoints.atLoad(sim))
      this.latestMarks = []
      return this.delta()
    })
  }

  /** DRILL-API §5: load an X-Ray test (its folder's files) on a target cluster; refused: nothing changes. */
  loadXray(files: unknown, options?: unknown): Delta {
    return this.guard('loadXray', () => {
      const { sim, scenario, plan } = xraySimulation(files, options)
      this.swap(sim, new RunLog(scenario, sim.spec.seed, plan), Checkpoints.atLoad(sim))
      this.latestMarks = []
      return this.delta()
    })
  }

  /** Report.xray alone (the X-Ray page reads it without the whole Report). */
  xrayReport(): XrayReport | null {
    return this.sim?.xray?.report() ?? null
  }

  /** Run `fn`; any failure becomes a short SimError in words naming the method (guard.ts). */
  private guard<T>(method: string, fn: () => T, arg?: string): T {
    try {
      return fn()
    } catch (e) {
      throw describeError(method, e, arg)
    }
  }

  /** Refuse a clock run that would take the run past MAX_RUN_SECONDS. */
  private checkRunEnd(seconds: number): void {
    const now = this.simulation.timeMs
    if (now + seconds * 1000 > MAX_RUN_SECONDS * 1000)
      throw new SimError(`a run may reach at most T+${MAX_RUN_SECONDS} s (365 simulated days); it is at T+${now / 1000} s, so ${seconds} s more is too much`)
  }

  /** Show a new simulation (a load, an import or a travel): the UI gets everything afresh. */
  private swap(sim: Simulation, run: RunLog, ckpt: Checkpoints): void {
    this.sim = sim
    this.run = run
    this.ckpt = ckpt
    run.onFork = (now, kept) => ckpt.dropAfter(now, kept)
    this.loadId++
    this.sent = fresh()
    this.senders = new Senders()
  }

  /** Apply a command and record it in the run. */
  private act(cmd: Command): Delta {
    const sim = this.simulation
    applyAction(sim, cmd) // throws when refused: nothing is recorded
    this.run?.record(sim.timeMs, cmd)
    this.latestMarks = []
    return this.delta()
  }

  /** Run the clock (advance, tick, settle, step) and note it in the run. */
  private clock<T>(fn: (sim: Simulation) => T): T {
    const sim = this.simulation
    const before = sim.timeMs
    if (this.run?.viewingPast(before)) this.ckpt?.dropAfter(before, this.run.actions.length) // a fork: the later checkpoints are of another line
    const out = fn(sim)
    this.run?.clock(before, sim.timeMs)
    this.checkpoint()
    this.latestMarks = []
    return out
  }

  /** Between commands: take a checkpoint when this interval of simulated time has none (checkpoints.ts). */
  private checkpoint = (): void => {
    if (this.run) this.ckpt?.maybeTake(this.run.actions.length)
  }

  /** Run the loaded scenario afresh (its seed, its steps, no user actions) as a drill and evaluate its `expect` checks (expect.ts). */
  checkExpectations(settleSeconds = 7 * 86400): DrillChecks {
    if (!this.run) throw new SimError('no scenario loaded')
    const { passed, checks, report } = runDrill(freshSimulation(this.run), settleSeconds)
    return { passed, checks, end: report.time }
  }

  exportRun(name?: string): Run {
    if (!this.run) throw new SimError('no scenario loaded')
    if (name !== undefined && (typeof name !== 'string' || name.length > 200)) throw new SimError(`name must be text of at most 200 characters, got ${quote(name)}`)
    return this.run.toRun(this.simulation.timeMs, name?.trim() || undefined)
  }

  importRun(input: unknown, onProgress?: Progress): Delta {
    return this.guard('importRun', () => this.importRunUnguarded(input, throttled(onProgress)), 'the run')
  }

  private importRunUnguarded(input: unknown, onProgress?: Progress): Delta {
    if (typeof input === 'string' && input.length > MAX_JSON_CHARS)
      throw new SimError(`not a valid run:\n(run): ${input.length} characters of text, more than the ${MAX_JSON_CHARS} a run may have`)
    const parsed = parseRun(input)
    if (!parsed.ok) throw new SimError(`not a valid run:\n${parsed.problems.join('\n')}`)
    const run = parsed.run
    let scenario = run.scenario
    if (typeof scenario === 'string') {
      scenario = builtinScenario(scenario)
      if (!scenario) throw new SimError(`not a valid run:\nscenario: unknown built-in scenario "${String(run.scenario)}"`)
    }
    let sim: Simulation
    let ckpt: Checkpoints
    try {
      sim = Simulation.create(scenario, run.seed)
      ckpt = Checkpoints.atLoad(sim)
    } catch (e) {
      const lines = describeError('importRun', e).message.split('\n').map((l) => (l.startsWith('(scenario)') ? `scenario${l.slice(10)}` : `scenario.${l}`))
      throw new SimError(`not a valid run:\n${lines.join('\n')}`)
    }
    try {
      replay(sim, run.actions, run.end, onProgress, (applied) => ckpt.maybeTake(applied))
    } catch (e) {
      throw new SimError(`the run does not replay:\n${describeError('replay', e).message}`)
    }
    const log = new RunLog(JSON.parse(JSON.stringify(scenario)) as unknown, run.seed)
    log.travelled(sim.timeMs, run.actions, toMs(run.end))
    this.swap(sim, log, ckpt)
    this.latestMarks = []
    return this.delta()
  }

  travelTo(seconds: number, onProgress?: Progress): Delta {
    return this.guard('travelTo', () => this.travelToUnguarded(seconds, throttled(onProgress)), 'seconds')
  }

  private travelToUnguarded(seconds: number, onProgress?: Progress): Delta {
    const run = this.run
    const cur = this.simulation
    if (!run) throw new SimError('no scenario loaded')
    const end = run.end(cur.timeMs)
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > end)
      throw new SimError(`seconds must be a number from 0 to ${end} (the end of the run), got ${quote(seconds)}`)
    const target = toMs(seconds)
    const all = run.all()
    const endMs = toMs(end)
    if (!run.viewingPast(cur.timeMs)) this.latestMarks = this.marksOf(cur)
    const ckpt = this.ckpt!
    const cp = ckpt.nearest(target)!
    if (target >= cur.timeMs && cp.timeMs <= cur.timeMs) {
      // forward: go on from here along the recorded future (the state now is the latest at this time)
      const done = run.actions.length
      replay(cur, run.futureActions, seconds, onProgress, (applied) => ckpt.maybeTake(done + applied))
      run.travelled(target, all, endMs)
      if (!run.viewingPast(cur.timeMs)) this.latestMarks = []
      return this.delta()
    }
    // restore the latest checkpoint at or before the target in place, replay only what came after it
    ckpt.restore(cp)
    replay(cur, all.slice(cp.applied), seconds, onProgress, (applied) => ckpt.maybeTake(cp.applied + applied))
    const log = new RunLog(run.scenario, run.seed, run.xray)
    log.travelled(target, all, endMs)
    this.swap(cur, log, ckpt)
    if (!log.viewingPast(cur.timeMs)) this.latestMarks = []
    return this.delta()
  }

  /** Continue from the moment shown: drop the recorded future (a fork). */
  forkRun(): Delta {
    this.run?.fork(this.simulation.timeMs)
    this.latestMarks = []
    return this.delta()
  }

  runTimeline(): RunMark[] {
    const run = this.run
    if (!run) return []
    const sim = this.simulation
    const events = run.viewingPast(sim.timeMs) && this.latestMarks.length > 0 ? this.latestMarks : this.marksOf(sim)
    const actions: RunMark[] = run.all().filter((a) => a.op !== 'run').map((a) => ({ time: a.at, severity: 'action', text: describeCommand(a) }))
    return [...events, ...actions]
  }

  private marksOf(sim: Simulation): RunMark[] {
    const out: RunMark[] = []
    for (const e of sim.log.events) if (e.severity !== 'info') out.push({ time: e.time, severity: e.severity, text: e.message })
    return out.length > 2000 ? out.slice(out.length - 2000) : out
  }

  private runStatus(): RunStatus | undefined {
    const run = this.run
    if (!run) return undefined
    const now = this.simulation.timeMs
    return { end: run.end(now), viewingPast: run.viewingPast(now), actions: run.actions.length, future: run.futureActions.length }
  }

  inject(fault: unknown): Delta {
    return this.guard('inject', () => this.act({ op: 'inject', args: [checkFault(fault) as Fault] }), 'fault')
  }
  restore(target: string): Delta {
    return this.guard('restore', () => this.act({ op: 'restore', args: [checkId('target', target)] }), 'target')
  }
  /** Run the clock `seconds` forward (at most MAX_CALL_SECONDS), in slices reporting progress. */
  advance(seconds: number, onProgress?: Progress): Delta {
    return this.guard('advance', () => {
      const s = checkSeconds('seconds', seconds, MAX_CALL_SECONDS, 'the most one call may run')
      this.checkRunEnd(s)
      const progress = throttled(onProgress)
      this.clock((sim) => {
        const start = sim.timeMs
        const target = start + Math.round(s * 1000)
        if (target === start) sim.advance(0)
        else
          runSliced(sim, target, (t) => {
            progress?.((t - start) / (target - start))
            this.checkpoint()
          })
      })
      return this.delta()
    })
  }
  settle(maxSeconds?: number, onProgress?: Progress): { seconds: number; delta: Delta } {
    return this.guard('settle', () => {
      // the default (7 days) stops at the run's limit; an explicit maxSeconds past it is refused
      const room = Math.max(0, MAX_RUN_SECONDS - this.simulation.time)
      const max = maxSeconds === undefined ? Math.min(7 * 86400, room) : checkSeconds('maxSeconds', maxSeconds, MAX_CALL_SECONDS, 'the most one call may run')
      this.checkRunEnd(max)
      const seconds = this.clock((sim) => settleSliced(sim, Math.round(max * 1000), throttled(onProgress), this.checkpoint))
      return { seconds, delta: this.delta() }
    })
  }
  advanceUntil(until: Until, maxSeconds: number): { result: UntilResult; delta: Delta } {
    return this.guard('advanceUntil', () => {
      const max = checkSeconds('maxSeconds', maxSeconds, MAX_CALL_SECONDS, 'the most one call may run')
      this.checkRunEnd(max)
      const result = this.clock((sim) => sim.advanceUntil(until, max))
      return { result, delta: this.delta() }
    })
  }
  step(onProgress?: Progress): { seconds: number; delta: Delta } {
    return this.guard('step', () => {
      const sim = this.simulation
      const next = sim.nextEventTime()
      if (next !== null && next - sim.time > MAX_CALL_SECONDS)
        throw new SimError(`the next event is at T+${next} s, more than ${MAX_CALL_SECONDS} s (30 simulated days, the most one call may run) ahead; advance in parts`)
      if (next !== null) this.checkRunEnd(Math.max(0, next - sim.time))
      const progress = throttled(onProgress)
      const seconds = this.clock((s) => {
        const start = s.timeMs
        const target = next === null ? start : Math.round(next * 1000)
        if (target - start <= 3_600_000) return s.stepToNextEvent()
        runSliced(s, target, (t) => {
          progress?.((t - start) / (target - start))
          this.checkpoint()
        })
        return (s.timeMs - start) / 1000
      })
      return { seconds, delta: this.delta() }
    })
  }
  tick(simSeconds: number): Delta {
    const s = typeof simSeconds === 'number' && Number.isFinite(simSeconds) ? Math.min(Math.max(0, simSeconds), MAX_TICK_SECONDS) : 0
    const room = Math.max(0, MAX_RUN_SECONDS - this.simulation.time)
    if (s > 0 && room === 0) throw new SimError(`the run reached T+${MAX_RUN_SECONDS} s (365 simulated days), the latest a run may reach; the clock stops here`)
    if (Math.min(s, room) > 0) this.clock((sim) => sim.advance(Math.min(s, room)))
    return this.delta()
  }
  powerOn(vmId: string): Delta {
    return this.guard('powerOn', () => this.act({ op: 'powerOn', args: [checkId('vmId', vmId)] }), 'vmId')
  }
  powerOff(vmId: string): Delta {
    return this.guard('powerOff', () => this.act({ op: 'powerOff', args: [checkId('vmId', vmId)] }), 'vmId')
  }
  migrate(vmId: string, hostId?: string): Delta {
    return this.guard('migrate', () => {
      const vm = checkId('vmId', vmId)
      if (hostId === undefined || hostId === null) return this.act({ op: 'migrate', args: [vm] })
      return this.act({ op: 'migrate', args: [vm, checkId('hostId', hostId)] })
    }, 'vmId')
  }
  enterMaintenance(nodeId: string): Delta {
    return this.guard('enterMaintenance', () => this.act({ op: 'enterMaintenance', args: [checkId('nodeId', nodeId)] }), 'nodeId')
  }
  exitMaintenance(nodeId: string): Delta {
    return this.guard('exitMaintenance', () => this.act({ op: 'exitMaintenance', args: [checkId('nodeId', nodeId)] }), 'nodeId')
  }
  upgrade(kind: 'aos' | 'ahv'): Delta {
    return this.guard('upgrade', () => {
      if (kind !== 'aos' && kind !== 'ahv') throw new SimError(`upgrade kind must be "aos" or "ahv", got ${quote(kind)}`)
      return this.act({ op: 'upgrade', args: [kind] })
    })
  }
  acknowledgeAlert(alertId: string): Delta {
    return this.guard('acknowledgeAlert', () => this.act({ op: 'acknowledgeAlert', args: [checkId('alertId', alertId)] }), 'alertId')
  }
  setWarnThreshold(pct: number): Delta {
    return this.guard('setWarnThreshold', () => this.act({ op: 'setWarnThreshold', args: [checkNumber('pct', pct)] }), 'pct')
  }
  removeDisk(diskId: string): Delta {
    return this.guard('removeDisk', () => this.act({ op: 'removeDisk', args: [checkId('diskId', diskId)] }), 'diskId')
  }
  removeNode(nodeId: string): Delta {
    return this.guard('removeNode', () => this.act({ op: 'removeNode', args: [checkId('nodeId', nodeId)] }), 'nodeId')
  }
  addNode(node: AddNodeInput): Delta {
    // a plain JSON copy: the run records it, and the caller's object may change afterwards
    return this.guard('addNode', () => this.act({ op: 'addNode', args: [JSON.parse(JSON.stringify(node ?? null)) as AddNodeInput] }), 'node')
  }
  setHaMode(mode: 'default' | 'guarantee'): Delta {
    return this.guard('setHaMode', () => {
      if (mode !== 'default' && mode !== 'guarantee') throw new SimError(`HA mode must be "default" or "guarantee", got ${quote(mode)}`)
      return this.act({ op: 'setHaMode', args: [mode] })
    })
  }
  setGrowthRate(tbPerDay: number): Delta {
    return this.guard('setGrowthRate', () => this.act({ op: 'setGrowthRate', args: [checkNumber('tbPerDay', tbPerDay)] }), 'tbPerDay')
  }
  writeData(tb: number): Delta {
    return this.guard('writeData', () => this.act({ op: 'writeData', args: [checkNumber('tb', tb)] }), 'tb')
  }
  whatIf(target: string): WhatIfResult {
    return this.guard('whatIf', () => whatIfFailure(this.simulation, checkId('target', target)), 'target')
  }
  redirectorLog(hostId: string, lines = 60): string[] {
    const sim = this.simulation
    const h = sim.topo.nodeIndex.get(checkId('hostId', hostId))
    if (h === undefined) throw new SimError(`unknown host ${quote(hostId)}`)
    if (!Number.isInteger(lines) || lines < 1 || lines > 5000) throw new SimError(`lines must be a whole number from 1 to 5000, got ${quote(lines)}`)
    return sim.io.redirectorLog(h, lines)
  }
  report(): Report {
    return this.simulation.report()
  }
  ncli(type: NcliDomainType): string {
    if (!['node', 'rackable_unit', 'rack', 'disk'].includes(type)) throw new SimError(`unknown type ${quote(type)}: use node, rackable_unit, rack or disk`)
    const sim = this.simulation
    return formatDomainFaultToleranceStatus({ resiliency: buildResiliency(sim), time: sim.time }, type)
  }
  resync(): Delta {
    this.sent = fresh()
    this.senders = new Senders()
    return this.delta()
  }

  /** Everything that changed since the last delta. */
  private delta(): Delta {
    const sim = this.simulation
    const { topo, data, vms, log, spec } = sim
    const d: Delta = {
      loadId: this.loadId,
      time: sim.time,
      nextEventTime: sim.nextActiveEventTime(),
      pendingActivity: sim.queue.active,
      narration: sim.narration,
      run: this.runStatus(),
    }
    if (this.sent.structure && topo.structureVersion !== this.sent.topology) {
      // nodes or disks were added or a node removed: per-node and per-disk arrays changed length, send everything again
      this.sent = fresh()
      this.senders = new Senders()
    }
    if (!this.sent.structure) {
      d.structure = this.structure()
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
        activeFaults: topo.faults.map((f) => ({ kind: f.kind, target: f.target })),
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
      d.io = this.io(ioKey)
      this.sent.io = ioKey
    }
    if (sim.version !== this.sent.summary) {
      d.summary = this.summary()
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
  private io(key: string): IoDelta {
    const io = this.simulation.io
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
    const share = this.simulation.vdiskDataShare().share
    set('vdiskDataOk', s.vdiskDataOk.diff(Uint8Array.from({ length: l.vdiskIops.length }, (_, vd) => (share === null || share[vd] >= 1 ? 1 : 0))))
    set('vmCpuPct', s.vmCpuPct.diff(Float32Array.from(cpu.vmCpuPct)))
    set('vmMemoryPct', s.vmMemoryPct.diff(Float32Array.from(cpu.vmMemoryPct)))
    return out
  }

  private summary(): SummaryDelta {
    const sim = this.simulation
    const res = buildResiliency(sim)
    const out: SummaryDelta = {
      version: sim.version,
      ...res,
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

  private structure(): Structure {
    const sim = this.simulation
    const { spec, vms } = sim
    return {
      loadId: this.loadId,
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

/** A recorded action as a line on the timeline: "inject node node-3". */
function describeCommand(a: RunAction): string {
  if (a.op === 'inject') return `Inject ${a.args[0].kind} fault on ${a.args[0].target}`
  if (a.op === 'addNode') return `addNode ${a.args[0].id}`
  if (a.op === 'run') return 'Run the clock'
  return `${a.op} ${String(a.args[0])}`
}
