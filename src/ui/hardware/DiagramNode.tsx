/**
 * A node (host) sled in a block: state colour, name, state word, role badges. Its disk
 * slots are separate controls the diagram draws after it, in the same group. Every prop
 * is a primitive or a stable object, so memo skips the sleds a delta did not change.
 */
import { memo } from 'react'
import type { Structure } from '../bridge/types'
import type { DiagramLayout } from './diagramLayout'
import { METRICS } from './diagramLayout'
import { nodeStateText, type NodeState } from './entities'
import { NODE_COLORS, SELECTED } from './palette'
import { RoleBadges, roleNames } from './RoleBadges'
import { FOCUS_RING_CLASS, svgButtonProps } from './svgButton'

type Node = Structure['nodes'][number]

export const DiagramNode = memo(function DiagramNode(props: {
  node: Node
  geometry: DiagramLayout['nodes'][number]
  compact: boolean
  showIp: boolean
  state: NodeState
  zookeeper: boolean
  leader: boolean
  ring: boolean
  vmCount: number
  selected: boolean
  onActivate: (kind: 'node', id: string, el: SVGGElement) => void
}) {
  const { node, geometry, state, selected, compact } = props
  const roleSet = { zookeeper: props.zookeeper, leader: props.leader, ring: props.ring }
  const { frame, header } = geometry
  const c = NODE_COLORS[state]
  const pad = METRICS.nodePad
  const line1 = header.y + 3 + METRICS.headerLine / 2
  const line2 = line1 + METRICS.headerLine
  const nameX = header.x + pad + 11
  const nameEnd = nameX + node.id.length * METRICS.nameChar
  const roles = roleNames(roleSet)
  const label = `Host ${node.id}, ${nodeStateText(state)}, ${props.vmCount} VMs${roles.length ? `, ${roles.join(', ')}` : ''}`
  const stateWord = state === 'up' ? null : nodeStateText(state)
  const infoX = nameEnd + 8 + (stateWord ? stateWord.length * 6.8 + 8 : 0)
  // what fits between the name and the role badges (roles take at most ~110px)
  const infoRoom = header.x + header.w - pad - 110 - infoX
  const vms = `${props.vmCount} ${props.vmCount === 1 ? 'VM' : 'VMs'}`
  const full = `${node.hostIp} · CVM ${node.cvmIp} · ${vms}`
  const info = infoRoom >= full.length * 6.1 ? full : infoRoom >= (node.hostIp.length + vms.length + 3) * 6.1 ? `${node.hostIp} · ${vms}` : node.hostIp
  return (
    <>
      <rect
        x={frame.x}
        y={frame.y}
        width={frame.w}
        height={frame.h}
        rx={3}
        fill={c.fill}
        stroke={selected ? SELECTED : c.stroke}
        strokeWidth={selected ? 2 : 1}
        strokeDasharray={state === 'partitioned' ? '5 3' : undefined}
      />
      <g data-testid={`node-${node.id}`} data-state={state} {...svgButtonProps(label, (el) => props.onActivate('node', node.id, el))}>
        <title>{label}</title>
        <rect x={header.x} y={header.y} width={header.w} height={header.h} fill="transparent" />
        <circle cx={header.x + pad + 4} cy={line1} r={4} fill={c.dot} />
        <text x={nameX} y={line1} dy="0.35em" fontSize={11} fontWeight={600} fill="#1e293b">
          {node.id}
        </text>
        {stateWord && (
          <text
            x={compact ? header.x + header.w - pad : nameEnd + 8}
            y={line1}
            dy="0.35em"
            textAnchor={compact ? 'end' : 'start'}
            fontSize={11}
            fontWeight={700}
            fill={c.text}
          >
            {stateWord}
          </text>
        )}
        {props.showIp && (
          <text x={infoX} y={line1} dy="0.35em" fontSize={11} fill="#64748b">
            {info}
          </text>
        )}
        <RoleBadges
          x={compact ? nameX : header.x + header.w - pad}
          cy={compact ? line2 : line1}
          align={compact ? 'start' : 'end'}
          roles={roleSet}
        />
        <rect x={header.x + 1} y={header.y + 1} width={header.w - 2} height={header.h - 2} rx={3} strokeWidth={2} className={FOCUS_RING_CLASS} />
      </g>
    </>
  )
})
