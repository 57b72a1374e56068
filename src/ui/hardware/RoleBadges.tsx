/** A node's cluster roles as small SVG pills: Zookeeper, Acropolis leader, metadata ring. */
import { badgeWidth } from './diagramLayout'

export interface NodeRoles {
  zookeeper: boolean
  leader: boolean
  ring: boolean
}

const BADGES = [
  { key: 'leader', text: 'Leader', title: 'Acropolis leader', fill: '#e0f2fe', stroke: '#7dd3fc', color: '#075985' },
  { key: 'zookeeper', text: 'ZK', title: 'Zookeeper server', fill: '#ede9fe', stroke: '#c4b5fd', color: '#5b21b6' },
  { key: 'ring', text: 'Ring', title: 'Metadata ring member', fill: '#f1f5f9', stroke: '#cbd5e1', color: '#475569' },
] as const

export function roleNames(roles: NodeRoles): string[] {
  return BADGES.filter((b) => roles[b.key]).map((b) => b.title)
}

/** Pills laid out from `x` (left edge, or right edge when align is "end"), centred on `cy`. */
export function RoleBadges(props: { x: number; cy: number; align: 'start' | 'end'; roles: NodeRoles }) {
  const shown = BADGES.filter((b) => props.roles[b.key])
  const widths = shown.map((b) => badgeWidth(b.text))
  const total = widths.reduce((a, w) => a + w, 0) + Math.max(0, shown.length - 1) * 3
  const start = props.align === 'start' ? props.x : props.x - total
  const lefts = widths.map((_, i) => start + widths.slice(0, i).reduce((a, w) => a + w + 3, 0))
  return (
    <g aria-hidden="true">
      {shown.map((b, i) => {
        const w = widths[i]
        const left = lefts[i]
        return (
          <g key={b.key} data-role={b.key}>
            <title>{b.title}</title>
            <rect x={left} y={props.cy - 6.5} width={w} height={13} rx={6.5} fill={b.fill} stroke={b.stroke} strokeWidth={0.75} />
            <text x={left + w / 2} y={props.cy} dy="0.35em" textAnchor="middle" fontSize={10} fontWeight={600} fill={b.color}>
              {b.text}
            </text>
          </g>
        )
      })}
    </g>
  )
}
