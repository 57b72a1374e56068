/** Hash routes (DRILL-API.md §4) and the page menu's names. */
import { useSyncExternalStore } from 'react'

/** Prism Element's pages, then the simulator's own (`sim: true`, the menu's "Simulator" group). */
export const PAGES = [
  { id: 'home', name: 'Home', sim: false },
  { id: 'health', name: 'Health', sim: false },
  { id: 'vms', name: 'VM', sim: false },
  { id: 'storage', name: 'Storage', sim: false },
  { id: 'hardware', name: 'Hardware', sim: false },
  { id: 'analysis', name: 'Analysis', sim: false },
  { id: 'alerts', name: 'Alerts', sim: false },
  { id: 'tasks', name: 'Tasks', sim: false },
  { id: 'settings', name: 'Settings', sim: false },
  { id: 'io-paths', name: 'I/O Paths', sim: true },
  { id: 'xray', name: 'X-Ray', sim: true },
  { id: 'ha', name: 'VM High Availability', sim: true },
  { id: 'metadata', name: 'Metadata', sim: true },
  { id: 'runs', name: 'Runs', sim: true },
] as const

export type PageId = (typeof PAGES)[number]['id']

export interface Route {
  page: PageId
  /** sub-view, e.g. "diagram" in #/hardware/diagram */
  view: string | null
  unknown: string | null
}

function parse(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0]
  const [page, view] = path.split('/')
  if (page === '' || page === undefined) return { page: 'home', view: null, unknown: null }
  const known = PAGES.find((p) => p.id === page)
  if (!known) return { page: 'home', view: null, unknown: page }
  return { page: known.id, view: view || null, unknown: null }
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb)
  return () => window.removeEventListener('hashchange', cb)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return parse(hash)
}

export function navigate(page: PageId, view?: string | null): void {
  window.location.hash = `#/${page}${view ? `/${view}` : ''}`
}

export function pageName(id: PageId): string {
  return PAGES.find((p) => p.id === id)!.name
}
