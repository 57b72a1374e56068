/** Prism's VM table, with the columns the model has. Selecting a row shows its details. */
import { DataTable, type Column } from '../common/DataTable'
import { formatBytes } from '../format'
import { PowerStateLabel } from './PowerStateLabel'
import { POWER_WORD, type VmRow } from './vmRows'

const COLUMNS: Column<VmRow>[] = [
  { key: 'name', header: 'Name', value: (r) => r.name },
  { key: 'host', header: 'Host', value: (r) => r.host },
  { key: 'ip', header: 'IP addresses', value: (r) => r.ip },
  { key: 'cores', header: 'Cores', value: (r) => r.vcpus, align: 'right' },
  { key: 'memory', header: 'Memory', value: (r) => r.memoryBytes, render: (r) => formatBytes(r.memoryBytes), align: 'right' },
  { key: 'vdisks', header: 'vDisks', value: (r) => r.vdisks, align: 'right' },
  { key: 'power', header: 'Power state', value: (r) => POWER_WORD[r.power], render: (r) => <PowerStateLabel power={r.power} /> },
  { key: 'iopath', header: 'I/O path', value: (r) => r.ioPath },
]

export function VmTable(props: { rows: readonly VmRow[]; selectedId: string | null; onSelect: (id: string) => void }) {
  return (
    <DataTable
      label="VMs"
      rows={props.rows}
      columns={COLUMNS}
      rowKey={(r) => r.id}
      rowTestId={(r) => `vm-row-${r.id}`}
      selectedKey={props.selectedId}
      onActivate={(r) => props.onSelect(r.id)}
      exportName="vms"
    />
  )
}
