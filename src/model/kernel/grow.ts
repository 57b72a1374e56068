/**
 * Tables sized by node or disk count grow when the cluster is expanded (lifecycle/expansion.ts).
 * A grown table is a NEW array (the old one keeps its contents): the checkpoint walker
 * (checkpoint.ts) restores the property to the old array and the old array's contents, so
 * time travel back across an expansion needs nothing special.
 */

export type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array

/** A copy of `a` with `length` entries: the old entries, then `fill`. */
export function grown<T extends TypedArray>(a: T, length: number, fill = 0): T {
  const out = new (a.constructor as new (n: number) => T)(length)
  if (fill !== 0) out.fill(fill)
  out.set(a.length <= length ? a : a.subarray(0, length))
  return out
}

/**
 * A copy of an n × n row-major matrix as an m × m one (m ≥ n): old cells keep their (row, column),
 * new cells are `fill`.
 */
export function grownSquare<T extends TypedArray>(a: T, n: number, m: number, fill = 0): T {
  const out = new (a.constructor as new (k: number) => T)(m * m)
  if (fill !== 0) out.fill(fill)
  for (let r = 0; r < n; r++) out.set(a.subarray(r * n, r * n + n), r * m)
  return out
}
