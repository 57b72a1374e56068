/**
 * The door to the validation worker (src/worker/validate.worker.ts): scenario text is checked
 * off the main thread. A check that does not answer within a minute is given up (the worker is
 * replaced) and reported as a problem.
 */
import * as Comlink from 'comlink'
import type { ScenarioVerdict } from '../../worker/validateText'
import type { ValidateApi } from '../../worker/validate.worker'

export type { ScenarioVerdict }

const TIMEOUT_MS = 60_000
let worker: Worker | null = null
let api: Comlink.Remote<ValidateApi> | null = null

function remote(): Comlink.Remote<ValidateApi> {
  if (!api) {
    worker = new Worker(new URL('../../worker/validate.worker.ts', import.meta.url), { type: 'module', name: 'prism-validate' })
    api = Comlink.wrap<ValidateApi>(worker)
  }
  return api
}

function reset(): void {
  worker?.terminate()
  worker = null
  api = null
}

/** Check scenario JSON text in the validation worker. */
export function validateScenario(text: string, seed?: number): Promise<ScenarioVerdict> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      reset()
      resolve({ ok: false, problems: ['(scenario): checking took more than a minute and was stopped'] })
    }, TIMEOUT_MS)
    remote()
      .validate(text, seed)
      .then(
        (v) => resolve(v),
        (e: unknown) => resolve({ ok: false, problems: [`(scenario): could not be checked (${e instanceof Error ? e.message : 'the checker stopped'})`] }),
      )
      .finally(() => clearTimeout(timer))
  })
}
