/**
 * The fault-tolerance status, the vDisks' data shares and the resilient capacity as they are
 * now, computed lazily and kept until something the Report summarises changes (invalidate).
 * The composition root owns one; everything that reads these figures goes through it.
 */
import { computeFaultTolerance, type FaultToleranceResult } from './resiliency'
import { vdiskShareNow } from './vdiskShare'
import { shareKey } from './availability'
import { resilientCapacity, type CapacityUnits } from '../capacity'
import type { ClusterSpec } from '../../scenario/normalize'
import type { Domain } from '../../types'

/** What the figures are computed from (the Simulation implements it). */
export type ResiliencyNowContext = Parameters<typeof computeFaultTolerance>[0] &
  Parameters<typeof vdiskShareNow>[0] & {
    readonly spec: ClusterSpec
    readonly effectiveAwareness: Domain
    readonly data: { readonly rf: number }
    capacityUnits(dom: Domain): CapacityUnits
  }

export class ResiliencyNow {
  private ft: FaultToleranceResult | null = null
  private capacity: number | null = null
  private share: { ft: FaultToleranceResult; share: Float32Array | null; key: number } | null = null

  constructor(private readonly ctx: ResiliencyNowContext) {}

  /** Something the Report summarises changed: recompute on the next read. */
  invalidate(): void {
    this.ft = null
    this.capacity = null
  }

  faultTolerance(): FaultToleranceResult {
    this.ft ??= computeFaultTolerance(this.ctx)
    return this.ft
  }

  /** Per vDisk, the share of its I/O that completes now (null: all of it), and a key that changes with it. */
  vdiskDataShare(): { share: Float32Array | null; key: number } {
    const ft = this.faultTolerance()
    if (this.share?.ft !== ft) {
      const share = vdiskShareNow(this.ctx)
      this.share = { ft, share, key: shareKey(share) }
    }
    return this.share
  }

  /**
   * Resilient capacity (DOMAIN.md §5) for the FT level. Awareness is best effort: when the
   * cluster lacks the minimum units for the desired domain, data is placed at the domain it
   * fell back to, so that one (the awareness in force) is used.
   */
  resilientCapacityBytes(): number {
    if (this.capacity === null) {
      const { ctx } = this
      const dom = ctx.effectiveAwareness
      this.capacity = Math.floor(resilientCapacity(dom, ctx.capacityUnits(dom), ctx.data.rf, ctx.spec.ftLevel, ctx.spec.ftLevel, ctx.spec.erasureCoding))
    }
    return this.capacity
  }
}
