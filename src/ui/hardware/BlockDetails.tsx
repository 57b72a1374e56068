/** Block (chassis) details: model, serial, rack, nodes. */
import { DetailsList } from './DetailsList'
import { blockState, nodeState } from './entities'
import { StateText, toneOf } from './StateText'
import type { HardwareData } from './useHardwareData'

export function BlockDetails(props: { data: HardwareData; index: number }) {
  const { structure, state } = props.data
  const b = structure.blocks[props.index]
  const st = blockState(structure, state, props.index)
  const up = b.nodes.filter((n) => nodeState(state, n) !== 'down').length
  return (
    <DetailsList
      testId="block-details"
      rows={[
        { label: 'Block ID', value: b.id },
        { label: 'Block Model', value: b.model },
        { label: 'Block Serial', value: b.serial },
        { label: 'Rack', value: structure.racks[b.rack].id },
        { label: 'State', value: <StateText tone={toneOf(st)}>{st}</StateText> },
        { label: 'Nodes', value: `${b.nodes.length} (${up} running)` },
        { label: 'Hosts', value: b.nodes.map((n) => structure.nodes[n].id).join(', ') },
      ]}
    />
  )
}
