/**
 * The run recorder behind time travel and shareable runs (issue 8).
 *
 * A run is the scenario, the seed and the user's actions with the simulated time each was
 * applied at. The model is deterministic, so loading the scenario with the seed and
 * applying the same actions at the same instants gives the same cluster, byte for byte.
 *
 * Clock moves are not recorded: running the clock from a to b and then to c is the same as
 * running it from a to c (handlers only ever see the time of their own event). The one case
 * that needs an entry is a clock run that did not move the time: it still ran the events due
 * at this instant (e.g. those an action scheduled with no delay). It is kept as
 * `{ at, op: 'run' }` when it matters — when it follows an action (or the load) at that
 * same instant.
 *
 * Replay rule: for each action, run the clock to its `at` when that is later than now, then
 * apply it (`run` runs the clock without moving it); finally run the clock to the target.
 */
import type { XrayPlan } from '../model/xray/planTypes'
import type { SimError, Simulation } from '../model/simulation'
import type { Fault } from '../model/types'
import type { AddNodeInput } from '../model/scenario/schema'
import { runSliced } from './chunked'

export type RunAction =
  | { at: number; op: 'inject'; args: [Fault] }
  | { at: number; op: 'restore'; args: [string] }
  | { at: number; op: 'powerOn'; args: [string] }
  | { at: number; op: 'powerOff'; args: [string] }
  | { at: number; op: 'migrate'; args: [string] | [string, string] }
  | { at: number; op: 'enterMaintenance'; args: [string] }
  | { at: number; op: 'exitMaintenance'; args: [string] }
  | { at: number; op: 'upgrade'; args: ['aos' | 'ahv'] }
  | { at: number; op: 'acknowledgeAlert'; args: [string] }
  | { at: number; op: 'setWarnThreshold'; args: [number] }
  | { at: number; op: 'setHaMode'; args: ['default' | 'guarantee'] }
  | { at: number; op: 'setAwarenessMode'; args: ['best-effort' | 'opt-in'] }
  | { at: number; op: 'setGrowthRate'; args: [number] }
  | { at: number; op: 'writeData'; args: [number] }
  | { at: number; op: 'removeDisk'; args: [string] }
  | { at: number; op: 'removeNode'; args: [string] }
  | { at: number; op: 'addNode'; args: [AddNodeInput] }
  | { at: number; op: 'run'; args?: [] }

export type RunOp = RunAction['op']
/** An action without its time, as a command issues it. */
export type Command = RunAction extends infer A ? (A extends RunAction ? Omit<A, 'at'> : never) : never

export const RUN_FORMAT = 'prism-sim-run'

/** What `exportRun()` returns and `importRun()` takes (runSchema.ts validates it). */
export interface Run {
  format: typeof RUN_FORMAT
  version: 1
  /** optional name, e.g. given when saved */
  name?: string
  /** the scenario as loaded (a built-in's JSON when loaded by id) */
  scenario: unknown
  seed: number
  actions: RunAction[]
  /** the latest simulated time the run reached, seconds */
  end: number
}

const MS = 1000
export const toMs = (s: number): number => Math.round(s * MS)

/** Apply one action to a simulation (the same calls the facade's commands make). Throws SimError when refused. */
export function applyAction(sim: Simulation, a: Command): void {
  switch (a.op) {
    case 'inject':
      sim.inject(a.args[0])
      return
    case 'restore':
      sim.restore(a.args[0])
      return
    case 'powerOn':
      sim.powerOn(a.args[0])
      return
    case 'powerOff':
      sim.powerOff(a.args[0])
      return
    case 'migrate':
      sim.migrate(a.args[0], a.args[1])
      return
    case 'enterMaintenance':
      sim.enterMaintenance(a.args[0])
      return
    case 'exitMaintenance':
      sim.exitMaintenance(a.args[0])
      return
    case 'upgrade':
      sim.upgrade(a.args[0])
      return
    case 'acknowledgeAlert':
      sim.acknowledgeAlert(a.args[0])
      return
    case 'removeDisk':
      sim.removeDisk(a.args[0])
      return
    case 'removeNode':
      sim.removeNode(a.args[0])
      return
    case 'addNode':
      sim.addNode(a.args[0])
      return
    case 'setWarnThreshold':
      sim.setWarnThreshold(a.args[0])
      return
    case 'setHaMode':
      sim.ha.setMode(a.args[0])
      return
    case 'setAwarenessMode':
      sim.setAwarenessMode(a.args[0])
      return
    case 'setGrowthRate':
      sim.growth.setRate(a.args[0])
      return
    case 'writeData':
      sim.growth.write(a.args[0])
      return
    case 'run':
      sim.advance(0)
      return
  }
}

/** Run the clock to `atMs` (integer ms) if that is later than now, in slices (chunked.ts). */
function runTo(sim: Simulation, atMs: number, onSlice?: (timeMs: number) => void): void {
  runSliced(sim, atMs, onSlice)
}

/** Describe an action for messages: `actions[3] (restore at 120 s)`. */
export function describeAction(i: number, a: RunAction): string {
  return `actions[${i}] (${a.op} at ${a.at} s)`
}

/**
 * Replay `actions` on a freshly loaded simulation up to `untilSeconds` (the latest state at
 * that instant: every action at or before it applied). Throws an Error naming the action
 * that was refused. `onProgress` gets the fraction done (by simulated time).
 */
export function replay(
  sim: Simulation,
  actions: readonly RunAction[],
  untilSeconds: number,
  onProgress?: (fraction: number) => void,
  /** after each slice of clock run, with the number of `actions` applied so far (checkpoints.ts) */
  atSlice?: (applied: number) => void,
): number {
  const until = toMs(untilSeconds)
  let applied = 0
  const onSlice =
    onProgress || atSlice
      ? (t: number) => {
          onProgress?.(until > 0 ? t / until : 1)
          atSlice?.(applied)
        }
      : undefined
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]
    const at = toMs(a.at)
    if (at > until) break
    if (at < sim.timeMs) throw new Error(`${describeAction(i, a)}: is earlier than the action before it`)
    runTo(sim, at, onSlice)
    try {
      applyAction(sim, a)
    } catch (e) {
      throw new Error(`${describeAction(i, a)}: ${(e as SimError).message}`, { cause: e })
    }
    applied++
    onProgress?.(until > 0 ? at / until : 1)
  }
  runTo(sim, until, onSlice)
  return applied
}

/**
 * The live recorder. `actions` is the past up to the current moment; after a travel back,
 * `futureActions` holds what came after it until the run continues — any new action or
 * clock move then drops it (a fork).
 */
export class RunLog {
  private past: RunAction[] = []
  private future: RunAction[] = []
  /** the latest time the run reached, ms (beyond now while viewing the past) */
  private endMs = 0
  /** time of the last recorded entry (or the load), ms */
  private lastMs = 0

  constructor(
    readonly scenario: unknown,
    readonly seed: number,
    /** the X-Ray test the run started with (loadXray), else null */
    readonly xray: XrayPlan | null = null,
  ) {}

  get actions(): readonly RunAction[] {
    return this.past
  }
  get futureActions(): readonly RunAction[] {
    return this.future
  }
  /** true while viewing an earlier moment of the run */
  viewingPast(nowMs: number): boolean {
    return this.future.length > 0 || this.endMs > nowMs
  }
  /** End of the run, seconds: the latest time it reached. */
  end(nowMs: number): number {
    return Math.max(this.endMs, nowMs) / MS
  }

  /** A command was applied at `nowMs`: record it (a recorded future is dropped: a fork). */
  record(nowMs: number, cmd: Command): void {
    this.fork(nowMs)
    this.past.push({ at: nowMs / MS, ...cmd } as RunAction)
    this.lastMs = nowMs
  }

  /** The clock ran from `beforeMs` to `nowMs` (advance, tick, settle, step). */
  clock(beforeMs: number, nowMs: number): void {
    this.fork(nowMs)
    if (nowMs !== beforeMs || nowMs !== this.lastMs) return
    const last = this.past[this.past.length - 1]
    if (last && last.op === 'run' && toMs(last.at) === nowMs) return
    this.past.push({ at: nowMs / MS, op: 'run' })
  }

  /** Going on from now: the recorded future is dropped and the run ends now. */
  fork(nowMs: number): void {
    this.future = []
    this.endMs = nowMs
    this.onFork?.(nowMs, this.past.length)
  }
  /** told of every fork, with the entries kept (the facade drops later checkpoints) */
  onFork?: (nowMs: number, kept: number) => void

  /** After a travel to `atMs` (every entry at or before it replayed): split past and future. */
  travelled(atMs: number, all: readonly RunAction[], endMs: number): void {
    const k = all.findIndex((a) => toMs(a.at) > atMs)
    this.past = k < 0 ? [...all] : all.slice(0, k)
    this.future = k < 0 ? [] : all.slice(k)
    this.endMs = Math.max(endMs, atMs)
    this.lastMs = this.past.length > 0 ? toMs(this.past[this.past.length - 1].at) : 0
  }

  /** Every entry, past then future. */
  all(): RunAction[] {
    return [...this.past, ...this.future]
  }

  /** The whole run (past and future), for export. */
  toRun(nowMs: number, name?: string): Run {
    return {
      format: RUN_FORMAT,
      version: 1,
      ...(name ? { name } : {}),
      scenario: this.scenario,
      seed: this.seed,
      actions: this.all().map((a) => ({ ...a })),
      end: this.end(nowMs),
    }
  }
}
