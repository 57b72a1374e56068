/**
 * VM high availability, part 3 of 4 (ha.ts describes the whole): failure detection and
 * HA restart. A host that goes down or is partitioned opens an incident with the
 * T0/T20/T60/T120 timeline (HA_TIMEOUT_START, HA_FENCE, HA_RESTART): its VMs die, are
 * fenced, and restart at T120 through their segments (Guarantee) or where memory allows
 * (best effort). The Acropolis leader is elected among the serving ring members
 * (ACROPOLIS_ELECTION_DELAY after its CVM fails) and answers the VMs' DHCP (IPAM).
 */
import { HOST_DOWN, HOST_PARTITIONED, HOST_UP, type StateChange } from '../cluster/topology'
import { POWER_ON, POWER_RESTARTING } from '../cluster/vms'
import { HaAdmission } from './admission'
import { ACROPOLIS_ELECTION_DELAY, gib, gibOf, HA_FENCE, HA_PARTITION_VM_DEATH, HA_RESTART, HA_TIMEOUT_START, INCIDENT_RETENTION, type Incident } from './state'

export abstract class HaDetection extends HaAdmission {
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
    } else if (this.leader >= 0 && !this.quorum) {
      // (our rule 15.4) leadership is a Zookeeper lease: without a Zookeeper majority the leader steps down
      log.event('warning', 'AcropolisLeaderLost', spec.nodes[this.leader].id, `Acropolis leader on ${spec.nodes[this.leader].id} lost its Zookeeper quorum and steps down; a new leader is elected once a Zookeeper majority is back`)
      this.leader = -1
    }
    // no leader (lost now, or none was left to elect): the serving CVMs elect one 20 s later
    if (this.leader < 0 && !this.electionPending && sim.ringOrder().some((n) => topo.cvmServing(n))) {
      this.electionPending = true
      sim.schedule(ACROPOLIS_ELECTION_DELAY, 'acropolis-election', null)
    }
    for (const h of change.hosts) {
      const st = topo.hostState[h]
      // a removed host ran nothing when it left (lifecycle/nodeRemoval.ts): no incident
      if (st === HOST_UP || !topo.nodeActive(h)) continue
      let inc = this.incidents.find((i) => i.host === h && i.t120 === null && !i.cancelled)
      if (!inc) inc = this.openIncident(h, st === HOST_PARTITIONED ? 'partition' : 'host', h === leaderLost)
      if (st === HOST_DOWN) this.vmsDie(inc, `its host ${spec.nodes[h].id} is down`)
    }
    if (change.hosts.length > 0) {
      this.reprotect()
      this.checkCache = null
    }
    // a Zookeeper quorum that is back lets the timelines that waited for it go on
    if (this.leader >= 0 && this.quorum) for (const inc of this.incidents) this.advanceIncident(inc)
    this.version++
  }

  protected openIncident(h: number, kind: 'host' | 'partition', leaderFailure: boolean): Incident {
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

  protected incidentById(id: number): Incident | undefined {
    return this.incidents.find((i) => i.id === id)
  }

  protected finished(i: Incident): boolean {
    return i.cancelled || i.t120 !== null
  }

  /** The VMs on the incident's host stop; they wait for their HA restart at T120. */
  protected vmsDie(inc: Incident, why: string): void {
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
  protected partitionVmsDie(inc: Incident | undefined): void {
    if (!inc || inc.cancelled) return
    const st = this.sim.topo.hostState[inc.host]
    if (st === HOST_UP) return // the partition healed in time: I/O resumed
    inc.terminated = this.sim.time
    this.vmsDie(inc, `host ${this.sim.spec.nodes[inc.host].id} is partitioned: they terminated ${HA_PARTITION_VM_DEATH} s after their first failed I/O`)
    this.reprotect()
    this.version++
  }

  /** Run the steps of the timeline that are due, as far as a leader exists to run them. */
  protected advanceIncident(inc: Incident | undefined): void {
    if (!inc || inc.cancelled || inc.t120 !== null) return
    const sim = this.sim
    const now = sim.time
    const id = sim.spec.nodes[inc.host].id
    if (this.leader < 0) return // waits for the election
    if (!this.quorum) return // configuration frozen without a Zookeeper quorum (DOMAIN.md §9): waits for it
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

  /** T120: the leader distributes the start requests (segments first, then best effort spread over the most free memory). */
  protected restartVms(inc: Incident): void {
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
    // best effort for the rest (our rule, DOMAIN.md §8): spread them, each to the allowed up
    // host with the most memory still free for VMs (ties by host order), largest VM first
    const rest = victims.map((_, i) => i).filter((i) => target[i] < 0)
    rest.sort((a, b) => this.mem(victims[b]) - this.mem(victims[a]) || a - b)
    for (const i of rest) {
      const v = victims[i]
      let best = -1
      let bestFree = -1
      for (let h = 0; h < this.n; h++) {
        if (!this.up(h) || !this.allowed(v, h)) continue
        const free = this.capacity(h) - this.run[h] - used[h]
        if (free >= this.mem(v) && free > bestFree) {
          best = h
          bestFree = free
        }
      }
      if (best >= 0) {
        target[i] = best
        used[best] += this.mem(v)
      }
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
    sim.recordMetrics()
  }

  /** Why VM v finds no host now (Default-mode restart failure). */
  protected whyNoRoom(v: number): string {
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

  /**
   * Planned hand-over (node removal, lifecycle/nodeRemoval.ts): the leader on host h passes
   * leadership to the next serving ring member other than h at once, no election gap.
   */
  handOverLeader(h: number): void {
    const sim = this.sim
    if (this.leader !== h) return
    const next = sim.ringOrder().find((n) => n !== h && sim.topo.cvmServing(n))
    if (next === undefined) return
    this.leader = next
    sim.log.event('info', 'AcropolisLeaderElected', sim.spec.nodes[next].id, `Acropolis leadership handed from ${sim.spec.nodes[h].id} to ${sim.spec.nodes[next].id} (${sim.spec.nodes[h].id} is leaving the cluster)`)
    this.version++
    sim.invalidate()
  }

  protected electLeader(): void {
    const sim = this.sim
    this.electionPending = false
    if (this.leader >= 0 && sim.topo.cvmServing(this.leader)) return
    if (!this.quorum) {
      this.leader = -1
      sim.log.event('critical', 'AcropolisNoQuorum', null, `No Acropolis leader can be elected: ${sim.configChangeRefusal()}`)
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
  protected dhcpRequest(v: number): void {
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

  protected answerPendingDhcp(): void {
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
}
