/**
 * Long clock runs in slices (issue 21): between slices the worker reports progress, which is
 * also its sign of life for the client's watchdog (src/ui/bridge/client.ts). Running the clock
 * from a to b and then to c is the same as from a to c (runUntil only ever sees each event's own
 * time), so slicing never changes the result.
 */
import type { Simulation } from '../model/simulation'

/** fraction done, 0 … 1 */
export type Progress = (fraction: number) => void

/** one slice of simulated time (ms) between progress checks and checkpoint chances (checkpoints.ts) */
export const SLICE_MS = 1_800_000
/** wall time between progress reports (ms) */
const REPORT_MS = 100

/** A progress callback that passes on at most one report per 100 ms of wall time. */
export function throttled(cb: Progress | undefined): Progress | undefined {
  if (!cb) return undefined
  let last = performance.now()
  return (f) => {
    const now = performance.now()
    if (now - last < REPORT_MS) return
    last = now
    cb(Math.min(1, Math.max(0, f)))
  }
}

/** Run the clock to `atMs` (integer ms) in slices ending at whole multiples of SLICE_MS (where checkpoints fall); `onSlice` gets the time reached after each. */
export function runSliced(sim: Simulation, atMs: number, onSlice?: (timeMs: number) => void): void {
  if (atMs <= sim.timeMs) return
  while (sim.timeMs < atMs) {
    const before = sim.timeMs
    const next = Math.min(atMs, (Math.floor(before / SLICE_MS) + 1) * SLICE_MS)
    sim.advance((next - before) / 1000)
    if (sim.timeMs <= before) break
    onSlice?.(sim.timeMs)
  }
}

/** Run until nothing is pending, at most `maxMs`, in slices; the seconds run (as Simulation.settle). */
export function settleSliced(sim: Simulation, maxMs: number, progress?: Progress, onSlice?: () => void): number {
  const start = sim.timeMs
  for (;;) {
    const left = maxMs - (sim.timeMs - start)
    const slice = Math.min(SLICE_MS, left)
    const ran = sim.settle(slice / 1000)
    if (left <= slice || Math.round(ran * 1000) < slice) break
    progress?.((sim.timeMs - start) / maxMs)
    onSlice?.()
  }
  return (sim.timeMs - start) / 1000
}
