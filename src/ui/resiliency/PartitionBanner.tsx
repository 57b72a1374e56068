/**
 * A network partition is on (DOMAIN.md §10): a banner under the top bar names the hosts cut off
 * from the side that keeps the cluster and what happens to their VMs, on every page.
 */
import { POWER_ON, POWER_RESTARTING } from '../bridge/types'
import { useSim } from '../store/simStore'

const PARTITIONED = 2

export function PartitionBanner() {
  const cut = useSim((s) => {
    if (!s.structure || !s.state) return ''
    const ids: string[] = []
    s.state.hostState.forEach((st, i) => {
      if (st === PARTITIONED) ids.push(s.structure!.nodes[i].id)
    })
    return ids.join(', ')
  })
  const quorum = useSim((s) => s.summary?.ha?.quorum !== false)
  // where their VMs are now: still running cut off, waiting for HA, or already restarted
  const vmsNow = useSim((s) => {
    if (!s.state || !s.vms) return 'running'
    let running = 0
    let restarting = 0
    s.vms.power.forEach((p, v) => {
      if (p === POWER_RESTARTING) restarting++
      else if (p === POWER_ON && s.state!.hostState[s.vms!.host[v]] === PARTITIONED) running++
    })
    return running > 0 ? 'running' : restarting > 0 ? 'restarting' : 'done'
  })
  if (cut === '') return null
  const count = cut.split(', ').length
  const what =
    vmsNow === 'running'
      ? ` VMs there stop 45 s after their first failed I/O${quorum ? ' and HA restarts them on this side at T120' : ''}.`
      : vmsNow === 'restarting'
        ? ` Their VMs have stopped${quorum ? '; HA restarts them on this side at T120' : ''}.`
        : ` Their VMs stopped${quorum ? ' and HA restarted them on this side' : ''}.`
  return (
    <div role="status" data-testid="partition-banner" className="flex items-center gap-3 bg-amber-800 px-4 py-2 text-sm text-white">
      <span className="font-semibold">Network partition</span>
      <span>
        {count === 1 ? `1 host (${cut}) is` : `${count} hosts (${cut}) are`} cut off from the cluster
        {quorum ? ', which keeps running on the side with the Zookeeper majority' : '; no side holds a Zookeeper majority'}.{what}
      </span>
      <a href="#/hardware" className="ml-auto whitespace-nowrap underline underline-offset-2">
        View hardware
      </a>
    </div>
  )
}
