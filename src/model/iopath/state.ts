/**
 * The VM I/O path, part 1 of 3 (iopath.ts describes the whole): the state of every
 * session and redirector, and the helpers the other parts share (choosing a Stargate,
 * starting/stopping a redirector, its log lines, the redirect timeline).
 * redirector.ts extends it with the NOP-OUT rounds, logins and failback; iopath.ts with
 * the simulation's entry points, the queries and the Report's `io` section.
 */
import type { ScheduledEvent } from '../kernel/eventQueue'
import { civilFromDays, SIM_EPOCH_SECONDS } from '../kernel/calendar'
import { type IoDemandSource, type IoLoad } from './ioload'
import type { Kernel } from '../kernel/context'
import type { ClusterSpec } from '../scenario/normalize'
import type { Topology } from '../cluster/topology'
import type { VmTable } from '../cluster/vms'
import { HOST_DOWN, HOST_UP } from '../cluster/topology'
import type { ReportRedirect, SimTask } from '../types'
import type { IoPathParams } from './params'
import { POWER_ON } from '../cluster/vms'
import { grown, grownSquare } from '../kernel/grow'


/** What the I/O paths use: kernel services, the cluster facts they read and the metrics sampler. */
export interface IoContext extends Kernel {
  readonly spec: ClusterSpec
  readonly topo: Topology
  readonly vms: VmTable
  /** take a metrics sample now */
  recordMetrics(): void
  /** while an X-Ray test runs: each VM's demand from its workloads (ioload.ts) */
  readonly ioDemand?: IoDemandSource | null
  /** per vDisk, the share of its I/O whose data is available (null: all), and a key that changes with it (DOMAIN.md §9) */
  vdiskDataShare(): { share: Float32Array | null; key: number }
}

export const LOCAL_PORTAL = '192.168.5.254:3261'
export const REDIRECTOR_PORTAL = '127.0.0.1:3261'

/** What a vDisk's session is doing now (sent to the UI per vDisk). */
export const SESSION_ACTIVE = 0
/** bound to a Stargate that stopped answering: I/O hangs until the redirector notices */
export const SESSION_STALLED = 1
/** a login is in flight (target in `loginTarget`) */
export const SESSION_LOGIN = 2
/** no session: VM off, or no Stargate reachable */
export const SESSION_NONE = 3

export const REDIRECT_REASONS = ['failover', 'failback', 'login'] as const
export type RedirectReason = (typeof REDIRECT_REASONS)[number]

/** Bounds: the redirect timeline and each host's redirector log are ring buffers. */
export const REDIRECT_HISTORY = 4096
export const REDIRECTOR_LOG_LINES = 240
export const TRANSITION_HISTORY = 512

export interface LogLine {
  ms: number
  level: 'INFO' | 'WARNING'
  text: string
}
export interface Transition {
  ms: number
  portal: number
  up: boolean
}

export interface LoginBatch {
  vdisks: number[]
  targets: number[]
  gens: number[]
}

/** A fixed-capacity ring buffer (oldest dropped first). */
export class Ring<T> {
  private items: T[] = []
  private start = 0
  constructor(private readonly cap: number) {}
  push(x: T): void {
    if (this.items.length < this.cap) this.items.push(x)
    else {
      this.items[this.start] = x
      this.start = (this.start + 1) % this.cap
    }
  }
  /** oldest first */
  toArray(): T[] {
    return this.items.slice(this.start).concat(this.items.slice(0, this.start))
  }
  clear(): void {
    this.items = []
    this.start = 0
  }
}

export abstract class IoState {
  readonly params: IoPathParams
  /** hosts (grows with the cluster: growHosts) */
  protected n: number
  protected readonly intervalMs: number
  /** view[h * n + s] = 1 when host h's redirector believes Stargate s is healthy */
  view: Uint8Array
  /** 1 while host h's redirector runs (its host is not down) */
  running: Uint8Array
  /** time (ms) host h's redirector (re)started */
  protected startedMs: Float64Array
  /** per vDisk: Stargate of the login in flight, or -1 */
  readonly loginTarget: Int16Array
  /** per vDisk: bumped whenever its session is rebound or dropped (stale logins are ignored) */
  protected readonly gen: Uint32Array
  /** VM of each vDisk */
  readonly vdiskVm: Int32Array
  /** vDisks that need the redirector: stalled, or running without a session */
  protected readonly pending = new Set<number>()
  /** views may differ from reachability (a state changed since the last NOP-OUT round) */
  protected dirty = true
  protected nextTick: ScheduledEvent | null = null
  /** round-robin cursor per redirector */
  protected rr: Int32Array
  /** failback per host: generation, scheduled time (ms, -1 none), its task */
  protected failbackGen: Uint32Array
  failbackAtMs: Float64Array
  protected readonly failbackTask: Array<SimTask | null>
  /** redirect timeline (ring) */
  protected readonly redirects = new Ring<ReportRedirect>(REDIRECT_HISTORY)
  redirectTotal = 0
  /** bumped when the redirect timeline or a redirector log changes */
  logVersion = 0
  protected readonly hostLog: Ring<LogLine>[]
  protected readonly transitions: Ring<Transition>[]
  protected loadCache: { key: string; load: IoLoad } | null = null

  constructor(protected readonly sim: IoContext) {
    const { spec, vms } = sim
    this.params = spec.ioPath
    const n = spec.nodes.length
    this.n = n
    this.intervalMs = Math.max(1, Math.round(this.params.healthCheckSeconds * 1000))
    this.view = new Uint8Array(n * n)
    this.running = new Uint8Array(n)
    this.startedMs = new Float64Array(n)
    this.rr = new Int32Array(n)
    this.failbackGen = new Uint32Array(n)
    this.failbackAtMs = new Float64Array(n).fill(-1)
    this.failbackTask = new Array(n).fill(null)
    this.hostLog = Array.from({ length: n }, () => new Ring<LogLine>(REDIRECTOR_LOG_LINES))
    this.transitions = Array.from({ length: n }, () => new Ring<Transition>(TRANSITION_HISTORY))
    this.loginTarget = new Int16Array(vms.vdiskCount).fill(-1)
    this.gen = new Uint32Array(vms.vdiskCount)
    this.vdiskVm = new Int32Array(vms.vdiskCount)
    for (let v = 0; v < vms.count; v++) for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) this.vdiskVm[vd] = v
    for (let h = 0; h < n; h++) if (sim.topo.hostState[h] !== HOST_DOWN) this.startRedirector(h)
    sim.on('iscsi-nop-out', () => this.nopOutRound())
    sim.on('iscsi-login-done', (p) => this.loginsDone(p as LoginBatch))
    sim.on('iscsi-failback', (p) => this.failback(p as { host: number; gen: number }))
    this.scheduleTick(false)
  }

  /**
   * The cluster grew (lifecycle/expansion.ts): the new hosts' redirectors start (their view
   * is the reachability now) and every redirector sees the new Stargates at its next round.
   */
  growHosts(): void {
    const m = this.sim.spec.nodes.length
    const n = this.n
    if (m === n) return
    this.view = grownSquare(this.view, n, m)
    this.running = grown(this.running, m)
    this.startedMs = grown(this.startedMs, m)
    this.rr = grown(this.rr, m)
    this.failbackGen = grown(this.failbackGen, m)
    this.failbackAtMs = grown(this.failbackAtMs, m, -1)
    for (let h = n; h < m; h++) {
      this.failbackTask.push(null)
      this.hostLog.push(new Ring<LogLine>(REDIRECTOR_LOG_LINES))
      this.transitions.push(new Ring<Transition>(TRANSITION_HISTORY))
    }
    this.n = m
    for (let h = n; h < m; h++) if (this.sim.topo.hostState[h] !== HOST_DOWN) this.startRedirector(h)
    this.dirty = true
    this.loadCache = null
    this.ensureActivity()
  }

  // ------------------------------------------------------------ helpers
  /** Stargate s can serve host h's sessions now (iopath.ts header). */
  reachable(h: number, s: number): boolean {
    const { topo } = this.sim
    return topo.hostState[h] === HOST_UP && topo.cvmServing(s)
  }

  /**
   * The Stargate a login on host h is redirected to: the local one when the redirector
   * sees it healthy, else a healthy remote one (random or round robin), else -1.
   */
  protected choose(h: number): number {
    const n = this.n
    if (!this.running[h]) return -1
    const row = h * n
    if (this.view[row + h]) return h
    if (this.params.redirect === 'round-robin') {
      for (let k = 1; k <= n; k++) {
        const s = (this.rr[h] + k) % n
        if (s !== h && this.view[row + s]) {
          this.rr[h] = s
          return s
        }
      }
      return -1
    }
    const healthy: number[] = []
    for (let s = 0; s < n; s++) if (s !== h && this.view[row + s]) healthy.push(s)
    return healthy.length === 0 ? -1 : healthy[this.sim.rng.int(healthy.length)]
  }

  /** Forget a vDisk's login in flight and pending state. */
  protected drop(vd: number): void {
    this.gen[vd]++
    this.loginTarget[vd] = -1
    this.pending.delete(vd)
  }

  protected *sessionsOfHost(h: number): Generator<number> {
    const { vms } = this.sim
    for (let v = 0; v < vms.count; v++) {
      if (vms.host[v] !== h || vms.power[v] !== POWER_ON) continue
      for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) yield vd
    }
  }

  protected remoteSessionsOf(h: number): number[] {
    const out: number[] = []
    const sg = this.sim.vms.vdiskStargate
    for (const vd of this.sessionsOfHost(h)) if (sg[vd] >= 0 && sg[vd] !== h) out.push(vd)
    return out
  }

  /** Something will happen at the next NOP-OUT round (or a failback / login is scheduled). */
  protected workPending(): boolean {
    const { vms } = this.sim
    const n = this.n
    if (this.dirty) {
      for (let h = 0; h < n; h++) {
        if (!this.running[h]) continue
        for (let s = 0; s < n; s++) if (this.view[h * n + s] !== (this.reachable(h, s) ? 1 : 0)) return true
      }
    }
    for (const vd of this.pending) {
      const v = this.vdiskVm[vd]
      const h = vms.host[v]
      if (vms.power[v] !== POWER_ON || h < 0 || !this.running[h]) continue
      if (vms.vdiskStargate[vd] >= 0) return true // stalled: the redirector will drop it
      for (let s = 0; s < n; s++) if (this.reachable(h, s)) return true
    }
    return false
  }

  /** Make the next NOP-OUT round an active event when it has work to do. */
  protected ensureActivity(): void {
    if (!this.nextTick || !this.nextTick.quiet) return
    if (this.workPending()) {
      this.sim.queue.cancel(this.nextTick)
      this.scheduleTick(true)
    } else if (this.nextTick.time > this.nextRoundMs(this.sim.timeMs) && !this.roundIsNoop()) {
      // a fast-forwarded round must run on its own time again (e.g. to show failback progress)
      this.scheduleTick(false, false)
    }
  }

  /** The first NOP-OUT round time strictly after `ms` (rounds are on a grid of the interval since load). */
  protected nextRoundMs(ms: number): number {
    return (Math.floor(ms / this.intervalMs) + 1) * this.intervalMs
  }

  /**
   * A NOP-OUT round now would change nothing (redirector.ts nopOutRound): every view matches,
   * no failback is counting down, and every pending session would be left as it is. While
   * that holds and nothing else runs, every further round is the same no-op.
   */
  protected roundIsNoop(): boolean {
    const { vms } = this.sim
    const n = this.n
    if (this.dirty) return false
    for (let h = 0; h < n; h++) if (this.failbackAtMs[h] >= 0 && this.failbackTask[h]) return false
    for (const vd of this.pending) {
      const v = this.vdiskVm[vd]
      const h = vms.host[v]
      if (vms.power[v] !== POWER_ON || h < 0) return false
      const sg = vms.vdiskStargate[vd]
      if (sg >= 0 && this.reachable(h, sg)) return false
      if (this.running[h] && !(sg >= 0 && this.view[h * n + sg])) return false
    }
    return true
  }

  /**
   * Schedule the next NOP-OUT round. A quiet round with nothing to do is fast-forwarded
   * (issue 21): the rounds up to `idleUntilMs()` would all be no-ops, so the next one is put
   * on the first grid time after it. Same rounds with effect, same order, same Report.
   */
  protected scheduleTick(active: boolean, skip = !active): void {
    const now = this.sim.timeMs
    const from = skip && this.roundIsNoop() ? this.sim.idleUntilMs() : now
    const next = this.nextRoundMs(Math.max(now, from))
    if (this.nextTick && !this.nextTick.done && !this.nextTick.cancelled) this.sim.queue.cancel(this.nextTick)
    this.nextTick = this.sim.schedule((next - now) / 1000, 'iscsi-nop-out', null, !active)
  }

  protected startRedirector(h: number): void {
    const n = this.n
    this.running[h] = 1
    this.startedMs[h] = this.sim.timeMs
    this.transitions[h].clear()
    for (let s = 0; s < n; s++) this.view[h * n + s] = this.reachable(h, s) ? 1 : 0
    if (this.sim.timeMs > 0) this.pushLine(h, 'INFO', `iscsi_redirector started, listening on ${REDIRECTOR_PORTAL}`)
  }

  protected stopRedirector(h: number): void {
    this.running[h] = 0
    this.view.fill(0, h * this.n, h * this.n + this.n)
    this.cancelFailback(h, 'went down with its host')
    this.pushLine(h, 'WARNING', 'iscsi_redirector stopped: host down')
  }

  protected portalOrder(h: number): number[] {
    const out = [h]
    for (let s = 0; s < this.n; s++) if (s !== h) out.push(s)
    return out
  }

  protected portalName(h: number, s: number): string {
    return s === h ? LOCAL_PORTAL : `${this.sim.spec.nodes[s].cvmIp}:3261`
  }

  /** `afterRound`: written after this NOP-OUT round's portal lines (which take 2 ms per portal) */
  protected pushLine(h: number, level: LogLine['level'], text: string, afterRound = false): void {
    this.hostLog[h].push({ ms: this.sim.timeMs + (afterRound ? 2 * this.n : 0), level, text })
    this.logVersion++
  }

  protected recordRedirect(vd: number, from: number, to: number, reason: RedirectReason, atRound = false): void {
    const { vms, spec } = this.sim
    const v = this.vdiskVm[vd]
    const h = vms.host[v]
    this.redirects.push({
      time: this.sim.time,
      vdisk: vms.vdiskIds[vd],
      vm: spec.vms[v].id,
      host: spec.nodes[h].id,
      from: from >= 0 ? spec.nodes[from].id : null,
      to: spec.nodes[to].id,
      reason,
    })
    this.redirectTotal++
    this.pushLine(h, 'INFO', `Redirecting login for iqn.2010-06.com.nutanix:vmdisk-${vms.vdiskIds[vd]} to ${this.portalName(h, to)}`, atRound)
  }

  // ------------------------------------------------------------ implemented by redirector.ts
  protected abstract nopOutRound(): void
  protected abstract loginsDone(batch: LoginBatch): void
  protected abstract failback(p: { host: number; gen: number }): void
  protected abstract cancelFailback(h: number, why: string): void
}


const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** "2026-01-01 00:05:21,733": the redirector log's timestamp of simulated ms since load. */
export function logStamp(ms: number): string {
  const total = SIM_EPOCH_SECONDS * 1000 + Math.floor(ms)
  const days = Math.floor(total / 86_400_000)
  const inDay = total - days * 86_400_000
  const { year, month, day } = civilFromDays(days)
  const hh = Math.floor(inDay / 3_600_000)
  const mm = Math.floor((inDay % 3_600_000) / 60_000)
  const ss = Math.floor((inDay % 60_000) / 1000)
  return `${year}-${pad(month)}-${pad(day)} ${pad(hh)}:${pad(mm)}:${pad(ss)},${pad(inDay % 1000, 3)}`
}
