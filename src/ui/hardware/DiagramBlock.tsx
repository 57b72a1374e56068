/** A block drawn as a chassis: a dark header plate (the control) around its node sleds. */
import { memo } from 'react'
import type { Structure } from '../bridge/types'
import type { DiagramLayout } from './diagramLayout'
import type { UnitState } from './entities'
import { BLOCK_COLORS, SELECTED } from './palette'
import { FOCUS_RING_CLASS, svgButtonProps } from './svgButton'

type Block = Structure['blocks'][number]

export const DiagramBlock = memo(function DiagramBlock(props: {
  block: Block
  geometry: DiagramLayout['blocks'][number]
  state: UnitState
  selected: boolean
  onActivate: (kind: 'block', id: string, el: SVGGElement) => void
}) {
  const { block, geometry, state, selected } = props
  const { frame, header } = geometry
  const c = BLOCK_COLORS[state]
  const cy = header.y + header.h / 2
  // what fits on the plate: id, then model, then serial
  const room = header.w - 16 - (state === 'down' ? 40 : 0)
  const idW = block.id.length * 6.6
  const modelW = (block.model.length + 3) * 5.8
  const serialW = (block.serial.length + 7) * 5.8
  const label = `Block ${block.id}, model ${block.model}, serial ${block.serial}, ${block.nodes.length} nodes, ${state}`
  return (
    <>
      <rect x={frame.x} y={frame.y} width={frame.w} height={frame.h} rx={4} fill={c.frame} stroke={selected ? SELECTED : c.stroke} strokeWidth={selected ? 2 : 1} />
      <g data-testid={`block-${block.id}`} data-state={state} {...svgButtonProps(label, (el) => props.onActivate('block', block.id, el))}>
        <title>{label}</title>
        <rect x={header.x} y={header.y} width={header.w} height={header.h} rx={4} fill={c.header} />
        <rect x={header.x} y={header.y + header.h - 4} width={header.w} height={4} fill={c.header} />
        <text x={header.x + 8} y={cy} dy="0.35em" fontSize={11} fontWeight={700} fill={c.text}>
          {block.id}
          {room >= idW + modelW && (
            <tspan fontWeight={400} fillOpacity={0.85}>
              {` · ${block.model}`}
            </tspan>
          )}
          {room >= idW + modelW + serialW && (
            <tspan fontWeight={400} fillOpacity={0.7}>
              {` · S/N ${block.serial}`}
            </tspan>
          )}
        </text>
        {state === 'down' && (
          <text x={header.x + header.w - 8} y={cy} dy="0.35em" textAnchor="end" fontSize={11} fontWeight={700} fill={c.text}>
            DOWN
          </text>
        )}
        <rect x={header.x - 1} y={header.y - 1} width={header.w + 2} height={header.h + 2} rx={4} strokeWidth={2} className={FOCUS_RING_CLASS} />
      </g>
    </>
  )
})
