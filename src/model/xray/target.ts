/**
 * The target cluster: a Scenario (built-in or given) whose VMs are replaced by X-Ray's VM
 * groups (X-Ray runs on a cleaned-up cluster), and the check of the test's requirements
 * against it (memory per node, storage, node selections).
 *
 * Our rules (README "X-Ray scenarios"):
 *   - node index i is the i-th node of the scenario in order (racks → blocks → nodes);
 *   - VM number k of a group goes to the k-th of its selected nodes, round robin, as
 *     X-Ray's clone placement does; a Grow adds VMs after the existing ones the same way;
 *   - a VM has vDisk 0 (its OS disk, /dev/sda) and one vDisk per data disk (/dev/sdb…);
 *   - requirements: every VM the test ever creates, powered on at its placement, must fit
 *     in its node's memory for VMs (node memory − CVM memory); the data disks, written in
 *     full (prefill) and kept at the cluster's replication factor, must fit in the free
 *     raw capacity.
 */
import { DEFAULT_NODE, formatBytes, GiB, TB } from '../kernel/units'
import type { Scenario } from '../scenario/schema'
import { selectNodes, parseNodeSlice } from './nodeSlice'
import type { StepDef, VmGroupDef, XrayTest } from './types'

export interface TargetNode { id: string; vmMemoryBytes: number }
export interface TargetCluster { nodes: TargetNode[]; rawBytes: number; usedRawBytes: number; replicationFactor: 2 | 3 }

/** The nodes (in index order) and capacity of a valid Scenario's cluster. */
export function targetCluster(s: Scenario): TargetCluster {
  const c = s.cluster
  const nodes: TargetNode[] = []
  let rawBytes = 0
  const mem = (m?: number, cvm?: number) => ((m ?? DEFAULT_NODE.memoryGiB) - (cvm ?? DEFAULT_NODE.cvmMemoryGiB)) * GiB
  if (c.racks) {
    for (const r of c.racks) for (const b of r.blocks) for (const n of b.nodes) {
      nodes.push({ id: n.id, vmMemoryBytes: mem(n.memoryGiB, n.cvmMemoryGiB) })
      for (const d of n.disks) rawBytes += Math.round(d.capacityTB * TB)
    }
  } else if (c.layout) {
    const l = c.layout
    const count = l.racks * l.blocksPerRack * l.nodesPerBlock
    for (let i = 1; i <= count; i++) nodes.push({ id: `node-${i}`, vmMemoryBytes: mem(l.memoryGiB, l.cvmMemoryGiB) })
    rawBytes = count * (l.ssdPerNode * Math.round(l.ssdTB * TB) + l.hddPerNode * Math.round(l.hddTB * TB))
  }
  const usedRawBytes = c.data?.usedTB !== undefined ? Math.round(c.data.usedTB * TB) : Math.round(rawBytes * ((c.data?.usedPct ?? 40) / 100))
  return { nodes, rawBytes, usedRawBytes, replicationFactor: c.ftLevel === 2 ? 3 : 2 }
}

export interface GroupLayout {
  name: string
  def: VmGroupDef
  /** the group's selected node indices */
  nodes: number[]
  /** VMs the group has after CloneFromTemplate */
  initialCount: number
  /** every VM the group ever has (after its last Grow), in creation order */
  vmIds: string[]
  /** node index of each VM, parallel to vmIds (its original placement) */
  hosts: number[]
}

/** `OLTP Heavy` → `OLTP-Heavy`: a VM id part (letters, digits, `.`, `_`, `-`). */
export function groupSlug(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '')
  return s === '' ? 'group' : s
}

export const vmIdOf = (group: string, k: number) => `${groupSlug(group)}_${String(k).padStart(4, '0')}`

function groupCount(def: VmGroupDef, nodes: number): number {
  if (def.countPerCluster !== null) return def.countPerCluster
  return (def.countPerNode ?? 1) * nodes
}

/** Places every group's VMs on the cluster; Grow steps extend them. Problems name the step. */
export function layoutGroups(test: XrayTest, cluster: TargetCluster): { ok: true; value: Map<string, GroupLayout> } | { ok: false; problems: string[] } {
  const problems: string[] = []
  const n = cluster.nodes.length
  const out = new Map<string, GroupLayout>()
  const slugs = new Map<string, string>()
  for (const def of test.vmGroups) {
    const slug = groupSlug(def.name)
    const prev = slugs.get(slug)
    if (prev !== undefined) problems.push(`${test.file}: vms (${def.name}): its VM names would clash with group "${prev}" (both make "${slug}_0000")`)
    slugs.set(slug, def.name)
    const parsed = parseNodeSlice(def.nodes)
    const sel = parsed.ok ? selectNodes(parsed.value, n) : parsed
    if (!sel.ok) { problems.push(`${test.file}: vms (${def.name}): nodes: ${sel.message}`); continue }
    const count = groupCount(def, sel.value.length)
    out.set(def.name, { name: def.name, def, nodes: sel.value, initialCount: count, vmIds: [], hosts: [] })
  }
  const current = new Map([...out].map(([k, g]) => [k, g.initialCount]))
  const finalCount = new Map(current)
  const steps: StepDef[] = [...test.setup, ...test.run, ...test.teardown]
  for (const s of steps) {
    if (s.kind !== 'vm_group.Grow') continue
    const g = out.get(String(s.args.vm_group_name))
    if (!g) continue
    const next = typeof s.args.count_per_cluster === 'number' ? s.args.count_per_cluster : (s.args.count_per_node as number) * g.nodes.length
    const now = current.get(g.name) ?? 0
    if (next <= now) { problems.push(`${test.file}: ${s.path} (vm_group.Grow): would take "${g.name}" from ${now} to ${next} VMs; a Grow must add VMs`); continue }
    current.set(g.name, next)
    finalCount.set(g.name, Math.max(finalCount.get(g.name) ?? 0, next))
  }
  for (const g of out.values()) {
    const total = finalCount.get(g.name) ?? g.initialCount
    if (total > 9999) { problems.push(`${test.file}: vms (${g.name}): ${total} VMs; X-Ray numbers at most 9999 per group`); continue }
    for (let k = 0; k < total; k++) { g.vmIds.push(vmIdOf(g.name, k)); g.hosts.push(g.nodes[k % g.nodes.length]) }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: out }
}

const fmtGiB = (b: number) => `${Math.round((b / GiB) * 10) / 10} GiB`

/** The test's stated needs that the cluster cannot meet, each with its reason. */
export function requirementProblems(test: XrayTest, cluster: TargetCluster, groups: Map<string, GroupLayout>): string[] {
  const problems: string[] = []
  const need = cluster.nodes.map(() => 0)
  const who = cluster.nodes.map(() => new Map<string, number>())
  let dataBytes = 0
  let vmCount = 0
  for (const g of groups.values()) {
    const ram = g.def.ramMb * 1024 * 1024
    g.hosts.forEach((h) => { need[h] += ram; who[h].set(g.name, (who[h].get(g.name) ?? 0) + 1) })
    dataBytes += g.vmIds.length * g.def.dataDisksGb.reduce((a, s) => a + s * 1e9, 0)
    vmCount += g.vmIds.length
  }
  if (vmCount > 20000) problems.push(`${test.file}: vms: the test creates ${vmCount} VMs; a scenario holds at most 20000`)
  cluster.nodes.forEach((node, i) => {
    if (need[i] <= node.vmMemoryBytes) return
    const parts = [...who[i]].map(([g, c]) => `${c} × "${g}" (${test.vmGroups.find((d) => d.name === g)?.ramMb} MB)`).join(' + ')
    problems.push(`${test.file}: not enough memory on node ${i} (${node.id}): the test places ${parts} = ${fmtGiB(need[i])} there; the node has ${fmtGiB(node.vmMemoryBytes)} for VMs`)
  })
  const free = cluster.rawBytes - cluster.usedRawBytes
  const want = dataBytes * cluster.replicationFactor
  if (want > free)
    problems.push(`${test.file}: not enough storage: the test's data disks hold ${formatBytes(dataBytes)}, ${formatBytes(want)} at RF${cluster.replicationFactor}; the cluster has ${formatBytes(free)} free`)
  return problems
}

/** The Scenario to load: the cluster as given, its VMs and steps replaced by the groups' VMs. */
export function targetScenario(
  test: XrayTest, cluster: Scenario, targetInfo: TargetCluster, groups: Map<string, GroupLayout>,
  powerAtLoad: ReadonlySet<string>, seed: number | undefined,
): Scenario {
  const vms: NonNullable<Scenario['vms']> = []
  for (const g of groups.values()) {
    g.vmIds.forEach((id, k) => {
      vms.push({
        id, name: id, host: targetInfo.nodes[g.hosts[k]].id, vcpus: g.def.vcpus,
        memoryGiB: g.def.ramMb / 1024, vdisks: 1 + g.def.dataDisksGb.length,
        power: powerAtLoad.has(id) ? 'on' : 'off',
      })
    })
  }
  const slug = groupSlug(test.name).slice(0, 58)
  const out: Scenario = {
    id: `xray-${slug}`,
    title: `X-Ray: ${test.displayName}`.slice(0, 120),
    summary: `${test.summary}${test.summary ? ' ' : ''}(on ${cluster.title})`.slice(0, 2000),
    cluster: cluster.cluster,
    vms,
  }
  const s = seed ?? cluster.seed
  if (s !== undefined) out.seed = s
  return out
}
