/** One Stargate (a CVM) in the map's top row: state, vDisk sessions served and its queue's load. */
import { memo } from 'react'
import { formatIops } from './ioFormat'
import { loadColor } from './pathStyle'

export const StargateSlot = memo(function StargateSlot(props: {
  id: string
  ip: string
  x: number
  y: number
  w: number
  h: number
  healthy: boolean
  sessions: number
  remote: number
  iops: number
  util: number
  latencyMs: number
  /** its host is partitioned off: the Stargate may run, but this side of the cluster cannot reach it */
  cutOff?: boolean
}) {
  const { x, y, w, h } = props
  const inner = Math.max(2, w - 4)
  const narrow = w < 46
  const bar = Math.min(1, props.util)
  const down = props.cutOff ? 'cut off' : 'down'
  return (
    <g data-testid={`stargate-${props.id}`} data-state={props.healthy ? 'up' : 'down'} data-sessions={props.sessions} data-remote={props.remote}>
      <title>{`Stargate on ${props.id} (${props.ip}:3261) ${props.healthy ? 'up' : props.cutOff ? 'unreachable (its host is partitioned off)' : 'down'}: ${props.sessions} vDisk sessions (${props.remote} remote), ${formatIops(props.iops)} IOPS, ${Math.round(props.util * 100)}% busy, ${props.latencyMs.toFixed(2)} ms`}</title>
      <rect x={x + 2} y={y} width={inner} height={h} rx={3} fill={props.healthy ? '#f8fafc' : '#fef2f2'} stroke={props.healthy ? '#94a3b8' : '#dc2626'} strokeWidth={props.healthy ? 1 : 1.5} />
      {!narrow && (
        <text x={x + w / 2} y={y + 13} textAnchor="middle" fontSize={11} fontWeight={600} fill="#1e293b">
          {props.id}
        </text>
      )}
      <text x={x + w / 2} y={y + (narrow ? 14 : 26)} textAnchor="middle" fontSize={narrow ? 10 : 11} fill={props.healthy ? '#475569' : '#b91c1c'}>
        {!props.healthy ? down : narrow ? props.sessions : props.remote === 0 ? `${props.sessions} sess` : w >= 110 ? `${props.sessions} sess · ${props.remote} rem` : `${props.sessions} · ${props.remote} rem`}
      </text>
      {/* the one queue: utilisation bar */}
      <rect x={x + 5} y={y + h - 14} width={Math.max(1, inner - 6)} height={6} rx={2} fill="#e2e8f0" />
      <rect x={x + 5} y={y + h - 14} width={Math.max(0, (inner - 6) * bar)} height={6} rx={2} fill={loadColor(props.util)} style={{ transition: 'width 0.6s' }} />
    </g>
  )
})
