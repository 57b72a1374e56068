/** Walkthrough mode state: which narrated step the presenter is on (see controller.ts). */
import { create } from 'zustand'

export interface WalkthroughState {
  active: boolean
  /** index into the narrated steps (steps with `say`) */
  index: number
  /** a step change is running (reload / advance) */
  busy: boolean
  /** the loadId of the simulation the walkthrough drives; another load ends the walkthrough */
  loadId: number
  /** why the last step change failed, shown in the caption bar */
  error: string | null
  /** the Walkthroughs list (dialog) is open */
  listOpen: boolean
  /** where the presenter left a walkthrough (Exit keeps it; `w` or Resume goes back there) */
  resume: { key: string; index: number } | null
  set(patch: Partial<Omit<WalkthroughState, 'set'>>): void
}

export const useWalkthrough = create<WalkthroughState>((set) => ({
  active: false,
  index: 0,
  busy: false,
  loadId: -1,
  error: null,
  listOpen: false,
  resume: null,
  set(patch) {
    set(patch)
  },
}))
