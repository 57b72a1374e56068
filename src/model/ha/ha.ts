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
 *
 * The class is built in layers, one concept per file: state.ts (shared state, segments
 * and their layout) ← admission.ts (power-on admission and placement, HA mode) ←
 * detection.ts (failure timelines, restarts, leader, DHCP) ← moves.ts (live
 * migration and maintenance checks) ← this file (what-if checks
 * and the Report's `ha` section).
 */
import { greedyPacksAll, mthm } from './mthm'
import { HOST_STATES } from '../cluster/topology'
import type { ReportHa, ReportHaIncident } from '../types'
import { POWER_ON } from '../cluster/vms'
import { HaMoves } from './moves'
import { type Incident } from './state'

export { ACROPOLIS_ELECTION_DELAY, gib, HA_FENCE, HA_PARTITION_VM_DEATH, HA_RESTART, HA_TIMEOUT_START, INCIDENT_RETENTION, type HaContext } from './state'

export class VmHa extends HaMoves {
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
  protected vmsByHost(): number[][] {
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
      // the hosts of the cluster (a removed one is no longer listed)
      hosts: spec.nodes.flatMap((node, h) => {
        if (!topo.nodeActive(h)) return []
        const capacity = this.capacity(h)
        const running = this.run[h]
        const reserved = this.up(h) ? this.reserved(h) : 0
        return [{
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
        }]
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

  protected incidentReport(i: Incident): ReportHaIncident {
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
