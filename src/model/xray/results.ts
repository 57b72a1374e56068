/**
 * The results collector: from per-tick VM I/O figures, step changes and annotations, the
 * series of every `results` entry and the rest of `Report.xray`. Deterministic; it keeps
 * only what it is given (the executor feeds it every XRAY_RULES.sampleSeconds).
 *
 * Our rules (README "X-Ray scenarios"):
 *   - series cover the run phase, as X-Ray's charts do; a workload result also covers its
 *     workload whenever it runs (a warm-up in setup shows);
 *   - one series per result: the group's VMs combined with `aggregate` (default sum;
 *     latency: mean); X-Ray's per-VM series are not produced;
 *   - iops/bandwidth/latency read the VMs of the group that are powered on; latency
 *     leaves out VMs doing no I/O and skips the tick when none does;
 *   - errors: I/O errors per second of the workload's VMs; active: how many of the VMs
 *     that should run the workload now are doing I/O;
 *   - AnyFail: errors > 0 at any point, or fewer VMs active than should be, or an IOPS
 *     series at 0 while its workload runs; null when the result does not ask for it;
 *   - cluster metrics: the ones in CLUSTER_METRICS; any other stays empty, simulated: false.
 */
import type { PlanStep, XrayPlan } from './planTypes'
import type { Aggregate, Phase, ResultDef, XrayReport, XrayReportResult } from './types'

/** Per VM, what its vDisks did over the last tick (all of its workloads together). */
export interface VmSample { iops: number; bytesPerSecond: number; latencyMs: number | null; errorsPerSecond: number; on: boolean }
/** Per workload and VM (VMs where the workload should be running now). */
export interface WorkloadVmSample { iops: number; bytesPerSecond: number; errorsPerSecond: number }

export interface XrayTick {
  time: number
  phase: Phase
  vms: Record<string, VmSample>
  workloads: Record<string, Record<string, WorkloadVmSample>>
  cluster: Partial<Record<ClusterFigure, number>>
}

export type ClusterFigure = 'iops' | 'readIops' | 'writeIops' | 'bandwidthBps' | 'latencyMs' | 'hostsUp' | 'vmsOn' | 'cpuPct'
/** Our names for the cluster figures the model has (use them as `metric:` in results). */
export const CLUSTER_METRICS: Record<string, { figure: ClusterFigure; unit: string }> = {
  'Cluster.Iops': { figure: 'iops', unit: 'IOPS' },
  'Cluster.ReadIops': { figure: 'readIops', unit: 'IOPS' },
  'Cluster.WriteIops': { figure: 'writeIops', unit: 'IOPS' },
  'Cluster.BandwidthBytesPerSecond': { figure: 'bandwidthBps', unit: 'B/s' },
  'Cluster.LatencyMilliseconds': { figure: 'latencyMs', unit: 'ms' },
  'Cluster.HostsUp': { figure: 'hostsUp', unit: 'hosts' },
  'Cluster.VmsOn': { figure: 'vmsOn', unit: 'VMs' },
  'Cluster.CpuUsagePercent': { figure: 'cpuPct', unit: '%' },
  // X-Ray's own name for the cluster's mean CPU usage: the model's cluster CPU (README "CPU and memory usage")
  'CpuUsage.Avg.Percent': { figure: 'cpuPct', unit: '%' },
}

export interface XrayCollector {
  name: string
  phase: Phase | 'done'
  defs: ResultDef[]
  groups: Map<string, string[]>
  results: XrayReportResult[]
  annotations: Array<{ time: number; text: string }>
  steps: XrayReport['steps']
  notes: string[]
}

export function aggregate(values: readonly number[], how: Aggregate): number {
  if (values.length === 0) return 0
  switch (how) {
    case 'sum': return values.reduce((a, b) => a + b, 0)
    case 'mean': return values.reduce((a, b) => a + b, 0) / values.length
    case 'min': return Math.min(...values)
    case 'max': return Math.max(...values)
    case 'median': {
      const s = [...values].sort((a, b) => a - b)
      const m = s.length >> 1
      return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }
  }
}

function unitOf(d: ResultDef): string {
  if (d.kind === 'iops') return 'IOPS'
  if (d.kind === 'latency') return 'ms'
  if (d.kind === 'errors') return 'errors/s'
  if (d.kind === 'active') return 'VMs'
  if (d.resultType === 'bandwidth') return 'B/s'
  return CLUSTER_METRICS[d.metric ?? '']?.unit ?? ''
}

const stepView = (s: PlanStep): XrayReport['steps'][number] => ({ path: s.path, phase: s.phase, title: s.title, state: s.folded ? 'done' : 'pending', start: s.folded ? 0 : null, end: s.folded ? 0 : null })

export function newCollector(plan: XrayPlan): XrayCollector {
  return {
    name: plan.displayName,
    phase: 'setup',
    defs: plan.results,
    groups: new Map(plan.groups.map((g) => [g.name, g.vmIds])),
    results: plan.results.map((d) => ({
      name: d.name, kind: d.kind, vmGroup: d.vmGroup, series: [], anyFail: d.anyFail ? false : null, unit: unitOf(d),
      simulated: d.metric === null || d.metric in CLUSTER_METRICS,
    })),
    annotations: [],
    steps: plan.steps.map(stepView),
    notes: [
      ...plan.notes,
      ...plan.results.filter((d) => d.metric !== null && !(d.metric in CLUSTER_METRICS)).map((d) => `${d.name}: cluster metric "${d.metric}" is not simulated.`),
    ],
  }
}

/** One point of one result for this tick, or null when the result has no point now. */
function pointOf(d: ResultDef, tick: XrayTick, groupVms: readonly string[]): { value: number; fail: boolean } | null {
  if (d.metric !== null) {
    const m = CLUSTER_METRICS[d.metric]
    const v = m ? tick.cluster[m.figure] : undefined
    return v === undefined ? null : { value: v, fail: false }
  }
  if (d.workload !== null) {
    const running = tick.workloads[d.workload]
    if (!running) return null
    const vms = Object.keys(running).sort()
    const per = (f: (s: WorkloadVmSample) => number) => vms.map((v) => f(running[v]))
    if (d.kind === 'errors') { const value = aggregate(per((s) => s.errorsPerSecond), d.aggregate); return { value, fail: value > 0 } }
    if (d.kind === 'active') {
      const active = per((s) => (s.iops > 0 && s.errorsPerSecond === 0 ? 1 : 0))
      return { value: aggregate(active, d.aggregate), fail: active.some((a) => a === 0) }
    }
    if (d.kind === 'iops') { const value = aggregate(per((s) => s.iops), d.aggregate); return { value, fail: vms.length > 0 && value === 0 } }
    return { value: aggregate(per((s) => s.bytesPerSecond), d.aggregate), fail: false }
  }
  if (tick.phase !== 'run') return null
  const on = groupVms.filter((v) => tick.vms[v]?.on)
  if (d.kind === 'latency') {
    const lat = on.map((v) => tick.vms[v].latencyMs).filter((x): x is number => x !== null)
    return lat.length === 0 ? null : { value: aggregate(lat, d.aggregate), fail: false }
  }
  const values = on.map((v) => (d.kind === 'iops' ? tick.vms[v].iops : tick.vms[v].bytesPerSecond))
  return { value: aggregate(values, d.aggregate), fail: false }
}

/** Adds one tick's points (call in time order). */
export function recordTick(c: XrayCollector, tick: XrayTick): void {
  c.defs.forEach((d, i) => {
    const r = c.results[i]
    const p = pointOf(d, tick, c.groups.get(d.vmGroup ?? '') ?? [])
    if (p === null) return
    r.series.push([tick.time, p.value])
    if (r.anyFail === false && p.fail) r.anyFail = true
  })
}

export function recordAnnotation(c: XrayCollector, time: number, text: string): void {
  c.annotations.push({ time, text })
}

/** A step starts or ends; its plan annotations are recorded at that time. */
export function recordStep(c: XrayCollector, plan: XrayPlan, index: number, state: 'running' | 'done', time: number): void {
  const s = c.steps[index]
  const step = plan.steps[index]
  if (state === 'running') {
    s.state = 'running'; s.start = time
    c.phase = step.phase
    for (const a of step.annotations) if (a.at === 'start') recordAnnotation(c, time, a.text)
  } else {
    s.state = 'done'; s.end = time
    for (const a of step.annotations) if (a.at === 'end') recordAnnotation(c, time, a.text)
    if (index === plan.steps.length - 1) c.phase = 'done'
  }
}

/** `Report.xray` now (a copy: later ticks do not change it). */
export function xrayReport(c: XrayCollector): XrayReport {
  return {
    name: c.name,
    phase: c.phase,
    results: c.results.map((r) => ({ ...r, series: r.series.map((p) => [p[0], p[1]] as [number, number]) })),
    annotations: c.annotations.map((a) => ({ ...a })),
    steps: c.steps.map((s) => ({ ...s })),
    notes: [...c.notes],
  }
}
