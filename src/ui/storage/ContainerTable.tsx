/** Storage containers (Report.containers): replication factor, erasure coding, used / free physical. */
import { formatBytes } from '../format'
import { useSim } from '../store/simStore'

export function ContainerTable() {
  const containers = useSim((s) => s.summary?.containers)
  const storage = useSim((s) => s.summary?.storage)
  if (!containers || !storage) return null
  // containers share the storage pool: each can grow into the pool's free space
  const poolFree = Math.max(0, storage.totalBytes - storage.usedBytes)
  // a container's used figure counts its copies wherever they are; the Storage Summary only the disks that serve now
  const raw = containers.reduce((a, c) => a + c.rawBytes, 0)
  const offline = raw > storage.usedBytes * 1.001
  return (
    <>
    <table className="w-full text-left text-[13px]" aria-label="Storage containers" data-testid="container-table">
      <thead className="bg-slate-50 text-xs uppercase text-slate-600">
        <tr>
          <th scope="col" className="px-2 py-1.5">Name</th>
          <th scope="col" className="px-2 py-1.5">Replication factor</th>
          <th scope="col" className="px-2 py-1.5">Erasure coding</th>
          <th scope="col" className="px-2 py-1.5 text-right">Logical data</th>
          <th scope="col" className="px-2 py-1.5 text-right">Used (physical)</th>
          <th scope="col" className="px-2 py-1.5 text-right">Free (physical)</th>
        </tr>
      </thead>
      <tbody>
        {containers.map((c) => (
          <tr key={c.id} className="border-t border-slate-100" data-testid={`container-${c.name}`}>
            <td className="px-2 py-1.5 font-medium">{c.name}</td>
            <td className="px-2 py-1.5">RF{c.replicationFactor}</td>
            <td className="px-2 py-1.5">{c.erasureCoding ? (c.ecStrip ? `On (${c.ecStrip.k}/${c.ecStrip.p} strips)` : 'On (no strip fits)') : 'Off'}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{formatBytes(c.logicalBytes)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{formatBytes(c.rawBytes)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{formatBytes(poolFree)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {offline && (
      <p className="mt-2 text-xs text-slate-600" data-testid="container-offline-note">
        Used (physical) counts every copy of the container's data, offline ones included; the Storage Summary counts only the disks that
        serve now ({formatBytes(storage.usedBytes)} used).
      </p>
    )}
    </>
  )
}
