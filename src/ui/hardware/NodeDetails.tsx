/** Host details (PRISM-UI.md → Hardware): names, IPs, block, capacity, memory, cores, VMs, roles. */
import { formatBytes, formatPct } from '../format'
import { DetailsList } from './DetailsList'
import { CVM_STATE_NAMES, nodeState, nodeStateText } from './entities'
import { StateText, toneOf } from './StateText'
import type { HardwareData } from './useHardwareData'

export function NodeDetails(props: { data: HardwareData; index: number }) {
  const { structure, state, hostVms, nodeStorage } = props.data
  const i = props.index
  const node = structure.nodes[i]
  const block = structure.blocks[node.block]
  const rack = structure.racks[node.rack]
  const st = nodeState(state, i)
  const cvm = CVM_STATE_NAMES[state.cvmState[i]] ?? 'up'
  const cap = nodeStorage.capacityBytes[i]
  const used = nodeStorage.usedBytes[i]
  const ssd = node.disks.filter((d) => structure.disks[d].tier === 'SSD').length
  const roles = [
    state.zookeeper.includes(i) && 'Zookeeper',
    state.leader === i && 'Acropolis leader',
    state.ringMember[i] === 1 && 'Metadata ring',
  ].filter((x): x is string => typeof x === 'string')
  return (
    <DetailsList
      testId="host-details"
      rows={[
        { label: 'Host Name', value: node.id },
        { label: 'Host State', value: <StateText tone={toneOf(st)}>{nodeStateText(st)}</StateText> },
        { label: 'Hypervisor IP', value: node.hostIp },
        { label: 'CVM IP', value: node.cvmIp },
        { label: 'CVM State', value: <StateText tone={toneOf(cvm)}>{cvm === 'up' ? 'Up' : 'Down'}</StateText> },
        { label: 'Node Serial', value: node.serial },
        { label: 'Block Serial', value: `${block.serial} (${block.id})` },
        { label: 'Block Model', value: block.model },
        { label: 'Rack', value: rack.id },
        { label: 'Storage Capacity', value: formatBytes(cap) },
        { label: 'Storage Used', value: `${formatBytes(used)} (${formatPct(cap > 0 ? used / cap : 0)})` },
        { label: 'Disks', value: `${node.disks.length} (${ssd} SSD, ${node.disks.length - ssd} HDD)` },
        { label: 'Memory', value: `${formatBytes(node.memoryBytes)} (CVM ${formatBytes(node.cvmMemoryBytes)})` },
        { label: 'Memory Used by VMs', value: formatBytes(hostVms.memoryBytes[i]) },
        { label: 'CPU Cores', value: String(node.cpuCores) },
        { label: 'No. of VMs', value: String(hostVms.count[i]) },
        { label: 'Roles', value: roles.length > 0 ? roles.join(', ') : '—' },
      ]}
    />
  )
}
