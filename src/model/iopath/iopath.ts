/**
 * The VM I/O path (DOMAIN.md §7): which Stargate serves each vDisk's iSCSI session, and
 * the per-host iSCSI redirector that decides it.
 *
 * - Every vDisk of a running VM has one iSCSI session (Frodo opens several connections
 *   to the same target: FRODO_CONNECTIONS_PER_VDISK), bound to one Stargate.
 * - Each host runs an iSCSI redirector (127.0.0.1:3261). Every `healthCheckSeconds` it
 *   sends NOP-OUT to every Stargate and marks each portal up or down in its own view
 *   (quiet periodic event: it does not keep `settle` running).
 * - A session whose Stargate stops answering stalls (its I/O hangs) until the redirector
 *   marks that Stargate down at its next NOP-OUT round; QEMU's login retry is then
 *   redirected, per vDisk, to a healthy Stargate — the local one if healthy, else a remote
 *   one chosen at random (seeded) or round robin — and the login takes `loginSeconds`.
 * - Failback: once the local Stargate has been healthy in the redirector's view for
 *   `failbackSeconds` (300 s), the remote Stargates quiesce and kill those sessions and
 *   QEMU logs in again, locally.
 * - Reachability (our rule): Stargate s can serve host h's sessions when h is up (not
 *   partitioned) and s's CVM is serving. A partitioned host reaches no Stargate: its
 *   local CVM is cut off from the cluster (not serving), and the others are on the far
 *   side of the partition, so its running VMs' sessions have no path ('none').
 *
 * The simulation calls in when a VM powers on or off and after every change of
 * component state; the pending failover and failback work is scheduled as active events.
 */
import { computeIoLoad, FRODO_CONNECTIONS_PER_VDISK, ioBucket, type IoLoad } from './ioload'
import { HOST_DOWN, type StateChange } from '../cluster/topology'
import type { ReportIo, ReportRedirect } from '../types'
import { POWER_ON } from '../cluster/vms'

import { computeCpu, type CpuFigures } from './cpu'
import { IoTotalsAt } from './ioTotals'
import { IoRedirector } from './redirector'
import { logStamp, REDIRECT_HISTORY, SESSION_ACTIVE, SESSION_LOGIN, SESSION_NONE, SESSION_STALLED, type LogLine } from './state'
export { DEFAULT_IO_PATH, type IoPathParams } from './params'
export { FRODO_CONNECTIONS_PER_VDISK, IO_BUCKET_SECONDS, ioBucket } from './ioload'
export { LOCAL_PORTAL, logStamp, REDIRECT_HISTORY, REDIRECT_REASONS, REDIRECTOR_LOG_LINES, REDIRECTOR_PORTAL, SESSION_ACTIVE, SESSION_LOGIN, SESSION_NONE, SESSION_STALLED, type IoContext, type RedirectReason } from './state'

/** VM I/O events logged one by one per check; the rest as one summary event. */
export const VM_EVENT_LIMIT = 25

/** The I/O paths: built in layers, state.ts ← redirector.ts ← this file (entry points, queries, Report). */
export class IoPaths extends IoRedirector {
  // ------------------------------------------------------------ simulation entry points
  /** A VM was powered on (its host is vms.host[v]): log its vDisks in (at boot, no login delay). */
  onPowerOn(v: number): void {
    const { vms } = this.sim
    const h = vms.host[v]
    for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
      this.drop(vd)
      const target = vms.power[v] === POWER_ON && h >= 0 ? this.choose(h) : -1
      vms.vdiskStargate[vd] = target
      // The redirector chooses from its view, which lags reality by up to one NOP-OUT
      // interval: a Stargate it still sees healthy may already be down. Such a session
      // stalls and waits, like any stalled one, for the round that marks its Stargate down.
      if (target < 0 || !this.reachable(h, target)) this.pending.add(vd)
      if (target >= 0 && target !== h) this.recordRedirect(vd, -1, target, 'login')
    }
    vms.version++
    this.ensureActivity()
  }

  /** A VM stopped: its sessions end (vdiskStargate is already -1); logins in flight are void. */
  onPowerOff(v: number): void {
    const { vms } = this.sim
    for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
      this.drop(vd)
      vms.vdiskStargate[vd] = -1
    }
    vms.version++
  }

  /** After every change of component state. */
  onStateChange(change: StateChange): void {
    const { topo, vms, spec } = this.sim
    for (const h of change.hosts) {
      if (topo.hostState[h] === HOST_DOWN && this.running[h]) this.stopRedirector(h)
      else if (topo.hostState[h] !== HOST_DOWN && !this.running[h]) this.startRedirector(h)
    }
    this.dirty = true
    // sessions whose Stargate is unreachable now stall; running VMs without a session wait
    for (let v = 0; v < vms.count; v++) {
      const on = vms.power[v] === POWER_ON
      const h = vms.host[v]
      for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) {
        if (!on) {
          if (this.loginTarget[vd] >= 0 || this.pending.has(vd)) this.drop(vd)
          vms.vdiskStargate[vd] = -1
          continue
        }
        if (this.loginTarget[vd] >= 0) continue
        const sg = vms.vdiskStargate[vd]
        if (sg < 0 || !this.reachable(h, sg)) this.pending.add(vd)
      }
    }
    // a flapping local Stargate: its pending failback is void (the next NOP-OUT rounds decide)
    for (const n of change.cvms.concat(change.hosts)) {
      if (n < spec.nodes.length && !topo.cvmServing(n)) this.cancelFailback(n, 'went down again')
    }
    vms.version++
    this.ensureActivity()
  }

  protected pathsChanged(): void {
    this.checkIoErrors()
  }

  /** 1 per VM whose I/O was failing at the last check (VM events on each change) */
  private erroring: Uint8Array | null = null

  /**
   * VM events when a running VM's I/O starts failing (unavailable data, no Stargate) and
   * when it resumes (DOMAIN.md §9). At most VM_EVENT_LIMIT events per check, then one summary.
   */
  checkIoErrors(): void {
    const { vms, spec, log } = this.sim
    const errors = this.load().vmErrors
    const was = this.erroring ?? (this.erroring = new Uint8Array(vms.count))
    const started: number[] = []
    const resumed: number[] = []
    for (let v = 0; v < vms.count; v++) {
      const now = vms.power[v] === POWER_ON && errors[v] >= 0.5 ? 1 : 0
      if (now === was[v]) continue
      if (now) started.push(v)
      else if (vms.power[v] === POWER_ON) resumed.push(v)
      was[v] = now
    }
    const emit = (list: number[], sev: 'warning' | 'info', type: string, text: (v: number) => string, rest: string) => {
      for (const v of list.slice(0, VM_EVENT_LIMIT)) log.event(sev, type, spec.vms[v].id, text(v))
      if (list.length > VM_EVENT_LIMIT) log.event(sev, type, null, `${list.length - VM_EVENT_LIMIT} more VMs ${rest}`)
    }
    // a VM none of whose vDisks has a session: its host reaches no Stargate (cut off by a partition)
    const noPath = (v: number) => {
      for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) if (vms.vdiskStargate[vd] >= 0) return false
      return true
    }
    const why = (v: number) => (noPath(v) ? 'its host reaches no Stargate' : 'part of its data is unavailable')
    emit(started, 'warning', 'VmIoErrors', (v) => `VM ${spec.vms[v].name}: ${Math.round(errors[v])} I/Os per second fail: ${why(v)} (the guest sees I/O errors)`, 'see I/O errors')
    emit(resumed, 'info', 'VmIoResumed', (v) => `VM ${spec.vms[v].name}: its data is available again, I/O resumes`, 'resume I/O')
  }

  /**
   * Planned CVM shutdown (DOMAIN.md §11): before Stargate `n` stops, every session it
   * serves (or is logging in to it) is handed to another healthy Stargate at once — the
   * local one of the VM's host when that is not `n`, else a healthy remote one — so no
   * I/O stalls. Failback to `n` follows as usual once it is back. Returns the sessions moved.
   */
  handOff(n: number): number {
    const { vms } = this.sim
    const row = (h: number) => h * this.n
    let moved = 0
    for (let vd = 0; vd < vms.vdiskCount; vd++) {
      if (vms.vdiskStargate[vd] !== n && this.loginTarget[vd] !== n) continue
      const v = this.vdiskVm[vd]
      const h = vms.host[v]
      if (vms.power[v] !== POWER_ON || h < 0 || !this.running[h]) continue
      let target = -1
      if (h !== n && this.view[row(h) + h]) target = h
      else {
        const healthy: number[] = []
        for (let s = 0; s < this.n; s++) if (s !== n && s !== h && this.view[row(h) + s] && this.reachable(h, s)) healthy.push(s)
        if (healthy.length > 0) target = healthy[this.sim.rng.int(healthy.length)]
      }
      if (target < 0) continue
      const from = vms.vdiskStargate[vd]
      this.drop(vd)
      vms.vdiskStargate[vd] = target
      this.recordRedirect(vd, from, target, 'failover')
      moved++
    }
    if (moved > 0) {
      this.sim.log.event('info', 'IoPathHandOff', this.sim.spec.nodes[n].id, `${moved} vDisk session${moved === 1 ? '' : 's'} handed from the Stargate on ${this.sim.spec.nodes[n].id} to other Stargates before its planned shutdown`)
      vms.version++
    }
    return moved
  }

  /** Every session of host h's running VMs is bound to its local Stargate, with no login or failback pending. */
  sessionsHome(h: number): boolean {
    if (this.failbackAtMs[h] >= 0) return false
    const sg = this.sim.vms.vdiskStargate
    for (const vd of this.sessionsOfHost(h)) if (sg[vd] !== h || this.loginTarget[vd] >= 0 || this.pending.has(vd)) return false
    return true
  }

  /** A VM finished a live migration to vms.host[v]: its sessions log in to the new host's Stargate. */
  onMigrated(v: number): void {
    this.onPowerOn(v)
  }

  // ------------------------------------------------------------ queries
  sessionState(vd: number): number {
    const { vms } = this.sim
    if (this.loginTarget[vd] >= 0) return SESSION_LOGIN
    const sg = vms.vdiskStargate[vd]
    if (sg < 0) return SESSION_NONE
    return this.reachable(vms.host[this.vdiskVm[vd]], sg) ? SESSION_ACTIVE : SESSION_STALLED
  }

  /** Every vDisk's session state (SESSION_*). */
  sessionStates(): Uint8Array {
    const out = new Uint8Array(this.vdiskVm.length)
    for (let vd = 0; vd < out.length; vd++) out[vd] = this.sessionState(vd)
    return out
  }

  /** Failover or failback work is pending (what keeps `settle` running, as active events). */
  get busy(): boolean {
    return this.workPending()
  }

  /** The I/O model's figures now (cached per session state and sample period). */
  load(): IoLoad {
    const sim = this.sim
    const key = this.loadKey()
    if (!this.loadCache || this.loadCache.key !== key) this.loadCache = { key, load: computeIoLoad(sim, this, sim.vdiskDataShare().share) }
    return this.loadCache.load
  }

  /** CPU and guest memory usage now (cpu.ts), cached like load(). */
  cpu(): CpuFigures {
    const load = this.load()
    if (this.cpuCache?.load !== load) {
      const { time, spec, vms, topo } = this.sim
      this.cpuCache = { load, cpu: computeCpu({ time, spec, vms, hostUp: (n) => topo.hostState[n] !== HOST_DOWN, cvmUp: (n) => topo.cvmServing(n) }, load) }
    }
    return this.cpuCache.cpu
  }
  private cpuCache: { load: IoLoad; cpu: CpuFigures } | null = null

  /** The cluster-wide controller figures for a metrics sample. */
  metricsFigures(): { iops: number; readIops: number; writeIops: number; bandwidthBps: number; latencyMs: number } {
    return this.figuresOf(this.load().cluster)
  }

  /** The same figures at another time of the current session state (the lazy sampler's past samples). */
  metricsFiguresAt(time: number): ReturnType<IoPaths['metricsFigures']> {
    const { spec, vms, topo } = this.sim
    const key = `${vms.version}:${topo.version}`
    if (this.totalsCache?.key !== key) this.totalsCache = { key, totals: new IoTotalsAt(spec, vms, this.sessionStates()) }
    return this.figuresOf(this.totalsCache.totals.at(time))
  }
  private totalsCache: { key: string; totals: IoTotalsAt } | null = null

  private figuresOf(c: IoLoad['cluster']): ReturnType<IoPaths['metricsFigures']> {
    return {
      iops: Math.round(c.iops),
      readIops: Math.round(c.readIops),
      writeIops: Math.round(c.writeIops),
      bandwidthBps: Math.round(c.bandwidthBps),
      latencyMs: Math.round(c.latencyMs * 1000) / 1000,
    }
  }

  /** Changes whenever load() may return different figures. */
  loadKey(): string {
    const sim = this.sim
    return `${sim.vms.version}:${sim.topo.version}:${ioBucket(sim.time)}:${sim.vdiskDataShare().key}:${sim.ioDemand?.version ?? ''}`
  }

  /** The most recent redirects, oldest first. */
  recentRedirects(limit = REDIRECT_HISTORY): ReportRedirect[] {
    const all = this.redirects.toArray()
    return all.slice(Math.max(0, all.length - limit))
  }

  /**
   * The last `limit` lines of host h's `/var/log/iscsi_redirector`: one "Portal … is up|down"
   * line per Stargate per NOP-OUT round (rebuilt from the recorded transitions, so only the
   * transitions and redirect lines are stored), merged with the redirect lines.
   */
  redirectorLog(h: number, limit = 60): string[] {
    const n = this.n
    const nowMs = this.sim.timeMs
    const portals = this.portalOrder(h)
    const out: LogLine[] = []
    if (this.running[h]) {
      const firstTick = Math.ceil(this.startedMs[h] / this.intervalMs)
      const lastTick = Math.floor(nowMs / this.intervalMs)
      const rounds = Math.min(lastTick - firstTick + 1, Math.ceil(limit / n) + 1)
      // walk back from the current view, undoing transitions newer than each round
      const state = this.view.slice(h * n, h * n + n)
      const trans = this.transitions[h].toArray()
      let ti = trans.length - 1
      const perRound: LogLine[][] = []
      for (let k = lastTick; k > lastTick - rounds; k--) {
        const t = k * this.intervalMs
        while (ti >= 0 && trans[ti].ms > t) {
          state[trans[ti].portal] = trans[ti].up ? 0 : 1
          ti--
        }
        perRound.push(portals.map((s, i) => ({
          ms: t + i * 2,
          level: state[s] ? 'INFO' : 'WARNING',
          text: `Portal ${this.portalName(h, s)} is ${state[s] ? 'up' : 'down'}`,
        })))
      }
      for (let r = perRound.length - 1; r >= 0; r--) out.push(...perRound[r])
    }
    const events = this.hostLog[h].toArray()
    const merged = out.concat(events).sort((a, b) => a.ms - b.ms)
    return merged.slice(Math.max(0, merged.length - limit)).map((l) => `${logStamp(l.ms)} - ${l.level} - ${l.text}`)
  }

  /** The Report's `io` section (extension). */
  buildReport(): ReportIo {
    const { spec, topo } = this.sim
    const load = this.load()
    const round2 = (x: number) => Math.round(x * 100) / 100
    return {
      settings: { ...this.params },
      connectionsPerFrodoVdisk: FRODO_CONNECTIONS_PER_VDISK,
      cluster: {
        iops: Math.round(load.cluster.iops),
        readIops: Math.round(load.cluster.readIops),
        writeIops: Math.round(load.cluster.writeIops),
        bandwidthBps: Math.round(load.cluster.bandwidthBps),
        latencyMs: round2(load.cluster.latencyMs),
      },
      sessions: { ...load.sessions },
      // the Stargates of the cluster (a removed node's is no longer listed)
      stargates: spec.nodes.flatMap((node, s) => (!topo.nodeActive(s) ? [] : [{
        id: node.id,
        healthy: topo.cvmServing(s),
        sessions: load.sgSessions[s],
        remoteSessions: load.sgRemoteSessions[s],
        iops: Math.round(load.sgIops[s]),
        utilization: round2(load.sgUtil[s]),
        latencyMs: round2(load.sgLatencyMs[s]),
      }])),
      failbacks: spec.nodes.flatMap((node, h) => (this.failbackAtMs[h] >= 0 ? [{ host: node.id, at: this.failbackAtMs[h] / 1000 }] : [])),
      redirectTotal: this.redirectTotal,
      redirects: this.recentRedirects(200),
    }
  }

}
