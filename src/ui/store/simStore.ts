/**
 * The UI's copy of the simulation, fed by deltas from the worker. Components select
 * what they need; nothing here is computed for display that the model did not send.
 */
import { create } from 'zustand'
import {
  applyRecords,
  type Delta, type IoSection, type MetricSample, type RunStatus, type SimAlert, type SimEvent, type SimTask,
  type StateSection, type Structure, type SummarySection, type VmSection,
} from '../bridge/types'
import { appendEvents, decodeIo, decodeVms, NeedResync } from './decode'

export const SPEEDS = [1, 10, 60, 300, 900, 3600, 14400] as const

export interface Toast {
  id: number
  /** error and info are shown; 'done' (an action whose result is already on screen) is only announced to screen readers */
  kind: 'error' | 'info' | 'done'
  text: string
}

export interface SimState {
  ready: boolean
  structure: Structure | null
  time: number
  nextEventTime: number | null
  pendingActivity: number
  narration: Delta['narration']
  state: StateSection | null
  vms: VmSection | null
  summary: SummarySection | null
  /** I/O figures and redirects (iopath.ts, ioload.ts) */
  io: IoSection | null
  /** the recorded run: its end and whether an earlier moment is shown (time travel, issue 8) */
  run: RunStatus | null
  /** a run is being replayed (travel or import): what the UI says meanwhile, or null */
  replaying: string | null
  setReplaying(text: string | null): void
  /** the latest events (at most UI_EVENT_LIMIT), oldest first */
  events: SimEvent[]
  /** events appended since load, counting those no longer kept */
  eventsTotal: number
  alerts: SimAlert[]
  tasks: SimTask[]
  metrics: MetricSample[]
  playing: boolean
  speed: number
  toasts: Toast[]
  /** a problem with how the page was opened (bad URL parameter), shown until dismissed */
  banner: string | null
  setBanner(text: string | null): void
  apply(delta: Delta): void
  setPlaying(p: boolean): void
  setSpeed(s: number): void
  toast(kind: Toast['kind'], text: string): void
  dismissToast(id: number): void
}

let toastSeq = 0

export const useSim = create<SimState>((set, get) => ({
  ready: false,
  structure: null,
  time: 0,
  nextEventTime: null,
  pendingActivity: 0,
  narration: null,
  state: null,
  vms: null,
  summary: null,
  io: null,
  run: null,
  replaying: null,
  setReplaying(text) {
    set({ replaying: text })
  },
  events: [],
  eventsTotal: 0,
  alerts: [],
  tasks: [],
  metrics: [],
  playing: false,
  speed: 60,
  toasts: [],
  banner: null,
  setBanner(text) {
    set({ banner: text })
  },
  apply(delta) {
    const cur = get()
    const next: Partial<SimState> = {
      ready: true,
      time: delta.time,
      nextEventTime: delta.nextEventTime,
      pendingActivity: delta.pendingActivity,
      narration: delta.narration,
    }
    if (delta.structure) {
      // a new load: start from scratch
      next.structure = delta.structure
      next.events = []
      next.eventsTotal = 0
      next.alerts = []
      next.tasks = []
      next.metrics = []
      next.state = null
      next.vms = null
      next.summary = null
      next.io = null
    } else if (cur.structure && cur.structure.loadId !== delta.loadId) {
      return // a stale delta from before a load
    }
    if (delta.state) next.state = delta.state
    if (delta.vms) next.vms = decodeVms(next.vms === undefined ? cur.vms : next.vms, delta.vms)
    if (delta.summary) {
      const ha = delta.summary.ha ?? (next.summary === undefined ? cur.summary : next.summary)?.ha
      if (!ha) throw new NeedResync('a summary without the HA section the UI does not hold')
      next.summary = { ...delta.summary, ha }
    }
    if (delta.io) next.io = decodeIo(next.io === undefined ? cur.io : next.io, delta.io)
    if (delta.run) {
      const r = cur.run
      const n = delta.run
      if (!r || r.end !== n.end || r.viewingPast !== n.viewingPast || r.actions !== n.actions || r.future !== n.future) next.run = n
    }
    if (delta.alerts) next.alerts = applyRecords(next.alerts ?? cur.alerts, delta.alerts.changed, delta.alerts.removed)
    if (delta.tasks) next.tasks = applyRecords(next.tasks ?? cur.tasks, delta.tasks.changed, delta.tasks.removed)
    if (delta.metrics) {
      const base = next.metrics ?? cur.metrics
      const { from, items, reset } = delta.metrics
      next.metrics = reset ? items : base.slice(0, Math.min(from, base.length)).concat(items)
    }
    if (delta.events) {
      const e = appendEvents(next.events ?? cur.events, next.eventsTotal ?? cur.eventsTotal, delta.events.from, delta.events.items)
      next.events = e.events
      next.eventsTotal = e.total
    }
    set(next)
  },
  setPlaying(p) {
    set({ playing: p })
  },
  setSpeed(s) {
    set({ speed: s })
  },
  toast(kind, text) {
    const id = ++toastSeq
    set({ toasts: [...get().toasts.slice(-3), { id, kind, text }] })
    setTimeout(() => get().dismissToast(id), kind === 'error' ? 8000 : 4000)
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) })
  },
}))
