/**
 * What the cluster log says when component state changes: events, and alerts raised or
 * resolved, for hosts (down, partitioned, up), CVMs, disks, and blocks/racks whose every
 * node is down. The composition root calls it first in every state change.
 */
import type { ClusterLog } from '../kernel/log'
import type { ClusterSpec } from '../scenario/normalize'
import type { Fault } from '../types'
import { CVM_DOWN, DISK_OFFLINE, HOST_DOWN, HOST_PARTITIONED, PLANNED_EXPECTED, REMOVAL_REMOVED, type StateChange, type Topology } from './topology'

/** Log the events and raise/resolve the alerts of one change of component state; `zk`: the Zookeeper servers now. */
export function logStateChange(log: ClusterLog, spec: ClusterSpec, topo: Topology, zk: readonly number[], change: StateChange): void {
  // a removed node or disk left the cluster on purpose (lifecycle/, storage/removal.ts): its removal logs it, no alert
  for (const n of change.hosts) {
    if (topo.removal[n] === REMOVAL_REMOVED) continue
    const id = spec.nodes[n].id
    const st = topo.hostState[n]
    if (st === HOST_DOWN) {
      log.event('critical', 'HostDown', id, `Host ${id} is down`)
      log.raise(`host-down:${id}`, 'critical', 'HostDown', id, `Host ${id} (${spec.nodes[n].hostIp}) is not reachable`)
      log.resolve(`host-partitioned:${id}`)
    } else if (st === HOST_PARTITIONED) {
      log.event('critical', 'HostPartitioned', id, `Host ${id} lost network connectivity to the cluster`)
      log.raise(`host-partitioned:${id}`, 'critical', 'HostPartitioned', id, `Host ${id} is partitioned from the cluster network`)
      log.resolve(`host-down:${id}`)
    } else {
      log.event('info', 'HostUp', id, `Host ${id} is up`)
      log.resolve(`host-down:${id}`)
      log.resolve(`host-partitioned:${id}`)
    }
  }
  for (const n of change.cvms) {
    if (topo.removal[n] === REMOVAL_REMOVED) continue
    const id = spec.nodes[n].id
    const down = topo.cvmState[n] === CVM_DOWN
    // a planned shutdown (upgrade/plannedCvm.ts) is expected: an info event, no alert
    const planned = topo.plannedCvm[n] === PLANNED_EXPECTED && topo.hostState[n] !== HOST_DOWN
    if (down && planned) log.event('info', 'CvmDown', id, `Controller VM on ${id} (${spec.nodes[n].cvmIp}) is shut down for planned work`)
    else if (down) log.event('critical', 'CvmDown', id, `Controller VM on ${id} (${spec.nodes[n].cvmIp}) is down: Stargate, Cassandra${zk.includes(n) ? ', Zookeeper' : ''} and Acropolis on it are unavailable`)
    else log.event('info', 'CvmUp', id, `Controller VM on ${id} is up`)
    // the host-down alert covers a CVM that went down with its host
    if (down && !planned && topo.hostState[n] !== HOST_DOWN) log.raise(`cvm-down:${id}`, 'critical', 'CvmDown', id, `Controller VM ${spec.nodes[n].cvmIp} on ${id} is down`)
    else log.resolve(`cvm-down:${id}`)
  }
  for (const d of change.disks) {
    const id = spec.disks[d].id
    if (topo.diskRemoved[d] === 1) {
      log.resolve(`disk-offline:${id}`)
      continue
    }
    if (topo.diskMode[d] === DISK_OFFLINE) {
      log.event('critical', 'DiskOffline', id, `Disk ${id} on ${spec.nodes[spec.disks[d].node].id} marked offline`)
      log.raise(`disk-offline:${id}`, 'critical', 'DiskOffline', id, `Disk ${id} (serial ${spec.disks[d].serial}) on ${spec.nodes[spec.disks[d].node].id} is offline`)
    } else {
      log.event('info', 'DiskOnline', id, `Disk ${id} is online`)
      log.resolve(`disk-offline:${id}`)
    }
  }
  // blocks and racks whose every node is down
  spec.blocks.forEach((b, i) => {
    const down = topo.blockDown(i)
    const key = `block-down:${b.id}`
    if (down && !log.isOpen(key)) {
      log.event('critical', 'BlockDown', b.id, `Block ${b.id} (${b.model}, serial ${b.serial}) is down: all its nodes are unreachable`)
      log.raise(key, 'critical', 'BlockDown', b.id, `Block ${b.id} is down`)
    } else if (!down && log.isOpen(key)) {
      log.event('info', 'BlockUp', b.id, `Block ${b.id} is back`)
      log.resolve(key)
    }
  })
  spec.racks.forEach((r, i) => {
    const down = topo.rackDown(i)
    const key = `rack-down:${r.id}`
    if (down && !log.isOpen(key)) {
      log.event('critical', 'RackDown', r.id, `Rack ${r.id} is down`)
      log.raise(key, 'critical', 'RackDown', r.id, `Rack ${r.id} is down`)
    } else if (!down && log.isOpen(key)) {
      log.event('info', 'RackUp', r.id, `Rack ${r.id} is back`)
      log.resolve(key)
    }
  })
}

export function describeFault(f: Fault): string {
  switch (f.kind) {
    case 'disk': return `Disk ${f.target} failed${f.smart === 'pass' ? ' (transient I/O errors)' : ''}`
    case 'cvm': return `Controller VM on ${f.target} shut down`
    case 'node': return `Node ${f.target} powered off`
    case 'block': return `Block ${f.target} failed`
    case 'rack': return `Rack ${f.target} failed`
    case 'partition': return typeof f.target === 'string'
      ? `Host ${f.target} network partitioned`
      : `Network partition: ${f.target.length} hosts (${f.target.join(', ')}) cut off together from the rest of the cluster`
    case 'corrupt': return `Silent data corruption (bit rot) on disk ${f.target}: ${f.extentGroups ?? 'about 1 % of its'} extent group replica${f.extentGroups === 1 ? '' : 's'} no longer match their checksums`
  }
}

