/**
 * Units used by the scenario format and the model, and the ONE byte formatter (README rule
 * 15.7): every quantity of bytes the model writes into a message (alerts, events, tasks,
 * what-if answers) and the UI shows (banner, widgets, dialogs) reads in binary units, as Prism
 * shows them (GiB, TiB). Scenario inputs stay as their contract says (`capacityTB`, TB per day).
 */
export const TB = 1e12
export const GB = 1e9
export const GiB = 1024 ** 3
export const MB = 1e6

/**
 * One simulated extent group stands for this many bytes of logical (un-replicated)
 * data: 1 GB, i.e. 250 real 4 MB extent groups. Each of its replicas takes this many
 * bytes of raw capacity on the disk holding it.
 */
export const UNIT_BYTES = GB

/** Default rebuild bandwidth a healthy node contributes (MB/s), see README. */
export const DEFAULT_REBUILD_MBPS_PER_NODE = 250

/**
 * Self-healing timers (scenario `cluster.healing`): Hades' SMART test of a disk Stargate
 * marked offline (our rule), the metadata ring detach after 30 min down (seed 004) and
 * rejoin after 15 min up and stable (our rule), the Zookeeper role move 5 min after its
 * node fails or comes back (our rule).
 */
export const HEALING_DEFAULTS = { hadesTestSeconds: 60, ringDetachMinutes: 30, ringRejoinMinutes: 15, zookeeperMoveMinutes: 5 } as const

export const DEFAULT_NODE = { cpuCores: 32, memoryGiB: 512, cvmMemoryGiB: 32 } as const

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const

/** Bytes in binary units, as Prism shows them: "1.82 TiB", "112 GiB" (3 significant figures from 100 up). */
export function formatBytes(bytes: number, digits = 2): string {
  if (!Number.isFinite(bytes)) return '—'
  let v = Math.abs(bytes)
  let i = 0
  while (v >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024
    i++
  }
  const s = v >= 100 ? v.toFixed(0) : v.toFixed(digits)
  return `${bytes < 0 ? '-' : ''}${s} ${BYTE_UNITS[i]}`
}

/** A count of 1 GB extent-group units (UNIT_BYTES each) as bytes in binary units. */
export function formatUnits(units: number): string {
  return formatBytes(units * UNIT_BYTES)
}

/** "1 rack", "3 racks": a count with its noun (regular plural). */
export const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`
