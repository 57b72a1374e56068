/** Hash routes (DRILL-API.md §4) and the page menu's names. */
import { useSyncExternalStore } from 'react'

export const PAGES = [
  { id: 'home', name: 'Home' },
  { id: 'health', name: 'Health' },
  { id: 'vms', name: 'VM' },
  { id: 'storage', name: 'Storage' },
  { id: 'hardware', name: 'Hardware' },
  { id: 'io-paths', name: 'I/O Paths' },
  { id: 'xray', name: 'X-Ray' },
  { id: 'ha', name: 'VM High Availability' },
  { id: 'metadata', name: 'Metadata' },
  { id: 'analysis', name: 'Analysis' },
  { id: 'alerts', name: 'Alerts' },
  { id: 'tasks', name: 'Tasks' },
  { id: 'runs', name: 'Runs' },
  { id: 'settings', name: 'Settings' },
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
