/**
 * The VM I/O path, part 2 of 3 (iopath.ts describes the whole): the per-host iSCSI
 * redirector at work. NOP-OUT rounds every `healthCheckSeconds` update each redirector's
 * view; stalled sessions are redirected (local Stargate if healthy, else a remote one,
 * random or round robin) and log in after `loginSeconds`; once the local Stargate has been
 * healthy `failbackSeconds` the sessions fail back.
 */
import { POWER_ON } from '../cluster/vms'

import { IoState, LOCAL_PORTAL, type LoginBatch } from './state'

export abstract class IoRedirector extends IoState {
  /** Sessions were redirected or lost in a round: VMs whose I/O starts or stops failing are told (iopath.ts). */
  protected abstract pathsChanged(): void
  // ------------------------------------------------------------ the redirector
  protected nopOutRound(): void {
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
    if (changed) this.pathsChanged()
    this.scheduleTick(this.workPending())
  }

  /** Redirect every pending session whose redirector now sees its Stargate down. */
  protected redirectPending(): boolean {
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

  protected loginsDone(batch: LoginBatch): void {
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
  protected localUp(h: number): void {
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

  protected cancelFailback(h: number, why: string): void {
    if (this.failbackAtMs[h] < 0) return
    this.failbackGen[h]++
    this.failbackAtMs[h] = -1
    const task = this.failbackTask[h]
    if (task) this.sim.log.endTask(task, 'failed', `The local Stargate on ${this.sim.spec.nodes[h].id} ${why} before it was stable for ${this.params.failbackSeconds} s`)
    this.failbackTask[h] = null
  }

  protected progressFailbacks(): void {
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

  protected failback(p: { host: number; gen: number }): void {
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

  protected finishFailbackTask(h: number): void {
    const task = this.failbackTask[h]
    if (!task || this.failbackAtMs[h] >= 0) return
    for (const vd of this.sessionsOfHost(h)) if (this.loginTarget[vd] === h) return
    this.sim.log.endTask(task, 'succeeded', `I/O of VMs on ${this.sim.spec.nodes[h].id} is served by the local Stargate again`)
    this.failbackTask[h] = null
  }

}
