/** Hardware → Overview: hosts, disks by tier, CPU, memory, top hosts — all from the store. */
import { useMemo } from 'react'
import { Widget } from '../common/Widget'
import type { IoSection } from '../bridge/types'
import { formatBytes } from '../format'
import { formatIops } from '../iopaths/ioFormat'
import { useSim } from '../store/simStore'
import { BigStat } from './BigStat'
import { DetailsList } from './DetailsList'
import { blockState, clusterCounts, diskState, nodeGone, nodeState, rackState, type NodeState } from './entities'
import { TopHosts } from './TopHosts'
import type { HardwareData } from './useHardwareData'

function summarise(data: HardwareData, io: IoSection | null) {
  const { structure, state, hostVms, nodeStorage } = data
  const hosts: Record<NodeState, number> = { up: 0, down: 0, partitioned: 0, 'cvm-down': 0, maintenance: 0, removing: 0 }
  // a removed node is no longer part of the hardware
  structure.nodes.forEach((_, i) => {
    if (!nodeGone(state, i)) hosts[nodeState(state, i)]++
  })
  const cvmsDown = state.cvmState.reduce((n, c, i) => n + (c === 1 && !nodeGone(state, i) ? 1 : 0), 0)
  const tiers = (['SSD', 'HDD'] as const).map((tier) => {
    let count = 0
    let offline = 0
    let capacity = 0
    let used = 0
    structure.disks.forEach((d, i) => {
      if (d.tier !== tier || nodeGone(state, d.node)) return
      count++
      // offline as the Analysis page counts it: offline itself, or behind a host or CVM that does not serve
      if (diskState(state, i) === 'offline' || state.hostState[d.node] !== 0 || state.cvmState[d.node] !== 0) offline++
      capacity += d.capacityBytes
      used += state.diskUsedBytes[i] ?? 0
    })
    return { tier, count, offline, capacity, used }
  })
  const models = new Map<string, number>()
  structure.blocks.forEach((b) => {
    if (b.nodes.some((n) => !nodeGone(state, n))) models.set(b.model, (models.get(b.model) ?? 0) + 1)
  })
  let cores = 0
  let coresUp = 0
  let memory = 0
  let cvmMemory = 0
  let vcpus = 0
  let vmMemory = 0
  let freeUp = 0
  structure.nodes.forEach((n, i) => {
    if (nodeGone(state, i)) return
    // memory VMs could still use: on the hosts that are up
    if (state.hostState[i] === 0) freeUp += Math.max(0, n.memoryBytes - n.cvmMemoryBytes - hostVms.memoryBytes[i])
    cores += n.cpuCores
    if (state.hostState[i] !== 1) coresUp += n.cpuCores
    memory += n.memoryBytes
    cvmMemory += n.cvmMemoryBytes
    vcpus += hostVms.vcpus[i]
    vmMemory += hostVms.memoryBytes[i]
  })
  const inCluster = structure.nodes.flatMap((n, i) => (nodeGone(state, i) ? [] : [{ n, i }]))
  const memoryTop = inCluster.map(({ n, i }) => ({
    id: n.id,
    value: hostVms.memoryBytes[i],
    max: n.memoryBytes - n.cvmMemoryBytes,
    text: `${formatBytes(hostVms.memoryBytes[i])} of ${formatBytes(n.memoryBytes - n.cvmMemoryBytes)}`,
  }))
  const storageTop = inCluster.map(({ n, i }) => ({
    id: state.hostState[i] === 1 ? `${n.id} (down)` : n.id,
    value: nodeStorage.usedBytes[i],
    max: nodeStorage.capacityBytes[i],
    text: `${formatBytes(nodeStorage.usedBytes[i])} of ${formatBytes(nodeStorage.capacityBytes[i])}`,
  }))
  // the I/O model's figures per host: CPU of its VMs and CVM, IOPS its Stargate serves
  const up = (i: number) => state.hostState[i] === 0 && !nodeGone(state, i)
  const cpuTop = structure.nodes.flatMap((n, i) => (up(i) ? [{ id: n.id, value: io?.nodeCpuPct[i] ?? 0, max: 100, text: `${(io?.nodeCpuPct[i] ?? 0).toFixed(1)} % of ${n.cpuCores} cores` }] : []))
  const busiest = Math.max(1, ...structure.nodes.map((_, i) => io?.sgIops[i] ?? 0))
  const iopsTop = structure.nodes.flatMap((n, i) => (up(i) ? [{ id: n.id, value: io?.sgIops[i] ?? 0, max: busiest, text: `${formatIops(io?.sgIops[i] ?? 0)} IOPS` }] : []))
  return {
    counts: clusterCounts(structure, state),
    cpuTop,
    iopsTop,
    hosts,
    cvmsDown,
    blocksDown: structure.blocks.filter((_, i) => blockState(structure, state, i) === 'down').length,
    racksDown: structure.racks.filter((_, i) => rackState(structure, state, i) === 'down').length,
    tiers,
    models: [...models].map(([m, c]) => `${m} × ${c}`).join(', '),
    cores,
    coresUp,
    memory,
    cvmMemory,
    vcpus,
    vmMemory,
    freeUp,
    memoryTop,
    storageTop,
  }
}

export function HardwareOverview(props: { data: HardwareData }) {
  const io = useSim((st) => st.io)
  const s = useMemo(() => summarise(props.data, io), [props.data, io])
  return (
    <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3" data-testid="hardware-overview">
      <Widget title="Hardware Summary" testId="hardware-summary">
        <BigStat value={String(s.counts.hosts)} caption="Hosts" testId="overview-host-count" />
        <DetailsList
          rows={[
            { label: 'Hosts up', value: String(s.hosts.up + s.hosts['cvm-down']) },
            { label: 'Hosts down', value: String(s.hosts.down) },
            { label: 'Hosts partitioned', value: String(s.hosts.partitioned) },
            { label: 'CVMs down', value: String(s.cvmsDown) },
            { label: 'Blocks', value: `${s.counts.blocks}${s.blocksDown ? ` (${s.blocksDown} down)` : ''}` },
            { label: 'Racks', value: `${s.counts.racks}${s.racksDown ? ` (${s.racksDown} down)` : ''}` },
            { label: 'Block models', value: s.models },
          ]}
        />
      </Widget>
      <Widget title="Disks" testId="hardware-disks">
        <BigStat value={String(s.counts.disks)} caption="Disks" />
        <table className="mt-2 w-full text-[13px]" aria-label="Disks by tier">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1 text-left font-semibold">Tier</th>
              <th scope="col" className="py-1 text-right font-semibold">Disks</th>
              <th scope="col" className="py-1 text-right font-semibold">Offline</th>
              <th scope="col" className="py-1 text-right font-semibold">Used</th>
              <th scope="col" className="py-1 text-right font-semibold">Capacity</th>
            </tr>
          </thead>
          <tbody>
            {s.tiers.map((t) => (
              <tr key={t.tier} className="border-t border-slate-100" data-testid={`tier-${t.tier}`}>
                <th scope="row" className="py-1 text-left font-medium">{t.tier}</th>
                <td className="py-1 text-right tabular-nums">{t.count}</td>
                <td className={`py-1 text-right tabular-nums ${t.offline ? 'font-semibold text-red-700' : ''}`}>{t.offline}</td>
                <td className="py-1 text-right tabular-nums">{formatBytes(t.used)}</td>
                <td className="py-1 text-right tabular-nums">{formatBytes(t.capacity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Widget>
      <Widget title="CPU" testId="hardware-cpu">
        <BigStat value={String(s.cores)} caption="Cores" />
        <DetailsList
          rows={[
            { label: 'Cores on running hosts', value: String(s.coresUp) },
            { label: 'vCPUs of running VMs', value: String(s.vcpus) },
            { label: 'vCPU : core', value: s.coresUp > 0 ? `${(s.vcpus / s.coresUp).toFixed(2)} : 1` : '—' },
          ]}
        />
      </Widget>
      <Widget title="Memory" testId="hardware-memory">
        <BigStat value={formatBytes(s.memory, 1)} caption="Total" />
        <DetailsList
          rows={[
            { label: 'CVM memory', value: formatBytes(s.cvmMemory) },
            { label: 'Used by running VMs', value: formatBytes(s.vmMemory) },
            { label: s.hosts.down + s.hosts.partitioned > 0 ? 'Free for VMs (hosts up)' : 'Free for VMs', value: formatBytes(s.freeUp) },
          ]}
        />
      </Widget>
      <Widget title="Top Hosts by Memory Usage">
        <TopHosts label="Top hosts by memory used by VMs" rows={s.memoryTop} testId="top-hosts-memory" />
      </Widget>
      <Widget title="Top Hosts by Storage Usage">
        <TopHosts label="Top hosts by storage used" rows={s.storageTop} testId="top-hosts-storage" />
      </Widget>
      <Widget title="Top Hosts by CPU Usage">
        <TopHosts label="Top hosts by CPU usage" rows={s.cpuTop} share={false} testId="top-hosts-cpu" />
      </Widget>
      <Widget title="Top Hosts by Controller IOPS">
        <TopHosts label="Top hosts by controller IOPS (their Stargate)" rows={s.iopsTop} share={false} relative testId="top-hosts-iops" />
      </Widget>
    </div>
  )
}
