/**
 * VM high availability and the Acropolis service (DOMAIN.md §8, seeds 002/003): the
 * Acropolis leader and its election, VM admission at power-on (Default and Guarantee
 * modes, failover segments laid out with MTHM), failure detection with the T0/T20/T60/
 * T120 timelines, HA restarts, and IPAM (the leader's DHCP).
 *
 * The simulation calls into this module at fixed points (power-on admission, placement,
 * power-on, power-off, every change of component state) and builds the Report's `ha`
 * section here.
 *
 * Guarantee mode (ReserveSegments). Every running VM v has a parcel (its memory) on its
 * host h and t = 1 or 2 failover segments of the same size on other hosts (t = 2 when any
 * container is RF3). grp[H][R] = memory of the segments host H holds for VMs running on
 * R. A host can give to running VMs: capacity − running − (sum of the t largest
 * grp[H][·]) — the largest group for any one remote host (t = 1) or pair (t = 2). A layout
 * is valid when that is ≥ 0 on every up host, so the VMs of any t failed hosts find their
 * reserved room on the survivors.
 */
import { Ipam } from './ipam'
import { greedyPacksAll, mthm } from './mthm'
import { SimError } from '../kernel/errors'
import { HOST_DOWN, HOST_PARTITIONED, HOST_STATES, HOST_UP, type StateChange } from '../cluster/topology'
import type { ReportHa, ReportHaIncident } from '../types'
import { POWER_ON, POWER_RESTARTING } from '../cluster/vms'
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

interface Incident {
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
interface Plan {
  v: number
  host: number
  /** segment hosts for the VM (fast path) */
  segs: number[] | null
  /** a whole new layout (rearrangement) */
  layout: Layout | null
  /** an HA restart (through a segment, or best effort) */
  restart: boolean
}

interface Layout {
  seg: Int16Array
}

type LayoutResult = { ok: true; layout: Layout } | { ok: false; source: number; unplaced: number[] }

const gibOf = (b: number) => gib(Math.max(0, b))

export class VmHa {
  /** Acropolis leader (node index) or -1 */
  leader = -1
  /** an Acropolis election is scheduled */
  private electionPending = false
  private readonly n: number
  /** bytes of VMs running (POWER_ON) on each host */
  private readonly run: Float64Array
  /** host whose parcel counts a VM in `run`, or -1 */
  private readonly parcel: Int16Array
  /** host whose failure the VM's segments cover (its host, or the failed host while it waits for restart), -1 when off */
  private readonly src: Int16Array
  /** failover segments: seg[2v], seg[2v+1] = host or -1 */
  private seg: Int16Array
  /** grp[H * n + R]: bytes host H holds for VMs whose source is R */
  private readonly grp: Float64Array
  /**
   * Per host H, the three largest grp[H][·] (floored at 0, duplicates counted) and the
   * sources of the first two, so reserve() is O(1): recomputed when H's row changed.
   */
  private readonly topV: Float64Array
  private readonly topR: Int32Array
  private readonly topDirty: Uint8Array
  /** incident a restarting VM waits on, or -1 */
  private readonly waitIncident: Int32Array
  /** VM waiting for a DHCP answer */
  private readonly dhcpWait: Uint8Array
  /** the latest INCIDENT_RETENTION incidents, oldest first (ids increase) */
  private incidents: Incident[] = []
  private incidentSeq = 0
  private plan: Plan | null = null
  readonly ipam: Ipam
  /** bumped when anything HA reports changes */
  version = 0
  private checkCache: { version: number; topo: number; result: Array<{ vms: number; restartable: number; bytes: number }> } | null = null

  constructor(private readonly sim: HaContext) {
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
  /** The serving CVMs are a majority of the cluster's nodes (Zookeeper / Acropolis quorum). */
  get quorum(): boolean {
    let serving = 0
    for (let i = 0; i < this.n; i++) if (this.sim.topo.cvmServing(i)) serving++
    return serving * 2 > this.n
  }
  private mem(v: number): number {
    return this.sim.spec.vms[v].memoryBytes
  }
  private up(h: number): boolean {
    return this.sim.topo.hostState[h] === HOST_UP
  }
  private allowed(v: number, h: number): boolean {
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
  private rankGroups(h: number): void {
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
  private addSeg(v: number, k: number, h: number): void {
    this.seg[2 * v + k] = h
    this.grp[h * this.n + this.src[v]] += this.mem(v)
    this.topDirty[h] = 1
  }
  private dropSeg(v: number, k: number): void {
    const h = this.seg[2 * v + k]
    if (h < 0) return
    this.grp[h * this.n + this.src[v]] -= this.mem(v)
    if (Math.abs(this.grp[h * this.n + this.src[v]]) < 0.5) this.grp[h * this.n + this.src[v]] = 0
    this.topDirty[h] = 1
    this.seg[2 * v + k] = -1
  }
  private dropSegs(v: number): void {
    this.dropSeg(v, 0)
    this.dropSeg(v, 1)
  }
  private segCount(v: number): number {
    return (this.seg[2 * v] >= 0 ? 1 : 0) + (this.seg[2 * v + 1] >= 0 ? 1 : 0)
  }
  /** Compact segments so seg[2v] is filled first. */
  private compact(v: number): void {
    if (this.seg[2 * v] < 0 && this.seg[2 * v + 1] >= 0) {
      this.seg[2 * v] = this.seg[2 * v + 1]
      this.seg[2 * v + 1] = -1
    }
  }
  private setParcel(v: number, h: number): void {
    if (this.parcel[v] >= 0) this.run[this.parcel[v]] -= this.mem(v)
    this.parcel[v] = h
    if (h >= 0) this.run[h] += this.mem(v)
  }

  /**
   * Fast path: host for one more segment of VM v (source r) that keeps every host valid,
   * without moving anything. Least growth of the host's reserve first, then best fit
   * (least room left), then host order. -1 when none.
   */
  private segmentHost(v: number, r: number, extraRunHost = -1, extraRun = 0): number {
    const m = this.mem(v)
    const t = this.t
    let best = -1, bestGrow = Infinity, bestLeft = Infinity
    for (let h = 0; h < this.n; h++) {
      if (h === r || !this.up(h) || !this.allowed(v, h)) continue
      if (this.seg[2 * v] === h || this.seg[2 * v + 1] === h) continue
      const before = this.reserved(h, t)
      const after = this.reserved(h, t, r, m)
      const left = this.capacity(h) - this.run[h] - (h === extraRunHost ? extraRun : 0) - after
      if (left < -0.5) continue
      const grow = after - before
      if (grow < bestGrow - 0.5 || (Math.abs(grow - bestGrow) <= 0.5 && left < bestLeft - 0.5)) {
        best = h
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
        const res = mthm(
          vs.map((v) => this.mem(v)),
          caps.map((c, b) => c - load[b]),
          (i, b) => this.allowed(vs[i], bins[b]) && (k === 0 || seg[2 * vs[i]] !== bins[b]),
        )
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

  private adopt(layout: Layout): void {
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

  // ------------------------------------------------------------------ admission and power
  /** Host a power-on goes to: the host the VM last ran on, else its home host. */
  private target(v: number): number {
    const h = this.sim.vms.host[v]
    return h >= 0 ? h : this.sim.spec.vms[v].host
  }

  /** Admission at power-on. Returns the refusal reason or null (and remembers the plan). */
  admission(v: number): string | null {
    const { spec, topo } = this.sim
    const s = spec.vms[v]
    if (this.plan?.restart && this.plan.v === v) {
      const h = this.plan.host
      const free = this.capacity(h) - this.run[h]
      if (!this.up(h)) return `host ${spec.nodes[h].id} is not up`
      if (free < s.memoryBytes) return `host ${spec.nodes[h].id} has ${gibOf(free)} GiB free for VMs, the VM needs ${gib(s.memoryBytes)} GiB`
      return null
    }
    this.plan = null
    const h = this.target(v)
    const hid = spec.nodes[h].id
    if (topo.hostState[h] !== HOST_UP) return `host ${hid} is ${topo.hostState[h] === HOST_DOWN ? 'down' : 'partitioned'}`
    if (!this.allowed(v, h)) return `host ${hid} is not in the VM's host affinity (${s.affinity!.map((x) => spec.nodes[x].id).join(', ')})`
    const m = s.memoryBytes
    const free = this.capacity(h) - this.run[h]
    if (this.mode === 'default') {
      if (free < m) return `host ${hid} has ${gibOf(free)} GiB free for VMs, the VM needs ${gib(m)} GiB`
      this.plan = { v, host: h, segs: null, layout: null, restart: false }
      return null
    }
    // Guarantee: the parcel must fit what the host can still give, then segments must exist
    const reserve = this.reserved(h)
    const avail = free - reserve
    if (avail < m)
      return `Guarantee mode: host ${hid} has ${gibOf(avail)} GiB available for VMs (${gib(this.capacity(h))} GiB capacity − ${gib(this.run[h])} GiB running − ${gib(reserve)} GiB failover reserve), the VM needs ${gib(m)} GiB: no valid failover segment layout exists with it there`
    // fast path: place the new VM's segments without moving others
    const saved = this.snapshotVm(v)
    this.dropSegs(v)
    const oldSrc = this.src[v]
    this.src[v] = h
    const segs: number[] = []
    for (let k = 0; k < this.t; k++) {
      const x = this.segmentHost(v, h, h, m)
      if (x < 0) break
      segs.push(x)
      this.addSeg(v, k, x)
    }
    // undo the tentative segments
    this.dropSegs(v)
    this.src[v] = oldSrc
    this.restoreVm(v, saved)
    if (segs.length === this.t) {
      this.plan = { v, host: h, segs, layout: null, restart: false }
      return null
    }
    // rearrangement: a whole new layout with MTHM
    const res = this.computeLayout(v, h)
    if (res.ok) {
      this.plan = { v, host: h, segs: null, layout: res.layout, restart: false }
      return null
    }
    const src = spec.nodes[res.source].id
    const what = res.unplaced.includes(v) ? `the VM's own ${gib(m)} GiB segment` : `${res.unplaced.length} VM(s) of ${src} (${gib(res.unplaced.reduce((a, x) => a + this.mem(x), 0))} GiB)`
    return `Guarantee mode: no valid failover segment layout exists with ${s.name} (${gib(m)} GiB) on ${hid}: ${what} would not fit in the memory the other hosts can reserve for a failure of ${src}`
  }

  private snapshotVm(v: number): [number, number, number] {
    return [this.seg[2 * v], this.seg[2 * v + 1], this.src[v]]
  }
  private restoreVm(v: number, s: [number, number, number]): void {
    this.src[v] = s[2]
    if (s[2] < 0) return
    if (s[0] >= 0) this.addSeg(v, 0, s[0])
    if (s[1] >= 0) this.addSeg(v, 1, s[1])
  }

  /** Host the VM starts on once admitted. */
  placement(v: number): number {
    if (this.plan && this.plan.v === v) return this.plan.host
    return this.target(v)
  }

  /** After a VM was powered on (v is running on vms.host[v]). */
  onPowerOn(v: number): void {
    const sim = this.sim
    const h = sim.vms.host[v]
    const plan = this.plan && this.plan.v === v ? this.plan : null
    this.plan = null
    if (plan?.restart) {
      // the segment on the new host becomes the parcel; the other segment now covers the new host
      const segs = this.failoverHostsOf(v).filter((x) => x !== h && this.up(x))
      this.dropSegs(v)
      this.src[v] = h
      this.setParcel(v, h)
      segs.slice(0, this.t).forEach((x, k) => this.addSeg(v, k, x))
    } else {
      this.dropSegs(v)
      this.src[v] = h
      this.setParcel(v, h)
      if (plan?.layout) this.adopt(plan.layout)
      else if (plan?.segs) plan.segs.forEach((x, k) => this.addSeg(v, k, x))
      else if (this.t > 0) this.fillSegments(v)
    }
    const wait = this.waitIncident[v]
    this.waitIncident[v] = -1
    if (wait < 0) sim.log.resolve(`ha-restart:${sim.spec.vms[v].id}`)
    this.dhcpRequest(v)
    this.version++
  }

  /** After a VM was powered off by the administrator. */
  onPowerOff(v: number): void {
    this.release(v)
    this.sim.log.resolve(`ha-restart:${this.sim.spec.vms[v].id}`)
    this.version++
  }

  /** The VM is off: no parcel, no segments, no address shown. */
  private release(v: number): void {
    this.dropSegs(v)
    this.setParcel(v, -1)
    this.src[v] = -1
    this.waitIncident[v] = -1
    this.dhcpWait[v] = 0
    this.sim.vms.ip[v] = null
  }

  /** Give VM v its missing segments where they fit without moving anything. */
  private fillSegments(v: number): boolean {
    this.compact(v)
    for (let k = this.segCount(v); k < this.t; k++) {
      const x = this.segmentHost(v, this.src[v])
      if (x < 0) return false
      this.addSeg(v, k, x)
    }
    return true
  }

  /**
   * Guarantee mode after anything changed: segments on hosts that are not up are gone;
   * VMs missing segments get them (fast path, else a whole MTHM layout); when no layout
   * exists the VMs stay unprotected and an alert says so.
   */
  private reprotect(): void {
    const sim = this.sim
    const vc = sim.vms.count
    if (this.t === 0) {
      sim.log.resolve('ha-unprotected')
      return
    }
    for (let v = 0; v < vc; v++) {
      for (let k = 0; k < 2; k++) {
        const h = this.seg[2 * v + k]
        if (h >= 0 && (!this.up(h) || k >= this.t)) this.dropSeg(v, k)
      }
    }
    let missing = 0
    for (let v = 0; v < vc; v++) if (this.src[v] >= 0 && this.segCount(v) < this.t && !this.fillSegments(v)) missing++
    if (missing > 0) {
      const res = this.computeLayout()
      if (res.ok) {
        this.adopt(res.layout)
        missing = 0
      }
    }
    const unprotected = this.unprotected()
    if (unprotected.length > 0) {
      sim.log.raise('ha-unprotected', 'warning', 'HaNotProtected', null,
        `VM HA reservation cannot be kept: ${unprotected.length} VM(s) have no failover segment (not enough memory on the remaining hosts); they may not restart after another host failure`)
    } else sim.log.resolve('ha-unprotected')
    this.version++
  }

  private unprotected(): number[] {
    const out: number[] = []
    if (this.t === 0) return out
    for (let v = 0; v < this.sim.vms.count; v++) if (this.src[v] >= 0 && this.segCount(v) < this.t) out.push(v)
    return out
  }

  /** Settings → Manage VM High Availability: enable (Guarantee) or disable (Default) the reservation. */
  setMode(mode: 'default' | 'guarantee'): void {
    const sim = this.sim
    if (mode !== 'default' && mode !== 'guarantee') throw new SimError(`HA mode must be "default" or "guarantee", got ${JSON.stringify(mode)}`)
    if (mode === this.mode) return
    if (mode === 'guarantee') {
      const prev = sim.spec.haMode
      sim.spec.haMode = 'guarantee'
      const res = this.computeLayout()
      if (!res.ok) {
        sim.spec.haMode = prev
        const r = sim.spec.nodes[res.source].id
        const bytes = res.unplaced.reduce((a, v) => a + this.mem(v), 0)
        throw new SimError(`cannot enable HA reservation (Guarantee mode): the running VMs can't be protected — ${res.unplaced.length} VM(s) of ${r} (${gib(bytes)} GiB) do not fit in the memory the other hosts have free for a failure of ${r}`)
      }
      // host capacity must hold parcels + reserve everywhere: the layout guarantees it
      this.adopt(res.layout)
      sim.log.event('info', 'HaModeChanged', null, `VM high availability reservation enabled (Guarantee mode): segments reserved for ${this.reserveFor} host failure${this.reserveFor > 1 ? 's' : ''}`)
    } else {
      sim.spec.haMode = 'default'
      this.seg.fill(-1)
      this.grp.fill(0)
      this.topDirty.fill(1)
      sim.log.resolve('ha-unprotected')
      sim.log.event('info', 'HaModeChanged', null, 'VM high availability reservation disabled (Default mode: best effort restart)')
    }
    this.reprotect()
    this.version++
    sim.vms.version++
    sim.invalidate()
  }

  // ------------------------------------------------------------------ failures
  /** After every change of component state. */
  onStateChange(change: StateChange): void {
    const sim = this.sim
    const { spec, topo, log } = sim
    // Acropolis leader: when its CVM is gone, the others elect a new one 20 s later
    let leaderLost = -1
    if (this.leader >= 0 && !topo.cvmServing(this.leader)) {
      log.event('warning', 'AcropolisLeaderLost', spec.nodes[this.leader].id, `Acropolis leader on ${spec.nodes[this.leader].id} is unavailable; election in ${ACROPOLIS_ELECTION_DELAY} s`)
      leaderLost = this.leader
      this.leader = -1
    }
    // no leader (lost now, or none was left to elect): the serving CVMs elect one 20 s later
    if (this.leader < 0 && !this.electionPending && sim.ringOrder().some((n) => topo.cvmServing(n))) {
      this.electionPending = true
      sim.schedule(ACROPOLIS_ELECTION_DELAY, 'acropolis-election', null)
    }
    for (const h of change.hosts) {
      const st = topo.hostState[h]
      if (st === HOST_UP) continue
      let inc = this.incidents.find((i) => i.host === h && i.t120 === null && !i.cancelled)
      if (!inc) inc = this.openIncident(h, st === HOST_PARTITIONED ? 'partition' : 'host', h === leaderLost)
      if (st === HOST_DOWN) this.vmsDie(inc, `its host ${spec.nodes[h].id} is down`)
    }
    if (change.hosts.length > 0) {
      this.reprotect()
      this.checkCache = null
    }
    this.version++
  }

  private openIncident(h: number, kind: 'host' | 'partition', leaderFailure: boolean): Incident {
    const sim = this.sim
    const id = sim.spec.nodes[h].id
    const inc: Incident = {
      id: this.incidentSeq++, host: h, kind, leaderFailure, t0: sim.time,
      t20: null, t60: null, t120: null, terminated: null, cancelled: false, vms: [], restarted: [], failed: [],
    }
    this.incidents.push(inc)
    // the oldest finished incidents leave the history
    let drop = 0
    while (this.incidents.length - drop > INCIDENT_RETENTION && this.finished(this.incidents[drop])) drop++
    if (drop > 0) this.incidents = this.incidents.slice(drop)
    const by = this.leader >= 0 ? `Acropolis leader on ${sim.spec.nodes[this.leader].id}` : 'The Acropolis service'
    sim.log.event('warning', 'HaHostUnreachable', id,
      leaderFailure
        ? `T0: host ${id}, which ran the Acropolis leader, is unreachable; the other hosts elect a new leader at T20`
        : `T0: ${by} lost contact with libvirtd on host ${id}`)
    for (const dt of [HA_TIMEOUT_START, HA_FENCE, HA_RESTART]) sim.schedule(dt, 'ha-step', inc.id)
    if (kind === 'partition') {
      // the VMs' first failed I/O is the partition itself: they terminate 45 s later
      const vc = sim.vms.count
      for (let v = 0; v < vc; v++) if (sim.vms.host[v] === h && sim.vms.power[v] === POWER_ON) inc.vms.push(v)
      sim.schedule(HA_PARTITION_VM_DEATH, 'ha-partition-io-timeout', inc.id)
    }
    return inc
  }

  private incidentById(id: number): Incident | undefined {
    return this.incidents.find((i) => i.id === id)
  }

  private finished(i: Incident): boolean {
    return i.cancelled || i.t120 !== null
  }

  /** The VMs on the incident's host stop; they wait for their HA restart at T120. */
  private vmsDie(inc: Incident, why: string): void {
    const sim = this.sim
    const { vms, spec } = sim
    let count = 0
    for (let v = 0; v < vms.count; v++) {
      if (vms.host[v] !== inc.host || vms.power[v] !== POWER_ON) continue
      sim.setVmOff(v)
      vms.power[v] = POWER_RESTARTING
      vms.host[v] = -1
      vms.ip[v] = null
      this.dhcpWait[v] = 0
      this.setParcel(v, -1)
      this.waitIncident[v] = inc.id
      if (!inc.vms.includes(v)) inc.vms.push(v)
      count++
    }
    if (count > 0) {
      vms.version++
      sim.log.event('critical', 'VmsDown', spec.nodes[inc.host].id, `${count} VM(s) stopped: ${why}; HA restarts them at T120`)
    }
    sim.invalidate()
  }

  /** Partition: 45 s after their first failed I/O the VMs on the isolated host terminate. */
  private partitionVmsDie(inc: Incident | undefined): void {
    if (!inc || inc.cancelled) return
    const st = this.sim.topo.hostState[inc.host]
    if (st === HOST_UP) return // the partition healed in time: I/O resumed
    inc.terminated = this.sim.time
    this.vmsDie(inc, `host ${this.sim.spec.nodes[inc.host].id} is partitioned: they terminated ${HA_PARTITION_VM_DEATH} s after their first failed I/O`)
    this.reprotect()
    this.version++
  }

  /** Run the steps of the timeline that are due, as far as a leader exists to run them. */
  private advanceIncident(inc: Incident | undefined): void {
    if (!inc || inc.cancelled || inc.t120 !== null) return
    const sim = this.sim
    const now = sim.time
    const id = sim.spec.nodes[inc.host].id
    if (this.leader < 0) return // waits for the election
    const leaderId = sim.spec.nodes[this.leader].id
    // the host came back before anything died: nothing to fail over
    const waiting = inc.vms.filter((v) => this.waitIncident[v] === inc.id && sim.vms.power[v] === POWER_RESTARTING)
    if (this.up(inc.host) && waiting.length === 0 && inc.t60 === null) {
      inc.cancelled = true
      sim.log.event('info', 'HaFailoverCancelled', id, `Host ${id} is reachable again before I/O fencing: no failover needed`)
      this.version++
      sim.invalidate()
      return
    }
    if (inc.t20 === null && now >= inc.t0 + HA_TIMEOUT_START) {
      inc.t20 = now
      sim.log.event('info', 'HaTimeoutStarted', id,
        inc.leaderFailure
          ? `T20: new Acropolis leader on ${leaderId} takes over the failure of host ${id}`
          : `T20: Acropolis leader on ${leaderId} starts a 40 s timeout for host ${id}`)
    }
    if (inc.t20 !== null && inc.t60 === null && now >= inc.t0 + HA_FENCE) {
      inc.t60 = now
      let serving = 0
      for (let i = 0; i < this.n; i++) if (i !== inc.host && sim.topo.cvmServing(i)) serving++
      sim.log.event('warning', 'HaIoFenced', id, `T60: Acropolis leader on ${leaderId} told ${serving} Stargates to block I/O from host ${id}; all acknowledged`)
    }
    if (inc.t60 !== null && inc.t120 === null && now >= inc.t0 + HA_RESTART) {
      inc.t120 = now
      this.restartVms(inc)
    }
    this.version++
    sim.invalidate()
  }

  /** T120: the leader distributes the start requests (segments first, then best effort with MTHM). */
  private restartVms(inc: Incident): void {
    const sim = this.sim
    const { spec, vms, log } = sim
    const id = spec.nodes[inc.host].id
    const victims = inc.vms.filter((v) => this.waitIncident[v] === inc.id && vms.power[v] === POWER_RESTARTING)
    log.event('info', 'HaRestartStarted', id, `T120: Acropolis leader on ${spec.nodes[this.leader].id} restarts ${victims.length} VM(s) of host ${id} on the other hosts`)
    const used = new Float64Array(this.n)
    const target = new Int16Array(victims.length).fill(-1)
    const viaSeg = new Uint8Array(victims.length)
    victims.forEach((v, i) => {
      for (const h of this.failoverHostsOf(v)) {
        if (this.up(h) && this.allowed(v, h) && this.capacity(h) - this.run[h] - used[h] >= this.mem(v)) {
          target[i] = h
          viaSeg[i] = 1
          used[h] += this.mem(v)
          return
        }
      }
    })
    // best effort for the rest: MTHM over the free memory of the up hosts
    const rest = victims.map((_, i) => i).filter((i) => target[i] < 0)
    if (rest.length > 0) {
      const bins: number[] = []
      for (let h = 0; h < this.n; h++) if (this.up(h)) bins.push(h)
      const res = mthm(
        rest.map((i) => this.mem(victims[i])),
        bins.map((h) => Math.max(0, this.capacity(h) - this.run[h] - used[h])),
        (k, b) => this.allowed(victims[rest[k]], bins[b]),
      )
      res.assignment.forEach((b, k) => {
        if (b >= 0) target[rest[k]] = bins[b]
      })
    }
    victims.forEach((v, i) => {
      const s = spec.vms[v]
      const task = log.startTask('VmHaRestart', s.id, `Restart VM ${s.name} after host ${id} failed (HA)`)
      const h = target[i]
      if (h >= 0) {
        this.plan = { v, host: h, segs: null, layout: null, restart: true }
        sim.tryPowerOn(v, false)
        this.plan = null
      }
      if (vms.power[v] === POWER_ON) {
        inc.restarted.push({ vm: v, host: vms.host[v], viaSegment: viaSeg[i] === 1 })
        log.endTask(task, 'succeeded', `VM ${s.name} restarted on ${spec.nodes[vms.host[v]].id}${viaSeg[i] ? ' (its failover segment)' : ''}`)
        log.event('info', 'VmRestarted', s.id, `VM ${s.name} restarted on host ${spec.nodes[vms.host[v]].id} by HA`)
      } else {
        const reason = this.whyNoRoom(v)
        inc.failed.push({ vm: v, reason })
        sim.setVmOff(v)
        this.release(v)
        log.endTask(task, 'failed', `VM ${s.name} could not be restarted: ${reason}`)
        log.event('critical', 'VmRestartFailed', s.id, `VM ${s.name} could not be restarted after host ${id} failed: ${reason}`)
        log.raise(`ha-restart:${s.id}`, 'critical', 'VmRestartFailed', s.id, `VM ${s.name} could not be restarted after host ${id} failed: ${reason}`)
      }
    })
    vms.version++
    this.reprotect()
  }

  /** Why VM v finds no host now (Default-mode restart failure). */
  private whyNoRoom(v: number): string {
    const { spec } = this.sim
    const s = spec.vms[v]
    let best = -1, bestFree = -Infinity
    for (let h = 0; h < this.n; h++) {
      if (!this.up(h) || !this.allowed(v, h)) continue
      const free = this.capacity(h) - this.run[h]
      if (free > bestFree) {
        best = h
        bestFree = free
      }
    }
    if (best < 0)
      return s.affinity ? `every host of its affinity (${s.affinity.map((x) => spec.nodes[x].id).join(', ')}) is unavailable` : 'no host is up'
    return `not enough free memory: it needs ${gib(s.memoryBytes)} GiB, the most free on ${s.affinity ? 'a host of its affinity' : 'any up host'} is ${gibOf(bestFree)} GiB (${spec.nodes[best].id})`
  }

  private electLeader(): void {
    const sim = this.sim
    this.electionPending = false
    if (this.leader >= 0 && sim.topo.cvmServing(this.leader)) return
    if (!this.quorum) {
      this.leader = -1
      sim.log.event('critical', 'AcropolisNoQuorum', null, 'No Acropolis leader can be elected: the reachable Controller VMs are not a majority of the cluster')
      sim.invalidate()
      return
    }
    const next = sim.ringOrder().find((n) => sim.topo.cvmServing(n))
    this.leader = next ?? -1
    if (next !== undefined) sim.log.event('info', 'AcropolisLeaderElected', sim.spec.nodes[next].id, `Acropolis leader elected on ${sim.spec.nodes[next].id}`)
    if (this.leader >= 0) {
      this.answerPendingDhcp()
      for (const inc of this.incidents) this.advanceIncident(inc)
    }
    this.version++
    sim.invalidate()
  }

  // ------------------------------------------------------------------ IPAM
  /** A VM that just started asks for an address: the leader's DHCP answers (sticky lease). */
  private dhcpRequest(v: number): void {
    const { vms, spec } = this.sim
    const net = spec.vms[v].network
    if (!this.ipam.managed(net)) {
      vms.ip[v] = null
      return
    }
    if (this.leader < 0) {
      vms.ip[v] = null
      this.dhcpWait[v] = 1
      return
    }
    this.dhcpWait[v] = 0
    vms.ip[v] = this.ipam.answer(v, net)
  }

  private answerPendingDhcp(): void {
    const { vms, log, spec } = this.sim
    let answered = 0
    for (let v = 0; v < vms.count; v++) {
      if (!this.dhcpWait[v]) continue
      this.dhcpWait[v] = 0
      if (vms.power[v] !== POWER_ON) continue
      vms.ip[v] = this.ipam.answer(v, spec.vms[v].network)
      answered++
    }
    if (answered > 0) {
      vms.version++
      log.event('info', 'DhcpAnswered', spec.nodes[this.leader].id, `Acropolis leader on ${spec.nodes[this.leader].id} answered ${answered} pending DHCP request(s)`)
    }
  }

  // ------------------------------------------------------------------ what-if checks
  /**
   * If the hosts `failed` went down now, how many of their running VMs would find room
   * on the other up hosts (MTHM over free memory, VM-host affinity respected)?
   */
  failoverCheck(failed: readonly number[], byHost: number[][] = this.vmsByHost()): { vms: number; restartable: number; bytes: number } {
    const isFailed = new Uint8Array(this.n)
    for (const h of failed) isFailed[h] = 1
    const specs = this.sim.spec.vms
    let count = 0
    let bytes = 0
    let wmax = 0
    let affinity = false
    for (const h of failed) {
      for (const v of byHost[h]) {
        const m = this.mem(v)
        count++
        bytes += m
        if (m > wmax) wmax = m
        if (specs[v].affinity !== null) affinity = true
      }
    }
    if (count === 0) return { vms: 0, restartable: 0, bytes: 0 }
    const bins: number[] = []
    for (let h = 0; h < this.n; h++) if (!isFailed[h] && this.up(h)) bins.push(h)
    const caps = bins.map((h) => Math.max(0, this.capacity(h) - this.run[h]))
    // MTHM's greedy start surely packs everything: the same answer without building the instance
    if (!affinity && greedyPacksAll(bytes, wmax, caps)) return { vms: count, restartable: count, bytes }
    const items: number[] = []
    for (const h of failed) for (const v of byHost[h]) items.push(v)
    const res = mthm(
      items.map((v) => this.mem(v)),
      caps,
      affinity ? (i, b) => this.allowed(items[i], bins[b]) : undefined,
    )
    let ok = 0
    for (let i = 0; i < items.length; i++) if (res.assignment[i] >= 0) ok++
    return { vms: items.length, restartable: ok, bytes }
  }
  /** Running VMs by the host their parcel is on. */
  private vmsByHost(): number[][] {
    const out: number[][] = Array.from({ length: this.n }, () => [])
    for (let v = 0; v < this.parcel.length; v++) if (this.parcel[v] >= 0) out[this.parcel[v]].push(v)
    return out
  }
  /** Single-host what-if for every host (cached until something changes). */
  singleHostChecks(fresh = false): Array<{ vms: number; restartable: number; bytes: number }> {
    const topoVersion = this.sim.topo.version
    if (!fresh && this.checkCache && this.checkCache.version === this.version && this.checkCache.topo === topoVersion) return this.checkCache.result
    const byHost = this.vmsByHost()
    const result = Array.from({ length: this.n }, (_, h) => this.failoverCheck([h], byHost))
    this.checkCache = { version: this.version, topo: topoVersion, result }
    return result
  }
  /** Every pair of hosts: the pairs whose failure would leave VMs without room. */
  pairChecks(): Array<{ hosts: [number, number]; vms: number; restartable: number }> {
    const out: Array<{ hosts: [number, number]; vms: number; restartable: number }> = []
    const byHost = this.vmsByHost()
    for (let a = 0; a < this.n; a++)
      for (let b = a + 1; b < this.n; b++) {
        const r = this.failoverCheck([a, b], byHost)
        out.push({ hosts: [a, b], vms: r.vms, restartable: r.restartable })
      }
    return out
  }

  // ------------------------------------------------------------------ report
  /** The Report's `ha` section. */
  buildReport(): ReportHa {
    const sim = this.sim
    const { spec, topo, vms } = sim
    const vmId = (v: number) => spec.vms[v].id
    const nodeId = (h: number) => spec.nodes[h].id
    const checks = this.singleHostChecks()
    const groups: Array<Map<number, number[]>> = Array.from({ length: this.n }, () => new Map())
    if (this.t > 0) {
      for (let v = 0; v < vms.count; v++) {
        if (this.src[v] < 0) continue
        for (let k = 0; k < 2; k++) {
          const h = this.seg[2 * v + k]
          if (h < 0) continue
          const g = groups[h].get(this.src[v])
          if (g) g.push(v)
          else groups[h].set(this.src[v], [v])
        }
      }
    }
    const t = this.t
    return {
      mode: this.mode,
      hostFailuresToTolerate: (t === 0 ? 0 : t) as 0 | 1 | 2,
      hosts: spec.nodes.map((node, h) => {
        const capacity = this.capacity(h)
        const running = this.run[h]
        const reserved = this.up(h) ? this.reserved(h) : 0
        return {
          id: node.id,
          capacityBytes: capacity,
          runningBytes: running,
          reservedBytes: reserved,
          availableBytes: this.up(h) ? Math.max(0, capacity - running - reserved) : 0,
          state: HOST_STATES[topo.hostState[h]],
          segments: [...groups[h].entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([r, list]) => ({ forHost: nodeId(r), bytes: list.reduce((a, v) => a + this.mem(v), 0), vms: list.map(vmId) })),
          failover: checks[h],
        }
      }),
      reserveFor: this.reserveFor,
      leader: this.leader >= 0 ? nodeId(this.leader) : null,
      quorum: this.quorum,
      protected: this.t === 0 ? false : this.unprotected().length === 0,
      unprotectedVms: this.unprotected().map(vmId),
      incidents: this.incidents.map((i) => this.incidentReport(i)),
      networks: spec.networks.map((net, k) => ({
        name: net.name, managed: net.managed, subnet: net.subnet, vlan: net.vlan, gateway: this.ipam.gateway(k), ...this.ipam.usage(k),
      })),
      dhcpPending: [...this.dhcpWait].flatMap((w, v) => (w && vms.power[v] === POWER_ON ? [vmId(v)] : [])),
    }
  }

  private incidentReport(i: Incident): ReportHaIncident {
    const { spec } = this.sim
    const waitingForLeader = this.leader < 0 && !i.cancelled && i.t120 === null
    return {
      id: i.id,
      host: spec.nodes[i.host].id,
      kind: i.kind,
      leaderFailure: i.leaderFailure,
      t0: i.t0, t20: i.t20, t60: i.t60, t120: i.t120, terminated: i.terminated,
      state: i.cancelled ? 'cancelled' : i.t120 !== null ? 'done' : waitingForLeader ? 'waiting-for-leader' : i.t60 !== null ? 'restarting' : i.t20 !== null ? 'fencing' : 'detecting',
      vms: i.vms.map((v) => spec.vms[v].id),
      restarted: i.restarted.map((r) => ({ vm: spec.vms[r.vm].id, host: spec.nodes[r.host].id, viaSegment: r.viaSegment })),
      failed: i.failed.map((f) => ({ vm: spec.vms[f.vm].id, reason: f.reason })),
    }
  }
}

export function gib(bytes: number): string {
  return (bytes / 1024 ** 3).toFixed(bytes % 1024 ** 3 === 0 ? 0 : 1)
}
