/** One vDisk session: a dot on its host and a curve up to the Stargate serving it (or logging in to). */
import { memo, type CSSProperties } from 'react'
import { DOT_R } from './pathLayout'
import { sessionColor, STATE_WORD } from './pathStyle'
import type { PathKind, SessionState } from './useSessions'

export const SessionPath = memo(function SessionPath(props: {
  vdiskId: string
  vmName: string
  stargateId: string
  targetId: string | null
  path: PathKind
  state: SessionState
  x: number
  y: number
  /** the curve, or null when there is no session */
  d: string | null
  latencyMs: number
  dimmed: boolean
}) {
  const color = sessionColor(props.path, props.state)
  const flow = props.state === 'active' && props.path === 'remote'
  const cls = `iop-path${flow ? ' iop-flow' : ''}${props.state === 'stalled' || props.state === 'login' ? ' iop-wait' : ''}`
  const where = props.state === 'login' ? `logging in to ${props.targetId ?? '?'}` : props.stargateId ? `${props.path} → Stargate ${props.stargateId}` : 'no Stargate'
  return (
    <g data-testid={`iopath-${props.vdiskId}`} data-stargate={props.stargateId} data-path={props.path} data-session={props.state} opacity={props.dimmed ? 0.15 : 1}>
      <title>{`${props.vdiskId} (${props.vmName}): ${where}; ${STATE_WORD[props.state]}${props.state === 'active' ? `, ${props.latencyMs.toFixed(2)} ms` : ''}`}</title>
      {props.d && <path className={cls} style={{ d: `path("${props.d}")` } as CSSProperties} stroke={color} strokeWidth={props.path === 'remote' ? 1.6 : 1.1} strokeOpacity={0.8} />}
      <circle cx={props.x} cy={props.y} r={DOT_R} fill={color} stroke="#fff" strokeWidth={0.8} />
    </g>
  )
})
