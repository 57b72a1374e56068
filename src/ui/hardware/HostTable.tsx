/** Hardware → Table → Host: one row per host, from the store. */
import { useMemo } from 'react'
import { DataTable, type Column } from '../common/DataTable'
import { formatBytes } from '../format'
import { CVM_STATE_NAMES, nodeGone, nodeState, nodeStateText } from './entities'
import { StateText, toneOf } from './StateText'
import type { HardwareData } from './useHardwareData'

interface HostRow {
  index: number
  id: string
  hostIp: string
  cvmIp: string
  block: string
  rack: string
  state: string
  stateText: string
  cvm: string
  cores: number
  memoryBytes: number
  disks: number
  usedBytes: number
  capacityBytes: number
  vms: number
}

const COLUMNS: Column<HostRow>[] = [
  { key: 'name', header: 'Host Name', value: (r) => r.id },
  { key: 'hostIp', header: 'Hypervisor IP', value: (r) => r.hostIp },
  { key: 'cvmIp', header: 'CVM IP', value: (r) => r.cvmIp },
  { key: 'block', header: 'Block', value: (r) => r.block },
  { key: 'rack', header: 'Rack', value: (r) => r.rack },
  { key: 'state', header: 'State', value: (r) => r.stateText, render: (r) => <StateText tone={toneOf(r.state)}>{r.stateText}</StateText> },
  { key: 'cvm', header: 'CVM', value: (r) => r.cvm, render: (r) => <StateText tone={toneOf(r.cvm)}>{r.cvm === 'up' ? 'Up' : 'Down'}</StateText> },
  { key: 'cores', header: 'CPU Cores', value: (r) => r.cores, align: 'right' },
  { key: 'memory', header: 'Memory', value: (r) => r.memoryBytes, render: (r) => formatBytes(r.memoryBytes), align: 'right' },
  { key: 'disks', header: 'Disks', value: (r) => r.disks, align: 'right' },
  {
    key: 'storage',
    header: 'Storage Used / Capacity',
    value: (r) => r.usedBytes,
    render: (r) => `${formatBytes(r.usedBytes)} / ${formatBytes(r.capacityBytes)}`,
    align: 'right',
  },
  { key: 'vms', header: 'VMs', value: (r) => r.vms, align: 'right' },
]

export function HostTable(props: { data: HardwareData; selectedId: string | null; onSelect: (id: string) => void }) {
  const { structure, state, hostVms, nodeStorage } = props.data
  const rows = useMemo<HostRow[]>(
    () =>
      // a removed host is no longer listed
      structure.nodes.flatMap((n, i) => {
        if (nodeGone(state, i)) return []
        const st = nodeState(state, i)
        const row: HostRow = {
          index: i,
          id: n.id,
          hostIp: n.hostIp,
          cvmIp: n.cvmIp,
          block: structure.blocks[n.block].id,
          rack: structure.racks[n.rack].id,
          state: st,
          stateText: nodeStateText(st),
          cvm: CVM_STATE_NAMES[state.cvmState[i]] ?? 'up',
          cores: n.cpuCores,
          memoryBytes: n.memoryBytes,
          disks: n.disks.length,
          usedBytes: nodeStorage.usedBytes[i],
          capacityBytes: nodeStorage.capacityBytes[i],
          vms: hostVms.count[i],
        }
        return [row]
      }),
    [structure, state, hostVms, nodeStorage],
  )
  return (
    <DataTable
      label="Hosts"
      rows={rows}
      columns={COLUMNS}
      rowKey={(r) => r.id}
      rowTestId={(r) => `host-row-${r.id}`}
      selectedKey={props.selectedId}
      onActivate={(r) => props.onSelect(r.id)}
      exportName="hosts"
    />
  )
}
