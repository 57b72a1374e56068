/** The failure-detection steps of an incident (seed 003), with when each happened. */
import type { HaIncident } from './useHa'

export interface TimelineStep {
  key: 'T0' | 'T20' | 'T45' | 'T60' | 'T120'
  offset: number
  title: string
  /** simulated time it happened, null while pending */
  at: number | null
}

export function timelineSteps(i: HaIncident): TimelineStep[] {
  const steps: TimelineStep[] = [
    { key: 'T0', offset: 0, title: i.leaderFailure ? `Host ${i.host} with the Acropolis leader becomes unavailable` : `Acropolis leader loses contact with libvirtd on ${i.host}`, at: i.t0 },
    { key: 'T20', offset: 20, title: i.leaderFailure ? 'The remaining hosts elect a new Acropolis leader' : 'Acropolis leader starts a 40-second timeout', at: i.t20 },
  ]
  if (i.kind === 'partition') steps.push({ key: 'T45', offset: 45, title: 'VMs on the partitioned host terminate (45 s after their first failed I/O)', at: i.terminated })
  steps.push(
    { key: 'T60', offset: 60, title: `Every Stargate blocks I/O from ${i.host} and acknowledges`, at: i.t60 },
    { key: 'T120', offset: 120, title: 'The leader restarts the VMs on the other hosts', at: i.t120 },
  )
  return steps
}
