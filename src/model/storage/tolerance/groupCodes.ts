/**
 * The per-group tolerance codes of the index: distinct units holding a copy, the code of an
 * extent group or a strip, and the histograms and dirty lists of one kind of group (GroupSet).
 */

/** Distinct values of map[h[0..n)] for small n. */
export function distinct(map: Int32Array, h: Int32Array, n: number): number {
  if (n <= 1) return n
  const a = map[h[0]]
  const b = map[h[1]]
  if (n === 2) return a === b ? 1 : 2
  if (n === 3) {
    const c = map[h[2]]
    return 1 + (b !== a ? 1 : 0) + (c !== a && c !== b ? 1 : 0)
  }
  let k = 0
  for (let i = 0; i < n; i++) {
    let seen = false
    for (let j = 0; j < i && !seen; j++) if (map[h[j]] === map[h[i]]) seen = true
    if (!seen) k++
  }
  return k
}

/** Distinct values among map[x], map[y], map[z], minus one. */
export function distinct3(map: Int32Array, x: number, y: number, z: number): number {
  const a = map[x]
  const b = map[y]
  const c = map[z]
  return (b !== a ? 1 : 0) + (c !== a && c !== b ? 1 : 0)
}

/** Largest f losing the f units (of map) with most members in h[0..n) leaves ≥ need; -1 if n < need. */
export function smallTolerance(map: Int32Array, h: Int32Array, n: number, need: number, units: Int32Array, counts: Int32Array): number {
  if (n < need) return -1
  let g = 0
  for (let i = 0; i < n; i++) {
    const u = map[h[i]]
    let j = 0
    while (j < g && units[j] !== u) j++
    if (j === g) {
      units[g] = u
      counts[g++] = 0
    }
    counts[j]++
  }
  // insertion sort, most members first (g ≤ STRIP_STRIDE)
  for (let i = 1; i < g; i++) {
    const x = counts[i]
    let j = i - 1
    while (j >= 0 && counts[j] < x) {
      counts[j + 1] = counts[j]
      j--
    }
    counts[j + 1] = x
  }
  let left = n
  let f = 0
  for (let i = 0; i < g; i++) {
    if (left - counts[i] < need) break
    left -= counts[i]
    f++
  }
  return f
}

// A group's code: bits 4l..4l+3 = tolerance at level l plus one (0 = the group is lost),
// bits 16..19 = missing copies, bits 20..23 = unavailable data (1 for a lost extent group,
// the unreadable data members of a strip).
export const VALUES = 16
export const MISS_SHIFT = 16
export const LOST_SHIFT = 20
/** a replicated extent group with no available replica */
export const LOST_UNIT = 1 << LOST_SHIFT

export const code4 = (t0: number, t1: number, t2: number, t3: number, miss: number): number =>
  (t0 + 1) | ((t1 + 1) << 4) | ((t2 + 1) << 8) | ((t3 + 1) << 12) | (miss << MISS_SHIFT)

/**
 * Code of the extent group whose slots are rd[base .. base + S), for availability `avail`
 * (`want`: its container's RF). The rules of scanExtentGroups.
 */
export function unitCode(rd: Int32Array, base: number, S: number, avail: Uint8Array, maps: readonly Int32Array[], want: number, h: Int32Array): number {
  if (S > 3) {
    let n = 0
    for (let k = 0; k < S; k++) {
      const d = rd[base + k]
      if (d >= 0 && avail[d] === 1) h[n++] = d
    }
    if (n === 0) return LOST_UNIT
    const miss = n < want ? want - n : 0
    return code4(distinct(maps[0], h, n) - 1, distinct(maps[1], h, n) - 1, distinct(maps[2], h, n) - 1, distinct(maps[3], h, n) - 1, miss)
  }
  let x = -1
  let y = -1
  let z = -1
  let n = 0
  for (let k = 0; k < S; k++) {
    const d = rd[base + k]
    if (d >= 0 && avail[d] === 1) {
      if (n === 0) x = d
      else if (n === 1) y = d
      else z = d
      n++
    }
  }
  if (n === 0) return LOST_UNIT
  const miss = n < want ? want - n : 0
  if (n === 1) return code4(0, 0, 0, 0, miss)
  // distinct − 1 per level, coarse to fine: once distinct, every finer level is too
  const t = n - 1
  const mapRack = maps[3]
  const mapBlock = maps[2]
  const mapNode = maps[1]
  let r: number, b: number, nd: number
  if (n === 2) {
    r = mapRack[x] !== mapRack[y] ? 1 : 0
    b = r === 1 || mapBlock[x] !== mapBlock[y] ? 1 : 0
    nd = b === 1 || mapNode[x] !== mapNode[y] ? 1 : 0
  } else {
    r = distinct3(mapRack, x, y, z)
    b = r === 2 ? 2 : distinct3(mapBlock, x, y, z)
    nd = b === 2 ? 2 : distinct3(mapNode, x, y, z)
  }
  // replicas on distinct nodes are on distinct disks
  const dk = nd === t ? t : n === 2 ? (x !== y ? 1 : 0) : distinct3(maps[0], x, y, z)
  return code4(dk, nd, b, r, miss)
}

/**
 * Every extent group counted from scratch (S ≤ 3 slots): unitCode's rules inline, the
 * histograms kept in locals (one pass over a million extent groups at load, or after a
 * change too large to follow group by group).
 */
export function fullPassRf3(set: GroupSet, rd: Int32Array, S: number, count: number, avail: Uint8Array, maps: readonly Int32Array[], rfOfC: Int32Array, uc: Uint8Array): void {
  const [mapDisk, mapNode, mapBlock, mapRack] = maps
  const hist = set.hist
  let lost = 0
  let missing = 0
  for (let u = 0, base = 0; u < count; u++, base += S) {
    let x = -1
    let y = -1
    let z = -1
    let n = 0
    for (let k = 0; k < S; k++) {
      const d = rd[base + k]
      if (d >= 0 && avail[d] === 1) {
        if (n === 0) x = d
        else if (n === 1) y = d
        else z = d
        n++
      }
    }
    if (n === 0) {
      lost++
      hist[0]++
      hist[VALUES]++
      hist[2 * VALUES]++
      hist[3 * VALUES]++
      continue
    }
    if (n < S) {
      const want = rfOfC[uc[u]]
      if (n < want) missing += want - n
    }
    let r = 0, b = 0, nd = 0, dk = 0
    if (n === 2) {
      r = mapRack[x] !== mapRack[y] ? 1 : 0
      b = r === 1 || mapBlock[x] !== mapBlock[y] ? 1 : 0
      nd = b === 1 || mapNode[x] !== mapNode[y] ? 1 : 0
      dk = nd === 1 || x !== y ? 1 : 0
    } else if (n === 3) {
      r = distinct3(mapRack, x, y, z)
      b = r === 2 ? 2 : distinct3(mapBlock, x, y, z)
      nd = b === 2 ? 2 : distinct3(mapNode, x, y, z)
      dk = nd === 2 ? 2 : distinct3(mapDisk, x, y, z)
    }
    hist[dk + 1]++
    hist[VALUES + nd + 1]++
    hist[2 * VALUES + b + 1]++
    hist[3 * VALUES + r + 1]++
  }
  set.lost += lost
  set.missing += missing
}

/** Code of the strip whose members are sd[base .. base + k + p), for availability `avail`. The rules of scanExtentGroups. */
export function stripCode(sd: Int32Array, base: number, k: number, p: number, avail: Uint8Array, maps: readonly Int32Array[], h: Int32Array, units: Int32Array, counts: Int32Array): number {
  const w = k + p
  let n = 0
  let dataDown = 0
  for (let j = 0; j < w; j++) {
    const d = sd[base + j]
    if (d >= 0 && avail[d] === 1) h[n++] = d
    else if (j < k) dataDown++
  }
  if (n < k) return dataDown << LOST_SHIFT
  const t = n - k
  if (distinct(maps[3], h, n) === n) return code4(t, t, t, t, w - n)
  const v = [t, t, t, t]
  for (let l = 3; l >= 0; l--) {
    const f = smallTolerance(maps[l], h, n, k, units, counts)
    v[l] = f
    // distinct at this level: every finer level too
    if (f === t) break
  }
  return code4(v[0], v[1], v[2], v[3], w - n)
}

/** Past 1/BULK_SHARE of the groups changed, a full pass replaces the group-by-group update. */
export const BULK_SHARE = 8
/** Capacity of a dirty list kept between scans (it grows as needed, then shrinks back). */
export const DIRTY_KEPT = 4096

/** Histograms, dirty list and totals of one kind of group (extent groups or strips). */
export class GroupSet {
  /** groups counted in the histograms (the first `counted`) */
  counted = 0
  /** every code must be recomputed (at load, or after a change to more than 1/BULK_SHARE of the groups) */
  allDirty = true
  dirtyFlag = new Uint8Array(0)
  dirty = new Int32Array(DIRTY_KEPT)
  /** dirtyOld[i]: the code counted for dirty[i] */
  dirtyOld = new Int32Array(DIRTY_KEPT)
  dirtyLen = 0
  /** hist[l * VALUES + v]: groups whose level-l value is v */
  readonly hist = new Int32Array(4 * VALUES)
  /** sums over the groups of their unavailable data and their missing copies */
  lost = 0
  missing = 0

  /** Note group g (counted, not yet dirty) as changing; `old` is the code it is counted with. */
  note(g: number, old: number, limit: number): void {
    if (this.dirtyLen === this.dirty.length) {
      const n = this.dirty.length * 2
      const dirty = new Int32Array(n)
      dirty.set(this.dirty)
      this.dirty = dirty
      const dirtyOld = new Int32Array(n)
      dirtyOld.set(this.dirtyOld)
      this.dirtyOld = dirtyOld
    }
    this.dirtyFlag[g] = 1
    this.dirty[this.dirtyLen] = g
    this.dirtyOld[this.dirtyLen++] = old
    // past an eighth of the groups, one pass over everything is cheaper (noting a group and
    // recomputing it costs about ten times its share of a full pass: random access)
    if (this.dirtyLen > limit) this.allDirty = true
  }

  /** Group g is counted and not yet noted as changing. */
  fresh(g: number): boolean {
    return !this.allDirty && g < this.counted && this.dirtyFlag[g] === 0
  }

  ensureCapacity(groups: number): void {
    if (groups <= this.dirtyFlag.length) return
    const flags = new Uint8Array(Math.max(groups, Math.ceil(this.dirtyFlag.length * 1.5), 256))
    flags.set(this.dirtyFlag)
    this.dirtyFlag = flags
  }

  add(c: number, sign: number): void {
    const h = this.hist
    h[c & 15] += sign
    h[VALUES + ((c >>> 4) & 15)] += sign
    h[2 * VALUES + ((c >>> 8) & 15)] += sign
    h[3 * VALUES + ((c >>> 12) & 15)] += sign
    this.missing += sign * ((c >>> MISS_SHIFT) & 15)
    this.lost += sign * ((c >>> LOST_SHIFT) & 15)
  }

  swap(o: number, c: number): void {
    if (o === c) return
    this.add(o, -1)
    this.add(c, 1)
  }

  /** Start over: nothing counted, nothing dirty. */
  clear(): void {
    this.hist.fill(0)
    this.lost = 0
    this.missing = 0
    this.counted = 0
    this.clearDirty()
    this.allDirty = false
  }

  clearDirty(): void {
    for (let i = 0; i < this.dirtyLen; i++) this.dirtyFlag[this.dirty[i]] = 0
    this.dirtyLen = 0
    // a rebuild's worth of changes is not kept between rebuilds
    if (this.dirty.length > DIRTY_KEPT) {
      this.dirty = new Int32Array(DIRTY_KEPT)
      this.dirtyOld = new Int32Array(DIRTY_KEPT)
    }
  }

  /** Smallest level-l value present (−1 = lost), +Infinity when there is no group. */
  minOf(l: number): number {
    const base = l * VALUES
    for (let v = 0; v < VALUES; v++) if (this.hist[base + v] > 0) return v - 1
    return Infinity
  }
}
