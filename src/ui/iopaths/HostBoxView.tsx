/**
 * A host in the map's bottom row: its name, its iSCSI redirector and the state of its local
 * Stargate. Drawn in two layers: the box under the session paths, the label over them.
 */
import type { HostBox } from './pathLayout'

type HostState = 'up' | 'down' | 'partitioned'

function redirectorText(hostState: HostState, localUp: boolean, short = false): string {
  if (hostState === 'down') return 'host down'
  if (hostState === 'partitioned') return 'partitioned'
  // a narrow box (12 hosts at 1280 px) says only what changes
  if (short) return localUp ? 'local up' : 'local down'
  return localUp ? 'redirector · local up' : 'redirector · local down'
}

export function HostBoxView(props: { box: HostBox; y: number; id: string; hostState: HostState; localUp: boolean }) {
  const { box, y } = props
  const fill = props.hostState === 'down' ? '#f1f5f9' : props.hostState === 'partitioned' ? '#fff7ed' : '#ffffff'
  return (
    <g data-testid={`iohost-${props.id}`} data-state={props.hostState}>
      <title>{`Host ${props.id}: iSCSI redirector 127.0.0.1:3261 (${redirectorText(props.hostState, props.localUp)}); ${box.sessions.length} vDisk sessions`}</title>
      <rect x={box.x + 2} y={y} width={Math.max(2, box.w - 4)} height={box.h} rx={4} fill={fill} stroke="#cbd5e1" />
    </g>
  )
}

export function HostLabel(props: { box: HostBox; y: number; id: string; hostState: HostState; localUp: boolean }) {
  const { box, y } = props
  if (box.w < 60) return null
  const bad = props.hostState !== 'up' || !props.localUp
  return (
    <g pointerEvents="none">
      <rect x={box.x + 3} y={y + 1} width={Math.max(2, box.w - 6)} height={29} rx={3} fill="#ffffff" fillOpacity={0.85} />
      <text x={box.x + 7} y={y + 13} fontSize={11} fontWeight={600} fill="#0f172a">
        {props.id}
      </text>
      <text x={box.x + 7} y={y + 26} fontSize={11} fill={bad ? '#b91c1c' : '#475569'}>
        {redirectorText(props.hostState, props.localUp, box.w < 130)}
      </text>
    </g>
  )
}
