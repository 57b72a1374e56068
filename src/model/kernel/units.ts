/** Units used by the scenario format and the model. */
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
