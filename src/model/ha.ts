/**
 * VM high availability and the Acropolis service (DOMAIN.md §8): the Acropolis leader
 * and its election, VM admission at power-on, and what happens to VMs when their host
 * goes down or is partitioned.
 *
 * The simulation calls into this module at fixed points (power-on admission, power-on,
 * power-off, every change of component state) and builds the Report's `ha` section here.
 */
import type { Simulation } from './simulation'
import { HOST_DOWN, HOST_UP, type StateChange } from './topology'
import type { Report } from './types'
import { POWER_OFF } from './vms'

export class VmHa {
  /** Acropolis leader (node index) or -1 */
  leader = -1
  /** an Acropolis election is scheduled */
  private electionPending = false

  constructor(private readonly sim: Simulation) {
    sim.on('acropolis-election', () => this.electLeader())
  }

  /** The first leader, at load: the first ring member. */
  init(ring: readonly number[]): void {
    this.leader = ring[0] ?? -1
  }

  /** Admission at power-on: the host is up and has the memory. Returns the refusal reason or null. */
  admission(v: number): string | null {
    const { spec, topo } = this.sim
    const s = spec.vms[v]
    const n = s.host
    if (topo.hostState[n] !== HOST_UP) return `host ${spec.nodes[n].id} is ${topo.hostState[n] === HOST_DOWN ? 'down' : 'partitioned'}`
    const free = this.sim.hostCapacityBytes(n) - this.sim.hostRunningBytes(n)
    if (free < s.memoryBytes) return `host ${spec.nodes[n].id} has ${gib(free)} GiB free for VMs, the VM needs ${gib(s.memoryBytes)} GiB`
    return null
  }

  /** Host the VM starts on once admitted. */
  placement(v: number): number {
    return this.sim.spec.vms[v].host
  }

  /** After a VM was powered on (v is running on vms.host[v]). */
  onPowerOn(_v: number): void {}

  /** After a VM was powered off by the administrator. */
  onPowerOff(_v: number): void {}

  /** After every change of component state. */
  onStateChange(change: StateChange): void {
    const sim = this.sim
    const { spec, topo, log, vms } = sim
    for (const n of change.hosts) {
      if (topo.hostState[n] !== HOST_DOWN) continue
      const id = spec.nodes[n].id
      for (let v = 0; v < vms.count; v++) {
        if (vms.host[v] === n && vms.power[v] !== POWER_OFF) {
          sim.setVmOff(v)
          log.event('critical', 'VmDown', spec.vms[v].id, `VM ${spec.vms[v].name} stopped: its host ${id} is down`)
        }
      }
    }
    // Acropolis leader: when its CVM is gone, the others elect a new one 20 s later
    if (this.leader >= 0 && !topo.cvmServing(this.leader)) {
      log.event('warning', 'AcropolisLeaderLost', spec.nodes[this.leader].id, `Acropolis leader on ${spec.nodes[this.leader].id} is unavailable; election in 20 s`)
      this.leader = -1
    }
    // no leader (lost now, or none was left to elect): the serving CVMs elect one 20 s later
    if (this.leader < 0 && !this.electionPending && sim.ringOrder().some((n) => topo.cvmServing(n))) {
      this.electionPending = true
      sim.schedule(20, 'acropolis-election', null)
    }
  }

  private electLeader(): void {
    const sim = this.sim
    this.electionPending = false
    if (this.leader >= 0 && sim.topo.cvmServing(this.leader)) return
    const next = sim.ringOrder().find((n) => sim.topo.cvmServing(n))
    this.leader = next ?? -1
    if (next !== undefined) sim.log.event('info', 'AcropolisLeaderElected', sim.spec.nodes[next].id, `Acropolis leader elected on ${sim.spec.nodes[next].id}`)
    sim.invalidate()
  }

  /** The Report's `ha` section. */
  buildReport(): Report['ha'] {
    const sim = this.sim
    const { spec } = sim
    return {
      mode: spec.haMode,
      hostFailuresToTolerate: spec.haMode === 'guarantee' ? (spec.replicationFactor === 3 ? 2 : 1) : 0,
      hosts: spec.nodes.map((n, i) => {
        const capacity = sim.hostCapacityBytes(i)
        const running = sim.hostRunningBytes(i)
        return { id: n.id, capacityBytes: capacity, runningBytes: running, reservedBytes: 0, availableBytes: capacity - running }
      }),
    }
  }
}

export function gib(bytes: number): string {
  return (bytes / 1024 ** 3).toFixed(bytes % 1024 ** 3 === 0 ? 0 : 1)
}
