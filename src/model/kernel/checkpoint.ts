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
 * Memory: `snapshot(root, previous)` shares a typed array's copy with the previous snapshot
 * when its contents did not change, so unchanged big tables cost nothing per checkpoint
 * (`typed` maps each typed array to its copy, to count distinct copies).
 */

/** any typed array (restored with `.set`, which copies bytes as is between arrays of one type) */
type Typed = Uint8Array

const enum K {
  Typed,
  Buffer,
  Array,
  Map,
  Set,
  Object,
}

type Rec =
  | { k: K.Typed; o: Typed; copy: Typed }
  | { k: K.Buffer; o: ArrayBuffer; copy: Uint8Array }
  | { k: K.Array; o: unknown[]; items: unknown[] }
  | { k: K.Map; o: Map<unknown, unknown>; items: unknown[] }
  | { k: K.Set; o: Set<unknown>; items: unknown[] }
  | { k: K.Object; o: Record<string, unknown>; keys: string[]; values: unknown[] }

export interface Snapshot {
  readonly recs: readonly Rec[]
  /** about 8 bytes per recorded slot (array item, property value, Map/Set entry) */
  readonly slotBytes: number
  /** copies by typed array, to share unchanged ones with the next snapshot */
  readonly typed: Map<object, Typed>
}

const isObj = (v: unknown): v is object => typeof v === 'object' && v !== null

/** a word view of a typed array or buffer's bytes, for a fast comparison */
function words(a: Typed): Int32Array | Uint8Array {
  return a.byteOffset % 4 === 0 && a.byteLength % 4 === 0 ? new Int32Array(a.buffer, a.byteOffset, a.byteLength / 4) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
}

function sameBytes(a: Typed, b: Typed): boolean {
  if (a.byteLength !== b.byteLength || a.constructor !== b.constructor) return false
  const x = words(a)
  const y = words(b)
  if (x.length !== y.length || x.constructor !== y.constructor) return false
  return x instanceof Int32Array ? sameInt32(x, y as Int32Array) : sameUint8(x, y as Uint8Array)
}
function sameInt32(x: Int32Array, y: Int32Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false
  return true
}
function sameUint8(x: Uint8Array, y: Uint8Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false
  return true
}

/** Record everything reachable from `root`. `previous` (optional) lends unchanged typed-array copies. */
export function snapshot(root: object, previous?: Snapshot): Snapshot {
  const seen = new Set<object>()
  const recs: Rec[] = []
  const typed = new Map<object, Typed>()
  const stack: object[] = [root]
  let bytes = 0
  const push = (v: unknown) => {
    if (isObj(v) && !seen.has(v)) stack.push(v)
  }
  while (stack.length > 0) {
    const o = stack.pop()!
    if (seen.has(o)) continue
    seen.add(o)
    if (ArrayBuffer.isView(o)) {
      if (o instanceof DataView) {
        push(o.buffer)
        continue
      }
      const t = o as Typed
      const prev = previous?.typed.get(t)
      const copy = prev && sameBytes(prev, t) ? prev : t.slice()
      typed.set(t, copy)
      recs.push({ k: K.Typed, o: t, copy })
      continue
    }
    if (o instanceof ArrayBuffer) {
      const prev = previous?.typed.get(o)
      const now = new Uint8Array(o)
      const copy = prev && sameBytes(prev, now) ? prev : now.slice()
      typed.set(o, copy)
      recs.push({ k: K.Buffer, o, copy })
      continue
    }
    if (Array.isArray(o)) {
      const items = o.slice()
      for (const v of items) push(v)
      bytes += 8 * items.length
      if (!Object.isFrozen(o)) recs.push({ k: K.Array, o, items })
      continue
    }
    if (o instanceof Map) {
      const items: unknown[] = []
      for (const [key, v] of o) {
        items.push(key, v)
        push(key)
        push(v)
      }
      bytes += 8 * items.length
      recs.push({ k: K.Map, o, items })
      continue
    }
    if (o instanceof Set) {
      const items = [...o]
      for (const v of items) push(v)
      bytes += 8 * items.length
      recs.push({ k: K.Set, o, items })
      continue
    }
    if (typeof o === 'function') continue
    const rec = o as Record<string, unknown>
    const keys = Object.keys(rec)
    const values = new Array<unknown>(keys.length)
    for (let i = 0; i < keys.length; i++) {
      const v = rec[keys[i]]
      values[i] = v
      push(v)
    }
    bytes += 16 * keys.length
    if (!Object.isFrozen(o)) recs.push({ k: K.Object, o: rec, keys, values })
  }
  return { recs, slotBytes: bytes, typed }
}

/** Write every recorded object back in place (see the file comment). */
export function restore(snap: Snapshot): void {
  for (const r of snap.recs) {
    switch (r.k) {
      case K.Typed:
        r.o.set(r.copy)
        break
      case K.Buffer:
        new Uint8Array(r.o).set(r.copy)
        break
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
        const now = Object.keys(o)
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
