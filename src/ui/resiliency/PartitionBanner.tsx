/**
 * A network partition is on (DOMAIN.md §10): a banner under the top bar names the hosts cut off
 * from the side that keeps the cluster and what happens to their VMs, on every page.
 */
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
  if (cut === '') return null
  const count = cut.split(', ').length
  return (
    <div role="status" data-testid="partition-banner" className="flex items-center gap-3 bg-amber-800 px-4 py-2 text-sm text-white">
      <span className="font-semibold">Network partition</span>
      <span>
        {count === 1 ? `1 host (${cut}) is` : `${count} hosts (${cut}) are`} cut off from the cluster
        {quorum ? ', which keeps running on the side with the Zookeeper majority' : '; no side holds a Zookeeper majority'}. VMs there stop 45 s
        after their first failed I/O{quorum ? ' and HA restarts them on this side at T120' : ''}.
      </span>
      <a href="#/hardware" className="ml-auto whitespace-nowrap underline underline-offset-2">
        View hardware
      </a>
    </div>
  )
}
