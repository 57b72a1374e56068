/**
 * Our rules for running X-Ray steps on the simulated clock (README "X-Ray scenarios").
 * X-Ray itself waits on a real cluster; these give every step a simulated duration.
 */
export const XRAY_RULES = {
  /** a node powered on (IPMI) is ready (host up, CVM services up) this long after */
  nodeBootSeconds: 180,
  /** a graceful shutdown (nodes.Shutdown): the CVM and host stop cleanly within this */
  nodeShutdownSeconds: 60,
  /** a VM group is accessible (guest booted, IP assigned) this long after its last VM powered on */
  vmBootSeconds: 30,
  /** live migration of one VM: its memory copied at this rate (bytes/s), plus a fixed switch-over */
  migrateBytesPerSecond: 1.25e9,
  migrateSwitchSeconds: 1,
  /** X-Ray's default extra wait for a workload beyond its runtime before failing the step */
  workloadWaitTimeoutSeconds: 300,
  /** X-Ray's default maximum wait for a node power action (wait_secs) */
  nodeWaitSeconds: 2400,
  /** the results collector keeps one point per this many simulated seconds */
  sampleSeconds: 5,
} as const

export type XrayRules = typeof XRAY_RULES
