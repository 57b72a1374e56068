/**
 * Defaults: turns a validated Scenario into the ClusterSpec the model builds its world from
 * (the checks that need the whole scenario are in semantics.ts). Problems are listed by JSON
 * path, all at once.
 */
import { DEFAULT_NODE, DEFAULT_REBUILD_MBPS_PER_NODE, GiB, HEALING_DEFAULTS, MB, TB } from '../kernel/units'
import type { AwarenessMode, Domain } from '../types'
import { DEFAULT_IO_PATH, type IoPathParams } from '../iopath/params'
import { capProblems, clipProblem } from './limits'
import { structuralProblems, type Scenario, type ScenarioStep } from './schema'
import { semanticProblems } from './semantics'
import { fillVms, placeFill } from './workloads'

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
export { DEFAULT_NETWORK, type NetworkSpec } from './network'
import { DEFAULT_NETWORK, type NetworkSpec } from './network'

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
