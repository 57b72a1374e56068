/**
 * The simulation worker's life (issue 21): start it, watch it, and notice when it stops — an
 * `error` or `messageerror` event, or a call with no word from the worker (answer or progress)
 * for WATCHDOG_MS. Then every call in flight and every later call rejects with a clear message
 * until the worker is restarted (client.ts restores the recorded run into a new one).
 */
import * as Comlink from 'comlink'
import type { ExposedApi } from '../../worker/sim.worker'
import { useWorkerStatus } from './workerStatus'

/** no answer and no progress for this long while a call is in flight: the worker is taken as stopped */
export const WATCHDOG_MS = 15_000

export type Api = Comlink.Remote<ExposedApi>

let worker: Worker | null = null
/** bumped each time the worker is replaced: late messages of a replaced worker are ignored */
let generation = 0
let api: Api | null = null
let stoppedReason: string | null = null
/** while a new worker is being restored: why other calls are refused meanwhile */
let restoring: string | null = null
/** rejecters of the calls in flight */
const inFlight = new Set<(e: Error) => void>()
let lastHeard = 0
let timer: ReturnType<typeof setInterval> | null = null
const stopListeners = new Set<(reason: string) => void>()

export function stoppedMessage(reason: string): string {
  return `The simulation stopped (${reason}); press Restart in the banner at the top of the page to restore the run`
}

function spawn(): Api {
  const w = new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'prism-sim' })
  w.addEventListener('error', (e) => {
    e.preventDefault()
    markStopped(`it failed: ${(e.message || 'an error in the worker').slice(0, 200)}`, w)
  })
  w.addEventListener('messageerror', () => markStopped('a message from it could not be read', w))
  w.addEventListener('message', () => {
    lastHeard = performance.now()
  })
  worker = w
  api = Comlink.wrap<ExposedApi>(w)
  return api
}

/** Take the worker as stopped: reject what is in flight, tell the UI. */
function markStopped(reason: string, w: Worker | null = worker): void {
  if (w !== worker || stoppedReason !== null) return
  stoppedReason = reason
  const err = new Error(stoppedMessage(reason))
  for (const reject of inFlight) reject(err)
  inFlight.clear()
  useWorkerStatus.getState().set({ stopped: reason, busy: null })
  for (const l of stopListeners) l(reason)
}

export function onStopped(l: (reason: string) => void): void {
  stopListeners.add(l)
}

function watch(): void {
  if (timer !== null) return
  timer = setInterval(() => {
    if (inFlight.size === 0) return
    if (performance.now() - lastHeard > WATCHDOG_MS) markStopped(`it did not answer for ${WATCHDOG_MS / 1000} s`)
  }, 1000)
}

/** Call the worker; rejects at once when it has stopped, and when it stops during the call. */
export function call<T>(fn: (r: Api) => Promise<T>, restore = false): Promise<T> {
  if (stoppedReason !== null) return Promise.reject(new Error(stoppedMessage(stoppedReason)))
  if (restoring !== null && !restore) return Promise.reject(new Error(restoring))
  const r = api ?? spawn()
  watch()
  if (inFlight.size === 0) lastHeard = performance.now()
  return new Promise<T>((resolve, reject) => {
    inFlight.add(reject)
    fn(r).then(
      (v) => {
        inFlight.delete(reject)
        resolve(v)
      },
      (e: unknown) => {
        inFlight.delete(reject)
        reject(e instanceof Error ? e : new Error(String(e)))
      },
    )
  })
}

/** End the worker (stopped or cancelled) and start a new, empty one. `reason` goes to the calls in flight. */
export function replaceWorker(reason: string): void {
  generation++
  restoring = reason
  const err = new Error(reason)
  for (const reject of inFlight) reject(err)
  inFlight.clear()
  worker?.terminate()
  worker = null
  api = null
  stoppedReason = null
  spawn()
  useWorkerStatus.getState().set({ stopped: null, busy: null })
}

/** Which worker this is: a progress report made for an older one (still queued when it was replaced) is stale. */
export function workerGeneration(): number {
  return generation
}

/** The run is back in the new worker: calls go through again. */
export function restored(): void {
  restoring = null
}

/** A sign of life that comes by another channel (a progress report through a comlink proxy). */
export function heard(): void {
  lastHeard = performance.now()
}

/** Has the worker stopped? (the reason, else null) */
export function stopped(): string | null {
  return stoppedReason
}
