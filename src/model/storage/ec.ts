/**
 * Erasure coding (EC-X), DOMAIN.md §2 and the Nutanix Bible.
 *
 * A strip holds k data extent groups and p parity extent groups (p = FT level), every
 * member in a distinct unit of the awareness domain in force. Strip size by the number
 * of units of that domain: FT1 4 → 2/1, 5 → 3/1, 6+ → 4/1; FT2 6 → 2/2, 7 → 3/2,
 * 8+ → 4/2, i.e. k = min(4, units − 2p): a strip of k + p leaves p spare units so it can
 * be rebuilt after p failures. Fewer units than 2 + 2p: no strip can be formed.
 *
 * Only write-cold data is encoded, by Curator in the background. (our rule) A fixed
 * share `EC_COLD_SHARE` of an EC container's logical data counts as write-cold at load
 * and is stored as strips; the rest (write-hot) keeps full RF replicas. New writes are
 * always replicated (they are hot).
 */

/** Share of an EC container's logical data that is write-cold and erasure coded (our rule). */
export const EC_COLD_SHARE = 0.5
/** Largest number of data members in a strip (Nutanix Bible: 4/1 and 4/2). */
export const EC_MAX_DATA = 4
/** Smallest number of data members: below this EC is not used. */
export const EC_MIN_DATA = 2
/** Slots reserved per strip in the strip table (k ≤ 4, p ≤ 2). */
export const STRIP_STRIDE = 6

export interface StripShape {
  k: number
  p: number
}

/** Strip shape for `units` units of the awareness domain at parity `p`, or null when EC can't be used. */
export function stripShape(units: number, p: number): StripShape | null {
  const k = Math.min(EC_MAX_DATA, units - 2 * p)
  return k >= EC_MIN_DATA ? { k, p } : null
}

/** Smallest strip width (k + p) at parity p. */
export function minStripWidth(p: number): number {
  return EC_MIN_DATA + p
}

/** Logical bytes a strip stores per member, over raw: k / (k + p). */
export function stripEfficiency(shape: StripShape): number {
  return shape.k / (shape.k + shape.p)
}
