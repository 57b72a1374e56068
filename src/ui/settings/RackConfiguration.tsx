/** Rack Configuration: the fault domains, racks → blocks → nodes, as the scenario defines them. */
import type { Structure } from '../bridge/types'
import { formatBytes } from '../format'
import { SettingsSection } from './SettingsSection'

export function RackConfiguration(props: { structure: Structure }) {
  const s = props.structure
  return (
    <SettingsSection id="racks" title="Rack Configuration">
      <p className="text-xs text-slate-500">
        {s.racks.length} rack{s.racks.length === 1 ? '' : 's'}, {s.blocks.length} block{s.blocks.length === 1 ? '' : 's'}, {s.nodes.length} node
        {s.nodes.length === 1 ? '' : 's'}. Read-only: the layout comes from the scenario.
      </p>
      <ul aria-label="Racks" className="flex flex-col gap-2">
        {s.racks.map((rack) => (
          <li key={rack.id} className="rounded border border-slate-200" data-testid={`settings-rack-${rack.id}`}>
            <div className="flex items-center gap-2 bg-slate-50 px-3 py-1.5 font-semibold text-slate-800">
              <span aria-hidden="true" className="text-slate-400">▣</span> Rack {rack.id}
            </div>
            <ul aria-label={`Blocks in rack ${rack.id}`} className="flex flex-col gap-1 py-1.5 pl-6 pr-3">
              {rack.blocks.map((b) => {
                const block = s.blocks[b]
                return (
                  <li key={block.id}>
                    <div className="font-medium text-slate-800">
                      Block {block.id} <span className="font-normal text-slate-500">· {block.model} · serial {block.serial}</span>
                    </div>
                    <ul aria-label={`Nodes in block ${block.id}`} className="border-l border-slate-200 pl-4 text-[13px]">
                      {block.nodes.map((n) => {
                        const node = s.nodes[n]
                        return (
                          <li key={node.id} className="py-0.5 text-slate-700">
                            <span className="font-medium text-slate-900">{node.id}</span> · host {node.hostIp} · CVM {node.cvmIp} · {node.cpuCores} cores ·{' '}
                            {formatBytes(node.memoryBytes, 0)} · {node.disks.length} disks
                          </li>
                        )
                      })}
                    </ul>
                  </li>
                )
              })}
            </ul>
          </li>
        ))}
      </ul>
    </SettingsSection>
  )
}
