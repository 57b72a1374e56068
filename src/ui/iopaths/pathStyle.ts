/** Colours and words of the I/O path map (local green, remote amber, stalled red, login blue). */
import type { PathKind, SessionState } from './useSessions'

export const PATH_COLOR = { local: '#16a34a', remote: '#d97706', stalled: '#dc2626', login: '#0284c7', none: '#dc2626' } as const

export function sessionColor(path: PathKind, state: SessionState): string {
  if (state === 'stalled') return PATH_COLOR.stalled
  if (state === 'login') return PATH_COLOR.login
  if (state === 'none') return PATH_COLOR.none
  return PATH_COLOR[path]
}

export const STATE_WORD: Record<SessionState, string> = {
  active: 'active',
  stalled: 'stalled: its Stargate stopped answering, waiting for the redirector',
  login: 'logging in',
  none: 'no path',
}

/** Utilisation colour of a Stargate's load bar. */
export function loadColor(util: number): string {
  if (util >= 0.9) return '#dc2626'
  if (util >= 0.7) return '#d97706'
  return '#0ea5e9'
}

/** Keyframes and transitions of the map, in one place; motion off when the user asks for less. */
export const MAP_CSS = `
.iop-path { transition: d 0.9s ease-in-out, stroke 0.3s; fill: none; }
.iop-flow { stroke-dasharray: 5 5; animation: iop-flow 0.9s linear infinite; }
.iop-wait { stroke-dasharray: 2 4; }
@keyframes iop-flow { to { stroke-dashoffset: -20; } }
@media (prefers-reduced-motion: reduce) { .iop-path { transition: none; } .iop-flow { animation: none; } }
`
