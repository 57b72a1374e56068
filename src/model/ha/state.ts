/**
 * VM high availability, part 1 of 4: the state every part shares (ha.ts describes the whole).
 * Hosts' capacity and reservations, the failover segments of Guarantee mode and their
 * layout (MTHM). The later parts extend this class: admission.ts (power-on admission and
 * placement, re-protection, the HA mode), detection.ts (failure detection with the
 * T0/T20/T60/T120 timelines, HA restarts, the Acropolis leader and its DHCP), ha.ts
 * (what-if checks and the Report's `ha` section).
 */
import { Ipam } from './ipam'
import { mthm, spreadPack } from './mthm'
import { grown, grownSquare } from '../kernel/grow'
import type { Kernel } from '../kernel/context'
import type { ClusterSpec } from '../scenario/normalize'
import type { Topology } from '../cluster/topology'
import type { VmTable } from '../cluster/vms'
import type { DataStore } from '../storage/data'

/** What VM high availability uses: kernel services, the cluster facts it reads and the VM power actions of the composition root. */
export interface HaContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly vms: VmTable
  readonly data: DataStore
  /** memory a host can give to VMs */
  hostCapacityBytes(n: number): number
  /** metadata ring order (the Acropolis leader is elected among its members) */
  ringOrder(): readonly number[]
  /** stop VM v: its sessions and OpLog episodes end */
  setVmOff(v: number): void
  /** power VM v on where admission and placement allow */
  tryPowerOn(v: number, interactive: boolean): void
  /** null when the configuration may change (Zookeeper quorum), else the reason (metadata/quorum.ts) */
  configChangeRefusal(): string | null
  /** take a metrics sample now (the charts show the restarts at T120, not at the next 5-minute sample) */
  recordMetrics(): void
}

/** Failure-detection timeline (seed 003), seconds after T0. */
export const HA_TIMEOUT_START = 20
export const HA_FENCE = 60
export const HA_RESTART = 120
/** A VM on a partitioned host terminates this long after its first failed I/O (seed 003). */
export const HA_PARTITION_VM_DEATH = 45
/** Acropolis election delay after the leader is lost (seed 003: T20). */
export const ACROPOLIS_ELECTION_DELAY = 20
/** HA incidents kept (the latest; one still in progress is never dropped): long drills stay in bounded memory. */
export const INCIDENT_RETENTION = 100

export interface Incident {
  id: number
  host: number
  kind: 'host' | 'partition'
  leaderFailure: boolean
  t0: number
  t20: number | null
  t60: number | null
  t120: number | null
  terminated: number | null
  cancelled: boolean
  vms: number[]
  restarted: Array<{ vm: number; host: number; viaSegment: boolean }>
  failed: Array<{ vm: number; reason: string }>
}

/** A power-on decided by admission(), applied by placement()/onPowerOn(). */
export interface Plan {
  v: number
  host: number
  /** segment hosts for the VM (fast path) */
  segs: number[] | null
  /** a whole new layout (rearrangement) */
  layout: Layout | null
  /** an HA restart (through a segment, or best effort) */
  restart: boolean
}

export interface Layout {
  seg: Int16Array
}

export type LayoutResult = { ok: true; layout: Layout } | { ok: false; source: number; unplaced: number[] }

export const gibOf = (b: number) => gib(Math.max(0, b))

export abstract class HaState {
  /** Acropolis leader (node index) or -1 */
  leader = -1
  /** an Acropolis election is scheduled */
  protected electionPending = false
  /** hosts (grows with the cluster: growHosts) */
  protected n: number
  /** bytes of VMs running (POWER_ON) on each host */
  protected run: Float64Array
  /** host whose parcel counts a VM in `run`, or -1 */
  protected readonly parcel: Int16Array
  /** host whose failure the VM's segments cover (its host, or the failed host while it waits for restart), -1 when off */
  protected readonly src: Int16Array
  /** failover segments: seg[2v], seg[2v+1] = host or -1 */
  protected seg: Int16Array
  /** grp[H * n + R]: bytes host H holds for VMs whose source is R */
  protected grp: Float64Array
  /**
   * Per host H, the three largest grp[H][·] (floored at 0, duplicates counted) and the
   * sources of the first two, so reserve() is O(1): recomputed when H's row changed.
   */
  protected topV: Float64Array
  protected topR: Int32Array
  protected topDirty: Uint8Array
  /** incident a restarting VM waits on, or -1 */
  protected readonly waitIncident: Int32Array
  /** VM waiting for a DHCP answer */
  protected readonly dhcpWait: Uint8Array
  /** the latest INCIDENT_RETENTION incidents, oldest first (ids increase) */
  protected incidents: Incident[] = []
  protected incidentSeq = 0
  protected plan: Plan | null = null
  readonly ipam: Ipam
  /** bumped when anything HA reports changes */
  version = 0
  protected checkCache: { version: number; topo: number; result: Array<{ vms: number; restartable: number; bytes: number }> } | null = null

  constructor(protected readonly sim: HaContext) {
    const n = sim.spec.nodes.length
    const vc = sim.vms.count
    this.n = n
    this.run = new Float64Array(n)
    this.parcel = new Int16Array(vc).fill(-1)
    this.src = new Int16Array(vc).fill(-1)
    this.seg = new Int16Array(vc * 2).fill(-1)
    this.grp = new Float64Array(n * n)
    this.topV = new Float64Array(3 * n)
    this.topR = new Int32Array(2 * n)
    this.topDirty = new Uint8Array(n).fill(1)
    this.waitIncident = new Int32Array(vc).fill(-1)
    this.dhcpWait = new Uint8Array(vc)
    this.ipam = new Ipam(sim.spec.networks, vc)
    sim.on('acropolis-election', () => this.electLeader())
    sim.on('ha-step', (p) => this.advanceIncident(this.incidentById(p as number)))
    sim.on('ha-partition-io-timeout', (p) => this.partitionVmsDie(this.incidentById(p as number)))
  }

  /** The cluster grew (lifecycle/expansion.ts): the new hosts hold nothing yet and add HA capacity. */
  growHosts(): void {
    const m = this.sim.spec.nodes.length
    const n = this.n
    if (m === n) return
    this.run = grown(this.run, m)
    this.grp = grownSquare(this.grp, n, m)
    this.topV = grown(this.topV, 3 * m)
    this.topR = grown(this.topR, 2 * m)
    this.topDirty = grown(this.topDirty, m).fill(1)
    this.n = m
    this.checkCache = null
    this.version++
  }

  /** The first leader, at load: the first ring member. */
  init(ring: readonly number[]): void {
    this.leader = ring[0] ?? -1
  }

  // ------------------------------------------------------------------ queries
  get mode(): 'default' | 'guarantee' {
    return this.sim.spec.haMode
  }
  /** Host failures Guarantee mode reserves for: 1 when every container is RF2, 2 when any is RF3. */
  get reserveFor(): 1 | 2 {
    return this.sim.data.containers.some((c) => c.rf >= 3) ? 2 : 1
  }
  /** Segments per VM in force: reserveFor in Guarantee mode, 0 in Default mode. */
  get t(): number {
    return this.mode === 'guarantee' ? this.reserveFor : 0
  }
  /** A Zookeeper majority is up (metadata/quorum.ts): without it no election, no HA restart (DOMAIN.md §9). */
  get quorum(): boolean {
    return this.sim.configChangeRefusal() === null
  }
  protected mem(v: number): number {
    return this.sim.spec.vms[v].memoryBytes
  }
  /** The host can run VMs: up and not in maintenance mode. */
  protected up(h: number): boolean {
    return this.sim.topo.hostTakesVms(h)
  }
  protected allowed(v: number, h: number): boolean {
    const a = this.sim.spec.vms[v].affinity
    return a === null || a.includes(h)
  }
  capacity(h: number): number {
    return this.sim.hostCapacityBytes(h)
  }
  runningBytes(h: number): number {
    return this.run[h]
  }
  /** Sum of the `t` largest groups of segments on host h (the reserve), optionally with `extra` added to group R. */
  reserved(h: number, t = this.t, extraR = -1, extra = 0): number {
    if (t <= 0) return 0
    if (this.topDirty[h] === 1) this.rankGroups(h)
    const v = this.topV
    const a1 = v[3 * h], a2 = v[3 * h + 1]
    if (extraR < 0) return t === 1 ? a1 : a1 + a2
    // the two largest of the other groups, then where group R lands with its extra
    const r1 = this.topR[2 * h], r2 = this.topR[2 * h + 1]
    const o1 = extraR === r1 ? a2 : a1
    const o2 = extraR === r1 || extraR === r2 ? v[3 * h + 2] : a2
    const g = this.grp[h * this.n + extraR] + extra
    let a: number, b: number
    if (g > o1) {
      a = g
      b = o1
    } else {
      a = o1
      b = g > o2 ? g : o2
    }
    return t === 1 ? a : a + b
  }
  /** The three largest groups on host h (floored at 0, duplicates counted) and the sources of the first two. */
  protected rankGroups(h: number): void {
    const base = h * this.n
    let a = 0, b = 0, c = 0
    let ra = -1, rb = -1
    for (let r = 0; r < this.n; r++) {
      const g = this.grp[base + r]
      if (g > a) {
        c = b
        b = a
        rb = ra
        a = g
        ra = r
      } else if (g > b) {
        c = b
        b = g
        rb = r
      } else if (g > c) c = g
    }
    this.topV[3 * h] = a
    this.topV[3 * h + 1] = b
    this.topV[3 * h + 2] = c
    this.topR[2 * h] = ra
    this.topR[2 * h + 1] = rb
    this.topDirty[h] = 0
  }
  /** What host h can still give to running VMs: capacity − running − reserve (0 when it is not up). */
  available(h: number): number {
    if (!this.up(h)) return 0
    return this.capacity(h) - this.run[h] - this.reserved(h)
  }
  failoverHostsOf(v: number): number[] {
    const out: number[] = []
    for (let k = 0; k < 2; k++) if (this.seg[2 * v + k] >= 0) out.push(this.seg[2 * v + k])
    return out
  }

  // ------------------------------------------------------------------ segments bookkeeping
  protected addSeg(v: number, k: number, h: number): void {
    this.seg[2 * v + k] = h
    this.grp[h * this.n + this.src[v]] += this.mem(v)
    this.topDirty[h] = 1
  }
  protected dropSeg(v: number, k: number): void {
    const h = this.seg[2 * v + k]
    if (h < 0) return
    this.grp[h * this.n + this.src[v]] -= this.mem(v)
    if (Math.abs(this.grp[h * this.n + this.src[v]]) < 0.5) this.grp[h * this.n + this.src[v]] = 0
    this.topDirty[h] = 1
    this.seg[2 * v + k] = -1
  }
  protected dropSegs(v: number): void {
    this.dropSeg(v, 0)
    this.dropSeg(v, 1)
  }
  protected segCount(v: number): number {
    return (this.seg[2 * v] >= 0 ? 1 : 0) + (this.seg[2 * v + 1] >= 0 ? 1 : 0)
  }
  /** Compact segments so seg[2v] is filled first. */
  protected compact(v: number): void {
    if (this.seg[2 * v] < 0 && this.seg[2 * v + 1] >= 0) {
      this.seg[2 * v] = this.seg[2 * v + 1]
      this.seg[2 * v + 1] = -1
    }
  }
  protected setParcel(v: number, h: number): void {
    if (this.parcel[v] >= 0) this.run[this.parcel[v]] -= this.mem(v)
    this.parcel[v] = h
    if (h >= 0) this.run[h] += this.mem(v)
  }

  /**
   * Fast path: host for one more segment of VM v (source r) that keeps every host valid,
   * without moving anything. Spread first (our rule 15.5): the host holding the least for
   * source r (so a host's VMs are covered by, and restart on, many hosts), then the least
   * growth of the host's reserve, then the most room left, then host order. -1 when none.
   */
  protected segmentHost(v: number, r: number, extraRunHost = -1, extraRun = 0): number {
    const m = this.mem(v)
    const t = this.t
    let best = -1, bestGroup = Infinity, bestGrow = Infinity, bestLeft = -Infinity
    for (let h = 0; h < this.n; h++) {
      if (h === r || !this.up(h) || !this.allowed(v, h)) continue
      if (this.seg[2 * v] === h || this.seg[2 * v + 1] === h) continue
      const before = this.reserved(h, t)
      const after = this.reserved(h, t, r, m)
      const left = this.capacity(h) - this.run[h] - (h === extraRunHost ? extraRun : 0) - after
      if (left < -0.5) continue
      const group = this.grp[h * this.n + r]
      const grow = after - before
      const better =
        group < bestGroup - 0.5 ||
        (Math.abs(group - bestGroup) <= 0.5 && (grow < bestGrow - 0.5 || (Math.abs(grow - bestGrow) <= 0.5 && left > bestLeft + 0.5)))
      if (better) {
        best = h
        bestGroup = group
        bestGrow = grow
        bestLeft = left
      }
    }
    return best
  }

  /**
   * A whole layout with MTHM (rearrangement): every VM that runs or waits for its
   * restart gets t segments. Sources (hosts whose VMs need cover) are processed by
   * decreasing demand; for t = 2 a source may use on host H only capacity − running −
   * the largest group already placed on H, so any two groups fit together.
   * `extra`: a VM being powered on at `extraHost` (its parcel counts there).
   */
  computeLayout(extraV = -1, extraHost = -1): LayoutResult {
    const { n } = this
    const t = this.t
    const seg = new Int16Array(this.seg.length).fill(-1)
    if (t === 0) return { ok: true, layout: { seg } }
    const vc = this.sim.vms.count
    const items: number[][] = Array.from({ length: n }, () => [])
    const demand = new Float64Array(n)
    for (let v = 0; v < vc; v++) {
      if (v === extraV || this.src[v] < 0) continue
      items[this.src[v]].push(v)
      demand[this.src[v]] += this.mem(v)
    }
    if (extraV >= 0) {
      items[extraHost].push(extraV)
      demand[extraHost] += this.mem(extraV)
    }
    const free = new Float64Array(n)
    for (let h = 0; h < n; h++) free[h] = this.up(h) ? this.capacity(h) - this.run[h] - (h === extraHost ? this.mem(extraV) : 0) : 0
    const maxG = new Float64Array(n)
    const sources = Array.from({ length: n }, (_, r) => r).filter((r) => items[r].length > 0).sort((a, b) => demand[b] - demand[a] || a - b)
    for (const r of sources) {
      const bins: number[] = []
      for (let h = 0; h < n; h++) if (h !== r && this.up(h)) bins.push(h)
      const vs = items[r]
      const caps = bins.map((h) => Math.max(0, free[h] - (t === 2 ? maxG[h] : 0)))
      const load = new Float64Array(bins.length)
      for (let k = 0; k < t; k++) {
        const weights = vs.map((v) => this.mem(v))
        const room = caps.map((c, b) => c - load[b])
        const allowed = (i: number, b: number) => this.allowed(vs[i], bins[b]) && (k === 0 || seg[2 * vs[i]] !== bins[b])
        // spread the source's segments (restarts then spread too: our rule 15.5); MTHM when spreading does not fit them all
        const spread = spreadPack(weights, room, allowed)
        const res = spread.complete ? spread : mthm(weights, room, allowed)
        if (!res.complete) return { ok: false, source: r, unplaced: vs.filter((_, i) => res.assignment[i] < 0) }
        res.assignment.forEach((b, i) => {
          seg[2 * vs[i] + k] = bins[b]
          load[b] += this.mem(vs[i])
        })
      }
      if (t === 2) bins.forEach((h, b) => (maxG[h] = Math.max(maxG[h], load[b])))
    }
    return { ok: true, layout: { seg } }
  }

  protected adopt(layout: Layout): void {
    this.grp.fill(0)
    this.topDirty.fill(1)
    this.seg = layout.seg
    for (let v = 0; v < this.sim.vms.count; v++) {
      if (this.src[v] < 0) {
        this.seg[2 * v] = this.seg[2 * v + 1] = -1
        continue
      }
      for (let k = 0; k < 2; k++) {
        const h = this.seg[2 * v + k]
        if (h >= 0) this.grp[h * this.n + this.src[v]] += this.mem(v)
      }
    }
  }


  // ------------------------------------------------------------------ implemented by the later parts
  protected abstract electLeader(): void
  protected abstract advanceIncident(inc: Incident | undefined): void
  protected abstract partitionVmsDie(inc: Incident | undefined): void
  protected abstract incidentById(id: number): Incident | undefined
  protected abstract dhcpRequest(v: number): void
}

export function gib(bytes: number): string {
  return (bytes / 1024 ** 3).toFixed(bytes % 1024 ** 3 === 0 ? 0 : 1)
}
