/**
 * Types of an X-Ray scenario as we read it (test.yml + its fio job files; DOMAIN.md §13),
 * and of `Report.xray` (DRILL-API.md §5). The parser (parse.ts) produces an `XrayTest`;
 * the compiler (plan.ts) turns it into a `Scenario` plus an `XrayPlan`.
 */
import type { FioJobFile } from './fio'

/** A refusal: every problem, each naming the file and the path inside it. */
export type XrayResult<T> = { ok: true; value: T } | { ok: false; problems: string[] }

/** One `vms` entry (X-Ray's VM group; X-Ray clones it from a template). */
export interface VmGroupDef {
  name: string
  template: string
  vcpus: number
  ramMb: number
  /** sizes in GB, one per data disk (`data_disks: {count, size}` or a list of sizes) */
  dataDisksGb: number[]
  /** node slice (`nodes: "0:"`), default ":" (every node) */
  nodes: string
  /** exactly one of these, or neither (then one VM per selected node) */
  countPerNode: number | null
  countPerCluster: number | null
}

/** One `workloads` entry: an fio job file run on every VM of a group. */
export interface WorkloadDef {
  name: string
  vmGroup: string
  configFile: string
  fio: FioJobFile
}

export type ResultKind = 'iops' | 'latency' | 'errors' | 'active' | 'metric'
export type Aggregate = 'sum' | 'min' | 'mean' | 'median' | 'max'

/** One `results` entry. */
export interface ResultDef {
  name: string
  kind: ResultKind
  /** the X-Ray result_type as written (`iops`, `latency`, `bandwidth`, `errors`, `active`), or null for cluster metrics */
  resultType: string | null
  vmGroup: string | null
  /** set when the result reads a workload's fio output (`workload_name`) */
  workload: string | null
  /** cluster metric name (`metric: CpuUsage.Avg.Megahertz`) */
  metric: string | null
  aggregate: Aggregate
  reportMetrics: string[]
  /** `AnyFail` among report_metrics */
  anyFail: boolean
}

export type Phase = 'setup' | 'run' | 'teardown'

/** The step kinds we accept (issue 19 item 3), in X-Ray's dotted names. */
export type StepKind =
  | 'cluster.CleanUp'
  | 'vm_group.CloneFromTemplate' | 'vm_group.PowerOn' | 'vm_group.PowerOff' | 'vm_group.Grow'
  | 'vm_group.MigrateGroup' | 'vm_group.ResetGroupPlacement' | 'vm_group.CreatePeriodicSnapshots'
  | 'workload.Start' | 'workload.Stop' | 'workload.Wait' | 'workload.PrefillRun'
  | 'test.Wait'
  | 'nodes.PowerOff' | 'nodes.PowerOn' | 'nodes.Shutdown' | 'nodes.WaitForPowerOn' | 'nodes.WaitForPowerOff'
  | 'meta.RollingUpgrade'

/** A step as written, its arguments checked against the step catalog (steps.ts). */
export interface StepDef {
  kind: StepKind
  /** `run[3]` */
  path: string
  phase: Phase
  args: Record<string, string | number | boolean | null>
}

export interface XrayVar { default: number | string | boolean; min: number | null; max: number | null; value: number | string | boolean }

export interface XrayTest {
  /** file name of the test (`test.yml`) */
  file: string
  name: string
  displayName: string
  summary: string
  estimatedRuntime: number | null
  tags: string[]
  vars: Record<string, XrayVar>
  vmGroups: VmGroupDef[]
  workloads: WorkloadDef[]
  results: ResultDef[]
  setup: StepDef[]
  run: StepDef[]
  teardown: StepDef[]
}

// ---- Report.xray (DRILL-API.md §5; fields after the contract's are our additions) ----

export interface XrayReportResult {
  name: string
  kind: ResultKind
  vmGroup: string | null
  series: Array<[number, number]>
  anyFail: boolean | null
  /** addition: unit of the series values: 'IOPS', 'ms', 'errors/s', 'VMs', 'B/s', '%', 'Hz' */
  unit: string
  /** addition: false for a cluster metric the model does not have (its series stays empty) */
  simulated: boolean
}

export interface XrayAnnotation { time: number; text: string }

export interface XrayReportStep {
  path: string
  phase: Phase
  title: string
  state: 'pending' | 'running' | 'done'
  start: number | null
  end: number | null
}

export interface XrayReport {
  name: string
  phase: Phase | 'done'
  results: XrayReportResult[]
  annotations: XrayAnnotation[]
  /** addition: the plan's steps, with the one running now */
  steps: XrayReportStep[]
  /** addition: what this run accepted but does not simulate (periodic snapshots, prefill, cloning I/O…) */
  notes: string[]
}
