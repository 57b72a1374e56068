/**
 * Semantic checks and defaults: turns a validated Scenario into the ClusterSpec the
 * model builds its world from. Problems are listed by JSON path, all at once.
 */
import { DEFAULT_NODE, DEFAULT_REBUILD_MBPS_PER_NODE, GiB, HEALING_DEFAULTS, MB, TB } from '../kernel/units'
import { expectProblems } from './expectSchema'
import type { AwarenessMode, Domain, Fault } from '../types'
import { DEFAULT_IO_PATH, type IoPathParams } from '../iopath/params'
import { capProblems, clipProblem, MAX_RAW_TB, MAX_RAW_UNITS, MAX_VDISKS } from './limits'
import { formatPath, structuralProblems, type Scenario, type ScenarioStep } from './schema'
import { fillVms, placeFill, PROFILES, type FillInput } from './workloads'

export interface DiskSpec { id: string; node: number; tier: 'SSD' | 'HDD'; capacityBytes: number; serial: string }
export interface NodeSpec {
  id: string; block: number; rack: number; cpuCores: number; memoryBytes: number; cvmMemoryBytes: number
  disks: number[]; hostIp: string; cvmIp: string; serial: string
}
export interface BlockSpec { id: string; rack: number; model: string; serial: string; nodes: number[] }
export interface RackSpec { id: string; blocks: number[] }
export interface VmSpec {
  id: string; name: string; host: number; vcpus: number; memoryBytes: number; vdisks: number
  power: 'on' | 'off'; frodo: boolean
  /** VM-host affinity (node indices), null = any host (issue 7) */
  affinity: number[] | null
  /** index into ClusterSpec.networks (issue 7) */
  network: number
}
/** A VM network (issue 7). Managed: the Acropolis leader's DHCP (IPAM) hands out addresses of `subnet`. */
export interface NetworkSpec { name: string; managed: boolean; subnet: string | null; vlan: number }
/** our rule: a scenario without networks gets one managed network, and every VM is on it */
export const DEFAULT_NETWORK: NetworkSpec = { name: 'vm-network', managed: true, subnet: '10.100.0.0/16', vlan: 0 }

export interface ClusterSpec {
  scenarioId: string | null
  title: string
  summary: string
  seed: number
  name: string
  ftLevel: 1 | 2
  replicationFactor: 2 | 3
  metadataReplicationFactor: 3 | 5
  desiredAwareness: Domain
  /** DOMAIN.md §12: best effort, or opt-in (the desired domain is the one judged); changed at runtime by setAwarenessMode */
  awarenessMode: AwarenessMode
  erasureCoding: boolean
  haMode: 'default' | 'guarantee'
  warnThresholdPct: number
  usedRawBytes: number
  growthBytesPerDay: number
  rebuildBytesPerSecPerNode: number
  /** the iSCSI redirector and failback timers (iopath.ts) */
  ioPath: IoPathParams
  /** self-healing timers, seconds */
  healing: { hadesTestSeconds: number; ringDetachSeconds: number; ringRejoinSeconds: number; zookeeperMoveSeconds: number }
  racks: RackSpec[]
  blocks: BlockSpec[]
  nodes: NodeSpec[]
  disks: DiskSpec[]
  vms: VmSpec[]
  networks: NetworkSpec[]
  steps: ScenarioStep[]
}

export type ScenarioResult =
  | { ok: true; spec: ClusterSpec; scenario: Scenario }
  | { ok: false; problems: string[] }

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

interface Ids {
  racks: Set<string>; blocks: Set<string>; nodes: Set<string>; disks: Set<string>; vms: Set<string>
  nodeCount: number
}

/** Checks that need the whole scenario; works on raw input so they run even when the structure has other problems. */
function semanticProblems(input: unknown): string[] {
  const problems: string[] = []
  if (!isObj(input)) return problems
  const cluster = input.cluster
  const ids: Ids = { racks: new Set(), blocks: new Set(), nodes: new Set(), disks: new Set(), vms: new Set(), nodeCount: 0 }
  const seen = new Map<string, string>()
  let rawTB = 0
  const claim = (value: unknown, path: (string | number)[], set: Set<string>) => {
    const v = str(value)
    if (v === undefined) return
    const prev = seen.get(v)
    if (prev !== undefined) problems.push(`${formatPath(path)}: duplicate id "${v}" (already used at ${prev})`)
    else seen.set(v, formatPath(path))
    set.add(v)
  }
  if (isObj(cluster)) {
    const hasRacks = cluster.racks !== undefined
    const hasLayout = cluster.layout !== undefined
    if (hasRacks && hasLayout) problems.push('cluster: must have exactly one of racks or layout, not both')
    if (!hasRacks && !hasLayout) problems.push('cluster: must have one of racks or layout')
    if (hasRacks) {
      arr(cluster.racks).forEach((rack, r) => {
        if (!isObj(rack)) return
        claim(rack.id, ['cluster', 'racks', r, 'id'], ids.racks)
        arr(rack.blocks).forEach((block, b) => {
          if (!isObj(block)) return
          claim(block.id, ['cluster', 'racks', r, 'blocks', b, 'id'], ids.blocks)
          arr(block.nodes).forEach((node, n) => {
            if (!isObj(node)) return
            ids.nodeCount++
            claim(node.id, ['cluster', 'racks', r, 'blocks', b, 'nodes', n, 'id'], ids.nodes)
            const mem = typeof node.memoryGiB === 'number' ? node.memoryGiB : DEFAULT_NODE.memoryGiB
            const cvm = typeof node.cvmMemoryGiB === 'number' ? node.cvmMemoryGiB : DEFAULT_NODE.cvmMemoryGiB
            if (cvm >= mem) problems.push(`${formatPath(['cluster', 'racks', r, 'blocks', b, 'nodes', n, 'cvmMemoryGiB'])}: must be less than the node's memory (${mem} GiB)`)
            arr(node.disks).forEach((disk, d) => {
              if (isObj(disk)) claim(disk.id, ['cluster', 'racks', r, 'blocks', b, 'nodes', n, 'disks', d, 'id'], ids.disks)
              if (isObj(disk) && typeof disk.capacityTB === 'number' && disk.capacityTB > 0) rawTB += disk.capacityTB
            })
          })
        })
      })
    } else if (isObj(cluster.layout)) {
      const l = cluster.layout
      const num = (k: string) => (typeof l[k] === 'number' ? (l[k] as number) : 0)
      const racks = num('racks'), bpr = num('blocksPerRack'), npb = num('nodesPerBlock')
      ids.nodeCount = racks * bpr * npb
      rawTB = ids.nodeCount * (num('ssdPerNode') * num('ssdTB') + num('hddPerNode') * num('hddTB'))
      if (ids.nodeCount > 64) problems.push(`cluster.layout: at most 64 nodes, the layout makes ${ids.nodeCount}`)
      if (typeof l.ssdPerNode === 'number' && typeof l.hddPerNode === 'number' && l.ssdPerNode + l.hddPerNode < 1)
        problems.push('cluster.layout: a node needs at least one disk (ssdPerNode + hddPerNode ≥ 1)')
      if (typeof l.ssdPerNode === 'number' && typeof l.hddPerNode === 'number' && l.ssdPerNode + l.hddPerNode > 24)
        problems.push('cluster.layout: a node holds at most 24 disks')
      const mem = typeof l.memoryGiB === 'number' ? l.memoryGiB : DEFAULT_NODE.memoryGiB
      const cvm = typeof l.cvmMemoryGiB === 'number' ? l.cvmMemoryGiB : DEFAULT_NODE.cvmMemoryGiB
      if (cvm >= mem) problems.push(`cluster.layout.cvmMemoryGiB: must be less than the node's memory (${mem} GiB)`)
      let block = 0, node = 0
      for (let r = 1; r <= racks && racks <= 16; r++) {
        ids.racks.add(`rack-${r}`); seen.set(`rack-${r}`, 'cluster.layout')
        for (let b = 0; b < bpr && bpr <= 64; b++) {
          block++; ids.blocks.add(`block-${block}`); seen.set(`block-${block}`, 'cluster.layout')
          for (let n = 0; n < npb && npb <= 4; n++) {
            node++; ids.nodes.add(`node-${node}`); seen.set(`node-${node}`, 'cluster.layout')
            for (let d = 1; d <= num('ssdPerNode') + num('hddPerNode') && d <= 24; d++) { ids.disks.add(`disk-${node}-${d}`); seen.set(`disk-${node}-${d}`, 'cluster.layout') }
          }
        }
      }
    }
    if (rawTB > MAX_RAW_TB)
      problems.push(`cluster.${hasRacks ? 'racks' : 'layout'}: the disks hold ${Math.round(rawTB)} TB raw, more than the ${MAX_RAW_TB} TB (${MAX_RAW_UNITS} units of 1 GB) the simulation can hold in memory`)
    if (ids.nodeCount > 64) {
      if (hasRacks) problems.push(`cluster.racks: at most 64 nodes, the cluster has ${ids.nodeCount}`)
    }
    if (cluster.ftLevel === 2 && ids.nodeCount > 0 && ids.nodeCount < 5)
      problems.push(`cluster.ftLevel: FT2 (data RF3, metadata RF5) needs at least 5 nodes, the cluster has ${ids.nodeCount}`)
    if (ids.nodeCount > 0 && ids.nodeCount < 3 && (hasRacks || hasLayout))
      problems.push(`cluster: a cluster needs at least 3 nodes, this one has ${ids.nodeCount}`)
    if (isObj(cluster.data) && cluster.data.usedPct !== undefined && cluster.data.usedTB !== undefined)
      problems.push('cluster.data: give usedPct or usedTB, not both')
  }
  const clusterDefined = isObj(cluster) && (cluster.racks !== undefined || cluster.layout !== undefined)
  // networks (issue 7)
  const networks = new Set<string>()
  const nets = isObj(cluster) ? cluster.networks : undefined
  if (Array.isArray(nets)) {
    nets.forEach((net, i) => {
      if (!isObj(net)) return
      const name = str(net.name)
      if (name !== undefined) {
        if (networks.has(name)) problems.push(`cluster.networks[${i}].name: duplicate network "${name}"`)
        networks.add(name)
      }
      const subnet = str(net.subnet)
      if (subnet !== undefined) {
        const bad = subnetProblem(subnet)
        if (bad) problems.push(`cluster.networks[${i}].subnet: ${bad}`)
      } else if (net.managed !== false) problems.push(`cluster.networks[${i}].subnet: a managed network needs a subnet (or set managed: false)`)
    })
  } else networks.add(DEFAULT_NETWORK.name)
  const vms = arr(input.vms)
  vms.forEach((vm, i) => {
    if (!isObj(vm)) return
    claim(vm.id, ['vms', i, 'id'], ids.vms)
    const host = str(vm.host)
    if (host !== undefined && clusterDefined && !ids.nodes.has(host)) problems.push(`vms[${i}].host: unknown host "${host}"`)
    const net = str(vm.network)
    if (net !== undefined && !networks.has(net)) problems.push(`vms[${i}].network: unknown network "${net}" (networks: ${[...networks].join(', ')})`)
    if (Array.isArray(vm.affinityHosts) && clusterDefined) {
      vm.affinityHosts.forEach((h, k) => {
        const hs = str(h)
        if (hs !== undefined && !ids.nodes.has(hs)) problems.push(`vms[${i}].affinityHosts[${k}]: unknown host "${hs}"`)
      })
      if (host !== undefined && ids.nodes.has(host) && !vm.affinityHosts.includes(host))
        problems.push(`vms[${i}].host: "${host}" is not one of its affinityHosts`)
    }
  })
  let vdisks = 0
  for (const vm of vms) if (isObj(vm) && typeof vm.vdisks === 'number' && vm.vdisks > 0) vdisks += vm.vdisks
  if (isObj(input.vmFill) && typeof input.vmFill.count === 'number' && typeof input.vmFill.vdisks === 'number') vdisks += Math.max(0, input.vmFill.count) * Math.max(0, input.vmFill.vdisks)
  if (vdisks > MAX_VDISKS) problems.push(`vms: ${vdisks} vDisks in all, more than the ${MAX_VDISKS} the simulation can hold in memory`)
  if (isObj(input.vmFill) && typeof input.vmFill.count === 'number') {
    const f = input.vmFill
    const fillCount = input.vmFill.count
    const uniform = ['vcpus', 'memoryGiB', 'vdisks'].filter((k) => f[k] !== undefined)
    if (isObj(f.mix)) {
      if (uniform.length > 0) problems.push(`vmFill: give either "mix" or ${uniform.map((k) => `"${k}"`).join(', ')}, not both`)
      else if (Object.values(f.mix).every((w) => typeof w !== 'number' || w <= 0)) problems.push('vmFill.mix: at least one profile needs a weight above 0')
    } else if (uniform.length < 3 && f.mix === undefined)
      problems.push(`vmFill: give "vcpus", "memoryGiB" and "vdisks" (one shape for every VM) or a profile "mix" (${PROFILES.join(', ')})`)
    if (fillCount <= 20000 && (isObj(f.mix) || f.mix === undefined)) {
      for (const g of fillVms({ count: fillCount, mix: isObj(f.mix) ? (Object.fromEntries(Object.entries(f.mix).filter(([, w]) => typeof w === 'number')) as FillInput['mix']) : undefined }, '')) {
        const prev = seen.get(g.id)
        if (prev !== undefined) problems.push(`vmFill: generated id "${g.id}" collides with ${prev}`)
        ids.vms.add(g.id)
      }
    }
    if (vms.length + fillCount > 20000) problems.push('vmFill.count: at most 20000 VMs in all')
  }
  const failable = (t: string) => ids.disks.has(t) || ids.nodes.has(t) || ids.blocks.has(t) || ids.racks.has(t)
  // what addNode steps add counts as known to the other steps (the model checks the order when the step runs)
  arr(input.steps).forEach((step, i) => {
    if (!isObj(step) || !isObj(step.action) || !isObj(step.action.addNode)) return
    const n = step.action.addNode
    const nid = str(n.id)
    if (nid !== undefined) {
      if (seen.has(nid)) problems.push(`${formatPath(['steps', i, 'action', 'addNode', 'id'])}: duplicate id "${nid}" (already used at ${seen.get(nid)!})`)
      else seen.set(nid, formatPath(['steps', i, 'action', 'addNode', 'id']))
      ids.nodes.add(nid)
    }
    const bid = str(n.block)
    if (bid !== undefined) ids.blocks.add(bid)
    const rid = str(n.rack)
    if (rid !== undefined) ids.racks.add(rid)
    arr(n.disks).forEach((disk, d) => {
      const did = isObj(disk) ? str(disk.id) : undefined
      if (did === undefined) return
      const at = formatPath(['steps', i, 'action', 'addNode', 'disks', d, 'id'])
      if (seen.has(did)) problems.push(`${at}: duplicate id "${did}" (already used at ${seen.get(did)!})`)
      else seen.set(did, at)
      ids.disks.add(did)
    })
  })
  arr(input.steps).forEach((step, i) => {
    if (!isObj(step) || !isObj(step.action)) return
    const a = step.action
    const p = (k: string) => formatPath(['steps', i, 'action', k])
    if (isObj(a.inject)) {
      const f = a.inject as Partial<Fault>
      const t = str(f.target)
      if (t !== undefined) {
        const bad = faultTargetProblem(f.kind, t, ids)
        if (bad) problems.push(`${p('inject')}.target: ${bad}`)
      }
      if (f.kind === 'partition' && Array.isArray(f.target)) problems.push(...partitionListProblems(f.target, ids.nodes, `${p('inject')}.target`))
    }
    const r = str(a.restore)
    if (r !== undefined && !failable(r)) problems.push(`${p('restore')}: unknown target "${r}"`)
    const rd = str(a.removeDisk)
    if (rd !== undefined && !ids.disks.has(rd)) problems.push(`${p('removeDisk')}: unknown disk "${rd}"`)
    // nodes added by earlier steps count: steps are checked in time order below
    const rn = str(a.removeNode)
    if (rn !== undefined && !ids.nodes.has(rn)) problems.push(`${p('removeNode')}: unknown node "${rn}"`)
    for (const k of ['powerOn', 'powerOff'] as const) {
      const v = str(a[k])
      if (v !== undefined && !ids.vms.has(v)) problems.push(`${p(k)}: unknown VM "${v}"`)
    }
  })
  problems.push(...expectProblems(input, ids.vms))
  return problems
}

/** Problem with an IPv4 subnet "a.b.c.d/p" (issue 7), or null. */
export function subnetProblem(subnet: string): string | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(subnet)
  if (!m) return `must be an IPv4 subnet like "10.100.0.0/16", got "${subnet}"`
  if (m.slice(1, 5).some((o) => Number(o) > 255)) return `"${subnet}": each address part must be 0–255`
  const p = Number(m[5])
  if (p < 8 || p > 29) return `"${subnet}": prefix length must be 8 to 29`
  return null
}

export function faultTargetProblem(kind: unknown, target: string, ids: Pick<Ids, 'disks' | 'nodes' | 'blocks' | 'racks'>): string | null {
  const disk = kind === 'disk' || kind === 'corrupt'
  const want = disk ? ids.disks : kind === 'block' ? ids.blocks : kind === 'rack' ? ids.racks : ids.nodes
  if (want.has(target)) return null
  const what = disk ? 'disk' : kind === 'block' ? 'block' : kind === 'rack' ? 'rack' : 'node'
  return `unknown target "${target}" (expected a ${what} id)`
}

/** A multi-node partition's list (DOMAIN.md §10): known node ids, each once, not every node of the cluster. */
export function partitionListProblems(list: readonly unknown[], nodes: ReadonlySet<string>, path: string): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  list.forEach((t, j) => {
    if (typeof t !== 'string') return // the structural check names it
    if (!nodes.has(t)) out.push(`${path}[${j}]: unknown target "${t}" (expected a node id)`)
    else if (seen.has(t)) out.push(`${path}[${j}]: node "${t}" is listed twice`)
    seen.add(t)
  })
  if (out.length === 0 && nodes.size > 0 && seen.size === nodes.size)
    out.push(`${path}: a partition must leave at least one node on the other side: the list holds all ${nodes.size} nodes of the cluster`)
  return out
}

/** host / CVM address of node index i (`10.10.x.y` / `10.11.x.y`) */
export function ip(prefix: string, i: number): string {
  return `${prefix}.${Math.floor(i / 250)}.${(i % 250) + 10}`
}

export function serialOf(prefix: string, seedish: string): string {
  // deterministic pseudo serial derived from the id (FNV-1a)
  let h = 0x811c9dc5
  for (let i = 0; i < seedish.length; i++) {
    h ^= seedish.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `${prefix}${h.toString(36).toUpperCase().padStart(7, '0')}`
}

function expand(s: Scenario): ClusterSpec {
  const c = s.cluster
  const racks: RackSpec[] = [], blocks: BlockSpec[] = [], nodes: NodeSpec[] = [], disks: DiskSpec[] = []
  const addNode = (idStr: string, block: number, rack: number, cpu: number | undefined, mem: number | undefined, cvm: number | undefined, ds: Array<{ id: string; tier: 'SSD' | 'HDD'; capacityTB: number }>) => {
    const n = nodes.length
    const node: NodeSpec = {
      id: idStr, block, rack,
      cpuCores: cpu ?? DEFAULT_NODE.cpuCores,
      memoryBytes: (mem ?? DEFAULT_NODE.memoryGiB) * GiB,
      cvmMemoryBytes: (cvm ?? DEFAULT_NODE.cvmMemoryGiB) * GiB,
      disks: [], hostIp: ip('10.10', n), cvmIp: ip('10.11', n), serial: serialOf('HS', idStr),
    }
    for (const d of ds) {
      node.disks.push(disks.length)
      disks.push({ id: d.id, node: n, tier: d.tier, capacityBytes: Math.round(d.capacityTB * TB), serial: serialOf(d.tier === 'SSD' ? 'S' : 'Z', d.id) })
    }
    nodes.push(node)
    blocks[block].nodes.push(n)
  }
  if (c.racks) {
    for (const r of c.racks) {
      const ri = racks.length
      racks.push({ id: r.id, blocks: [] })
      for (const b of r.blocks) {
        const bi = blocks.length
        racks[ri].blocks.push(bi)
        blocks.push({ id: b.id, rack: ri, model: b.model ?? `PS-${b.nodes.length}000`, serial: serialOf('BLK', b.id), nodes: [] })
        for (const n of b.nodes) addNode(n.id, bi, ri, n.cpuCores, n.memoryGiB, n.cvmMemoryGiB, n.disks)
      }
    }
  } else if (c.layout) {
    const l = c.layout
    for (let r = 1; r <= l.racks; r++) {
      const ri = racks.length
      racks.push({ id: `rack-${r}`, blocks: [] })
      for (let b = 0; b < l.blocksPerRack; b++) {
        const bi = blocks.length
        const bid = `block-${bi + 1}`
        racks[ri].blocks.push(bi)
        blocks.push({ id: bid, rack: ri, model: `PS-${l.nodesPerBlock}000`, serial: serialOf('BLK', bid), nodes: [] })
        for (let n = 0; n < l.nodesPerBlock; n++) {
          const ni = nodes.length + 1
          const ds: Array<{ id: string; tier: 'SSD' | 'HDD'; capacityTB: number }> = []
          for (let d = 0; d < l.ssdPerNode; d++) ds.push({ id: `disk-${ni}-${ds.length + 1}`, tier: 'SSD', capacityTB: l.ssdTB })
          for (let d = 0; d < l.hddPerNode; d++) ds.push({ id: `disk-${ni}-${ds.length + 1}`, tier: 'HDD', capacityTB: l.hddTB })
          addNode(`node-${ni}`, bi, ri, l.cpuCores, l.memoryGiB, l.cvmMemoryGiB, ds)
        }
      }
    }
  }
  const totalBytes = disks.reduce((a, d) => a + d.capacityBytes, 0)
  const usedRawBytes = c.data?.usedTB !== undefined ? Math.round(c.data.usedTB * TB) : Math.round(totalBytes * ((c.data?.usedPct ?? 40) / 100))
  const nodeIndex = new Map(nodes.map((n, i) => [n.id, i]))
  const networks: NetworkSpec[] = c.networks
    ? c.networks.map((x) => ({ name: x.name, managed: x.managed ?? true, subnet: x.subnet ?? null, vlan: x.vlan ?? 0 }))
    : [{ ...DEFAULT_NETWORK }]
  const vms: VmSpec[] = []
  for (const v of s.vms ?? []) {
    vms.push({
      id: v.id, name: v.name ?? v.id, host: nodeIndex.get(v.host)!, vcpus: v.vcpus, memoryBytes: Math.round(v.memoryGiB * GiB),
      vdisks: v.vdisks, power: v.power ?? 'on', frodo: v.frodo ?? true,
      affinity: v.affinityHosts ? [...new Set(v.affinityHosts)].map((h) => nodeIndex.get(h)!) : null,
      network: v.network !== undefined ? Math.max(0, networks.findIndex((x) => x.name === v.network)) : 0,
    })
  }
  if (s.vmFill) {
    const fill = fillVms(s.vmFill, s.id ?? s.title)
    const usedGiB = nodes.map(() => 0)
    for (const v of vms) if (v.power === 'on') usedGiB[v.host] += v.memoryBytes / GiB
    const hostGiB = nodes.map((n) => (n.memoryBytes - n.cvmMemoryBytes) / GiB)
    const placed = placeFill(fill, hostGiB, usedGiB, nodes.map((n) => n.block))
    fill.forEach((f, i) => {
      // one name everywhere (issue 18): a generated VM's name is its id
      vms.push({
        id: f.id, name: f.id, host: placed[i].host, vcpus: f.vcpus, memoryBytes: Math.round(f.memoryGiB * GiB), vdisks: f.vdisks,
        power: f.power, frodo: true, affinity: placed[i].affinity, network: 0,
      })
    })
  }
  const ftLevel = c.ftLevel ?? 1
  return {
    scenarioId: s.id ?? null,
    title: s.title,
    summary: s.summary ?? '',
    seed: s.seed ?? 1,
    name: c.name ?? s.title,
    ftLevel,
    replicationFactor: ftLevel === 2 ? 3 : 2,
    metadataReplicationFactor: ftLevel === 2 ? 5 : 3,
    desiredAwareness: c.awareness ?? 'block',
    awarenessMode: c.awarenessMode ?? 'best-effort',
    erasureCoding: c.erasureCoding ?? false,
    haMode: c.haMode ?? 'default',
    warnThresholdPct: c.warnThresholdPct ?? 75,
    usedRawBytes,
    growthBytesPerDay: Math.round((c.data?.growthTBPerDay ?? 0) * TB),
    rebuildBytesPerSecPerNode: (c.rebuildMBpsPerNode ?? DEFAULT_REBUILD_MBPS_PER_NODE) * MB,
    healing: {
      hadesTestSeconds: c.healing?.hadesTestSeconds ?? HEALING_DEFAULTS.hadesTestSeconds,
      ringDetachSeconds: Math.round((c.healing?.ringDetachMinutes ?? HEALING_DEFAULTS.ringDetachMinutes) * 60),
      ringRejoinSeconds: Math.round((c.healing?.ringRejoinMinutes ?? HEALING_DEFAULTS.ringRejoinMinutes) * 60),
      zookeeperMoveSeconds: Math.round((c.healing?.zookeeperMoveMinutes ?? HEALING_DEFAULTS.zookeeperMoveMinutes) * 60),
    },
    ioPath: { ...DEFAULT_IO_PATH, ...c.ioPath },
    racks, blocks, nodes, disks, vms, networks,
    steps: [...(s.steps ?? [])].sort((a, b) => a.at - b.at),
  }
}

/**
 * Validate and normalise a scenario. Never throws; on failure every problem is listed.
 * `seedOverride` (from the URL) replaces the scenario's seed.
 */
export function compileScenario(input: unknown, seedOverride?: number): ScenarioResult {
  const { data, problems } = structuralProblems(input)
  const semantic = semanticProblems(input)
  const all = [...problems, ...semantic.filter((p) => !problems.includes(p))]
  if (all.length > 0 || !data) return { ok: false, problems: all.length ? capProblems(all.map(clipProblem)) : ['(scenario): invalid'] }
  const spec = expand(data)
  if (spec.usedRawBytes > spec.disks.reduce((a, d) => a + d.capacityBytes, 0) * 0.95)
    return { ok: false, problems: ['cluster.data.usedTB: more than 95 % of the cluster\'s raw capacity'] }
  if (seedOverride !== undefined) spec.seed = seedOverride
  return { ok: true, spec, scenario: data }
}
