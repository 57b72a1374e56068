/**
 * The coarse API over the model that the worker exposes (and that Node tests and the
 * headless runner use directly). Every command leaves the simulation untouched when it
 * throws, and returns the delta it caused, so the UI shows the new state at once.
 */
import { builtinScenario, BUILTIN_SCENARIOS } from '../model/scenario/builtins'
import { formatDomainFaultToleranceStatus, type NcliDomainType } from '../model/report/ncli'
import { buildResiliency } from '../model/report/report'
import { whatIfFailure, type WhatIfResult } from '../model/storage/whatif'
import { SimError, Simulation } from '../model/simulation'
import type { Fault, Report, Until, UntilResult } from '../model/types'
import type { AddNodeInput } from '../model/scenario/schema'
import { runDrill, type DrillChecks } from '../model/scenario/expect'
import type { Delta, RunMark, RunStatus, ScenarioInfo, SimWorkerApi } from './protocol'
import { applyAction, replay, RunLog, toMs, type Command, type Run, type RunAction } from './runLog'
import { Checkpoints } from './checkpoints'
import { parseRun } from './runSchema'
import { freshSimulation, xraySimulation } from './xrayLoad'
import { DeltaBuilder } from './deltas'
import type { XrayReport } from '../model/xray/types'
import { runSliced, settleSliced, throttled, type Progress } from './chunked'
import { checkFault, checkId, checkNumber, checkSeconds, describeError, quote } from './guard'
import { MAX_CALL_SECONDS, MAX_JSON_CHARS, MAX_RUN_SECONDS } from '../model/scenario/limits'

/** Cap of simulated seconds one tick may run, so a frame never stalls on a huge jump. */
export const MAX_TICK_SECONDS = 6 * 3600

export class SimFacade implements SimWorkerApi {
  private sim: Simulation | null = null
  private loadId = 0
  /** what the UI holds: the next delta sends what differs (deltas.ts) */
  private deltas = new DeltaBuilder()
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
    this.deltas = new DeltaBuilder()
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
  setAwarenessMode(mode: 'best-effort' | 'opt-in'): Delta {
    return this.guard('setAwarenessMode', () => {
      if (mode !== 'best-effort' && mode !== 'opt-in') throw new SimError(`awareness mode must be "best-effort" or "opt-in", got ${quote(mode)}`)
      return this.act({ op: 'setAwarenessMode', args: [mode] })
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
    this.deltas = new DeltaBuilder()
    return this.delta()
  }

  /** Everything that changed since the last delta (deltas.ts). */
  private delta(): Delta {
    return this.deltas.build(this.simulation, this.loadId, this.runStatus())
  }
}

/** A recorded action as a line on the timeline: "inject node node-3". */
function describeCommand(a: RunAction): string {
  if (a.op === 'inject') return `Inject ${a.args[0].kind} fault on ${String(a.args[0].target).replaceAll(',', ', ')}`
  if (a.op === 'run') return 'Run the clock'
  return `${a.op} ${String(a.args[0])}`
}
