/**
 * Array patches across the worker boundary: a per-VM or per-vDisk array is sent whole
 * once, then only the entries that changed since the last send (when few did). The worker
 * keeps the last copy it sent (`ArraySender`); the UI applies patches to its own copy
 * (`applyPatch`), always into a fresh array, so snapshots already handed to React stay put.
 */

export type NumArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array

/** Whole (`full`), or the changed entries: positions `idx` get values `val`. */
export type ArrayPatch<T extends NumArray> = { full: T } | { idx: Uint32Array; val: T }

/** The same for an array of strings (or nulls), e.g. VM IP addresses. */
export type ListPatch<T> = { full: T[] } | { idx: number[]; val: T[] }

/** Above this share of changed entries a patch is sent whole: indices would cost more. */
const SPARSE_SHARE = 0.2

type Ctor<T extends NumArray> = { new (n: number): T }

/** Unequal, NaN counting as equal to NaN. */
const differs = (a: number, b: number): boolean => a !== b && (a === a || b === b)

/** Diff `cur` against the copy sent last; null when nothing changed. Updates the copy. */
export class ArraySender<T extends NumArray> {
  private last: T | null = null

  diff(cur: T): ArrayPatch<T> | null {
    const last = this.last
    if (!last || last.length !== cur.length) {
      this.last = cur.slice() as T
      return { full: cur.slice() as T }
    }
    const n = cur.length
    const limit = Math.floor(n * SPARSE_SHARE)
    let count = 0
    for (let i = 0; i < n; i++) if (differs(last[i], cur[i])) count++
    if (count === 0) return null
    if (count > limit) {
      last.set(cur)
      return { full: cur.slice() as T }
    }
    const idx = new Uint32Array(count)
    const val = new (cur.constructor as Ctor<T>)(count)
    let k = 0
    for (let i = 0; i < n; i++) {
      if (differs(last[i], cur[i])) {
        idx[k] = i
        val[k++] = cur[i]
        last[i] = cur[i]
      }
    }
    return { idx, val }
  }

  /** Forget what was sent (next diff sends whole). */
  reset(): void {
    this.last = null
  }
}

/** As ArraySender, for a plain array of strings or nulls. */
export class ListSender<T extends string | null> {
  private last: T[] | null = null

  diff(cur: readonly T[]): ListPatch<T> | null {
    const last = this.last
    if (!last || last.length !== cur.length) {
      this.last = [...cur]
      return { full: [...cur] }
    }
    const idx: number[] = []
    const val: T[] = []
    for (let i = 0; i < cur.length; i++) {
      if (last[i] !== cur[i]) {
        idx.push(i)
        val.push(cur[i])
        last[i] = cur[i]
      }
    }
    if (idx.length === 0) return null
    return idx.length > cur.length * SPARSE_SHARE ? { full: [...cur] } : { idx, val }
  }

  reset(): void {
    this.last = null
  }
}

/** The array after the patch: a new array (the previous one is left as it was). */
export function applyPatch<T extends NumArray>(prev: T | null, patch: ArrayPatch<T> | undefined): T | null {
  if (!patch) return prev
  if ('full' in patch) return patch.full
  if (!prev) throw new Error('array patch without a base: resync needed')
  const next = prev.slice() as T
  const { idx, val } = patch
  for (let k = 0; k < idx.length; k++) next[idx[k]] = val[k]
  return next
}

export function applyListPatch<T>(prev: T[] | null, patch: ListPatch<T> | undefined): T[] | null {
  if (!patch) return prev
  if ('full' in patch) return patch.full
  if (!prev) throw new Error('list patch without a base: resync needed')
  const next = prev.slice()
  for (let k = 0; k < patch.idx.length; k++) next[patch.idx[k]] = patch.val[k]
  return next
}

/** The buffers of a patch, for a transfer list. */
export function patchBuffers(p: ArrayPatch<NumArray> | undefined, out: ArrayBuffer[]): void {
  if (!p) return
  if ('full' in p) out.push(p.full.buffer as ArrayBuffer)
  else out.push(p.idx.buffer as ArrayBuffer, p.val.buffer as ArrayBuffer)
}

/**
 * Records (tasks, alerts) by id: the ones new or changed since the last send, and the ids
 * that are gone (the model keeps a bounded history). Shallow field comparison.
 */
export class RecordSender<T extends { id: string }> {
  private last = new Map<string, T>()

  diff(items: readonly T[]): { changed: T[]; removed: string[] } | null {
    const changed: T[] = []
    const seen = new Set<string>()
    for (const it of items) {
      seen.add(it.id)
      const prev = this.last.get(it.id)
      if (!prev || !shallowEqual(prev, it)) {
        const copy = { ...it }
        this.last.set(it.id, copy)
        changed.push({ ...copy })
      }
    }
    const removed: string[] = []
    if (seen.size !== this.last.size) {
      for (const id of this.last.keys()) if (!seen.has(id)) removed.push(id)
      for (const id of removed) this.last.delete(id)
    }
    if (changed.length === 0 && removed.length === 0) return null
    return { changed, removed }
  }

  reset(): void {
    this.last.clear()
  }
}

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false
  return true
}

/**
 * The UI's list after a record patch: changed records replace theirs (by id) or are
 * appended in the order sent; removed ids are dropped. Returns a new array.
 */
export function applyRecords<T extends { id: string }>(prev: readonly T[], changed: readonly T[], removed: readonly string[]): T[] {
  const gone = removed.length ? new Set(removed) : null
  const byId = new Map<string, T>()
  for (const c of changed) byId.set(c.id, c)
  const out: T[] = []
  for (const p of prev) {
    if (gone?.has(p.id)) continue
    const c = byId.get(p.id)
    if (c) {
      out.push(c)
      byId.delete(p.id)
    } else out.push(p)
  }
  for (const c of changed) if (byId.has(c.id)) out.push(c)
  return out
}
