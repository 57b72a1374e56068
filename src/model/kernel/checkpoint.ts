/**
 * Generic in-place snapshot and restore of an object graph (time travel checkpoints, issue 20).
 *
 * `snapshot(root)` walks everything reachable from `root` and records, per object identity,
 * its own contents: a typed array's (or ArrayBuffer's) bytes, an array's items, a Map's or
 * Set's entries, a plain or class object's own enumerable properties. Functions are kept by
 * reference (they are code; the handlers registered with `on()` close over their subsystem
 * object, which is itself walked); primitives are values. A frozen object is not recorded (it
 * cannot change) but what it references is walked.
 *
 * `restore(snap)` writes every recorded object back IN PLACE: the same identities, so
 * closures, Map keys and cross-references stay valid. A property added after the snapshot is
 * deleted; a property that was re-pointed at another object is pointed back at the recorded
 * one, whose contents are restored too.
 *
 * Nothing is subsystem-specific: state added to the model later is covered as long as it is
 * reachable from the root through properties, array items or Map/Set entries. State the walker
 * cannot see — JS `#private` fields, module-level mutable variables, closures over mutable
 * `let` locals, WeakMaps — must not hold model state (checkpoint.test.ts catches it by
 * restoring and comparing the next hour of simulation).
 *
 * Memory: `snapshot(root, previous)` shares a typed array's full copy with the previous
 * snapshot and keeps only the words that differ from it when fewer than 1 in 8 do, so
 * unchanged big tables cost nothing per checkpoint and slowly changing ones little.
 */

/** any typed array (restored with `.set`, which copies bytes as is between arrays of one type) */
type Typed = Uint8Array

const enum K {
  Typed,
  Array,
  Map,
  Set,
  Object,
}

/** A typed array's contents: a full copy (`base`), plus the 32-bit words (or bytes) that differ from it, when few do. */
export interface Bytes {
  readonly base: Typed
  readonly idx: Int32Array | null
  readonly vals: Int32Array | Uint8Array | null
}

type Rec =
  | { k: K.Typed; o: Typed; b: Bytes }
  | { k: K.Array; o: unknown[]; items: unknown[] }
  | { k: K.Map; o: Map<unknown, unknown>; items: unknown[] }
  | { k: K.Set; o: Set<unknown>; items: unknown[] }
  | { k: K.Object; o: Record<string, unknown>; keys: string[]; values: unknown[] }

export interface Snapshot {
  readonly recs: readonly Rec[]
  /** the record of each object, to share or diff against in the next snapshot */
  readonly byObj: ReadonlyMap<object, Rec>
}

const isObj = (v: unknown): v is object => typeof v === 'object' && v !== null

/** a view of a typed array's bytes as 32-bit words (`wide`: it must be 4-byte aligned) or as bytes */
function words(a: Typed, wide: boolean): Int32Array | Uint8Array {
  return wide ? new Int32Array(a.buffer, a.byteOffset, a.byteLength / 4) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
}

/** At most this share of words may differ for a diff against the previous base; else a full copy. */
const DIFF_SHARE = 8

/** The contents of `now`, as a diff against `prev`'s full copy when few words changed. */
function encode(now: Typed, prev: Bytes | undefined): Bytes {
  const base = prev?.base
  if (!base || base.byteLength !== now.byteLength || base.constructor !== now.constructor) return { base: now.slice(), idx: null, vals: null }
  const wide = now.byteOffset % 4 === 0 && base.byteOffset % 4 === 0 && now.byteLength % 4 === 0
  const x = words(base, wide)
  const y = words(now, wide)
  const limit = y.length / DIFF_SHARE
  let n = 0
  for (let i = 0; i < y.length; i++) if (x[i] !== y[i] && ++n > limit) return { base: now.slice(), idx: null, vals: null }
  if (n === 0) return { base, idx: null, vals: null }
  const idx = new Int32Array(n)
  const vals = y instanceof Int32Array ? new Int32Array(n) : new Uint8Array(n)
  for (let i = 0, j = 0; i < y.length; i++)
    if (x[i] !== y[i]) {
      idx[j] = i
      vals[j++] = y[i]
    }
  return { base, idx, vals }
}

/** true when `items` holds exactly `a`'s items (the previous record can be shared) */
function sameItems(items: readonly unknown[] | undefined, a: ArrayLike<unknown>): items is unknown[] {
  if (!items || items.length !== a.length) return false
  for (let i = 0; i < a.length; i++) if (items[i] !== a[i]) return false
  return true
}

/**
 * Record everything reachable from `root`. `previous` (optional) lends what did not change:
 * typed arrays' full copies (shared, or diffed against) and item/value lists.
 */
export function snapshot(root: object, previous?: Snapshot): Snapshot {
  const seen = new Set<object>()
  const recs: Rec[] = []
  const byObj = new Map<object, Rec>()
  const stack: object[] = [root]
  const old = previous?.byObj
  const push = (v: unknown) => {
    if (isObj(v) && !seen.has(v)) stack.push(v)
  }
  const add = (o: object, r: Rec) => {
    recs.push(r)
    byObj.set(o, r)
  }
  while (stack.length > 0) {
    const o = stack.pop()!
    if (seen.has(o)) continue
    seen.add(o)
    if (o instanceof DataView) {
      push(o.buffer)
      continue
    }
    const was = old?.get(o)
    if (ArrayBuffer.isView(o) || o instanceof ArrayBuffer) {
      const t = ArrayBuffer.isView(o) ? (o as Typed) : new Uint8Array(o)
      add(o, { k: K.Typed, o: t, b: encode(t, was?.k === K.Typed ? was.b : undefined) })
      continue
    }
    if (Array.isArray(o)) {
      const items = was?.k === K.Array && sameItems(was.items, o) ? was.items : o.slice()
      for (const v of items) push(v)
      if (!Object.isFrozen(o)) add(o, { k: K.Array, o, items })
      continue
    }
    if (o instanceof Map || o instanceof Set) {
      const items: unknown[] = []
      if (o instanceof Map)
        for (const [key, v] of o) {
          items.push(key, v)
          push(key)
          push(v)
        }
      else
        for (const v of o) {
          items.push(v)
          push(v)
        }
      const kind = o instanceof Map ? K.Map : K.Set
      const shared = was?.k === kind && sameItems(was.items, items) ? was.items : items
      add(o, kind === K.Map ? { k: K.Map, o: o as Map<unknown, unknown>, items: shared } : { k: K.Set, o: o as Set<unknown>, items: shared })
      continue
    }
    const rec = o as Record<string, unknown>
    const keys = dataKeys(rec)
    const values = new Array<unknown>(keys.length)
    for (let i = 0; i < keys.length; i++) {
      const v = rec[keys[i]]
      values[i] = v
      push(v)
    }
    if (Object.isFrozen(o)) continue
    if (was?.k === K.Object && sameItems(was.keys, keys) && sameItems(was.values, values)) add(o, was)
    else add(o, { k: K.Object, o: rec, keys, values })
  }
  return { recs, byObj }
}

/** Memory the snapshots hold together (distinct full copies, diffs, item and value lists), bytes; 8 per list slot. */
export function memoryOf(snaps: readonly Snapshot[]): number {
  const seen = new Set<object>()
  let n = 0
  const once = (x: object, size: number) => {
    if (seen.has(x)) return
    seen.add(x)
    n += size
  }
  for (const s of snaps)
    for (const r of s.recs) {
      if (r.k === K.Typed) {
        once(r.b.base, r.b.base.byteLength)
        if (r.b.idx) once(r.b.idx, r.b.idx.byteLength + r.b.vals!.byteLength)
      } else if (r.k === K.Object) {
        once(r.keys, 8 * r.keys.length)
        once(r.values, 8 * r.values.length)
      } else once(r.items, 8 * r.items.length)
    }
  return n
}

/** Write every recorded object back in place (see the file comment). */
export function restore(snap: Snapshot): void {
  for (const r of snap.recs) {
    switch (r.k) {
      case K.Typed: {
        const { base, idx, vals } = r.b
        r.o.set(base)
        if (idx) {
          const w = words(r.o, vals instanceof Int32Array)
          for (let i = 0; i < idx.length; i++) w[idx[i]] = vals![i]
        }
        break
      }
      case K.Array: {
        const a = r.o
        a.length = r.items.length
        for (let i = 0; i < r.items.length; i++) a[i] = r.items[i]
        break
      }
      case K.Map: {
        const m = r.o
        m.clear()
        for (let i = 0; i < r.items.length; i += 2) m.set(r.items[i], r.items[i + 1])
        break
      }
      case K.Set: {
        const s = r.o
        s.clear()
        for (const v of r.items) s.add(v)
        break
      }
      case K.Object: {
        const o = r.o
        const { keys, values } = r
        const now = dataKeys(o)
        if (now.length !== keys.length || now.some((k, i) => k !== keys[i])) {
          // keys added, deleted or re-ordered since: rebuild in the recorded order
          for (const k of now) delete o[k]
          for (let i = 0; i < keys.length; i++) o[keys[i]] = values[i]
        } else for (let i = 0; i < keys.length; i++) if (o[keys[i]] !== values[i]) o[keys[i]] = values[i]
        break
      }
    }
  }
}

/**
 * An object's own enumerable data properties. Accessors (an object literal's `get x()`) hold no
 * state of their own — they read someone else's, which the walk reaches by its own path — and
 * may have no setter, so they are neither recorded nor written back.
 */
function dataKeys(o: Record<string, unknown>): string[] {
  const keys = Object.keys(o)
  for (let i = 0; i < keys.length; i++) {
    const d = Object.getOwnPropertyDescriptor(o, keys[i])
    if (d !== undefined && (d.get !== undefined || d.set !== undefined)) return keys.filter((k) => {
      const e = Object.getOwnPropertyDescriptor(o, k)
      return e === undefined || (e.get === undefined && e.set === undefined)
    })
  }
  return keys
}
