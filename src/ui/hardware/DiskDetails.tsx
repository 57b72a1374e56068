/** Disk details: id, serial, host, tier, used / capacity, status, mode. */
import { formatBytes, formatPct } from '../format'
import { DetailsList } from './DetailsList'
import { diskState, diskStatusWords } from './entities'
import { StateText, toneOf } from './StateText'
import type { HardwareData } from './useHardwareData'

export function DiskDetails(props: { data: HardwareData; index: number }) {
  const { structure, state } = props.data
  const d = structure.disks[props.index]
  const used = state.diskUsedBytes[props.index] ?? 0
  const mode = diskState(state, props.index)
  return (
    <DetailsList
      testId="disk-details"
      rows={[
        { label: 'ID', value: d.id },
        { label: 'Serial Number', value: d.serial },
        { label: 'Host Name', value: structure.nodes[d.node].id },
        { label: 'Storage Tier', value: d.tier },
        { label: 'Used (Physical)', value: formatBytes(used) },
        { label: 'Capacity (Physical)', value: formatBytes(d.capacityBytes) },
        { label: 'Usage', value: formatPct(d.capacityBytes > 0 ? used / d.capacityBytes : 0, 1) },
        { label: 'Status', value: <span data-testid="disk-status">{diskStatusWords(state, props.index)}</span> },
        { label: 'Mode', value: <StateText tone={toneOf(mode)}>{mode}</StateText> },
      ]}
    />
  )
}
