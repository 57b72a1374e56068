/** Rack (fault domain) details: blocks and nodes it holds. */
import { DetailsList } from './DetailsList'
import { rackState } from './entities'
import { StateText, toneOf } from './StateText'
import type { HardwareData } from './useHardwareData'

export function RackDetails(props: { data: HardwareData; index: number }) {
  const { structure, state } = props.data
  const r = structure.racks[props.index]
  const st = rackState(structure, state, props.index)
  const nodes = r.blocks.reduce((n, b) => n + structure.blocks[b].nodes.length, 0)
  return (
    <DetailsList
      testId="rack-details"
      rows={[
        { label: 'Rack ID', value: r.id },
        { label: 'State', value: <StateText tone={toneOf(st)}>{st}</StateText> },
        { label: 'Blocks', value: `${r.blocks.length}: ${r.blocks.map((b) => structure.blocks[b].id).join(', ')}` },
        { label: 'Nodes', value: String(nodes) },
      ]}
    />
  )
}
