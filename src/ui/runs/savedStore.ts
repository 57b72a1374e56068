/**
 * Saved runs and scenarios, kept in the browser's localStorage under one key per kind.
 * Saving never replaces an entry of the same name unless asked to; a stored list that
 * can't be read is never overwritten (the problem is reported instead).
 */
import { useSyncExternalStore } from 'react'

export interface SavedItem<T = unknown> {
  name: string
  /** when it was saved (browser clock, ISO 8601) */
  savedAt: string
  data: T
}

export type SavedKind = 'runs' | 'scenarios'
const KEYS: Record<SavedKind, string> = { runs: 'prism-sim.saved-runs', scenarios: 'prism-sim.saved-scenarios' }
const listeners = new Set<() => void>()
const cache = new Map<string, { raw: string | null; value: SavedList }>()

export interface SavedList {
  items: SavedItem[]
  /** the stored list could not be read (it is left as it is) */
  problem: string | null
}

function read(kind: SavedKind): SavedList {
  const raw = window.localStorage.getItem(KEYS[kind])
  const hit = cache.get(kind)
  if (hit && hit.raw === raw) return hit.value
  let value: SavedList
  if (raw === null) value = { items: [], problem: null }
  else {
    try {
      const parsed = JSON.parse(raw) as unknown
      if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'object' && x !== null && typeof (x as SavedItem).name === 'string'))
        throw new Error('not a list of named entries')
      value = { items: parsed as SavedItem[], problem: null }
    } catch (e) {
      value = { items: [], problem: `the saved ${kind} in this browser can't be read (${(e as Error).message}); they are left untouched` }
    }
  }
  cache.set(kind, { raw, value })
  return value
}

function write(kind: SavedKind, items: SavedItem[]): void {
  const cur = read(kind)
  if (cur.problem) throw new Error(cur.problem)
  try {
    window.localStorage.setItem(KEYS[kind], JSON.stringify(items))
  } catch (e) {
    throw new Error(`could not save: ${(e as Error).message}`, { cause: e })
  }
  listeners.forEach((l) => l())
}

export function listSaved(kind: SavedKind): SavedList {
  return read(kind)
}

/** Save under `name`. Returns 'exists' (and saves nothing) when the name is taken and `replace` is not set. */
export function saveItem(kind: SavedKind, name: string, data: unknown, replace = false): 'saved' | 'exists' {
  const n = name.trim()
  if (n === '') throw new Error('name: must not be empty')
  if (n.length > 100) throw new Error('name: must be at most 100 characters')
  const items = read(kind).items
  const i = items.findIndex((x) => x.name === n)
  if (i >= 0 && !replace) return 'exists'
  const entry: SavedItem = { name: n, savedAt: new Date().toISOString(), data }
  write(kind, i >= 0 ? items.map((x, k) => (k === i ? entry : x)) : [...items, entry])
  return 'saved'
}

export function deleteItem(kind: SavedKind, name: string): void {
  write(kind, read(kind).items.filter((x) => x.name !== name))
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb)
  window.addEventListener('storage', cb)
  return () => {
    listeners.delete(cb)
    window.removeEventListener('storage', cb)
  }
}

/** The saved list of a kind, re-read when it changes (in this tab or another). */
export function useSaved(kind: SavedKind): SavedList {
  return useSyncExternalStore(subscribe, () => read(kind))
}
