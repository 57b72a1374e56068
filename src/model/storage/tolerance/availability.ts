/**
 * Offline is not lost (DOMAIN.md §9). A copy on a disk that cannot serve now (its CVM is
 * down, its host is off or partitioned, Stargate marked it offline) still exists: the data
 * is **unavailable** and comes back with the part. A copy is **destroyed** only when its
 * disk failed SMART (`destroyed[d] = 1`) or its slot is empty (a replaced disk came back
 * empty). An extent group with no online copy is unavailable while a copy still exists,
 * lost when none does; an EC strip is unavailable below k online members and lost below k
 * existing members (its data members not online are counted).
 *
 * Every extent group and strip of the VM container belongs to one vDisk (our rule: they
 * are dealt round-robin, `owner = index mod vDisks`, so a vDisk's data is spread like any
 * data). The same pass counts, per vDisk, the units of its data that are not online.
 *
 * Cost: one pass over the copy tables, only when the EXTENT_GROUPS scan found data with no
 * online copy; otherwise only the groups with a corrupt copy are read (corruptAvailability).
 *
 * Corrupt copies (DOMAIN.md §12): a corrupt copy on a disk that serves is no copy (its
 * checksum fails); on a disk that does not serve it is still an offline copy, not lost,
 * until it can be read and judged.
 */
import { STRIP_STRIDE } from '../ec'

/** The copy tables this reads (DataStore implements it). */
export interface CopyTables {
  readonly rf: number
  readonly units: number
  readonly replicaDisk: Int32Array
  readonly unitContainer: Uint8Array
  readonly strips: number
  readonly stripDisk: Int32Array
  readonly stripK: Uint8Array
  readonly stripP: Uint8Array
  readonly stripContainer: Uint8Array
}

/** The container that holds the VMs' vDisks (default-container). */
export const VDISK_CONTAINER = 0

export interface DataAvailability {
  /** logical units (1 GB) with no online copy but a copy that still exists offline */
  unavailableUnits: number
  /** logical units with no copy left anywhere */
  lostUnits: number
  /** of those, units of groups with a corrupt copy (every good copy gone: checksum mismatches) */
  corruptLostUnits: number
  /** per vDisk: logical units of its data that are not online now (unavailable or lost); empty when all is online */
  vdiskMissing: Int32Array
  /** per vDisk: logical units of its data (filled only when something is missing) */
  vdiskUnits: Int32Array
}

export const ALL_AVAILABLE: DataAvailability = Object.freeze({
  unavailableUnits: 0,
  lostUnits: 0,
  corruptLostUnits: 0,
  vdiskMissing: new Int32Array(0),
  vdiskUnits: new Int32Array(0),
}) as DataAvailability

/** The vDisk (global index) extent group or strip `i` of the VM container belongs to (our rule), or -1. */
export function ownerVdisk(i: number, vdisks: number): number {
  return vdisks > 0 ? i % vdisks : -1
}

/**
 * Corrupt copies (storage/integrity/corruption.ts), as this module reads them: a corrupt
 * copy on a disk that serves counts as no copy (its checksum fails); on a disk that does
 * not serve it is still an offline copy (not judged yet). Keys: replica slot `u * rf + k`,
 * strip member `−(s * STRIP_STRIDE + j) − 1`.
 */
export interface CorruptView {
  readonly count: number
  isCorrupt(key: number): boolean
  markedUnits(): Iterable<number>
  markedStrips(): Iterable<number>
  hasUnit(u: number): boolean
  hasStrip(s: number): boolean
}

const NO_CORRUPTION: CorruptView = { count: 0, isCorrupt: () => false, markedUnits: () => [], markedStrips: () => [], hasUnit: () => false, hasStrip: () => false }

const OK = 0
const UNAVAILABLE = 1
const LOST = 2

/** Extent group u: OK, UNAVAILABLE (no good online copy, one exists offline) or LOST; `c` null: no mark in it. */
function unitState(data: CopyTables, u: number, avail: Uint8Array, destroyed: Uint8Array, c: CorruptView | null): number {
  const S = data.rf
  const rd = data.replicaDisk
  let online = 0
  let exists = 0
  for (let k = 0; k < S; k++) {
    const d = rd[u * S + k]
    if (d < 0) continue
    const bad = c !== null && c.isCorrupt(u * S + k)
    if (avail[d] === 1 && !bad) online++
    if (destroyed[d] === 0 && !(bad && avail[d] === 1)) exists++
  }
  return online > 0 ? OK : exists > 0 ? UNAVAILABLE : LOST
}

/** Strip s: its state (as unitState, with k members needed) and its data members not online (`down`). */
function stripState(data: CopyTables, s: number, avail: Uint8Array, destroyed: Uint8Array, c: CorruptView | null, down: { n: number }): number {
  const k = data.stripK[s]
  const w = k + data.stripP[s]
  const base = s * STRIP_STRIDE
  const sd = data.stripDisk
  let online = 0
  let exists = 0
  let dataDown = 0
  for (let j = 0; j < w; j++) {
    const d = sd[base + j]
    const bad = c !== null && d >= 0 && c.isCorrupt(-(base + j) - 1)
    if (d >= 0 && avail[d] === 1 && !bad) online++
    else if (j < k) dataDown++
    if (d >= 0 && destroyed[d] === 0 && !(bad && avail[d] === 1)) exists++
  }
  down.n = dataDown
  return online >= k ? OK : exists >= k ? UNAVAILABLE : LOST
}

/**
 * Split the data with no online copy into unavailable and lost. `avail[d]`: the disk serves
 * now; `destroyed[d]`: its copies are gone (failed SMART). `vdisks`: how many vDisks exist.
 * `corrupt`: the corrupt copies (none by default). One pass over the copy tables.
 */
export function dataAvailability(data: CopyTables, avail: Uint8Array, destroyed: Uint8Array, vdisks: number, corrupt: CorruptView = NO_CORRUPTION): DataAvailability {
  const missing = new Int32Array(vdisks)
  const total = new Int32Array(vdisks)
  let unavailable = 0
  let lost = 0
  let corruptLost = 0
  const anyMark = corrupt.count > 0
  for (let u = 0; u < data.units; u++) {
    const marked = anyMark && corrupt.hasUnit(u)
    const st = unitState(data, u, avail, destroyed, marked ? corrupt : null)
    const owner = data.unitContainer[u] === VDISK_CONTAINER ? ownerVdisk(u, vdisks) : -1
    if (owner >= 0) total[owner]++
    if (st === OK) continue
    if (st === UNAVAILABLE) unavailable++
    else {
      lost++
      if (marked) corruptLost++
    }
    if (owner >= 0) missing[owner]++
  }
  const down = { n: 0 }
  for (let s = 0; s < data.strips; s++) {
    const marked = anyMark && corrupt.hasStrip(s)
    const st = stripState(data, s, avail, destroyed, marked ? corrupt : null, down)
    const owner = data.stripContainer[s] === VDISK_CONTAINER ? ownerVdisk(s, vdisks) : -1
    if (owner >= 0) total[owner] += data.stripK[s]
    if (st === OK) continue
    if (st === UNAVAILABLE) unavailable += down.n
    else {
      lost += down.n
      if (marked) corruptLost += down.n
    }
    if (owner >= 0) missing[owner] += down.n
  }
  if (unavailable + lost === 0) return ALL_AVAILABLE
  return { unavailableUnits: unavailable, lostUnits: lost, corruptLostUnits: corruptLost, vdiskMissing: missing, vdiskUnits: total }
}

/**
 * The same figures when every group has an online copy as far as the disks go (the
 * EXTENT_GROUPS scan found none without one): only groups with a corrupt copy can lack a
 * good one, so only they are read (the per-vDisk totals take one pass over the container
 * table, and only when something is missing).
 */
export function corruptAvailability(data: CopyTables, avail: Uint8Array, destroyed: Uint8Array, vdisks: number, corrupt: CorruptView): DataAvailability {
  if (corrupt.count === 0) return ALL_AVAILABLE
  let unavailable = 0
  let lost = 0
  const missingUnits: number[] = []
  const missingStrips: Array<[number, number]> = []
  for (const u of corrupt.markedUnits()) {
    const st = unitState(data, u, avail, destroyed, corrupt)
    if (st === OK) continue
    if (st === UNAVAILABLE) unavailable++
    else lost++
    missingUnits.push(u)
  }
  const down = { n: 0 }
  for (const s of corrupt.markedStrips()) {
    const st = stripState(data, s, avail, destroyed, corrupt, down)
    if (st === OK) continue
    if (st === UNAVAILABLE) unavailable += down.n
    else lost += down.n
    missingStrips.push([s, down.n])
  }
  if (unavailable + lost === 0) return ALL_AVAILABLE
  const missing = new Int32Array(vdisks)
  const total = new Int32Array(vdisks)
  for (let u = 0; u < data.units; u++) if (data.unitContainer[u] === VDISK_CONTAINER && vdisks > 0) total[u % vdisks]++
  for (let s = 0; s < data.strips; s++) if (data.stripContainer[s] === VDISK_CONTAINER && vdisks > 0) total[s % vdisks] += data.stripK[s]
  for (const u of missingUnits) if (data.unitContainer[u] === VDISK_CONTAINER && vdisks > 0) missing[ownerVdisk(u, vdisks)]++
  for (const [s, n] of missingStrips) if (data.stripContainer[s] === VDISK_CONTAINER && vdisks > 0) missing[ownerVdisk(s, vdisks)] += n
  return { unavailableUnits: unavailable, lostUnits: lost, corruptLostUnits: lost, vdiskMissing: missing, vdiskUnits: total }
}

/**
 * The share of each vDisk's I/O that can complete now (DOMAIN.md §9, our rule): the share
 * of its data that is online; 0 when the token range holding its metadata (range
 * `vd mod ranges`, our rule) lacks a quorum. Null when every vDisk is whole.
 */
export function vdiskDataShare(a: DataAvailability, vdisks: number, rangeAvailable: readonly boolean[]): Float32Array | null {
  const anyRangeDown = rangeAvailable.some((x) => !x)
  if (a.vdiskMissing.length === 0 && !anyRangeDown) return null
  const share = new Float32Array(vdisks).fill(1)
  for (let vd = 0; vd < vdisks; vd++) {
    if (anyRangeDown && rangeAvailable.length > 0 && !rangeAvailable[vd % rangeAvailable.length]) share[vd] = 0
    else if (a.vdiskMissing.length > 0 && a.vdiskMissing[vd] > 0) share[vd] = a.vdiskUnits[vd] > 0 ? 1 - a.vdiskMissing[vd] / a.vdiskUnits[vd] : 0
  }
  return share
}

/** A 32-bit hash of the shares (the I/O load is recomputed when it changes). */
export function shareKey(share: Float32Array | null): number {
  if (share === null) return 0
  let h = 0x811c9dc5
  for (let i = 0; i < share.length; i++) h = Math.imul(h ^ Math.round(share[i] * 1e6), 0x01000193)
  return (h >>> 0) || 1
}
