/**
 * Domain levels and the unit of every disk and node at every level (static for a topology).
 */
import type { ClusterSpec } from '../scenario/normalize'
import type { Domain } from '../types'

/** Domain levels, finest first. Level 0 = disk, 1 = node, 2 = block, 3 = rack. */
export type Level = 0 | 1 | 2 | 3
export const LEVEL_OF: Record<Domain | 'disk', Level> = { disk: 0, node: 1, block: 2, rack: 3 }
export const DOMAIN_OF_LEVEL: readonly (Domain | 'disk')[] = ['disk', 'node', 'block', 'rack']

/** Unit of every disk and node at every level, as typed arrays (static for a topology). */
export class DomainIndex {
  /** diskUnit[level][d]: the unit of disk d at that level */
  readonly diskUnit: readonly [Int32Array, Int32Array, Int32Array, Int32Array]
  /** nodeUnit[level][n]: the unit of node n at that level (level 0: -1, a node is not one disk) */
  readonly nodeUnit: readonly [Int32Array, Int32Array, Int32Array, Int32Array]
  readonly unitCount: readonly [number, number, number, number]

  constructor(spec: Pick<ClusterSpec, 'disks' | 'nodes' | 'blocks' | 'racks'>) {
    const D = spec.disks.length
    const N = spec.nodes.length
    const dd = new Int32Array(D), dn = new Int32Array(D), db = new Int32Array(D), dr = new Int32Array(D)
    for (let d = 0; d < D; d++) {
      const n = spec.disks[d].node
      dd[d] = d
      dn[d] = n
      db[d] = spec.nodes[n].block
      dr[d] = spec.nodes[n].rack
    }
    const n0 = new Int32Array(N).fill(-1), n1 = new Int32Array(N), n2 = new Int32Array(N), n3 = new Int32Array(N)
    for (let n = 0; n < N; n++) {
      n1[n] = n
      n2[n] = spec.nodes[n].block
      n3[n] = spec.nodes[n].rack
    }
    this.diskUnit = [dd, dn, db, dr]
    this.nodeUnit = [n0, n1, n2, n3]
    this.unitCount = [D, N, spec.blocks.length, spec.racks.length]
  }
}
