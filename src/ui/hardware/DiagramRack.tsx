/** A rack: a light frame with a labelled header strip (the control) holding its blocks. */
import { memo } from 'react'
import type { Structure } from '../bridge/types'
import type { DiagramLayout } from './diagramLayout'
import type { UnitState } from './entities'
import { RACK_COLORS, SELECTED } from './palette'
import { FOCUS_RING_CLASS, svgButtonProps } from './svgButton'

type Rack = Structure['racks'][number]

export const DiagramRack = memo(function DiagramRack(props: {
  rack: Rack
  nodeCount: number
  geometry: DiagramLayout['racks'][number]
  state: UnitState
  selected: boolean
  onActivate: (kind: 'rack', id: string, el: SVGGElement) => void
}) {
  const { rack, geometry, state, selected } = props
  const { frame, header } = geometry
  const c = RACK_COLORS[state]
  const cy = header.y + header.h / 2
  const counts = `${rack.blocks.length} ${rack.blocks.length === 1 ? 'block' : 'blocks'} · ${props.nodeCount} ${props.nodeCount === 1 ? 'node' : 'nodes'}`
  const idW = (rack.id.length + 5) * 6.6
  const showCounts = header.w - 16 - idW >= counts.length * 5.6
  const label = `Rack ${rack.id}, ${counts}, ${state}`
  return (
    <>
      <rect x={frame.x} y={frame.y} width={frame.w} height={frame.h} rx={5} fill={c.frame} stroke={selected ? SELECTED : c.stroke} strokeWidth={selected ? 2 : 1} />
      <g data-testid={`rack-${rack.id}`} data-state={state} {...svgButtonProps(label, (el) => props.onActivate('rack', rack.id, el))}>
        <title>{label}</title>
        <rect x={header.x} y={header.y} width={header.w} height={header.h} rx={5} fill={c.header} />
        <rect x={header.x} y={header.y + header.h - 5} width={header.w} height={5} fill={c.header} />
        <text x={header.x + 8} y={cy} dy="0.35em" fontSize={11} fontWeight={700} fill={c.text}>
          <tspan fontWeight={400}>Rack </tspan>
          {rack.id}
        </text>
        <text x={header.x + header.w - 8} y={cy} dy="0.35em" textAnchor="end" fontSize={11} fontWeight={state === 'down' ? 700 : 400} fill={c.text}>
          {state === 'down' ? 'DOWN' : showCounts ? counts : ''}
        </text>
        <rect x={header.x + 1} y={header.y + 1} width={header.w - 2} height={header.h - 2} rx={5} strokeWidth={2} className={FOCUS_RING_CLASS} />
      </g>
    </>
  )
})
