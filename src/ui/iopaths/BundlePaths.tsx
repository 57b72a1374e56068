/** Many sessions at once: one curve per (host, Stargate, path) whose width grows with the session count. */
import { useMemo, type CSSProperties } from 'react'
import { curve, entryX, type MapLayout } from './pathLayout'
import { sessionColor } from './pathStyle'
import type { PathKind, Session, SessionState } from './useSessions'

interface Bundle {
  key: string
  host: number
  to: number
  path: PathKind
  state: SessionState
  count: number
}

export function BundlePaths(props: { layout: MapLayout; sessions: Session[] }) {
  const { layout } = props
  const bundles = useMemo(() => {
    const m = new Map<string, Bundle>()
    for (const s of props.sessions) {
      const to = s.state === 'login' ? s.loginTarget : s.stargate
      if (to < 0) continue
      const key = `${s.host}:${to}:${s.state}`
      const b = m.get(key)
      if (b) b.count++
      else m.set(key, { key, host: s.host, to, path: s.path, state: s.state, count: 1 })
    }
    return [...m.values()]
  }, [props.sessions])
  const boxOf = new Map(layout.hosts.map((b) => [b.host, b]))
  return (
    <g data-testid="iopath-bundles">
      {bundles.map((b) => {
        const box = boxOf.get(b.host)
        if (!box) return null
        const x = box.x + box.w / 2
        const d = curve(x, layout.hostsY, entryX(layout, b.to, x), layout.sgBottom)
        return (
          <path key={b.key} className="iop-path" style={{ d: `path("${d}")` } as CSSProperties} stroke={sessionColor(b.path, b.state)} strokeOpacity={0.7} strokeWidth={Math.min(8, 0.8 + Math.sqrt(b.count) * 0.5)}>
            <title>{`${b.count} sessions of ${b.path} path`}</title>
          </path>
        )
      })}
    </g>
  )
}
