/**
 * VM high availability, the layer for planned moves (live migration and maintenance mode,
 * DOMAIN.md §11): whether a running VM may move to a host without breaking its affinity or
 * (in Guarantee mode) the failover segment layout, and committing the move's memory
 * reservation on the destination. Sits between detection.ts and ha.ts.
 */
import { POWER_ON } from '../cluster/vms'
import { HaDetection } from './detection'
import { gib, gibOf } from './state'

export interface HaSnapshot {
  run: Float64Array
  parcel: Int16Array
  src: Int16Array
  seg: Int16Array
  grp: Float64Array
}

export abstract class HaMoves extends HaDetection {
  /** Why running VM v may not live-migrate to host h now, or null (the plan is remembered for commitMove). */
  moveRefusal(v: number, h: number): string | null {
    const { spec, vms } = this.sim
    const s = spec.vms[v]
    if (vms.power[v] !== POWER_ON) return `VM "${s.id}" is not running`
    if (h === vms.host[v]) return `VM "${s.id}" already runs on ${spec.nodes[h].id}`
    return this.admission(v, h)
  }

  /** The host the placement picks for VM v (most memory available first, then host order), or the refusal for the best candidate. */
  pickHost(v: number, exclude: readonly number[] = []): { host: number } | { refusal: string } {
    const { spec, vms } = this.sim
    const order: number[] = []
    for (let h = 0; h < this.n; h++) if (h !== vms.host[v] && !exclude.includes(h) && this.up(h)) order.push(h)
    order.sort((a, b) => this.available(b) - this.available(a) || a - b)
    let first: string | null = null
    for (const h of order) {
      const r = this.moveRefusal(v, h)
      if (r === null) return { host: h }
      first ??= `${spec.nodes[h].id}: ${r}`
    }
    if (order.length === 0) return { refusal: `no other host can run VMs (all are down or in maintenance)` }
    return { refusal: `no host can take ${spec.vms[v].name} (${gib(this.mem(v))} GiB); best candidate ${first}` }
  }

  /** Reserve VM v's memory on host h (after moveRefusal(v, h) returned null): parcel and segments move now. */
  commitMove(v: number, h: number): void {
    const plan = this.plan && this.plan.v === v && this.plan.host === h ? this.plan : null
    this.plan = null
    this.placeOn(v, h, plan)
    this.version++
  }

  /** Re-check the failover segments now (a host left or rejoined service). */
  reprotectNow(): void {
    this.reprotect()
  }

  /** Memory free for VMs on host h in this mode (capacity − running, minus the reserve in Guarantee mode). */
  freeFor(h: number): number {
    return Math.max(0, this.capacity(h) - this.run[h] - this.reserved(h))
  }

  snapshot(): HaSnapshot {
    return { run: this.run.slice(), parcel: this.parcel.slice(), src: this.src.slice(), seg: this.seg.slice(), grp: this.grp.slice() }
  }
  restoreSnapshot(s: HaSnapshot): void {
    this.run.set(s.run)
    this.parcel.set(s.parcel)
    this.src.set(s.src)
    this.seg = s.seg.slice()
    this.grp.set(s.grp)
    this.topDirty.fill(1)
    this.plan = null
    this.version++
  }

  /** Every up host holds its running VMs plus its reserve (the Guarantee promise). */
  overcommitted(): string | null {
    for (let h = 0; h < this.n; h++) {
      if (!this.up(h)) continue
      const left = this.capacity(h) - this.run[h] - this.reserved(h)
      if (left < -0.5) return `host ${this.sim.spec.nodes[h].id} is overcommitted by ${gibOf(-left)} GiB`
    }
    return null
  }
}
