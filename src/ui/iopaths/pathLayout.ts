/**
 * Geometry of the I/O path map: a row of Stargates (one per CVM) above a row of hosts,
 * each host holding one dot per vDisk session; a session is a curve from its dot up to
 * the Stargate serving it. Pure: sizes in, coordinates out.
 */
import type { Session } from './useSessions'

export const PAD = 8
export const SG_TOP = 6
export const SG_H = 58
export const PATH_GAP = 130
export const HOST_HEADER = 34
export const CELL = 11
export const DOT_R = 3.4

export interface HostBox {
  host: number
  x: number
  w: number
  h: number
  sessions: Session[]
}

export interface MapLayout {
  width: number
  height: number
  slotW: number
  sgBottom: number
  hostsY: number
  hosts: HostBox[]
  /** dot centre per vDisk index */
  dot: Map<number, { x: number; y: number }>
  /** the Stargate column of each node index (-1: not drawn, a node removed from the cluster) */
  col: Int32Array
}

export function layoutMap(width: number, columns: readonly number[], shownHosts: number[], sessions: Session[], drawDots: boolean): MapLayout {
  const nodeCount = columns.length
  const col = new Int32Array(Math.max(0, ...columns.map((c) => c + 1), ...shownHosts.map((h) => h + 1))).fill(-1)
  columns.forEach((n, i) => (col[n] = i))
  const slotW = (width - 2 * PAD) / Math.max(1, nodeCount)
  const sgBottom = SG_TOP + SG_H
  const hostsY = sgBottom + PATH_GAP
  const byHost = new Map<number, Session[]>(shownHosts.map((h) => [h, []]))
  for (const s of sessions) byHost.get(s.host)?.push(s)
  const aligned = shownHosts.length === nodeCount
  const boxW = aligned ? slotW : (width - 2 * PAD) / Math.max(1, shownHosts.length)
  const dot = new Map<number, { x: number; y: number }>()
  const hosts: HostBox[] = shownHosts.map((h, i) => {
    const x = PAD + (aligned ? Math.max(0, col[h]) : i) * boxW
    const list = byHost.get(h) ?? []
    const cols = Math.max(1, Math.floor((boxW - 10) / CELL))
    const rows = drawDots ? Math.ceil(list.length / cols) : 0
    if (drawDots) {
      list.forEach((s, k) => {
        dot.set(s.vd, { x: x + 5 + (k % cols) * CELL + CELL / 2, y: hostsY + HOST_HEADER + Math.floor(k / cols) * CELL + CELL / 2 })
      })
    }
    return { host: h, x, w: boxW, h: HOST_HEADER + rows * CELL + 8, sessions: list }
  })
  const tallest = hosts.reduce((m, b) => Math.max(m, b.h), HOST_HEADER + 8)
  return { width, height: hostsY + tallest + PAD, slotW, sgBottom, hostsY, hosts, dot, col }
}

/**
 * Where a path from x (a session's dot) enters Stargate s: near the slot's centre for its
 * own host's sessions (nearly vertical), towards the side it comes from for remote ones.
 */
export function entryX(layout: MapLayout, s: number, fromX: number): number {
  const c = PAD + (Math.max(0, layout.col[s] ?? 0) + 0.5) * layout.slotW
  const lim = layout.slotW * 0.42
  return c + Math.max(-lim, Math.min(lim, (fromX - c) * 0.6))
}

/** A vertical S-curve from (x1, y1) up to (x2, y2). */
export function curve(x1: number, y1: number, x2: number, y2: number): string {
  const mid = (y1 + y2) / 2
  return `M${x1.toFixed(1)} ${y1.toFixed(1)} C${x1.toFixed(1)} ${mid.toFixed(1)} ${x2.toFixed(1)} ${mid.toFixed(1)} ${x2.toFixed(1)} ${y2.toFixed(1)}`
}
