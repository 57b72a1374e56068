/**
 * Decoding the worker's compact deltas (worker/protocol.ts) into the sections the UI
 * reads: patches applied to fresh copies, latencies back to milliseconds, events and
 * redirects appended to bounded histories, tasks and alerts merged by id.
 */
import {
  applyListPatch, applyPatch, LATENCY_STEPS_PER_MS, UI_REDIRECTS,
  type ArrayPatch, type IoDelta, type IoSection, type SimEvent, type VmDelta, type VmSection,
} from '../bridge/types'

/**
 * The UI keeps the latest events only (the model keeps more: Report.events); the events
 * table says so when older ones were dropped.
 */
export const UI_EVENT_LIMIT = 2_000

/**
 * One copy of each severity, type and entity id: every structured clone brings its own
 * copy of every string, and a long event history repeats them thousands of times.
 */
const pool = new Map<string, string>()
function intern(s: string): string {
  const hit = pool.get(s)
  if (hit !== undefined) return hit
  if (pool.size > 50_000) pool.clear() // entity ids are bounded by the cluster; this is a backstop
  pool.set(s, s)
  return s
}

function compact(e: SimEvent): SimEvent {
  return { time: e.time, severity: intern(e.severity) as SimEvent['severity'], type: intern(e.type), entity: e.entity === null ? null : intern(e.entity), message: e.message, cause: e.cause ?? null }
}

/** Thrown when a patch arrives without the base it applies to: the caller asks for a resync. */
export class NeedResync extends Error {}

function need<T>(x: T | null): T {
  if (x === null) throw new NeedResync('a delta patched arrays the UI does not hold')
  return x
}

export function decodeVms(prev: VmSection | null, d: VmDelta): VmSection {
  return {
    version: d.version,
    host: need(applyPatch(prev?.host ?? null, d.host)),
    power: need(applyPatch(prev?.power ?? null, d.power)),
    frodo: need(applyPatch(prev?.frodo ?? null, d.frodo)),
    vdiskStargate: need(applyPatch(prev?.vdiskStargate ?? null, d.vdiskStargate)),
    vdiskSession: need(applyPatch(prev?.vdiskSession ?? null, d.vdiskSession)),
    vdiskLoginTarget: need(applyPatch(prev?.vdiskLoginTarget ?? null, d.vdiskLoginTarget)),
    ip: need(applyListPatch(prev?.ip ?? null, d.ip)),
  }
}

/** Latencies sent as hundredths of a ms (whole or patched), applied to the UI's milliseconds. */
function latencyMs(prev: Float32Array | null, patch: ArrayPatch<Uint16Array> | undefined): Float32Array | null {
  if (!patch) return prev
  const steps = 'full' in patch ? patch.full : patch.val
  const ms = new Float32Array(steps.length)
  for (let i = 0; i < steps.length; i++) ms[i] = steps[i] / LATENCY_STEPS_PER_MS
  return 'full' in patch ? ms : applyPatch(prev, { idx: patch.idx, val: ms })
}

export function decodeIo(p: IoSection | null, d: IoDelta): IoSection {
  return {
    ...d,
    vmReadIops: need(applyPatch(p?.vmReadIops ?? null, d.vmReadIops)),
    vmWriteIops: need(applyPatch(p?.vmWriteIops ?? null, d.vmWriteIops)),
    vmBandwidthBps: need(applyPatch(p?.vmBandwidthBps ?? null, d.vmBandwidthBps)),
    vmLatencyMs: need(latencyMs(p?.vmLatencyMs ?? null, d.vmLatencyMs)),
    vdiskLatencyMs: need(latencyMs(p?.vdiskLatencyMs ?? null, d.vdiskLatencyMs)),
    vmErrors: need(applyPatch(p?.vmErrors ?? null, d.vmErrors)),
    vdiskDataOk: need(applyPatch(p?.vdiskDataOk ?? null, d.vdiskDataOk)),
    vmCpuPct: need(applyPatch(p?.vmCpuPct ?? null, d.vmCpuPct)),
    vmMemoryPct: need(applyPatch(p?.vmMemoryPct ?? null, d.vmMemoryPct)),
    redirects: d.redirects.length === 0 && p ? p.redirects : (p?.redirects ?? []).concat(d.redirects).slice(-UI_REDIRECTS),
  }
}

/**
 * The event history after `items` arrived, the first of them being event number `from`
 * (counting every event since load). `total` is how many the UI had counted before.
 */
export function appendEvents(prev: SimEvent[], total: number, from: number, items: SimEvent[]): { events: SimEvent[]; total: number } {
  let base = prev
  if (from < total) base = prev.slice(0, Math.max(0, prev.length - (total - from))) // a resend of the tail
  else if (from > total) base = [] // a gap: the model no longer keeps what the UI missed
  let events = base.concat(items.map(compact))
  if (events.length > UI_EVENT_LIMIT) events = events.slice(events.length - UI_EVENT_LIMIT)
  return { events, total: from + items.length }
}

