/**
 * VMs and their vDisks, as flat tables (10,000 VMs stay cheap). vDisks of VM v are
 * vdiskStart[v] .. vdiskStart[v + 1] - 1; each has one iSCSI session served by a
 * Stargate (node index) or -1.
 */
import type { VmSpec } from '../scenario/normalize'

export const POWER_ON = 0
export const POWER_OFF = 1
export const POWER_RESTARTING = 2
export const POWER_STATES = ['on', 'off', 'restarting'] as const

export class VmTable {
  readonly count: number
  readonly index = new Map<string, number>()
  /** current host (node index) or -1 */
  readonly host: Int16Array
  readonly power: Uint8Array
  /** 1 when the VM runs with Frodo (decided at power-on: frodo enabled and ≥ 2 vCPUs) */
  readonly frodo: Uint8Array
  readonly vdiskStart: Int32Array
  readonly vdiskStargate: Int16Array
  readonly vdiskIds: string[]
  readonly ip: Array<string | null>
  version = 0

  constructor(readonly specs: readonly VmSpec[]) {
    const n = specs.length
    this.count = n
    this.host = new Int16Array(n).fill(-1)
    this.power = new Uint8Array(n).fill(POWER_OFF)
    this.frodo = new Uint8Array(n)
    this.vdiskStart = new Int32Array(n + 1)
    this.ip = new Array<string | null>(n).fill(null)
    let total = 0
    specs.forEach((s, i) => {
      this.index.set(s.id, i)
      this.vdiskStart[i] = total
      total += s.vdisks
    })
    this.vdiskStart[n] = total
    this.vdiskStargate = new Int16Array(total).fill(-1)
    this.vdiskIds = new Array<string>(total)
    specs.forEach((s, i) => {
      for (let k = 0; k < s.vdisks; k++) this.vdiskIds[this.vdiskStart[i] + k] = `${s.id}-vd${k}`
    })
  }

  get vdiskCount(): number {
    return this.vdiskStargate.length
  }
  vmOfVdisk(vd: number): number {
    // binary search over vdiskStart
    let lo = 0
    let hi = this.count - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.vdiskStart[mid] <= vd) lo = mid
      else hi = mid - 1
    }
    return lo
  }
}
