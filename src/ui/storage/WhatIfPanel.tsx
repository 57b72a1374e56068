/**
 * "If this node / block / rack failed now, would the cluster heal?" The model answers
 * (whatif.ts through the worker); the answer is refreshed whenever the cluster changes.
 */
import { useEffect, useState } from 'react'
import { simClient } from '../bridge/client'
import type { WhatIfResult } from '../bridge/types'
import { formatBytes, formatDuration } from '../format'
import { useSim } from '../store/simStore'

function useTargets(): Array<{ group: string; ids: string[] }> {
  const structure = useSim((s) => s.structure)
  const removal = useSim((s) => s.state?.removal)
  if (!structure) return []
  // what is still in the cluster (a removed node, and a block or rack it left empty, cannot fail)
  const inCluster = (n: number) => (removal?.[n] ?? 0) !== 2
  const blockIn = (b: number) => structure.blocks[b].nodes.some(inCluster)
  return [
    { group: 'Nodes', ids: structure.nodes.filter((_, i) => inCluster(i)).map((n) => n.id) },
    { group: 'Blocks', ids: structure.blocks.filter((_, b) => blockIn(b)).map((b) => b.id) },
    { group: 'Racks', ids: structure.racks.filter((r) => r.blocks.some(blockIn)).map((r) => r.id) },
  ]
}

function Verdict(props: { r: WhatIfResult }) {
  const { r } = props
  return (
    <div className={`flex flex-col gap-2 rounded border px-3 py-2 text-xs ${r.heals ? 'border-emerald-300 bg-emerald-50' : 'border-red-300 bg-red-50'}`} data-testid="whatif-result" data-heals={String(r.heals)}>
      <p className={`text-sm font-semibold ${r.heals ? 'text-emerald-800' : 'text-red-800'}`}>
        {r.heals ? `Yes: the cluster would heal after losing ${r.target}` : `No: the cluster could not re-protect all data after losing ${r.target}`}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-slate-700">
        <dt>Nodes lost</dt>
        <dd>{r.failedNodes.join(', ')}</dd>
        <dt>Awareness after</dt>
        <dd>
          {r.domainAfter}
          {r.domainAfter !== r.domainBefore ? ` (falls back from ${r.domainBefore})` : ''}
        </dd>
        <dt>Needed (full protection)</dt>
        <dd>{formatBytes(r.neededBytes)}</dd>
        <dt>Survivors can hold</dt>
        <dd>{formatBytes(r.capacityBytes)}</dd>
        {!r.heals && (
          <>
            <dt>Short by</dt>
            <dd className="font-medium text-red-800">{formatBytes(r.shortfallBytes)}</dd>
          </>
        )}
        <dt>To rebuild</dt>
        <dd>
          {formatBytes(r.rebuildBytes)}
          {r.rebuildSeconds !== null && r.rebuildSeconds > 0 ? ` · about ${formatDuration(r.rebuildSeconds)}` : ''}
        </dd>
        <dt>Then tolerates</dt>
        <dd>
          {r.heals ? `${r.failuresTolerableAfter} more ${r.domainAfter} failure${r.failuresTolerableAfter === 1 ? '' : 's'} (FT${r.ftLevel} wants ${r.ftLevel})` : '—'}
        </dd>
        {r.lostBytes > 0 && (
          <>
            <dt>Data lost</dt>
            <dd className="font-medium text-red-800">{formatBytes(r.lostBytes)} would have no surviving copy</dd>
          </>
        )}
      </dl>
    </div>
  )
}

export function WhatIfPanel() {
  const targets = useTargets()
  const version = useSim((s) => s.summary?.version)
  const [target, setTarget] = useState('')
  const [result, setResult] = useState<WhatIfResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!target) return
    let live = true
    simClient.whatIf(target).then(
      (r) => {
        if (!live) return
        setResult(r)
        setError(null)
      },
      (e: unknown) => {
        if (!live) return
        setResult(null)
        setError((e as Error).message)
      },
    )
    return () => {
      live = false
    }
  }, [target, version])
  return (
    <div className="flex flex-col gap-3" data-testid="whatif-panel">
      <p className="text-xs text-slate-600">
        Pick a unit: the model checks whether the survivors could hold every surviving extent group at its full replication factor (copies on distinct units
        of the awareness left), as Curator's rebuild would need.
      </p>
      <label className="flex items-center gap-2 text-sm">
        If this failed now
        <select value={target} onChange={(e) => setTarget(e.target.value)} className="rounded border border-slate-300 px-2 py-1" aria-label="Unit to fail (what-if)">
          <option value="">Choose a node, block or rack…</option>
          {targets.map((g) => (
            <optgroup key={g.group} label={g.group}>
              {g.ids.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {result && !error && <Verdict r={result} />}
    </div>
  )
}
