/** The iSCSI redirector and failback timers a scenario may set (`cluster.ioPath`), and their defaults. */
export interface IoPathParams {
  /** NOP-OUT health check interval of every redirector (s) */
  healthCheckSeconds: number
  /** time an iSCSI login (and its redirect) takes (s) */
  loginSeconds: number
  /** the local Stargate must be healthy this long before sessions fail back (s) */
  failbackSeconds: number
  /** how a redirector picks a remote Stargate */
  redirect: 'random' | 'round-robin'
}

/** Defaults (seed 000/002: failback after 300 s; the rest is our rule, see the README). */
export const DEFAULT_IO_PATH: IoPathParams = { healthCheckSeconds: 5, loginSeconds: 1, failbackSeconds: 300, redirect: 'random' }
