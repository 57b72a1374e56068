/** The only door from the UI to the worker's and model's types. */
export type { Delta, IoDelta, IoSection, ScenarioInfo, StateSection, Structure, SummarySection, VmDelta, VmSection } from '../../worker/protocol'
export { LATENCY_STEPS_PER_MS, UI_REDIRECTS } from '../../worker/protocol'
export { applyListPatch, applyPatch, applyRecords } from '../../worker/patch'
export type { ArrayPatch } from '../../worker/patch'
export type {
  Component, Domain, DomainType, Fault, FaultKind, FaultToleranceRow, Report, ReportRedirect, ReportVm, ResiliencyStatus,
  Severity, SimAlert, SimEvent, SimTask, Until, UntilResult,
} from '../../model/types'
export { COMPONENTS, DOMAIN_TYPES } from '../../model/types'
export { DEFAULT_SCENARIO_ID } from '../../model/scenario/builtins'
export type { MetricSample } from '../../model/kernel/metrics'
export type { WhatIfResult } from '../../model/storage/whatif'
export type { AddNodeInput } from '../../model/scenario/schema'
export type { RunMark, RunStatus } from '../../worker/protocol'
export type { Run, RunAction } from '../../worker/runLog'
export type { CheckResult, DrillChecks } from '../../model/scenario/expect'
export { parseRun } from '../../worker/runSchema'
export { compileScenario } from '../../model/scenario/normalize'
export { CVM_DOWN, CVM_UP, DISK_OFFLINE, DISK_ONLINE, HOST_DOWN, HOST_PARTITIONED, HOST_UP } from '../../model/cluster/topology'
export { POWER_OFF, POWER_ON, POWER_RESTARTING } from '../../model/cluster/vms'
export { SESSION_ACTIVE, SESSION_LOGIN, SESSION_NONE, SESSION_STALLED } from '../../model/iopath/iopath'
