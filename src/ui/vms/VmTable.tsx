/** Prism's VM table, with the columns the model has. Selecting a row shows its details. */
import { DataTable, type Column } from '../common/DataTable'
import { formatBytes } from '../format'
import { formatBandwidth, formatIops, formatLatency } from '../iopaths/ioFormat'
import { PowerStateLabel } from './PowerStateLabel'
import { POWER_WORD, type VmRow } from './vmRows'

/** "3 local", "1 local · 2 remote": where the VM's vDisk sessions are served. */
export function pathsText(p: VmRow['paths']): string {
  const parts = [p.local > 0 ? `${p.local} local` : '', p.remote > 0 ? `${p.remote} remote` : '', p.none > 0 ? `${p.none} none` : ''].filter(Boolean)
  return parts.length === 0 ? '—' : parts.join(' · ')
}

/** "35.2 %" (the model rounds to 0.1) */
export const formatUsagePct = (x: number) => `${(Math.round(x * 10) / 10).toFixed(1)} %`

const COLUMNS: Column<VmRow>[] = [
  { key: 'name', header: 'Name', value: (r) => r.name },
  { key: 'host', header: 'Host', value: (r) => r.host },
  { key: 'ip', header: 'IP addresses', value: (r) => r.ip },
  { key: 'cores', header: 'Cores', value: (r) => r.vcpus, align: 'right' },
  { key: 'memory', header: 'Memory', value: (r) => r.memoryBytes, render: (r) => formatBytes(r.memoryBytes), align: 'right' },
  { key: 'cpuUsage', header: 'CPU Usage', value: (r) => Math.round(r.cpuPct * 10) / 10, render: (r) => formatUsagePct(r.cpuPct), align: 'right' },
  { key: 'memoryUsage', header: 'Memory Usage', value: (r) => Math.round(r.memoryPct * 10) / 10, render: (r) => formatUsagePct(r.memoryPct), align: 'right' },
  { key: 'vdisks', header: 'vDisks', value: (r) => r.vdisks, align: 'right' },
  { key: 'power', header: 'Power state', value: (r) => POWER_WORD[r.power], render: (r) => <PowerStateLabel power={r.power} /> },
  { key: 'readIops', header: 'Controller Read IOPS', value: (r) => Math.round(r.readIops), render: (r) => formatIops(r.readIops), align: 'right' },
  { key: 'writeIops', header: 'Controller Write IOPS', value: (r) => Math.round(r.writeIops), render: (r) => formatIops(r.writeIops), align: 'right' },
  { key: 'bw', header: 'Controller IO Bandwidth', value: (r) => Math.round(r.bandwidthBps), render: (r) => formatBandwidth(r.bandwidthBps), align: 'right' },
  { key: 'latency', header: 'Controller IO Latency', value: (r) => Math.round(r.latencyMs * 100) / 100, render: (r) => formatLatency(r.latencyMs), align: 'right' },
  {
    key: 'errors',
    header: 'I/O errors',
    value: (r) => r.errorsPerSecond,
    render: (r) => (r.errorsPerSecond > 0 ? <span data-testid={`vm-io-errors-${r.id}`} className="font-semibold text-red-700">{formatIops(r.errorsPerSecond)}/s</span> : '0'),
    align: 'right',
  },
  { key: 'iopath', header: 'I/O path', value: (r) => r.ioPath },
  {
    key: 'paths',
    header: 'Stargate paths',
    value: (r) => pathsText(r.paths),
    render: (r) => <span className={r.paths.none > 0 && r.power !== 'off' ? 'text-red-700' : r.paths.remote > 0 ? 'text-amber-700' : undefined}>{pathsText(r.paths)}</span>,
  },
]

/** While a VM's details are open beside the table (1280 px wide), the columns the details repeat stay out of the way. */
const COMPACT = new Set(['name', 'host', 'power', 'cpuUsage', 'memoryUsage', 'readIops', 'latency', 'errors', 'paths'])
const COMPACT_COLUMNS = COLUMNS.filter((c) => COMPACT.has(c.key))

export function VmTable(props: { rows: readonly VmRow[]; selectedId: string | null; onSelect: (id: string) => void; compact?: boolean }) {
  return (
    <DataTable
      label="VMs"
      rows={props.rows}
      columns={props.compact ? COMPACT_COLUMNS : COLUMNS}
      rowKey={(r) => r.id}
      rowTestId={(r) => `vm-row-${r.id}`}
      selectedKey={props.selectedId}
      onActivate={(r) => props.onSelect(r.id)}
      exportName="vms"
    />
  )
}
