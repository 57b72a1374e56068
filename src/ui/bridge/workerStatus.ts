/** What the UI shows about the simulation worker itself (issue 21): stopped, busy with long work, restoring. */
import { create } from 'zustand'

export interface WorkerStatus {
  /** why the worker stopped (it failed, was ended or did not answer), or null while it runs */
  stopped: string | null
  /** long work in progress (a big advance, a replay): what, and the fraction done */
  busy: { label: string; fraction: number; cancellable: boolean } | null
  set(p: Partial<Omit<WorkerStatus, 'set'>>): void
}

export const useWorkerStatus = create<WorkerStatus>((set) => ({
  stopped: null,
  busy: null,
  set(p) {
    set(p)
  },
}))
