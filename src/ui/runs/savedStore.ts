/**
 * Saved runs and scenarios, kept in the browser's localStorage under one key per kind.
 * Saving never replaces an entry of the same name unless asked to; a stored list that
 * can't be read is never overwritten (the problem is reported instead). Each entry is checked
 * against its schema when read (issue 21): a bad one is listed as unreadable and kept, the good
 * ones work; entries have ids and are deleted by id.
 */
import { useSyncExternalStore } from 'react'
import { structuralProblems } from '../../model/scenario/schema'
import { parseRun } from '../../worker/runSchema'

export interface SavedItem<T = unknown> {
  /** stable id: deleting and replacing go by it, never by name */
  id: string
  name: string
  /** when it was saved (browser clock, ISO 8601) */
  savedAt: string
  data: T
}

/** A stored entry that does not pass its schema: listed as unreadable and kept as it is. */
export interface UnreadableItem {
  id: string
  /** its name when it has one, else "entry N" */
  label: string
  problem: string
}

export type SavedKind = 'runs' | 'scenarios'
const KEYS: Record<SavedKind, string> = { runs: 'prism-sim.saved-runs', scenarios: 'prism-sim.saved-scenarios' }
const listeners = new Set<() => void>()
const cache = new Map<string, { raw: string | null; value: SavedList }>()

export interface SavedList {
  items: SavedItem[]
  unreadable: UnreadableItem[]
  /** the stored list as a whole could not be read (it is left as it is) */
  problem: string | null
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The id of the stored entry at `index` (entries saved before ids existed get one from their place). */
const idOf = (e: unknown, index: number): string => (isObj(e) && typeof e.id === 'string' && e.id !== '' ? e.id : `entry-${index + 1}`)

/** Why a stored entry can't be used, or null: the envelope, then the data against its schema. */
function entryProblem(kind: SavedKind, e: unknown): string | null {
  if (!isObj(e)) return 'not an object'
  if (typeof e.name !== 'string' || e.name.trim() === '' || e.name.length > 100) return 'name: must be text of 1 to 100 characters'
  if (typeof e.savedAt !== 'string' || e.savedAt.length > 40) return 'savedAt: must be a date as text'
  if (kind === 'runs') {
    const r = parseRun(e.data)
    return r.ok ? null : `data: ${r.problems[0]}`
  }
  const sc = structuralProblems(e.data)
  return sc.problems.length === 0 ? null : `data.${sc.problems[0]}`
}

/** The stored text, or an Error when this browser refuses access to its storage. */
function stored(kind: SavedKind): string | null | Error {
  try {
    return window.localStorage.getItem(KEYS[kind])
  } catch (e) {
    return e instanceof Error ? e : new Error('storage is not available')
  }
}

function read(kind: SavedKind): SavedList {
  const raw = stored(kind)
  if (raw instanceof Error) {
    const hit = cache.get(kind)
    if (hit && hit.raw === null && hit.value.problem?.startsWith('this browser')) return hit.value // a stable snapshot
    const value = { items: [], unreadable: [], problem: `this browser does not let the page keep saved ${kind} (${raw.message.slice(0, 200)})` }
    cache.set(kind, { raw: null, value })
    return value
  }
  const hit = cache.get(kind)
  if (hit && hit.raw === raw) return hit.value
  let value: SavedList
  if (raw === null) value = { items: [], unreadable: [], problem: null }
  else {
    try {
      const parsed = JSON.parse(raw) as unknown
      if (!Array.isArray(parsed)) throw new Error('not a list of entries')
      const items: SavedItem[] = []
      const unreadable: UnreadableItem[] = []
      parsed.forEach((e, i) => {
        const problem = entryProblem(kind, e)
        const id = idOf(e, i)
        if (problem === null) items.push({ ...(e as unknown as SavedItem), id })
        else unreadable.push({ id, label: isObj(e) && typeof e.name === 'string' && e.name !== '' ? e.name.slice(0, 100) : `entry ${i + 1}`, problem: problem.slice(0, 200) })
      })
      value = { items, unreadable, problem: null }
    } catch (e) {
      value = { items: [], unreadable: [], problem: `the saved ${kind} in this browser can't be read (${(e as Error).message}); they are left untouched` }
    }
  }
  cache.set(kind, { raw, value })
  return value
}

/** The stored entries as they are (unreadable ones included), each with its id. */
function rawEntries(kind: SavedKind): unknown[] {
  const cur = read(kind)
  if (cur.problem) throw new Error(cur.problem)
  const raw = stored(kind)
  if (raw instanceof Error) throw raw
  const list = raw === null ? [] : (JSON.parse(raw) as unknown[])
  return list.map((e, i) => (isObj(e) && typeof e.id !== 'string' ? { ...e, id: idOf(e, i) } : e))
}

function write(kind: SavedKind, entries: unknown[]): void {
  try {
    window.localStorage.setItem(KEYS[kind], JSON.stringify(entries))
  } catch (e) {
    throw new Error(`could not save: ${(e as Error).message}`, { cause: e })
  }
  listeners.forEach((l) => l())
}

export function listSaved(kind: SavedKind): SavedList {
  return read(kind)
}

let idSeq = 0
const newId = (): string => `${Date.now().toString(36)}-${(idSeq++).toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`

/** Save under `name`. Returns 'exists' (and saves nothing) when the name is taken and `replace` is not set. */
export function saveItem(kind: SavedKind, name: string, data: unknown, replace = false): 'saved' | 'exists' {
  const n = name.trim()
  if (n === '') throw new Error('name: must not be empty')
  if (n.length > 100) throw new Error('name: must be at most 100 characters')
  const entries = rawEntries(kind)
  const same = read(kind).items.find((x) => x.name === n)
  if (same && !replace) return 'exists'
  const entry: SavedItem = { id: same?.id ?? newId(), name: n, savedAt: new Date().toISOString(), data }
  write(kind, same ? entries.map((x, i) => (idOf(x, i) === same.id ? entry : x)) : [...entries, entry])
  return 'saved'
}

/** Delete the entry with this id (readable or not); others of the same name stay. */
export function deleteItem(kind: SavedKind, id: string): void {
  const entries = rawEntries(kind)
  write(kind, entries.filter((x, i) => idOf(x, i) !== id))
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
