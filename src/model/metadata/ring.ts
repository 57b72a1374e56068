/**
 * The Cassandra metadata ring and the Zookeeper ensemble (seed 004, DOMAIN.md §3).
 *
 * - Ring order: nodes of the same block/rack are spread round the ring so that any
 *   RF_m consecutive members (a token range's replicas) fall in distinct units whenever
 *   the layout allows it (see `interleavedRing`).
 * - Token range i is owned by ring member i and stored on it and the next RF_m − 1
 *   members clockwise; it is available while a quorum (majority of RF_m) of those
 *   replicas run Cassandra.
 * - Metadata is block (rack) aware only when the other blocks (racks) together hold at
 *   least 2X nodes (FT1) or 4X (FT2), X being the node count of the largest one
 *   (Nutanix Bible); otherwise it falls back rack → block → node.
 * - Zookeeper: 3 (FT1) or 5 (FT2) servers spread over distinct racks, then blocks,
 *   then nodes, as far as the layout allows.
 * - (our rule) Cassandra and Zookeeper keep their data on the node's SSDs (all its disks
 *   when it has no SSD): a node runs them while its CVM serves and at least one of
 *   those metadata disks is online.
 */
import { DISK_ONLINE, type Topology } from '../cluster/topology'
import type { Domain } from '../types'

/** Majority of n. */
export function quorumOf(n: number): number {
  return Math.floor(n / 2) + 1
}

/** Nodes the largest unit must be outnumbered by, in multiples of its size (2X for FT1, 4X for FT2). */
export function metadataAwarenessFactor(ftLevel: 1 | 2): number {
  return ftLevel === 2 ? 4 : 2
}

/** Is metadata aware at domain `dom` (block or rack): the other units hold ≥ 2X / 4X nodes. */
export function metadataAwareAt(topo: Topology, dom: Domain, ftLevel: 1 | 2, except = -1): boolean {
  if (dom === 'node') return true
  const sizes = new Int32Array(topo.unitCount(dom))
  let n = 0
  // the nodes of the cluster (removed ones, and `except` — a node whose removal is judged — left out)
  for (let i = 0; i < topo.nodeCount; i++) {
    if (i === except || !topo.nodeActive(i)) continue
    sizes[topo.unitOf(i, dom)]++
    n++
  }
  let x = 0
  for (let u = 0; u < sizes.length; u++) if (sizes[u] > x) x = sizes[u]
  return n - x >= metadataAwarenessFactor(ftLevel) * x
}

/**
 * The domain metadata is aware of: the data awareness in force (`effective`) if the
 * 2X / 4X condition holds there, else the next finer domain where it holds (node last).
 */
export function metadataAwareness(topo: Topology, effective: Domain, ftLevel: 1 | 2, except = -1): Domain {
  const chain: Domain[] = effective === 'rack' ? ['rack', 'block'] : effective === 'block' ? ['block'] : []
  for (const d of chain) if (metadataAwareAt(topo, d, ftLevel, except)) return d
  return 'node'
}

/**
 * Ring order spreading the units of `dom` (blocks when `dom` is node: best effort) so
 * that any `window` consecutive members (window = RF_m) sit in distinct units.
 *
 * Construction (exact whenever the largest unit has at most ⌊n / window⌋ nodes, which the
 * 2X / 4X condition guarantees): list the nodes unit by unit, largest units first; cut
 * the ring into q = ⌊n / window⌋ frames of ⌊n / q⌋ or ⌈n / q⌉ consecutive positions
 * (larger frames first); deal the list column by column (position c of every frame,
 * then position c + 1…). A unit then has at most one node per frame, and two of its
 * nodes in neighbouring frames are a whole frame (≥ window) apart.
 * Deterministic: ties are broken by unit index, nodes keep their given order.
 */
export function interleavedRing(topo: Topology, nodes: readonly number[], dom: Domain, window = 3): number[] {
  const n = nodes.length
  if (n === 0) return []
  const spread: Domain = dom === 'node' ? 'block' : dom
  const groups = new Map<number, number[]>()
  for (const x of nodes) {
    const u = topo.unitOf(x, spread)
    let g = groups.get(u)
    if (!g) groups.set(u, (g = []))
    g.push(x)
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
  const list: number[] = []
  for (const [, g] of ordered) for (const x of g) list.push(x)
  const w = Math.max(1, window)
  const q = Math.max(1, Math.floor(n / w))
  const size = Math.floor(n / q)
  const extra = n - q * size // frames 0 .. extra − 1 hold one more position
  const frameStart = new Int32Array(q + 1)
  for (let i = 0; i < q; i++) frameStart[i + 1] = frameStart[i] + size + (i < extra ? 1 : 0)
  const ring = new Array<number>(n)
  let k = 0
  for (let c = 0; c <= size; c++) {
    for (let i = 0; i < q; i++) {
      if (frameStart[i] + c < frameStart[i + 1]) ring[frameStart[i] + c] = list[k++]
    }
  }
  return ring
}

/** A token range: owned by ring member `index`, stored on `replicas` (owner first, then clockwise). */
export interface TokenRange {
  index: number
  owner: number
  replicas: number[]
}

/** Token ranges of a ring of `members` (in ring order) with metadata RF `rfm`. */
export function tokenRanges(members: readonly number[], rfm: number): TokenRange[] {
  const n = members.length
  const r = Math.min(rfm, n)
  const out: TokenRange[] = []
  for (let i = 0; i < n; i++) {
    const replicas: number[] = []
    for (let k = 0; k < r; k++) replicas.push(members[(i + k) % n])
    out.push({ index: i, owner: members[i], replicas })
  }
  return out
}

/** Disks that hold node n's metadata (Cassandra, Zookeeper): its SSDs, or all its disks without SSD. */
export function metadataDisks(topo: Topology, n: number): readonly number[] {
  return topo.metadataDisks(n)
}

/** Cassandra (and a Zookeeper server, if any) runs on node n: CVM serving and a metadata disk online. */
export function metadataServiceUp(topo: Topology, n: number): boolean {
  if (!topo.cvmServing(n)) return false
  for (const d of metadataDisks(topo, n)) if (topo.diskMode[d] === DISK_ONLINE) return true
  return false
}

const SPREAD_LEVELS: readonly Domain[] = ['rack', 'block', 'node']

/**
 * Pick `count` Zookeeper servers among `candidates` (in preference order, e.g. ring
 * order): first one per rack, then one per block, then any node, so the ensemble sits
 * on distinct blocks/racks whenever the layout allows (seed 004). `_dom` (the awareness
 * in force) is accepted for compatibility: spreading as wide as possible serves every
 * awareness level.
 */
export function placeZookeeper(topo: Topology, candidates: readonly number[], count: number, _dom?: Domain): number[] {
  const chosen: number[] = []
  const used: Record<Domain, Set<number>> = { rack: new Set(), block: new Set(), node: new Set() }
  const take = (n: number) => {
    chosen.push(n)
    for (const l of SPREAD_LEVELS) used[l].add(topo.unitOf(n, l))
  }
  for (let level = 0; level < SPREAD_LEVELS.length; level++) {
    for (const n of candidates) {
      if (chosen.length >= count) return chosen
      // new at this level and at every finer one
      let fresh = true
      for (let l = level; l < SPREAD_LEVELS.length && fresh; l++) if (used[SPREAD_LEVELS[l]].has(topo.unitOf(n, SPREAD_LEVELS[l]))) fresh = false
      if (fresh) take(n)
    }
  }
  return chosen
}

/**
 * Where the Zookeeper server of slot `slot` (now on node `leaving`, which leaves the cluster)
 * goes: a ring member other than `leaving` that runs Cassandra, holds no server (`taken`) and
 * is not being removed — in the same unit of `dom` if one is up, else in a unit without
 * another server; -1 when none (the ensemble would lose its awareness: the removal is refused).
 */
export function zookeeperTarget(topo: Topology, ring: readonly number[], member: Uint8Array, taken: readonly number[], slot: number, dom: Domain, leaving: number): number {
  const others = taken.filter((_, j) => j !== slot).map((x) => topo.unitOf(x, dom))
  const candidates = ring.filter((x) => x !== leaving && member[x] === 1 && !taken.includes(x) && topo.removal[x] === 0 && metadataServiceUp(topo, x))
  const home = topo.unitOf(leaving, dom)
  return candidates.find((x) => topo.unitOf(x, dom) === home) ?? candidates.find((x) => !others.includes(topo.unitOf(x, dom))) ?? -1
}
