/**
 * Full passes over the placed data: the per-level minimum tolerance of the extent groups and
 * strips (the reference the incremental index is held to) and of the open OpLog episodes.
 */
import { type DataStore, type DomainIndex, type OplogStore } from '../data'
import { STRIP_STRIDE } from '../ec'
import { distinct, distinct3, smallTolerance, type DataHealth } from './toleranceIndex'

export interface LevelMins {
  mins: Float64Array // [level] -> min tolerance
}

/**
 * One pass over every replicated extent group and strip: the per-level minimum of
 * (distinct units with an available replica − 1), resp. the strip rule, and the health.
 * Mins start at +Infinity (no data: nothing to lose). The simulation keeps the same
 * figures up to date incrementally (DataStore.tolerance, toleranceIndex.ts); this full
 * pass is the reference the tests hold it to.
 */
export function scanExtentGroups(data: DataStore, avail: Uint8Array): { mins: Float64Array; health: DataHealth } {
  const [, mapNode, mapBlock, mapRack] = data.index.diskUnit
  const mapDisk = data.index.diskUnit[0]
  const S = data.rf
  const rd = data.replicaDisk
  const uc = data.unitContainer
  const rfOfC = new Int32Array(data.containers.map((c) => c.rf))
  const h = new Int32Array(Math.max(S, STRIP_STRIDE))
  let m0 = Infinity, m1 = Infinity, m2 = Infinity, m3 = Infinity
  let lost = 0
  let missing = 0
  const U = data.units
  if (S <= 3) {
    // hot path (RF2/RF3): the available replicas in locals x, y, z
    for (let u = 0; u < U; u++) {
      const base = u * S
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
        m0 = m1 = m2 = m3 = -1
        continue
      }
      if (n < S) {
        const want = rfOfC[uc[u]]
        if (n < want) missing += want - n
      }
      if (n === 1) {
        if (m3 > 0) m3 = 0
        if (m2 > 0) m2 = 0
        if (m1 > 0) m1 = 0
        if (m0 > 0) m0 = 0
        continue
      }
      // distinct − 1 per level, coarse to fine: once distinct, every finer level is too
      const t = n - 1
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
      if (r < m3) m3 = r
      if (b < m2) m2 = b
      if (nd < m1) m1 = nd
      // replicas on distinct nodes are on distinct disks
      const dk = nd === t ? t : n === 2 ? (x !== y ? 1 : 0) : distinct3(mapDisk, x, y, z)
      if (dk < m0) m0 = dk
    }
  } else {
    for (let u = 0; u < U; u++) {
      const base = u * S
      let n = 0
      for (let k = 0; k < S; k++) {
        const d = rd[base + k]
        if (d >= 0 && avail[d] === 1) h[n++] = d
      }
      const want = rfOfC[uc[u]]
      if (n === 0) {
        lost++
        m0 = m1 = m2 = m3 = -1
        continue
      }
      if (n < want) missing += want - n
      const r = distinct(mapRack, h, n) - 1
      const b = distinct(mapBlock, h, n) - 1
      const nd = distinct(mapNode, h, n) - 1
      const dk = distinct(mapDisk, h, n) - 1
      if (r < m3) m3 = r
      if (b < m2) m2 = b
      if (nd < m1) m1 = nd
      if (dk < m0) m0 = dk
    }
  }
  // strips
  let lostMembers = 0
  const scratchUnits = new Int32Array(STRIP_STRIDE)
  const scratchCounts = new Int32Array(STRIP_STRIDE)
  const maps = [mapDisk, mapNode, mapBlock, mapRack]
  const mins = [m0, m1, m2, m3]
  const sd = data.stripDisk
  for (let s = 0; s < data.strips; s++) {
    const k = data.stripK[s]
    const w = k + data.stripP[s]
    const base = s * STRIP_STRIDE
    let n = 0
    let dataDown = 0
    for (let j = 0; j < w; j++) {
      const d = sd[base + j]
      if (d >= 0 && avail[d] === 1) h[n++] = d
      else if (j < k) dataDown++
    }
    if (n < k) {
      lostMembers += dataDown
      for (let l = 0; l < 4; l++) mins[l] = -1
      continue
    }
    missing += w - n
    const t = n - k
    if (distinct(mapRack, h, n) === n) {
      for (let l = 0; l < 4; l++) if (t < mins[l]) mins[l] = t
      continue
    }
    for (let l = 3; l >= 0; l--) {
      const f = smallTolerance(maps[l], h, n, k, scratchUnits, scratchCounts)
      if (f < mins[l]) mins[l] = f
      if (f === t) {
        // distinct at this level: every finer level too
        for (let m = l - 1; m >= 0; m--) if (t < mins[m]) mins[m] = t
        break
      }
    }
  }
  return { mins: Float64Array.from(mins), health: { lostUnits: lost, lostStripMembers: lostMembers, missingCopies: missing } }
}

/** Per-level minimum of (distinct units with an available replica − 1) over open OpLog episodes. */
export function scanOplog(oplog: OplogStore, index: DomainIndex, avail: Uint8Array): LevelMins {
  const mins = new Float64Array(4).fill(Infinity)
  const rf = oplog.rf
  const h = new Int32Array(rf)
  for (let vd = 0; vd < oplog.vdisks; vd++) {
    const base = vd * rf
    let open = false
    let n = 0
    for (let k = 0; k < rf; k++) {
      const d = oplog.disks[base + k]
      if (d >= 0) {
        open = true
        if (avail[d] === 1) h[n++] = d
      }
    }
    if (!open) continue
    for (let l = 0; l < 4; l++) {
      const t = distinct(index.diskUnit[l], h, n) - 1
      if (t < mins[l]) mins[l] = t
    }
  }
  return { mins }
}
