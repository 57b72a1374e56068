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
import type { ScheduledEvent } from './eventQueue'
import { civilFromDays, SIM_EPOCH_SECONDS } from './ncli'
import { computeIoLoad, FRODO_CONNECTIONS_PER_VDISK, ioBucket, type IoLoad } from './ioload'
import type { Simulation } from './simulation'
import { HOST_DOWN, HOST_UP, type StateChange } from './topology'
import type { ReportIo, ReportRedirect, SimTask } from './types'
import { POWER_ON } from './vms'

export interface IoPathParams {
  /** NOP-OUT health check interval of every redirector (s) */
  healthCheckSeconds: number
  /** time an iSCSI login (and its redirect) takes (s) */
  loginSeconds: number
  /** the local Stargate must be healthy this long before sessions fail back (s) */
  failbackSeconds: number
  /** how a redirector picks a remote Stargate */
  redirect: 'random' | 'round-robin'
}

/** Defaults (seed 000/002: failback after 300 s; the rest is our rule, see the README). */
export const DEFAULT_IO_PATH: IoPathParams = { healthCheckSeconds: 5, loginSeconds: 1, failbackSeconds: 300, redirect: 'random' }

export { FRODO_CONNECTIONS_PER_VDISK, IO_BUCKET_SECONDS, ioBucket } from './ioload'

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
const TRANSITION_HISTORY = 512

interface LogLine {
  ms: number
  level: 'INFO' | 'WARNING'
  text: string
}
interface Transition {
  ms: number
  portal: number
  up: boolean
}

interface LoginBatch {
  vdisks: number[]
  targets: number[]
  gens: number[]
}

/** A fixed-capacity ring buffer (oldest dropped first). */
class Ring<T> {
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

export class IoPaths {
  readonly params: IoPathParams
  private readonly n: number
  private readonly intervalMs: number
  /** view[h * n + s] = 1 when host h's redirector believes Stargate s is healthy */
  readonly view: Uint8Array
  /** 1 while host h's redirector runs (its host is not down) */
  readonly running: Uint8Array
  /** time (ms) host h's redirector (re)started */
  private readonly startedMs: Float64Array
  /** per vDisk: Stargate of the login in flight, or -1 */
  readonly loginTarget: Int16Array
  /** per vDisk: bumped whenever its session is rebound or dropped (stale logins are ignored) */
  private readonly gen: Uint32Array
  /** VM of each vDisk */
  readonly vdiskVm: Int32Array
  /** vDisks that need the redirector: stalled, or running without a session */
  private readonly pending = new Set<number>()
  /** views may differ from reachability (a state changed since the last NOP-OUT round) */
  private dirty = true
  private nextTick: ScheduledEvent | null = null
  /** round-robin cursor per redirector */
  private readonly rr: Int32Array
  /** failback per host: generation, scheduled time (ms, -1 none), its task */
  private readonly failbackGen: Uint32Array
  readonly failbackAtMs: Float64Array
  private readonly failbackTask: Array<SimTask | null>
  /** redirect timeline (ring) */
  private readonly redirects = new Ring<ReportRedirect>(REDIRECT_HISTORY)
  redirectTotal = 0
  /** bumped when the redirect timeline or a redirector log changes */
  logVersion = 0
  private readonly hostLog: Ring<LogLine>[]
  private readonly transitions: Ring<Transition>[]
  private loadCache: { key: string; load: IoLoad } | null = null

  constructor(private readonly sim: Simulation) {
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

  // ------------------------------------------------------------ queries
  /** Stargate s can serve host h's sessions now (see the header). */
  reachable(h: number, s: number): boolean {
    const { topo } = this.sim
    return topo.hostState[h] === HOST_UP && topo.cvmServing(s)
  }

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
    const key = `${sim.vms.version}:${sim.topo.version}:${ioBucket(sim.time)}`
    if (!this.loadCache || this.loadCache.key !== key) this.loadCache = { key, load: computeIoLoad(sim, this) }
    return this.loadCache.load
  }

  /** The cluster-wide controller figures for a metrics sample. */
  metricsFigures(): { iops: number; readIops: number; writeIops: number; bandwidthBps: number; latencyMs: number } {
    const c = this.load().cluster
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
    return `${sim.vms.version}:${sim.topo.version}:${ioBucket(sim.time)}`
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
      stargates: spec.nodes.map((node, s) => ({
        id: node.id,
        healthy: topo.cvmServing(s),
        sessions: load.sgSessions[s],
        remoteSessions: load.sgRemoteSessions[s],
        iops: Math.round(load.sgIops[s]),
        utilization: round2(load.sgUtil[s]),
        latencyMs: round2(load.sgLatencyMs[s]),
      })),
      failbacks: spec.nodes.flatMap((node, h) => (this.failbackAtMs[h] >= 0 ? [{ host: node.id, at: this.failbackAtMs[h] / 1000 }] : [])),
      redirectTotal: this.redirectTotal,
      redirects: this.recentRedirects(200),
    }
  }

  // ------------------------------------------------------------ the redirector
  private nopOutRound(): void {
    this.nextTick = null
    const sim = this.sim
    const { vms } = sim
    let changed = false
    if (this.dirty) {
      const n = this.n
      for (let h = 0; h < n; h++) {
        if (!this.running[h]) continue
        for (let s = 0; s < n; s++) {
          const r = this.reachable(h, s) ? 1 : 0
          if (this.view[h * n + s] === r) continue
          this.view[h * n + s] = r
          this.transitions[h].push({ ms: sim.timeMs, portal: s, up: r === 1 })
          this.logVersion++
          if (s === h) {
            if (r) this.localUp(h)
            else this.cancelFailback(h, 'went down again')
          }
        }
      }
      this.dirty = false
    }
    if (this.pending.size > 0) changed = this.redirectPending()
    this.progressFailbacks()
    if (changed) vms.version++
    this.scheduleTick(this.workPending())
  }

  /** Redirect every pending session whose redirector now sees its Stargate down. */
  private redirectPending(): boolean {
    const { vms, spec, log } = this.sim
    const batch: LoginBatch = { vdisks: [], targets: [], gens: [] }
    const perHost = new Map<number, Map<number, number>>()
    const lost = new Map<number, number>()
    let changed = false
    for (const vd of [...this.pending].sort((a, b) => a - b)) {
      const v = this.vdiskVm[vd]
      const h = vms.host[v]
      if (vms.power[v] !== POWER_ON || h < 0) {
        this.pending.delete(vd)
        continue
      }
      const sg = vms.vdiskStargate[vd]
      if (sg >= 0 && this.reachable(h, sg)) {
        this.pending.delete(vd) // it came back before the redirector noticed
        continue
      }
      if (!this.running[h] || (sg >= 0 && this.view[h * this.n + sg])) continue
      const target = this.choose(h)
      if (sg >= 0) {
        vms.vdiskStargate[vd] = -1 // the stalled session is dropped
        changed = true
        if (target < 0) lost.set(h, (lost.get(h) ?? 0) + 1)
      }
      if (target < 0) continue
      this.pending.delete(vd)
      this.gen[vd]++
      this.loginTarget[vd] = target
      batch.vdisks.push(vd)
      batch.targets.push(target)
      batch.gens.push(this.gen[vd])
      this.recordRedirect(vd, sg, target, target === h ? 'login' : 'failover', true)
      const m = perHost.get(h) ?? new Map<number, number>()
      m.set(target, (m.get(target) ?? 0) + 1)
      perHost.set(h, m)
      changed = true
    }
    for (const [h, targets] of perHost) {
      const count = [...targets.values()].reduce((a, b) => a + b, 0)
      const to = [...targets.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([s, c]) => `${spec.nodes[s].id} (${c})`)
      const remote = targets.has(h) ? count - (targets.get(h) ?? 0) : count
      log.event(remote > 0 ? 'warning' : 'info', 'IoPathRedirect', spec.nodes[h].id,
        `${count} vDisk session${count === 1 ? '' : 's'} of VMs on ${spec.nodes[h].id} redirected by the iSCSI redirector to ${to.slice(0, 6).join(', ')}${to.length > 6 ? `, … (${to.length} Stargates)` : ''}`)
    }
    for (const [h, count] of lost) {
      log.event('critical', 'IoPathLost', spec.nodes[h].id, `${count} vDisk session${count === 1 ? '' : 's'} of VMs on ${spec.nodes[h].id} have no reachable Stargate`)
    }
    if (batch.vdisks.length > 0) this.sim.schedule(this.params.loginSeconds, 'iscsi-login-done', batch)
    return changed
  }

  private loginsDone(batch: LoginBatch): void {
    const { vms } = this.sim
    let done = 0
    const lateRemote = new Set<number>()
    for (let i = 0; i < batch.vdisks.length; i++) {
      const vd = batch.vdisks[i]
      if (this.gen[vd] !== batch.gens[i] || this.loginTarget[vd] !== batch.targets[i]) continue
      this.loginTarget[vd] = -1
      const v = this.vdiskVm[vd]
      const target = batch.targets[i]
      const h = vms.host[v]
      if (vms.power[v] === POWER_ON && this.reachable(h, target)) {
        vms.vdiskStargate[vd] = target
        done++
        // landed remote while the local Stargate is healthy again: fail back in due time
        if (target !== h && this.view[h * this.n + h] && this.failbackAtMs[h] < 0) lateRemote.add(h)
      } else {
        vms.vdiskStargate[vd] = -1
        this.pending.add(vd) // the target went away during the login: retry at the next round
      }
    }
    vms.version++
    for (const h of lateRemote) this.localUp(h)
    for (let h = 0; h < this.n; h++) this.finishFailbackTask(h)
    if (done > 0) this.sim.recordMetrics()
    this.ensureActivity()
  }

  /** The local Stargate of host h answers again: fail back after `failbackSeconds` if sessions are remote. */
  private localUp(h: number): void {
    const { spec, log } = this.sim
    const remote = this.remoteSessionsOf(h).length
    this.failbackGen[h]++
    if (remote === 0) return
    const gen = this.failbackGen[h]
    this.failbackAtMs[h] = this.sim.timeMs + Math.round(this.params.failbackSeconds * 1000)
    this.sim.schedule(this.params.failbackSeconds, 'iscsi-failback', { host: h, gen })
    const id = spec.nodes[h].id
    const prev = this.failbackTask[h]
    if (prev) log.endTask(prev, 'succeeded')
    this.failbackTask[h] = log.startTask('IoPathFailback', id,
      `Fail back ${remote} vDisk session${remote === 1 ? '' : 's'} of VMs on ${id} to the local Stargate once it has been healthy for ${this.params.failbackSeconds} s`)
  }

  private cancelFailback(h: number, why: string): void {
    if (this.failbackAtMs[h] < 0) return
    this.failbackGen[h]++
    this.failbackAtMs[h] = -1
    const task = this.failbackTask[h]
    if (task) this.sim.log.endTask(task, 'failed', `The local Stargate on ${this.sim.spec.nodes[h].id} ${why} before it was stable for ${this.params.failbackSeconds} s`)
    this.failbackTask[h] = null
  }

  private progressFailbacks(): void {
    const now = this.sim.timeMs
    const total = this.params.failbackSeconds * 1000
    for (let h = 0; h < this.n; h++) {
      const task = this.failbackTask[h]
      if (!task || this.failbackAtMs[h] < 0 || total <= 0) continue
      const p = 1 - (this.failbackAtMs[h] - now) / total
      // progress in tenths, so the task list is not resent at every NOP-OUT round
      const tenth = Math.floor(Math.max(0, Math.min(1, p)) * 10) / 10
      if (tenth > task.progress && tenth < 1) this.sim.log.progressTask(task, tenth)
    }
  }

  private failback(p: { host: number; gen: number }): void {
    const h = p.host
    if (this.failbackGen[h] !== p.gen) return
    this.failbackAtMs[h] = -1
    const sim = this.sim
    const { vms, spec, log } = sim
    const id = spec.nodes[h].id
    if (!this.view[h * this.n + h] || !this.reachable(h, h)) {
      this.cancelFailback(h, 'is not healthy')
      return
    }
    const batch: LoginBatch = { vdisks: [], targets: [], gens: [] }
    for (const vd of this.remoteSessionsOf(h)) {
      const from = vms.vdiskStargate[vd]
      vms.vdiskStargate[vd] = -1 // the remote Stargate quiesces and kills the session
      this.gen[vd]++
      this.loginTarget[vd] = h
      batch.vdisks.push(vd)
      batch.targets.push(h)
      batch.gens.push(this.gen[vd])
      this.recordRedirect(vd, from, h, 'failback')
    }
    this.pushLine(h, 'INFO', `Local portal ${LOCAL_PORTAL} healthy for ${this.params.failbackSeconds} s: remote Stargates quiesce and kill ${batch.vdisks.length} session${batch.vdisks.length === 1 ? '' : 's'}`)
    if (batch.vdisks.length > 0) {
      log.event('info', 'IoPathFailback', id, `${batch.vdisks.length} vDisk session${batch.vdisks.length === 1 ? '' : 's'} of VMs on ${id} fail back to the local Stargate`)
      sim.schedule(this.params.loginSeconds, 'iscsi-login-done', batch)
    } else {
      this.finishFailbackTask(h)
    }
    vms.version++
  }

  private finishFailbackTask(h: number): void {
    const task = this.failbackTask[h]
    if (!task || this.failbackAtMs[h] >= 0) return
    for (const vd of this.sessionsOfHost(h)) if (this.loginTarget[vd] === h) return
    this.sim.log.endTask(task, 'succeeded', `I/O of VMs on ${this.sim.spec.nodes[h].id} is served by the local Stargate again`)
    this.failbackTask[h] = null
  }

  // ------------------------------------------------------------ helpers
  /**
   * The Stargate a login on host h is redirected to: the local one when the redirector
   * sees it healthy, else a healthy remote one (random or round robin), else -1.
   */
  private choose(h: number): number {
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
  private drop(vd: number): void {
    this.gen[vd]++
    this.loginTarget[vd] = -1
    this.pending.delete(vd)
  }

  private *sessionsOfHost(h: number): Generator<number> {
    const { vms } = this.sim
    for (let v = 0; v < vms.count; v++) {
      if (vms.host[v] !== h || vms.power[v] !== POWER_ON) continue
      for (let vd = vms.vdiskStart[v]; vd < vms.vdiskStart[v + 1]; vd++) yield vd
    }
  }

  private remoteSessionsOf(h: number): number[] {
    const out: number[] = []
    const sg = this.sim.vms.vdiskStargate
    for (const vd of this.sessionsOfHost(h)) if (sg[vd] >= 0 && sg[vd] !== h) out.push(vd)
    return out
  }

  /** Something will happen at the next NOP-OUT round (or a failback / login is scheduled). */
  private workPending(): boolean {
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
  private ensureActivity(): void {
    if (this.nextTick && this.nextTick.quiet && this.workPending()) {
      this.sim.queue.cancel(this.nextTick)
      this.scheduleTick(true)
    }
  }

  private scheduleTick(active: boolean): void {
    const now = this.sim.timeMs
    const next = (Math.floor(now / this.intervalMs) + 1) * this.intervalMs
    if (this.nextTick && !this.nextTick.done && !this.nextTick.cancelled) this.sim.queue.cancel(this.nextTick)
    this.nextTick = this.sim.schedule((next - now) / 1000, 'iscsi-nop-out', null, !active)
  }

  private startRedirector(h: number): void {
    const n = this.n
    this.running[h] = 1
    this.startedMs[h] = this.sim.timeMs
    this.transitions[h].clear()
    for (let s = 0; s < n; s++) this.view[h * n + s] = this.reachable(h, s) ? 1 : 0
    if (this.sim.timeMs > 0) this.pushLine(h, 'INFO', `iscsi_redirector started, listening on ${REDIRECTOR_PORTAL}`)
  }

  private stopRedirector(h: number): void {
    this.running[h] = 0
    this.view.fill(0, h * this.n, h * this.n + this.n)
    this.cancelFailback(h, 'went down with its host')
    this.pushLine(h, 'WARNING', 'iscsi_redirector stopped: host down')
  }

  private portalOrder(h: number): number[] {
    const out = [h]
    for (let s = 0; s < this.n; s++) if (s !== h) out.push(s)
    return out
  }

  private portalName(h: number, s: number): string {
    return s === h ? LOCAL_PORTAL : `${this.sim.spec.nodes[s].cvmIp}:3261`
  }

  /** `afterRound`: written after this NOP-OUT round's portal lines (which take 2 ms per portal) */
  private pushLine(h: number, level: LogLine['level'], text: string, afterRound = false): void {
    this.hostLog[h].push({ ms: this.sim.timeMs + (afterRound ? 2 * this.n : 0), level, text })
    this.logVersion++
  }

  private recordRedirect(vd: number, from: number, to: number, reason: RedirectReason, atRound = false): void {
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
