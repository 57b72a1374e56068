/**
 * The entity types of Prism's Health page (left column) and the columns each one's list shows,
 * plus the hook that computes every type's health from the store (memoised per section).
 */
import { useMemo } from 'react'
import { formatBytes, formatCount } from '../format'
import { useSim } from '../store/simStore'
import { serviceRows, storagePoolRows } from './clusterHealth'
import { diskRows, hostRows, restartFailures, vmRows, type EntityHealth } from './entityHealth'

export type EntityTypeId = 'vms' | 'hosts' | 'disks' | 'storage-pools' | 'services'

export interface InfoColumn {
  key: string
  header: string
  align?: 'right'
  format?: (v: number) => string
}

export interface EntityType {
  id: EntityTypeId
  /** plural, as the left column and the list title say it */
  name: string
  /** header of the name column */
  nameHeader: string
  columns: InfoColumn[]
}

const pct = (v: number) => `${v.toFixed(1)} %`

export const ENTITY_TYPES: readonly EntityType[] = [
  {
    id: 'vms',
    name: 'VMs',
    nameHeader: 'VM',
    columns: [
      { key: 'power', header: 'Power' },
      { key: 'host', header: 'Host' },
      { key: 'vcpus', header: 'Cores', align: 'right' },
      { key: 'memory', header: 'Memory', align: 'right', format: (v) => formatBytes(v) },
      { key: 'errors', header: 'I/O errors/s', align: 'right', format: formatCount },
    ],
  },
  {
    id: 'hosts',
    name: 'Hosts',
    nameHeader: 'Host',
    columns: [
      { key: 'block', header: 'Block' },
      { key: 'hostIp', header: 'Hypervisor IP' },
      { key: 'cvm', header: 'CVM' },
      { key: 'vms', header: 'VMs', align: 'right' },
      { key: 'cpu', header: 'CPU usage', align: 'right', format: pct },
    ],
  },
  {
    id: 'disks',
    name: 'Disks',
    nameHeader: 'Disk',
    columns: [
      { key: 'host', header: 'Host' },
      { key: 'tier', header: 'Tier' },
      { key: 'mode', header: 'Mode' },
      { key: 'status', header: 'Status' },
      { key: 'usage', header: 'Usage', align: 'right', format: pct },
    ],
  },
  {
    id: 'storage-pools',
    name: 'Storage Pools',
    nameHeader: 'Storage pool',
    columns: [
      { key: 'used', header: 'Used (physical)', align: 'right', format: (v) => formatBytes(v) },
      { key: 'capacity', header: 'Capacity (physical)', align: 'right', format: (v) => formatBytes(v) },
      { key: 'resilient', header: 'Resilient capacity', align: 'right', format: (v) => formatBytes(v) },
      { key: 'usage', header: 'Of resilient', align: 'right', format: pct },
    ],
  },
  {
    id: 'services',
    name: 'Cluster Services',
    nameHeader: 'Service',
    columns: [
      { key: 'host', header: 'Host' },
      { key: 'cvmIp', header: 'CVM IP' },
    ],
  },
]

export function entityType(id: string | null): EntityType {
  return ENTITY_TYPES.find((t) => t.id === id) ?? ENTITY_TYPES[0]
}

export type AllHealth = Record<EntityTypeId, EntityHealth>

/** Every entity type's health now; null until the first load. */
export function useEntityHealth(): AllHealth | null {
  const structure = useSim((s) => s.structure)
  const state = useSim((s) => s.state)
  const vms = useSim((s) => s.vms)
  const io = useSim((s) => s.io)
  const summary = useSim((s) => s.summary)
  const alerts = useSim((s) => s.alerts)
  const restartFailed = useMemo(() => restartFailures(alerts), [alerts])
  // a state section from a previous load can briefly outlive its structure
  const ok = !!structure && !!state && state.hostState.length === structure.nodes.length && state.diskMode.length === structure.disks.length
  const hosts = useMemo(() => (ok ? hostRows(structure!, state!, vms, io) : null), [ok, structure, state, vms, io])
  const disks = useMemo(() => (ok ? diskRows(structure!, state!) : null), [ok, structure, state])
  const vmHealth = useMemo(() => (ok && vms && vms.power.length === structure!.vms.length ? vmRows(structure!, state!, vms, io, restartFailed) : null), [ok, structure, state, vms, io, restartFailed])
  const pools = useMemo(() => (summary ? storagePoolRows(summary) : null), [summary])
  const services = useMemo(() => (ok ? serviceRows(structure!, state!, io) : null), [ok, structure, state, io])
  return useMemo(
    () => (hosts && disks && vmHealth && pools && services ? { vms: vmHealth, hosts, disks, 'storage-pools': pools, services } : null),
    [hosts, disks, vmHealth, pools, services],
  )
}
