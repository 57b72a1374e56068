/**
 * The one bridge between the UI and the simulation worker: wraps the comlink API,
 * applies every delta to the store before a call resolves, and runs the play loop;
 * `window.prismSim` (DRILL-API.md §1) is built on it in prismSim.ts. The worker's life (start, watchdog) is in
 * worker.ts; this file keeps a copy of the recorded run so a stopped or cancelled worker is
 * replaced by one that replays it (issue 21).
 */
import type { XrayReport } from '../../model/xray/types'
import * as Comlink from 'comlink'
import { NeedResync } from '../store/decode'
import { useSim } from '../store/simStore'
import { DEFAULT_SCENARIO_ID, type Delta, type AddNodeInput, type DrillChecks, type Fault, type Report, type Run, type RunMark, type ScenarioInfo, type Until, type UntilResult, type WhatIfResult } from './types'
import { call, heard, onStopped, replaceWorker, restored, workerGeneration, type Api } from './worker'
import { useWorkerStatus } from './workerStatus'

/** serialises commands so the play loop and drill calls never interleave */
let chain: Promise<unknown> = Promise.resolve()
/** the input of the last successful load (see simClient.lastLoad) */
let lastLoad: { scenario: unknown; seed?: number; loadId: number } | null = null
/** a copy of the recorded run as of the last finished command, and what it was taken at */
let lastRun: Run | null = null
let lastRunKey = ''

/** Long work reports progress: shown with a Cancel (WorkerBanner). */
function progress(label: string): (fraction: number) => void {
  const gen = workerGeneration()
  return Comlink.proxy((fraction: number) => {
    // a report the replaced worker posted before it was ended must not bring its banner back
    if (gen !== workerGeneration()) return
    heard()
    useWorkerStatus.getState().set({ busy: { label, fraction, cancellable: true } })
  })
}

function queue<T>(fn: () => Promise<T>): Promise<T> {
  const p = chain.then(fn, fn)
  chain = p.then(
    () => undefined,
    () => undefined,
  ) // not the result: a Report would be kept until the next call
  return p
}

/** Resolve on the next animation frame, so callers see the new state painted. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'undefined' || document.visibilityState === 'hidden') resolve()
    else requestAnimationFrame(() => resolve())
  })
}

function cleanError(e: unknown): Error {
  const msg = e instanceof Error ? e.message : String(e)
  return new Error(msg)
}

/** Apply a delta; if the UI lost track of what a patch applies to, ask for everything afresh. */
async function applyDelta(delta: Delta): Promise<void> {
  try {
    useSim.getState().apply(delta)
  } catch (e) {
    if (!(e instanceof NeedResync)) throw e
    useSim.getState().apply(await call((r) => r.resync()))
  }
}

/** Keep the copy of the recorded run up to date when its actions changed (not on clock moves). */
async function keepRun(delta: Delta): Promise<void> {
  const key = `${delta.loadId}:${delta.run?.actions ?? 0}:${delta.run?.future ?? 0}`
  if (key === lastRunKey) return
  lastRun = await call((r) => r.exportRun())
  lastRunKey = key
}

async function command(fn: (r: Api) => Promise<Delta>): Promise<void> {
  await queue(async () => {
    try {
      const delta = await call(fn)
      await applyDelta(delta)
      await keepRun(delta)
    } catch (e) {
      throw cleanError(e)
    } finally {
      useWorkerStatus.getState().set({ busy: null })
    }
  })
  await nextFrame()
}

/** A call that pauses a playing clock while it runs; refused, the clock plays on (issue 21). */
async function pausing<T>(fn: () => Promise<T>): Promise<T> {
  const wasPlaying = useSim.getState().playing
  useSim.getState().setPlaying(false)
  try {
    return await fn()
  } catch (e) {
    if (wasPlaying) play()
    throw e
  }
}

/** The recorded run to restore into a new worker: the copy, run to the latest time the UI saw. */
function runToRestore(): Run | null {
  if (!lastRun) return null
  const end = Math.max(lastRun.end, useSim.getState().run?.end ?? 0, useSim.getState().time)
  return { ...lastRun, end }
}

/**
 * Replace the worker by a new one and replay the recorded run into it (after a stop, or to cancel
 * long work: the run as it was before the call). Nothing recorded is lost: actions are recorded
 * when they finish, clock moves are the run's end.
 */
async function restoreRun(run: Run | null): Promise<void> {
  const status = useWorkerStatus.getState()
  useSim.getState().setPlaying(false)
  status.set({ busy: { label: 'Restoring the run', fraction: 0, cancellable: false } })
  try {
    // after the calls queued before (they are refused: the worker is being restored)
    await queue(async () => {
      const onProgress = Comlink.proxy((f: number) => (heard(), status.set({ busy: { label: 'Restoring the run', fraction: f, cancellable: false } })))
      const delta = await call((r) => (run ? r.importRun(run, onProgress) : r.load(lastLoad?.scenario ?? DEFAULT_SCENARIO_ID, lastLoad?.seed)), true)
      restored()
      useSim.getState().apply(delta)
      lastRun = await call((r) => r.exportRun())
      lastRunKey = `${delta.loadId}:${delta.run?.actions ?? 0}:${delta.run?.future ?? 0}`
    })
  } finally {
    restored()
    useWorkerStatus.getState().set({ busy: null })
  }
}

onStopped(() => {
  useSim.getState().setPlaying(false)
})

/** Restart a stopped simulation from the recorded run (the banner's Restart). */
export async function restartSimulation(): Promise<void> {
  const run = runToRestore()
  replaceWorker('the simulation was restarted')
  await restoreRun(run)
}

/** Cancel long work: the worker is replaced and the run is restored as it was before the call. */
export async function cancelWork(): Promise<void> {
  const run = runToRestore()
  replaceWorker('cancelled: the simulation is back as it was before the call')
  await restoreRun(run)
}

export const simClient = {
  listScenarios(): Promise<ScenarioInfo[]> {
    return queue(() => call((r) => r.listScenarios()))
  },
  load(scenario: unknown, seed?: number): Promise<void> {
    return pausing(() => command((r) => r.load(scenario, seed))).then(() => {
      lastLoad = { scenario, seed, loadId: useSim.getState().structure?.loadId ?? -1 }
    })
  },
  /** DRILL-API §5: load an X-Ray test folder (file name → text) on a cluster (default twelve-3-blocks) */
  loadXray(files: Record<string, string>, options?: { cluster?: string | object; seed?: number }): Promise<void> {
    return pausing(() => command((r) => r.loadXray(files, options))).then(() => {
      lastLoad = null
    })
  },
  xrayReport(): Promise<XrayReport | null> {
    return queue(() => call((r) => r.xrayReport())).catch((e) => {
      throw cleanError(e)
    })
  },
  /** what the last successful load() loaded, and the loadId it got (the walkthrough's Back replays it) */
  lastLoad(): { scenario: unknown; seed?: number; loadId: number } | null {
    return lastLoad
  },
  inject(fault: Fault): Promise<void> {
    return command((r) => r.inject(fault))
  },
  restore(target: string): Promise<void> {
    return command((r) => r.restore(target))
  },
  advance(seconds: number): Promise<void> {
    return command((r) => r.advance(seconds, progress('Running the clock')))
  },
  async settle(maxSeconds?: number): Promise<number> {
    let seconds = 0
    await command(async (r) => {
      const res = await r.settle(maxSeconds, progress('Settling'))
      seconds = res.seconds
      return res.delta
    })
    return seconds
  },
  async advanceUntil(until: Until, maxSeconds: number): Promise<UntilResult> {
    let result: UntilResult = { met: false, seconds: 0 }
    await command(async (r) => {
      const res = await r.advanceUntil(until, maxSeconds)
      result = res.result
      return res.delta
    })
    return result
  },
  async step(): Promise<number> {
    let seconds = 0
    await command(async (r) => {
      const res = await r.step(progress('Stepping to the next event'))
      seconds = res.seconds
      return res.delta
    })
    return seconds
  },
  powerOn(vmId: string): Promise<void> {
    return command((r) => r.powerOn(vmId))
  },
  powerOff(vmId: string): Promise<void> {
    return command((r) => r.powerOff(vmId))
  },
  migrate(vmId: string, hostId?: string): Promise<void> {
    return command((r) => r.migrate(vmId, hostId))
  },
  enterMaintenance(nodeId: string): Promise<void> {
    return command((r) => r.enterMaintenance(nodeId))
  },
  exitMaintenance(nodeId: string): Promise<void> {
    return command((r) => r.exitMaintenance(nodeId))
  },
  upgrade(kind: 'aos' | 'ahv'): Promise<void> {
    return command((r) => r.upgrade(kind))
  },
  acknowledgeAlert(alertId: string): Promise<void> {
    return command((r) => r.acknowledgeAlert(alertId))
  },
  setWarnThreshold(pct: number): Promise<void> {
    return command((r) => r.setWarnThreshold(pct))
  },
  removeDisk(diskId: string): Promise<void> {
    return command((r) => r.removeDisk(diskId))
  },
  removeNode(nodeId: string): Promise<void> {
    return command((r) => r.removeNode(nodeId))
  },
  addNode(node: AddNodeInput): Promise<void> {
    return command((r) => r.addNode(node))
  },
  setHaMode(mode: 'default' | 'guarantee'): Promise<void> {
    return command((r) => r.setHaMode(mode))
  },
  setAwarenessMode(mode: 'best-effort' | 'opt-in'): Promise<void> {
    return command((r) => r.setAwarenessMode(mode))
  },
  setGrowthRate(tbPerDay: number): Promise<void> {
    return command((r) => r.setGrowthRate(tbPerDay))
  },
  writeData(tb: number): Promise<void> {
    return command((r) => r.writeData(tb))
  },
  whatIf(target: string): Promise<WhatIfResult> {
    return queue(() => call((r) => r.whatIf(target))).catch((e) => {
      throw cleanError(e)
    })
  },
  /** the last lines of a host's iSCSI redirector log */
  redirectorLog(hostId: string, lines?: number): Promise<string[]> {
    return queue(() => call((r) => r.redirectorLog(hostId, lines))).catch((e) => {
      throw cleanError(e)
    })
  },
  report(): Promise<Report> {
    return queue(() => call((r) => r.report())).catch((e) => {
      throw cleanError(e)
    })
  },
  ncli(type: 'node' | 'rackable_unit' | 'rack' | 'disk'): Promise<string> {
    return queue(() => call((r) => r.ncli(type))).catch((e) => {
      throw cleanError(e)
    })
  },
  /** the recorded run: scenario, seed, actions with their times, end (issue 8) */
  checkExpectations(settleSeconds?: number): Promise<DrillChecks> {
    return queue(() => call((r) => r.checkExpectations(settleSeconds))).catch((e) => {
      throw cleanError(e)
    })
  },
  exportRun(name?: string): Promise<Run> {
    return queue(() => call((r) => r.exportRun(name))).catch((e) => {
      throw cleanError(e)
    })
  },
  /** load a run and replay it to its end; refused whole (the current simulation stays) with every problem by path */
  async importRun(run: unknown): Promise<void> {
    useSim.getState().setReplaying('Replaying the run…')
    try {
      await pausing(() => command((r) => r.importRun(run, progress('Replaying the run'))))
    } finally {
      useSim.getState().setReplaying(null)
    }
  },
  /** replay the run to this simulated time exactly (later actions are kept until the run goes on); `scrub`: a frame of a drag, shown without the replaying banner */
  async travelTo(seconds: number, scrub = false): Promise<void> {
    if (scrub) return pausing(() => command((r) => r.travelTo(seconds)))
    useSim.getState().setReplaying(typeof seconds === 'number' && Number.isFinite(seconds) ? `Replaying to T+${Math.round(seconds)} s…` : 'Replaying…')
    try {
      await pausing(() => command((r) => r.travelTo(seconds, progress('Replaying the run'))))
    } finally {
      useSim.getState().setReplaying(null)
    }
  },
  /** continue from the moment shown: the recorded future is dropped */
  forkRun(): Promise<void> {
    return command((r) => r.forkRun())
  },
  /** marks of the whole run for the timeline: warning/critical events and recorded actions */
  runTimeline(): Promise<RunMark[]> {
    return queue(() => call((r) => r.runTimeline())).catch((e) => {
      throw cleanError(e)
    })
  },
}

// ------------------------------------------------------------------ play loop
let lastFrame = 0
let looping = false

function loop(now: number): void {
  const { playing, speed } = useSim.getState()
  if (!playing) {
    looping = false
    return
  }
  const dt = lastFrame === 0 ? 0 : Math.min(now - lastFrame, 250)
  lastFrame = now
  const simSeconds = (dt / 1000) * speed
  void queue(async () => {
    await applyDelta(await call((r) => r.tick(simSeconds)))
  }).then(
    () => requestAnimationFrame(loop),
    (e) => {
      looping = false
      useSim.getState().setPlaying(false)
      useSim.getState().toast('error', cleanError(e).message)
    },
  )
}

export function play(): void {
  useSim.getState().setPlaying(true)
  if (!looping) {
    looping = true
    lastFrame = 0
    requestAnimationFrame(loop)
  }
}

export function pause(): void {
  useSim.getState().setPlaying(false)
}
