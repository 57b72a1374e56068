/**
 * A subsystem's view of the composition root (plannedHost.ts, lifecycleHost.ts): the kernel
 * services passed through by reference (getters and calls, never copied values), added to the
 * view's own members.
 */
import type { Kernel } from './context'

export function withKernel<T extends object>(sim: Kernel, view: T): T & Kernel {
  const kernel: Kernel = {
    get time() { return sim.time },
    get timeMs() { return sim.timeMs },
    get rng() { return sim.rng },
    get log() { return sim.log },
    get queue() { return sim.queue },
    on: (type, handler) => sim.on(type, handler),
    schedule: (delay, type, payload, quiet) => sim.schedule(delay, type, payload, quiet),
    invalidate: () => sim.invalidate(),
    touch: () => sim.touch(),
    faultToleranceEvaluated: () => sim.faultToleranceEvaluated(),
    idleUntilMs: () => sim.idleUntilMs(),
  }
  return Object.defineProperties(view, Object.getOwnPropertyDescriptors(kernel)) as T & Kernel
}
