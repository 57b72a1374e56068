/**
 * Health of the storage pool and of the cluster services, from the model's figures. Our rules
 * (README 18.11):
 * - Storage pool: data lost or unavailable, or usage past the resilient capacity → critical;
 *   usage past the warning threshold, or under-replicated data (a rebuild to run) → warning.
 * - Cluster services, one row per service instance: Stargate on every CVM, Cassandra on every
 *   metadata ring member, each Zookeeper server, and the Acropolis leader. A service whose CVM
 *   is down or unreachable → critical; a node removed from the metadata ring → warning; no
 *   Acropolis leader → critical.
 */
import type { IoSection, StateSection, Structure, SummarySection } from '../bridge/types'
import { formatBytes, formatCount } from '../format'
import { hostProblem, nodeRemoved, tallyRows, type EntityHealth, type HealthLevel, type HealthRow } from './entityHealth'

/** The pool's name, as the Storage diagram shows it. */
export const STORAGE_POOL = 'default-storage-pool'

export function storagePoolRows(summary: SummarySection): EntityHealth {
  const s = summary.storage
  const problems: Array<[Exclude<HealthLevel, 'good'>, string]> = []
  if (summary.lostBytes > 0) problems.push(['critical', `${formatBytes(summary.lostBytes)} of data lost: no copy left`])
  if (summary.unavailableBytes > 0) problems.push(['critical', `${formatBytes(summary.unavailableBytes)} of data unavailable until the failed part returns`])
  if (s.state === 'critical') problems.push(['critical', `Usage past the resilient capacity: a ${s.domain} failure could not be rebuilt`])
  else if (s.state === 'warning') problems.push(['warning', `Usage past the warning threshold (${s.warnThresholdPct} % of the resilient capacity)`])
  if (summary.underReplicatedBytes > 0) {
    const r = summary.rebuild
    problems.push(['warning', `${formatBytes(summary.underReplicatedBytes)} under-replicated: ${r.active ? `rebuild ${r.phase === 'scanning' ? 'scanning' : `${Math.round(r.progress * 100)} % done`}` : 'rebuild waiting'}`])
  }
  const level: HealthLevel = problems.some((p) => p[0] === 'critical') ? 'critical' : problems.length > 0 ? 'warning' : 'good'
  const row: HealthRow = {
    key: STORAGE_POOL,
    name: STORAGE_POOL,
    level,
    reason: problems.length > 0 ? problems.map((p) => p[1]).join('; ') : 'Normal',
    info: {
      used: s.usedBytes,
      capacity: s.totalBytes,
      resilient: s.resilientCapacityBytes,
      usage: s.resilientCapacityBytes > 0 ? Math.round((s.usedBytes / s.resilientCapacityBytes) * 1000) / 10 : null,
    },
  }
  return tallyRows([row])
}

export function serviceRows(structure: Structure, state: StateSection, io: IoSection | null): EntityHealth {
  const rows: HealthRow[] = []
  const zkUp = state.zookeeper.filter((n) => hostProblem(state, n) === null).length
  const zkQuorum = Math.floor(state.zookeeper.length / 2) + 1
  const add = (service: string, n: number, good: string, extra?: { level: HealthLevel; reason: string } | null) => {
    const node = structure.nodes[n]
    const p = hostProblem(state, n)
    const bad = p ? { level: 'critical' as const, reason: `Not running: ${node.id} ${p}` } : (extra ?? null)
    rows.push({
      key: `${service.toLowerCase()}-${node.id}`,
      name: service,
      level: bad?.level ?? 'good',
      reason: bad?.reason ?? good,
      info: { host: node.id, cvmIp: node.cvmIp },
    })
  }
  if (state.leader >= 0) add('Acropolis', state.leader, 'Leader: HA restarts and DHCP answered here')
  else rows.push({ key: 'acropolis-none', name: 'Acropolis', level: 'critical', reason: 'No Acropolis leader: election pending (no HA restarts, no DHCP answers)', info: { host: null, cvmIp: null } })
  for (const n of state.zookeeper) add('Zookeeper', n, `Serving (quorum ${zkQuorum} of ${state.zookeeper.length}: ${zkUp} up)`)
  structure.nodes.forEach((_, n) => {
    if (nodeRemoved(state, n)) return // no longer part of the cluster
    const sessions = io?.sgSessions[n] ?? 0
    add('Stargate', n, `Serving ${formatCount(sessions)} vDisk session${sessions === 1 ? '' : 's'}`)
  })
  structure.nodes.forEach((_, n) => {
    if (nodeRemoved(state, n)) return
    const inRing = state.ringMember[n] === 1
    add('Cassandra', n, 'In the metadata ring', inRing ? null : { level: 'warning', reason: 'Removed from the metadata ring: its token ranges moved to the other members' })
  })
  return tallyRows(rows)
}
