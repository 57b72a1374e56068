/**
 * The plan compiler: setup, run and teardown → PlanSteps on the simulated clock.
 *
 * Our rule for fast-forwarding setup: the leading setup steps that only prepare the
 * cluster (cluster.CleanUp, vm_group.CloneFromTemplate, vm_group.PowerOn/PowerOff,
 * workload.PrefillRun) are applied before t = 0: the loaded Scenario already has those
 * VMs, powered as setup leaves them. From the first setup step that takes time (a
 * warm-up workload, test.Wait, a node action…) setup runs on the clock like run.
 * Meta steps expand as X-Ray's engine does: meta.RollingUpgrade, for each node i of the
 * first node_count (default: all): migrate every group's VMs from i to i+1, shut i down
 * gracefully, power it on and wait, put the VMs back; cluster.CleanUp powers every node
 * on and removes X-Ray's VMs.
 */
import type { WorkloadDemand } from './fioDemand'
import { parseNodeSlice, selectNodes } from './nodeSlice'
import type { PlanAction, PlanAnnotation, PlanStep, WaitCondition, XrayPlan } from './planTypes'
import { XRAY_RULES } from './rules'
import type { GroupLayout, TargetCluster } from './target'
import type { Phase, StepDef, StepKind, XrayTest } from './types'

/** `1 VM`, `12 VMs` */
const vmCount = (n: number) => `${n} VM${n === 1 ? '' : 's'}`

const FOLDABLE = new Set<StepKind>(['cluster.CleanUp', 'vm_group.CloneFromTemplate', 'vm_group.PowerOn', 'vm_group.PowerOff', 'workload.PrefillRun'])

interface Draft {
  kind: StepKind; path: string; title: string; actions: PlanAction[]; waitFor: WaitCondition | null
  timeout: number | null; annotations: PlanAnnotation[]; duration: number; simulated?: boolean
}

export interface CompiledPlan { plan: XrayPlan; powerAtLoad: Set<string> }

export function compilePlan(
  test: XrayTest, cluster: TargetCluster, groups: Map<string, GroupLayout>, demands: Map<string, WorkloadDemand>,
): { ok: true; value: CompiledPlan } | { ok: false; problems: string[] } {
  const problems: string[] = []
  const n = cluster.nodes.length
  const nodeId = (i: number) => cluster.nodes[i].id
  const nodeLabel = (i: number) => `Node ${i} (${nodeId(i)})`
  const created = new Map<string, number>()
  const groupOn = new Map<string, boolean>()
  const host = new Map<string, number | null>()
  const readyAt: number[] = cluster.nodes.map(() => 0)
  const nodeOn: boolean[] = cluster.nodes.map(() => true)
  /** when a node that is going down is off (a graceful shutdown takes time) */
  const offAt: number[] = cluster.nodes.map(() => 0)
  const running = new Map<string, number | null>()
  const powerAtLoad = new Set<string>()
  const notes = new Set<string>()
  const steps: PlanStep[] = []
  const phaseSpan = {} as Record<Phase, { start: number; end: number }>
  let t = 0
  let folding = true

  // nominal times are kept to 0.1 s so that sums stay readable
  const migrateSeconds = (g: GroupLayout, count: number) => Math.round(count * ((g.def.ramMb * 1024 * 1024) / XRAY_RULES.migrateBytesPerSecond + XRAY_RULES.migrateSwitchSeconds) * 10) / 10
  const vmsOf = (g: GroupLayout) => g.vmIds.slice(0, created.get(g.name) ?? 0)
  const need = (s: StepDef, g: GroupLayout): boolean => {
    if ((created.get(g.name) ?? 0) > 0) return true
    problems.push(`${test.file}: ${s.path} (${s.kind}): VM group "${g.name}" has no VMs yet (clone it first with vm_group.CloneFromTemplate)`)
    return false
  }
  const nodesArg = (s: StepDef): number[] | null => {
    const p = parseNodeSlice(s.args.nodes as string | number)
    const r = p.ok ? selectNodes(p.value, n) : p
    if (!r.ok) { problems.push(`${test.file}: ${s.path} (${s.kind}): nodes: ${r.message}`); return null }
    return r.value
  }
  const nodeIndexArg = (s: StepDef, key: string): number | null => {
    const v = Number(s.args[key])
    if (v < -n || v >= n) { problems.push(`${test.file}: ${s.path} (${s.kind}): ${key}: node index ${v} is out of range: the cluster has ${n} nodes (indices 0–${n - 1})`); return null }
    return v < 0 ? n + v : v
  }
  const annotateIf = (s: StepDef, text: string, at: 'start' | 'end' = 'start'): PlanAnnotation[] => (s.args.annotate === true ? [{ at, text }] : [])
  const waitSecs = (s: StepDef) => (typeof s.args.wait_secs === 'number' ? s.args.wait_secs : XRAY_RULES.nodeWaitSeconds)

  const powerOn = (g: GroupLayout, vms: string[], maxConcurrent: number, path: string, kind: StepKind, annotations: PlanAnnotation[]): Draft => {
    groupOn.set(g.name, true)
    return {
      kind, path, title: `${g.name}: power on ${vmCount(vms.length)}`,
      actions: [{ do: 'powerOnVms', group: g.name, vms, maxConcurrent }], waitFor: { for: 'vmsOn', vms },
      timeout: 60 * (1 + Math.ceil(vms.length / 20)), annotations, duration: XRAY_RULES.vmBootSeconds,
    }
  }
  const migrate = (g: GroupLayout, from: number, to: number, path: string): Draft => {
    const moving = vmsOf(g).filter((v) => host.get(v) === from)
    for (const v of moving) host.set(v, to)
    return {
      kind: 'vm_group.MigrateGroup', path, title: `${g.name}: migrate VMs from ${nodeLabel(from)} to ${nodeLabel(to)}`,
      actions: [{ do: 'migrateGroup', group: g.name, from: nodeId(from), to: nodeId(to) }],
      waitFor: { for: 'groupMigrated', group: g.name, from: nodeId(from) }, timeout: null, annotations: [], duration: migrateSeconds(g, moving.length),
    }
  }
  const reset = (g: GroupLayout, path: string): Draft => {
    const vms = vmsOf(g)
    const away = vms.filter((v, k) => host.get(v) !== g.hosts[k])
    vms.forEach((v, k) => host.set(v, g.hosts[k]))
    return {
      kind: 'vm_group.ResetGroupPlacement', path, title: `${g.name}: migrate VMs back to their original nodes`,
      actions: [{ do: 'resetPlacement', group: g.name, hosts: Object.fromEntries(vms.map((v, k) => [v, nodeId(g.hosts[k])])) }],
      waitFor: { for: 'placementReset', group: g.name }, timeout: null, annotations: [], duration: migrateSeconds(g, away.length),
    }
  }
  const shutdown = (idx: number[], path: string, wait: boolean, ann: boolean): Draft => {
    for (const i of idx) { nodeOn[i] = false; readyAt[i] = Infinity; offAt[i] = t + XRAY_RULES.nodeShutdownSeconds; markHostDown(i) }
    const ids = idx.map(nodeId)
    return {
      kind: 'nodes.Shutdown', path, title: `${idx.map(nodeLabel).join(', ')}: shut down`, actions: [{ do: 'shutdownNodes', nodes: ids }],
      waitFor: wait ? { for: 'nodesOff', nodes: ids } : null, timeout: wait ? XRAY_RULES.nodeWaitSeconds : null,
      annotations: ann ? idx.map((i) => ({ at: 'start' as const, text: `${nodeLabel(i)}: shutting down` })) : [],
      duration: wait ? XRAY_RULES.nodeShutdownSeconds : 0,
    }
  }
  const nodePowerOn = (idx: number[], path: string, wait: boolean, ann: boolean, at: number): Draft => {
    const ids = idx.map(nodeId)
    for (const i of idx) if (!nodeOn[i]) { nodeOn[i] = true; readyAt[i] = at + XRAY_RULES.nodeBootSeconds }
    const remaining = Math.max(0, ...idx.map((i) => readyAt[i] - at))
    return {
      kind: 'nodes.PowerOn', path, title: `${idx.map(nodeLabel).join(', ')}: power on`, actions: [{ do: 'powerOnNodes', nodes: ids }],
      waitFor: wait ? { for: 'nodesReady', nodes: ids } : null, timeout: wait ? XRAY_RULES.nodeWaitSeconds : null,
      annotations: ann ? idx.flatMap((i) => [{ at: 'start' as const, text: `${nodeLabel(i)}: powering on` }, ...(wait ? [{ at: 'end' as const, text: `${nodeLabel(i)}: ready` }] : [])]) : [],
      duration: wait ? remaining : 0,
    }
  }
  // our rule: VMs on a node that goes down have no known host until HA (the model) restarts them
  function markHostDown(i: number) { for (const [v, h] of host) if (h === i) host.set(v, null) }

  const compileStep = (s: StepDef): Draft[] => {
    const a = s.args
    const g = typeof a.vm_group_name === 'string' ? groups.get(a.vm_group_name) : undefined
    const wl = typeof a.workload_name === 'string' ? test.workloads.find((w) => w.name === a.workload_name) : undefined
    const wg = wl ? groups.get(wl.vmGroup) : undefined
    switch (s.kind) {
      case 'cluster.CleanUp': {
        const vms = [...groups.values()].flatMap(vmsOf)
        const off = cluster.nodes.map((_, i) => i).filter((i) => !nodeOn[i] || readyAt[i] > t)
        const draft: Draft[] = []
        if (off.length > 0) draft.push(nodePowerOn(off, `${s.path}.0`, true, true, t))
        for (const gr of groups.values()) { created.set(gr.name, 0); groupOn.set(gr.name, false) }
        for (const w of running.keys()) running.set(w, t)
        draft.push({ kind: s.kind, path: draft.length ? `${s.path}.1` : s.path, title: vms.length > 0 ? `Clean up: power off and remove X-Ray's ${vmCount(vms.length)}` : 'Clean up: no X-Ray VMs to remove', actions: [{ do: 'cleanUp', vms }], waitFor: { for: 'vmsOff', vms }, timeout: null, annotations: annotateIf(s, 'Cluster clean-up'), duration: 0 })
        return draft
      }
      case 'vm_group.CloneFromTemplate': {
        if (!g) return []
        const vms = g.vmIds.slice(0, g.initialCount)
        created.set(g.name, g.initialCount)
        vms.forEach((v, k) => host.set(v, g.hosts[k]))
        notes.add('Cloning is instant and its I/O is not simulated.')
        const out: Draft[] = [{ kind: s.kind, path: s.path, title: `${g.name}: clone ${vmCount(vms.length)} from "${g.def.template}"`, actions: [{ do: 'createVms', group: g.name, vms }], waitFor: null, timeout: null, annotations: annotateIf(s, `${g.name}: cloned ${vmCount(vms.length)}`), duration: 0 }]
        if (a.power_on === true) out.push(powerOn(g, vms, 100, `${s.path}.1`, 'vm_group.PowerOn', []))
        return out
      }
      case 'vm_group.PowerOn':
        return g && need(s, g) ? [powerOn(g, vmsOf(g), typeof a.max_concurrent === 'number' ? a.max_concurrent : 100, s.path, s.kind, annotateIf(s, `${g.name}: powering on VMs`))] : []
      case 'vm_group.PowerOff': {
        if (!g || !need(s, g)) return []
        groupOn.set(g.name, false)
        const vms = vmsOf(g)
        return [{ kind: s.kind, path: s.path, title: `${g.name}: power off ${vmCount(vms.length)}`, actions: [{ do: 'powerOffVms', group: g.name, vms }], waitFor: { for: 'vmsOff', vms }, timeout: null, annotations: annotateIf(s, `${g.name}: powering off VMs`), duration: 0 }]
      }
      case 'vm_group.Grow': {
        if (!g || !need(s, g)) return []
        const before = created.get(g.name) ?? 0
        const after = typeof a.count_per_cluster === 'number' ? a.count_per_cluster : (a.count_per_node as number) * g.nodes.length
        const vms = g.vmIds.slice(before, after)
        created.set(g.name, after)
        vms.forEach((v, k) => host.set(v, g.hosts[before + k]))
        const out: Draft[] = [{ kind: s.kind, path: s.path, title: `${g.name}: grow from ${before} to ${after} VMs`, actions: [{ do: 'createVms', group: g.name, vms }], waitFor: null, timeout: null, annotations: annotateIf(s, `${g.name}: growing VM count from ${before} to ${after}`), duration: 0 }]
        if (groupOn.get(g.name)) out.push(powerOn(g, vms, 100, `${s.path}.1`, 'vm_group.PowerOn', []))
        return out
      }
      case 'vm_group.MigrateGroup': {
        const from = nodeIndexArg(s, 'from_node'), to = nodeIndexArg(s, 'to_node')
        if (!g || from === null || to === null || !need(s, g)) return []
        const d = migrate(g, from, to, s.path)
        d.annotations = annotateIf(s, `${g.name}: migrating VMs from ${nodeLabel(from)} to ${nodeLabel(to)}`)
        return [d]
      }
      case 'vm_group.ResetGroupPlacement':
        return g && need(s, g) ? [{ ...reset(g, s.path), annotations: annotateIf(s, `${g.name}: migrating VMs to their original nodes`) }] : []
      case 'vm_group.CreatePeriodicSnapshots': {
        if (!g || !need(s, g)) return []
        const count = a.num_snapshots as number, every = (a.interval_minutes as number) * 60
        const background = a.async === true
        notes.add('vm_group.CreatePeriodicSnapshots: accepted; snapshots are not simulated (annotations only).')
        return [{
          kind: s.kind, path: s.path, title: `${g.name}: ${count} snapshots, every ${a.interval_minutes} min${background ? ' (in the background)' : ''}`,
          actions: [{ do: 'snapshots', group: g.name, count, everySeconds: every, background }], waitFor: null, timeout: null,
          annotations: [], duration: background ? 0 : (count - 1) * every, simulated: false,
        }]
      }
      case 'workload.PrefillRun': {
        if (!wl || !wg || !need(s, wg)) return []
        notes.add('workload.PrefillRun: the prefill is not simulated; the data disks are taken as written.')
        return [{ kind: s.kind, path: s.path, title: `${wl.name}: prefill`, actions: [{ do: 'prefill', workload: wl.name, group: wg.name, bytesPerVm: demands.get(wl.name)?.prefillBytes ?? 0 }], waitFor: null, timeout: null, annotations: [], duration: 0, simulated: false }]
      }
      case 'workload.Start': {
        if (!wl || !wg || !need(s, wg)) return []
        if (!groupOn.get(wg.name)) problems.push(`${test.file}: ${s.path} (${s.kind}): the VMs of "${wg.name}" are powered off here (power them on first)`)
        const runtime = typeof a.runtime_secs === 'number' ? a.runtime_secs : demands.get(wl.name)?.runtimeSeconds ?? null
        const background = a.async === true
        if (!background && runtime === null) { problems.push(`${test.file}: ${s.path} (${s.kind}): waits for "${wl.name}" to end but it has no runtime (give runtime_secs or set runtime in ${wl.configFile})`); return [] }
        const vms = vmsOf(wg)
        const stagger = typeof a.stagger_secs === 'number' ? a.stagger_secs : 0
        const offsets = vms.map((vm, k) => ({ vm, offset: vms.length > 0 ? (k * stagger) / vms.length : 0 }))
        const span = (offsets.at(-1)?.offset ?? 0) + (runtime ?? 0)
        running.set(wl.name, runtime === null ? null : t + span)
        const timeout = runtime === null ? null : span + (typeof a.timeout_secs === 'number' ? a.timeout_secs : XRAY_RULES.workloadWaitTimeoutSeconds)
        return [{
          kind: s.kind, path: s.path, title: `${wl.name}: ${background ? 'start' : 'run'} workload on ${vmCount(vms.length)}${runtime !== null ? ` for ${runtime} s` : ''}${stagger ? `, staggered over ${stagger} s` : ''}`,
          actions: [{ do: 'startWorkload', workload: wl.name, group: wg.name, vms: offsets, runtimeSeconds: runtime }],
          waitFor: background ? null : { for: 'workloadDone', workload: wl.name }, timeout: background ? null : timeout,
          annotations: [...annotateIf(s, `${wl.name}: started workload`), ...(background ? [] : annotateIf(s, `${wl.name}: finished workload`, 'end'))],
          duration: background ? 0 : span,
        }]
      }
      case 'workload.Stop':
      case 'workload.Wait': {
        if (!wl) return []
        if (!running.has(wl.name)) { problems.push(`${test.file}: ${s.path} (${s.kind}): workload "${wl.name}" was not started before this step`); return [] }
        const end = running.get(wl.name) ?? null
        if (s.kind === 'workload.Stop') {
          running.set(wl.name, t)
          return [{ kind: s.kind, path: s.path, title: `${wl.name}: stop workload`, actions: [{ do: 'stopWorkload', workload: wl.name }], waitFor: null, timeout: null, annotations: annotateIf(s, `${wl.name}: stopped workload`), duration: 0 }]
        }
        if (end === null) { problems.push(`${test.file}: ${s.path} (${s.kind}): "${wl.name}" has no runtime, so it never ends (stop it with workload.Stop)`); return [] }
        const rest = Math.max(0, end - t)
        return [{ kind: s.kind, path: s.path, title: `${wl.name}: wait for the workload to end`, actions: [], waitFor: { for: 'workloadDone', workload: wl.name }, timeout: rest + (typeof a.timeout_secs === 'number' ? a.timeout_secs : XRAY_RULES.workloadWaitTimeoutSeconds), annotations: annotateIf(s, `${wl.name}: finished workload`, 'end'), duration: rest }]
      }
      case 'test.Wait':
        return [{ kind: s.kind, path: s.path, title: `Wait ${a.duration_secs} s`, actions: [], waitFor: null, timeout: null, annotations: annotateIf(s, `Waiting for ${a.duration_secs} seconds`), duration: a.duration_secs as number }]
      case 'nodes.PowerOff': {
        const idx = nodesArg(s)
        if (!idx) return []
        for (const i of idx) { nodeOn[i] = false; readyAt[i] = Infinity; offAt[i] = t; markHostDown(i) }
        const ids = idx.map(nodeId), wait = waitSecs(s) > 0
        return [{ kind: s.kind, path: s.path, title: `${idx.map(nodeLabel).join(', ')}: power off`, actions: [{ do: 'powerOffNodes', nodes: ids }], waitFor: wait ? { for: 'nodesOff', nodes: ids } : null, timeout: wait ? waitSecs(s) : null, annotations: a.annotate === false ? [] : idx.map((i) => ({ at: 'start' as const, text: `${nodeLabel(i)}: powering off` })), duration: 0 }]
      }
      case 'nodes.Shutdown': {
        const idx = nodesArg(s)
        return idx ? [shutdown(idx, s.path, waitSecs(s) > 0, a.annotate !== false)] : []
      }
      case 'nodes.PowerOn': {
        const idx = nodesArg(s)
        return idx ? [nodePowerOn(idx, s.path, waitSecs(s) > 0, a.annotate !== false, t)] : []
      }
      case 'nodes.WaitForPowerOn':
      case 'nodes.WaitForPowerOff': {
        const idx = nodesArg(s)
        if (!idx) return []
        const ids = idx.map(nodeId), on = s.kind === 'nodes.WaitForPowerOn'
        const rest = on ? Math.max(0, ...idx.map((i) => (Number.isFinite(readyAt[i]) ? readyAt[i] - t : 0))) : Math.max(0, ...idx.map((i) => offAt[i] - t))
        if (on && idx.some((i) => !nodeOn[i])) problems.push(`${test.file}: ${s.path} (${s.kind}): ${idx.filter((i) => !nodeOn[i]).map(nodeLabel).join(', ')} is not being powered on here (nodes.PowerOn first)`)
        return [{ kind: s.kind, path: s.path, title: `${idx.map(nodeLabel).join(', ')}: wait for power ${on ? 'on' : 'off'}`, actions: [], waitFor: on ? { for: 'nodesReady', nodes: ids } : { for: 'nodesOff', nodes: ids }, timeout: waitSecs(s), annotations: a.annotate === false ? [] : idx.map((i) => ({ at: 'end' as const, text: `${nodeLabel(i)}: ${on ? 'ready' : 'powered off'}` })), duration: rest }]
      }
      case 'meta.RollingUpgrade': {
        const count = typeof a.node_count === 'number' ? a.node_count : n
        if (count > n) { problems.push(`${test.file}: ${s.path} (${s.kind}): node_count ${count} is more than the cluster's ${n} nodes`); return [] }
        if (n < 2) { problems.push(`${test.file}: ${s.path} (${s.kind}): needs at least 2 nodes to move VMs to`); return [] }
        // times of the expanded steps depend on each other: compiled one by one by the caller
        return [{ kind: s.kind, path: s.path, title: `Rolling upgrade of ${count} node${count === 1 ? '' : 's'}`, actions: [], waitFor: null, timeout: null, annotations: [{ at: 'start', text: `Rolling upgrade: ${count} node${count === 1 ? '' : 's'}, one at a time` }], duration: 0 }]
      }
    }
  }

  const emit = (d: Draft, phase: Phase, folded: boolean) => {
    steps.push({ index: steps.length, path: d.path, phase, kind: d.kind, title: d.title, folded, simulated: d.simulated ?? true, actions: d.actions, waitFor: d.waitFor, timeout: d.timeout, annotations: d.annotations, start: folded ? 0 : t, duration: folded ? 0 : d.duration })
    if (!folded) t += d.duration
  }

  for (const phase of ['setup', 'run', 'teardown'] as const) {
    const start = t
    for (const s of test[phase]) {
      const fold = phase === 'setup' && folding && FOLDABLE.has(s.kind)
      if (!fold) folding = false
      const drafts = compileStep(s)
      for (const d of drafts) {
        if (fold) {
          for (const act of d.actions) {
            if (act.do === 'powerOnVms') act.vms.forEach((v) => powerAtLoad.add(v))
            else if (act.do === 'powerOffVms' || act.do === 'cleanUp') act.vms.forEach((v) => powerAtLoad.delete(v))
          }
        }
        emit(d, phase, fold)
      }
      if (s.kind === 'meta.RollingUpgrade' && drafts.length > 0) {
        const count = typeof s.args.node_count === 'number' ? s.args.node_count : n
        let sub = 0
        for (let i = 0; i < count; i++) {
          const to = (i + 1) % n
          for (const gr of groups.values()) if ((created.get(gr.name) ?? 0) > 0) emit(migrate(gr, i, to, `${s.path}.${sub++}`), phase, false)
          emit(shutdown([i], `${s.path}.${sub++}`, true, true), phase, false)
          emit(nodePowerOn([i], `${s.path}.${sub++}`, true, true, t), phase, false)
          for (const gr of groups.values()) if ((created.get(gr.name) ?? 0) > 0) emit(reset(gr, `${s.path}.${sub++}`), phase, false)
        }
      }
    }
    phaseSpan[phase] = { start, end: t }
  }
  if (problems.length > 0) return { ok: false, problems }
  for (const p of ['setup', 'run', 'teardown'] as const) {
    const first = steps.find((s) => s.phase === p && !s.folded)
    if (first) first.annotations.unshift({ at: 'start', text: `${p[0].toUpperCase()}${p.slice(1)} phase` })
  }
  const plan: XrayPlan = {
    name: test.name, displayName: test.displayName, steps, phases: phaseSpan,
    groups: [...groups.values()].map((g) => ({
      name: g.name, vmIds: g.vmIds, hosts: g.hosts.map(nodeId), createdAtLoad: steps.filter((s) => s.folded).flatMap((s) => s.actions).filter((x) => x.do === 'createVms' && x.group === g.name).reduce((m, x) => m + (x.do === 'createVms' ? x.vms.length : 0), 0),
      vcpus: g.def.vcpus, ramMb: g.def.ramMb, dataDisks: g.def.dataDisksGb.length,
    })),
    workloads: test.workloads.map((w) => ({ name: w.name, group: w.vmGroup, configFile: w.configFile, demand: demands.get(w.name)! })),
    results: test.results, nodes: cluster.nodes.map((x) => x.id), notes: [...notes],
  }
  return { ok: true, value: { plan, powerAtLoad } }
}
