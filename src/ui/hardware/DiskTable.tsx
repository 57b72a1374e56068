/** Hardware → Table → Disk: one row per disk, from the store. */
import { useMemo } from 'react'
import { DataTable, type Column } from '../common/DataTable'
import { formatBytes } from '../format'
import { type DiskState, diskState, nodeGone } from './entities'
import { StateText, toneOf } from './StateText'
import type { HardwareData } from './useHardwareData'

interface DiskRow {
  id: string
  host: string
  tier: string
  mode: DiskState
  usedBytes: number
  capacityBytes: number
  serial: string
}

const COLUMNS: Column<DiskRow>[] = [
  { key: 'id', header: 'Disk ID', value: (r) => r.id },
  { key: 'host', header: 'Host Name', value: (r) => r.host },
  { key: 'tier', header: 'Tier', value: (r) => r.tier },
  { key: 'mode', header: 'Mode', value: (r) => r.mode, render: (r) => <StateText tone={toneOf(r.mode)}>{r.mode}</StateText> },
  { key: 'used', header: 'Used (Physical)', value: (r) => r.usedBytes, render: (r) => formatBytes(r.usedBytes), align: 'right' },
  { key: 'capacity', header: 'Capacity (Physical)', value: (r) => r.capacityBytes, render: (r) => formatBytes(r.capacityBytes), align: 'right' },
  { key: 'serial', header: 'Serial Number', value: (r) => r.serial },
]

export function DiskTable(props: { data: HardwareData; selectedId: string | null; onSelect: (id: string) => void }) {
  const { structure, state } = props.data
  const rows = useMemo<DiskRow[]>(
    () =>
      // the disks of a removed host are no longer listed
      structure.disks.flatMap((d, i) => (nodeGone(state, d.node) ? [] : [{
        id: d.id,
        host: structure.nodes[d.node].id,
        tier: d.tier,
        mode: diskState(state, i),
        usedBytes: state.diskUsedBytes[i] ?? 0,
        capacityBytes: d.capacityBytes,
        serial: d.serial,
      }])),
    [structure, state],
  )
  return (
    <DataTable
      label="Disks"
      rows={rows}
      columns={COLUMNS}
      rowKey={(r) => r.id}
      rowTestId={(r) => `disk-row-${r.id}`}
      selectedKey={props.selectedId}
      onActivate={(r) => props.onSelect(r.id)}
      exportName="disks"
    />
  )
}
