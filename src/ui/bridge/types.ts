/** The only door from the UI to the worker's and model's types. */
export type { Delta, ScenarioInfo, StateSection, Structure, SummarySection, VmSection } from '../../worker/protocol'
export type {
  Component, Domain, DomainType, Fault, FaultKind, FaultToleranceRow, Report, ReportVm, ResiliencyStatus,
  Severity, SimAlert, SimEvent, SimTask,
} from '../../model/types'
export { COMPONENTS, DOMAIN_TYPES } from '../../model/types'
export { DEFAULT_SCENARIO_ID } from '../../model/scenario/builtins'
export type { MetricSample } from '../../model/metrics'
