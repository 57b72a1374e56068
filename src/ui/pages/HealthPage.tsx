/** Prism's Health page: VMs, hosts and disks by health, the checks that fail now, and every check's state. */
import { useMemo } from 'react'
import { diskHealth, hostHealth, vmHealth } from '../health/entityHealth'
import { FailedChecks } from '../health/FailedChecks'
import { HealthChecks } from '../health/HealthChecks'
import { HealthSummaryCard } from '../health/HealthSummaryCard'
import { useSim } from '../store/simStore'

export function HealthPage(_props: { view: string | null }) {
  const structure = useSim((s) => s.structure)
  const state = useSim((s) => s.state)
  const vms = useSim((s) => s.vms)
  const hosts = useMemo(() => (structure && state ? hostHealth(structure, state) : null), [structure, state])
  const disks = useMemo(() => (structure && state ? diskHealth(structure, state) : null), [structure, state])
  const vmTally = useMemo(() => (structure && state && vms ? vmHealth(structure, state, vms) : null), [structure, state, vms])
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 lg:grid-cols-3">
        {vmTally && <HealthSummaryCard title="VMs" testId="health-vms" tally={vmTally} />}
        {hosts && <HealthSummaryCard title="Hosts" testId="health-hosts" tally={hosts} />}
        {disks && <HealthSummaryCard title="Disks" testId="health-disks" tally={disks} />}
      </div>
      <div className="grid gap-3 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <FailedChecks />
        <HealthChecks />
      </div>
    </div>
  )
}
