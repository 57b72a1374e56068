/**
 * Semantic checks of a scenario (DRILL-API.md §3): what needs the whole scenario — unique and
 * known ids, layouts that fit, fault targets, partition lists, subnets, step actions. They
 * work on the raw input, so they run even when the structure has other problems, and name
 * every problem by its JSON path.
 */
import { DEFAULT_NODE } from '../kernel/units'
import { expectProblems } from './expectSchema'
import type { Fault } from '../types'
import { MAX_RAW_TB, MAX_RAW_UNITS, MAX_VDISKS } from './limits'
import { formatPath } from './schema'
import { fillVms, PROFILES, type FillInput } from './workloads'
import { DEFAULT_NETWORK } from './network'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

interface Ids {
  racks: Set<string>; blocks: Set<string>; nodes: Set<string>; disks: Set<string>; vms: Set<string>
  nodeCount: number
}

/** Checks that need the whole scenario; works on raw input so they run even when the structure has other problems. */
export function semanticProblems(input: unknown): string[] {
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

