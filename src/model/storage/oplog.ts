import { DomainIndex, LEVEL_OF } from './domainIndex'
import type { Prng } from '../kernel/prng'
import type { Topology } from '../cluster/topology'
import type { Domain } from '../types'
import { UNIT_BYTES } from '../kernel/units'

/**
 * OpLog episodes (seed 004): writes land in the local OpLog and are synchronously
 * replicated to RF − 1 peer OpLogs; peers are chosen per episode (1 GB of vDisk data)
 * among all healthy nodes, on distinct units of the awareness domain when possible.
 * One open episode per vDisk of a running VM; each replica sits on an SSD of its node
 * (any disk when the node has none). peers[vd * rf + k] = node, disks[…] = disk, -1 = none.
 */
/** An OpLog episode covers this much vDisk data (seed 004); one is open per running vDisk. */
export const OPLOG_EPISODE_BYTES = UNIT_BYTES

export class OplogStore {
  readonly peers: Int16Array
  readonly disks: Int32Array
  /** the unit of every node (rebuilt when the cluster grows: growNodes) */
  private index: DomainIndex

  constructor(
    private readonly topo: Topology,
    readonly vdisks: number,
    readonly rf: number,
  ) {
    this.peers = new Int16Array(vdisks * rf).fill(-1)
    this.disks = new Int32Array(vdisks * rf).fill(-1)
    this.index = new DomainIndex(topo.spec)
  }

  /** An online disk of node n for the OpLog (SSD preferred), chosen deterministically from `salt`; -1 if none. */
  private oplogDisk(n: number, salt: number): number {
    const spec = this.topo.spec
    const all = spec.nodes[n].disks
    let count = 0
    let ssd = false
    for (const d of all) if (this.topo.diskAvailable(d) && spec.disks[d].tier === 'SSD') ssd = true
    for (const d of all) if (this.topo.diskAvailable(d) && (!ssd || spec.disks[d].tier === 'SSD')) count++
    if (count === 0) return -1
    let pickIdx = salt % count
    for (const d of all) {
      if (this.topo.diskAvailable(d) && (!ssd || spec.disks[d].tier === 'SSD')) {
        if (pickIdx === 0) return d
        pickIdx--
      }
    }
    return -1
  }

  /** The cluster grew: index the new nodes' units. */
  growNodes(): void {
    this.index = new DomainIndex(this.topo.spec)
  }

  /** A peer for an episode: its CVM serves, it has an online OpLog disk, and it is not leaving the cluster (lifecycle/nodeRemoval.ts). */
  private usable(n: number): boolean {
    return this.topo.cvmServing(n) && this.topo.removal[n] === 0 && this.oplogDisk(n, 0) >= 0
  }

  /** Episodes with a replica on node n (it is leaving the cluster), as vDisk indices. */
  vdisksOnNode(n: number): number[] {
    const out: number[] = []
    for (let vd = 0; vd < this.vdisks; vd++) {
      for (let k = 0; k < this.rf; k++) if (this.peers[vd * this.rf + k] === n) {
        out.push(vd)
        break
      }
    }
    return out
  }

  /** Open a new episode for vDisk vd of a VM on `host`: the local OpLog plus RF − 1 healthy peers. */
  open(rng: Prng, vd: number, host: number, dom: Domain): void {
    const rf = this.rf
    const nodes = this.topo.nodeCount
    const unit = this.index.nodeUnit[LEVEL_OF[dom]]
    const base = vd * rf
    for (let k = 0; k < rf; k++) {
      this.peers[base + k] = -1
      this.disks[base + k] = -1
    }
    let have = 0
    if (host >= 0 && this.usable(host)) {
      this.peers[base] = host
      this.disks[base] = this.oplogDisk(host, vd)
      have = 1
    }
    for (let k = have; k < rf; k++) {
      const clash = (n: number, checkUnit: boolean): boolean => {
        for (let j = 0; j < k; j++) {
          const p = this.peers[base + j]
          if (p === n || (checkUnit && p >= 0 && unit[p] === unit[n])) return true
        }
        return false
      }
      let pick = -1
      for (let attempt = 0; attempt < 16 && pick < 0; attempt++) {
        const n = rng.fastInt(nodes)
        if (this.usable(n) && !clash(n, true)) pick = n
      }
      if (pick < 0) {
        // scan in a random rotation: a distinct unit first, else any other node
        const start = rng.fastInt(nodes)
        for (let pass = 0; pass < 2 && pick < 0; pass++) {
          for (let i = 0; i < nodes && pick < 0; i++) {
            const n = (start + i) % nodes
            if (this.usable(n) && !clash(n, pass === 0)) pick = n
          }
        }
      }
      if (pick >= 0) {
        this.peers[base + k] = pick
        this.disks[base + k] = this.oplogDisk(pick, vd + k)
      }
    }
  }

  /**
   * Awareness restored (our rule): an episode whose replicas share a node or a unit of `dom`
   * (opened while units were down) is replaced at the next Curator scan when every node serves.
   */
  sharesUnit(vd: number, dom: Domain): boolean {
    const unit = this.index.nodeUnit[LEVEL_OF[dom]]
    const base = vd * this.rf
    for (let k = 1; k < this.rf; k++) {
      const p = this.peers[base + k]
      for (let j = 0; j < k; j++) {
        const q = this.peers[base + j]
        if (p >= 0 && q >= 0 && (p === q || unit[p] === unit[q])) return true
      }
    }
    return false
  }

  /** A disk left the cluster (removal): episode replicas on it move to another online disk of the same node. */
  moveOffDisk(d: number): void {
    for (let i = 0; i < this.disks.length; i++) {
      if (this.disks[i] === d && this.peers[i] >= 0) this.disks[i] = this.oplogDisk(this.peers[i], i)
    }
  }

  /** Close vDisk vd's episode (VM off). */
  close(vd: number): void {
    for (let k = 0; k < this.rf; k++) {
      this.peers[vd * this.rf + k] = -1
      this.disks[vd * this.rf + k] = -1
    }
  }
}
