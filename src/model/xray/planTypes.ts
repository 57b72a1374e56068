/**
 * The compiled plan of an X-Ray test: the steps of setup, run and teardown as abstract
 * actions on the simulated clock. The executor (a later issue) runs the steps in order:
 * a step starts when the one before it has ended; it performs its actions, then waits
 * for `waitFor` (or `duration` seconds when waitFor is null), failing after `timeout`.
 * `start`/`duration` are nominal: computed with our rule durations (rules.ts); when the
 * model takes longer (a migration, a boot), later steps move by the difference.
 */
import type { WorkloadDemand } from './fioDemand'
import type { Phase, ResultDef, StepKind } from './types'

export type PlanAction =
  /** the VMs come into existence (they are in the loaded Scenario, powered off) */
  | { do: 'createVms'; group: string; vms: string[] }
  /** power the VMs on, at most `maxConcurrent` at once (X-Ray's boot-storm limit) */
  | { do: 'powerOnVms'; group: string; vms: string[]; maxConcurrent: number }
  /** hard power-off of the VMs */
  | { do: 'powerOffVms'; group: string; vms: string[] }
  /** start fio on each VM at its offset (stagger); each runs `runtimeSeconds` or until stopped (null) */
  | { do: 'startWorkload'; workload: string; group: string; vms: Array<{ vm: string; offset: number }>; runtimeSeconds: number | null }
  | { do: 'stopWorkload'; workload: string }
  /** not simulated: the data is taken as written (accepted and flagged) */
  | { do: 'prefill'; workload: string; group: string; bytesPerVm: number }
  /** IPMI power-off: host and CVM down at once, no clean shutdown */
  | { do: 'powerOffNodes'; nodes: string[] }
  /** graceful shutdown through the management software: CVM stops cleanly, then the host */
  | { do: 'shutdownNodes'; nodes: string[] }
  /** power on; a node is ready XRAY_RULES.nodeBootSeconds later */
  | { do: 'powerOnNodes'; nodes: string[] }
  /** live-migrate the group's VMs that are on `from` now to `to` */
  | { do: 'migrateGroup'; group: string; from: string; to: string }
  /** live-migrate every VM of the group that is not on its original host back there */
  | { do: 'resetPlacement'; group: string; hosts: Record<string, string> }
  /** not simulated: `count` snapshots of the group's VMs, the first now, then every `everySeconds` (annotations only); in the background or blocking */
  | { do: 'snapshots'; group: string; count: number; everySeconds: number; background: boolean }
  /** teardown: every node powered on, X-Ray's VMs powered off and forgotten */
  | { do: 'cleanUp'; vms: string[] }

export type WaitCondition =
  | { for: 'vmsOn'; vms: string[] }
  | { for: 'vmsOff'; vms: string[] }
  | { for: 'nodesReady'; nodes: string[] }
  | { for: 'nodesOff'; nodes: string[] }
  | { for: 'groupMigrated'; group: string; from: string }
  | { for: 'placementReset'; group: string }
  | { for: 'workloadDone'; workload: string }

export interface PlanAnnotation { at: 'start' | 'end'; text: string }

export interface PlanStep {
  index: number
  /** `run[3]`, or `run[3].2` for the steps a meta step (RollingUpgrade, CleanUp) expands to */
  path: string
  phase: Phase
  kind: StepKind
  title: string
  /** applied before t = 0: part of the fast-forwarded setup (no simulated time) */
  folded: boolean
  /** false for what is accepted but not simulated (snapshots, prefill) */
  simulated: boolean
  actions: PlanAction[]
  waitFor: WaitCondition | null
  /** the step fails if waitFor does not hold this long after the step's start */
  timeout: number | null
  annotations: PlanAnnotation[]
  /** nominal simulated start and duration (seconds since load) */
  start: number
  duration: number
}

export interface PlanGroup {
  name: string
  vmIds: string[]
  /** original host (node id) of each VM, parallel to vmIds */
  hosts: string[]
  /** VMs created by the fast-forwarded setup (the others come with a later step) */
  createdAtLoad: number
  vcpus: number
  ramMb: number
  dataDisks: number
}

export interface PlanWorkload { name: string; group: string; configFile: string; demand: WorkloadDemand }

export interface XrayPlan {
  name: string
  displayName: string
  steps: PlanStep[]
  /** nominal start of each phase (run starts where setup's last step ends) */
  phases: Record<Phase, { start: number; end: number }>
  groups: PlanGroup[]
  workloads: PlanWorkload[]
  results: ResultDef[]
  /** node ids by X-Ray node index */
  nodes: string[]
  /** what this run accepts but does not simulate, for the report */
  notes: string[]
}
