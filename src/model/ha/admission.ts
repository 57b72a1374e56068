/**
 * VM high availability, part 2 of 4 (ha.ts describes the whole): admission at power-on
 * (Default and Guarantee modes; in Guarantee a VM powers on only when its failover
 * segments fit, rearranged with MTHM if need be), placement, power-on/off bookkeeping,
 * re-protection after a change, and switching the HA mode.
 */
import { SimError } from '../kernel/errors'
import { HOST_DOWN, HOST_UP } from '../cluster/topology'
import { gib, gibOf, HaState, type Plan } from './state'

export abstract class HaAdmission extends HaState {
  // ------------------------------------------------------------------ admission and power
  /** Host a power-on goes to: the host the VM last ran on, else its home host. */
  protected target(v: number): number {
    const h = this.sim.vms.host[v]
    return h >= 0 ? h : this.sim.spec.vms[v].host
  }

  /** Admission at power-on. Returns the refusal reason or null (and remembers the plan). */
  admission(v: number, host = -1): string | null {
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
    const h = host >= 0 ? host : this.target(v)
    const hid = spec.nodes[h].id
    if (topo.hostState[h] !== HOST_UP) return `host ${hid} is ${topo.hostState[h] === HOST_DOWN ? 'down' : 'partitioned'}`
    if (!topo.hostTakesVms(h)) return `host ${hid} is in maintenance mode`
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

  protected snapshotVm(v: number): [number, number, number] {
    return [this.seg[2 * v], this.seg[2 * v + 1], this.src[v]]
  }
  protected restoreVm(v: number, s: [number, number, number]): void {
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

  /** VM v's parcel on host h and its segments: the admitted plan's layout or segments, else placed now. */
  protected placeOn(v: number, h: number, plan: Plan | null): void {
    this.dropSegs(v)
    this.src[v] = h
    this.setParcel(v, h)
    if (plan?.layout) this.adopt(plan.layout)
    else if (plan?.segs) plan.segs.forEach((x, k) => this.addSeg(v, k, x))
    else if (this.t > 0) this.fillSegments(v)
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
    } else this.placeOn(v, h, plan)
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
  protected release(v: number): void {
    this.dropSegs(v)
    this.setParcel(v, -1)
    this.src[v] = -1
    this.waitIncident[v] = -1
    this.dhcpWait[v] = 0
    this.sim.vms.ip[v] = null
  }

  /** Give VM v its missing segments where they fit without moving anything. */
  protected fillSegments(v: number): boolean {
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
  protected reprotect(): void {
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

  protected unprotected(): number[] {
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
}
