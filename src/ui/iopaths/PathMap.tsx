/**
 * The I/O path map: Stargates on top, hosts below, one animated curve per vDisk session.
 * A session that fails over visibly swings from its local Stargate to a remote one (the
 * curve's shape is a CSS transition), and swings back at failback. With more sessions
 * than MAX_DOTS the map draws one bundle per host → Stargate pair instead.
 */
import { useMemo, useState } from 'react'
import { HOST_DOWN, HOST_PARTITIONED } from '../bridge/types'
import { useElementWidth } from '../hardware/useElementWidth'
import { useSim } from '../store/simStore'
import { BundlePaths } from './BundlePaths'
import { HostBoxView, HostLabel } from './HostBoxView'
import { formatCount } from '../format'
import { curve, DOT_R, entryX, layoutMap, SG_H, SG_TOP } from './pathLayout'
import { useStargateColumns } from './useStargateColumns'
import { MAP_CSS } from './pathStyle'
import { SessionPath } from './SessionPath'
import { StargateSlot } from './StargateSlot'
import type { Session } from './useSessions'

export const MAX_DOTS = 1500

export function PathMap(props: { sessions: Session[]; hosts: number[]; highlightVm: number | null }) {
  const [el, setEl] = useState<HTMLDivElement | null>(null)
  const measured = useElementWidth(el)
  // drawn once the width is known: a first layout at a guessed width would be laid out
  // for nothing and then visibly swept into place by the paths' transition
  return (
    <div ref={setEl} className="w-full">
      {measured > 0 && <PathMapBody {...props} width={Math.max(320, measured)} />}
    </div>
  )
}

function PathMapBody(props: { sessions: Session[]; hosts: number[]; highlightVm: number | null; width: number }) {
  const structure = useSim((s) => s.structure)!
  const state = useSim((s) => s.state)
  const io = useSim((s) => s.io)
  const { width } = props
  const columns = useStargateColumns()
  const drawDots = props.sessions.length <= MAX_DOTS
  const layout = useMemo(() => layoutMap(width, columns, props.hosts, props.sessions, drawDots), [width, columns, props.hosts, props.sessions, drawDots])
  const hostState = (h: number) => (state?.hostState[h] === HOST_DOWN ? 'down' : state?.hostState[h] === HOST_PARTITIONED ? 'partitioned' : 'up')
  const cvmUp = (h: number) => state !== null && state.hostState[h] === 0 && state.cvmState[h] === 0
  const counts = { local: 0, remote: 0, none: 0 }
  for (const s of props.sessions) counts[s.path]++
  return (
    <>
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={`I/O paths: ${props.sessions.length} vDisk sessions, ${counts.local} local, ${counts.remote} remote, ${counts.none} without a path`}
        data-testid="iopath-map"
      >
        <style>{MAP_CSS}</style>
        {columns.map((s, c) => ({ node: structure.nodes[s], s, c })).map(({ node, s, c }) => (
          <StargateSlot
            key={node.id}
            id={node.id}
            ip={node.cvmIp}
            x={8 + c * layout.slotW}
            y={SG_TOP}
            w={layout.slotW}
            h={SG_H}
            healthy={cvmUp(s)}
            cutOff={state?.hostState[s] === HOST_PARTITIONED}
            sessions={io?.sgSessions[s] ?? 0}
            remote={io?.sgRemoteSessions[s] ?? 0}
            iops={io?.sgIops[s] ?? 0}
            util={io?.sgUtil[s] ?? 0}
            latencyMs={io?.sgLatencyMs[s] ?? 0}
          />
        ))}
        {layout.hosts.map((b) => (
          <HostBoxView key={b.host} box={b} y={layout.hostsY} id={structure.nodes[b.host].id} hostState={hostState(b.host)} localUp={cvmUp(b.host)} />
        ))}
        {drawDots ? (
          props.sessions.map((s) => {
            const p = layout.dot.get(s.vd)
            if (!p) return null
            const to = s.state === 'login' ? s.loginTarget : s.stargate
            const d = to >= 0 ? curve(p.x, p.y - DOT_R, entryX(layout, to, p.x), layout.sgBottom) : null
            return (
              <SessionPath
                key={s.vd}
                vdiskId={s.vdiskId}
                vmName={structure.vms[s.vm].name}
                stargateId={s.stargate >= 0 ? structure.nodes[s.stargate].id : ''}
                targetId={s.loginTarget >= 0 ? structure.nodes[s.loginTarget].id : null}
                path={s.path}
                state={s.state}
                x={p.x}
                y={p.y}
                d={d}
                latencyMs={io?.vdiskLatencyMs[s.vd] ?? 0}
                dimmed={props.highlightVm !== null && props.highlightVm !== s.vm}
              />
            )
          })
        ) : (
          <BundlePaths layout={layout} sessions={props.sessions} />
        )}
        {layout.hosts.map((b) => (
          <HostLabel key={b.host} box={b} y={layout.hostsY} id={structure.nodes[b.host].id} hostState={hostState(b.host)} localUp={cvmUp(b.host)} />
        ))}
      </svg>
      {!drawDots && (
        <p className="mt-1 text-xs text-slate-500" data-testid="iopath-bundled">
          {formatCount(props.sessions.length)} sessions are drawn as one bundle per host and Stargate; choose a host to see each vDisk session.
        </p>
      )}
    </>
  )
}
