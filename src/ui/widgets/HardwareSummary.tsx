import { useMemo } from 'react'
import { navigate } from '../app/routes'
import { Widget } from '../common/Widget'
import { useSim } from '../store/simStore'

export function HardwareSummary() {
  const structure = useSim((s) => s.structure)
  const models = useMemo(() => [...new Set(structure?.blocks.map((b) => b.model) ?? [])].join(', '), [structure])
  if (!structure) return null
  return (
    <Widget title="Hardware Summary">
      <button type="button" className="grid w-full grid-cols-3 gap-2 rounded p-1 text-center hover:bg-slate-50" onClick={() => navigate('hardware')} aria-label="Open the Hardware page">
        <span><span className="block text-2xl font-light">{structure.nodes.length}</span><span className="text-xs text-slate-500">Hosts</span></span>
        <span><span className="block text-2xl font-light">{structure.blocks.length}</span><span className="text-xs text-slate-500">Blocks</span></span>
        <span><span className="block text-2xl font-light">{structure.racks.length}</span><span className="text-xs text-slate-500">Racks</span></span>
      </button>
      <p className="mt-2 truncate text-xs text-slate-600" title={models}>Block models: {models}</p>
    </Widget>
  )
}
