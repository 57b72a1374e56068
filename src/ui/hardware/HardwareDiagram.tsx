/**
 * The Hardware diagram: racks → blocks (chassis) → nodes → disk slots, from the store,
 * coloured by state. d3 computes the geometry; React draws the SVG. Activating an
 * element selects it and opens its action menu next to it.
 */
import { useMemo, useState } from 'react'
import { DiagramBlock } from './DiagramBlock'
import { DiagramDisk } from './DiagramDisk'
import { DiagramNode } from './DiagramNode'
import { DiagramRack } from './DiagramRack'
import { computeLayout, type Box, type DiagramLayout } from './diagramLayout'
import { blockState, diskState, nodeState, rackState, type EntityKind, type EntityRef } from './entities'
import { EntityActionMenu } from './EntityActionMenu'
import type { HardwareData } from './useHardwareData'
import { useElementWidth } from './useElementWidth'

const MENU_WIDTH = 190
/** small clusters are drawn larger, up to this zoom */
const MAX_ZOOM = 1.5

function anchorBox(layout: DiagramLayout, data: HardwareData, ref: EntityRef): Box | null {
  const i = data.index[ref.kind].get(ref.id)
  if (i === undefined) return null
  if (ref.kind === 'disk') return layout.disks[i] ?? null
  if (ref.kind === 'node') return layout.nodes[i]?.header ?? null
  if (ref.kind === 'block') return layout.blocks[i]?.header ?? null
  return layout.racks[i]?.header ?? null
}

export function HardwareDiagram(props: {
  data: HardwareData
  selected: EntityRef | null
  menuOpen: boolean
  returnFocus: Element | null
  onActivate: (kind: EntityKind, id: string, el: SVGGElement) => void
  onCloseMenu: () => void
}) {
  const { data, selected, onActivate } = props
  const { structure, state, hostVms } = data
  const [container, setContainer] = useState<HTMLDivElement | null>(null)
  const width = useElementWidth(container)
  const layout = useMemo(() => (width > 0 ? computeLayout(structure, width) : null), [structure, width])

  const zk = useMemo(() => new Set(state.zookeeper), [state.zookeeper])
  const rackNodes = useMemo(() => structure.racks.map((r) => r.blocks.reduce((n, b) => n + structure.blocks[b].nodes.length, 0)), [structure])
  const isSel = (kind: EntityKind, id: string) => selected !== null && selected.kind === kind && selected.id === id

  const zoom = layout ? Math.max(1, Math.min(MAX_ZOOM, width / layout.width)) : 1
  const anchor = layout && selected && props.menuOpen ? anchorBox(layout, data, selected) : null

  return (
    <div ref={setContainer} className="relative w-full" data-testid="hardware-diagram">
      {layout && (
        <svg
          width={Math.floor(layout.width * zoom)}
          height={Math.ceil(layout.height * zoom)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={`Hardware diagram: ${structure.racks.length} racks, ${structure.blocks.length} blocks, ${structure.nodes.length} hosts, ${structure.disks.length} disks`}
          className="block select-none"
          fontFamily="inherit"
        >
          {structure.racks.map((r, ri) => (
            <DiagramRack
              key={r.id}
              rack={r}
              nodeCount={rackNodes[ri]}
              geometry={layout.racks[ri]}
              state={rackState(structure, state, ri)}
              selected={isSel('rack', r.id)}
              onActivate={onActivate}
            >
              {r.blocks.map((bi) => {
                const b = structure.blocks[bi]
                return (
                  <DiagramBlock key={b.id} block={b} geometry={layout.blocks[bi]} state={blockState(structure, state, bi)} selected={isSel('block', b.id)} onActivate={onActivate}>
                    {b.nodes.map((i) => {
                      const n = structure.nodes[i]
                      return (
                        <DiagramNode
                          key={n.id}
                          node={n}
                          geometry={layout.nodes[i]}
                          compact={layout.compact}
                          showIp={layout.showIp}
                          state={nodeState(state, i)}
                          roles={{ zookeeper: zk.has(i), leader: state.leader === i, ring: state.ringMember[i] === 1 }}
                          vmCount={hostVms.count[i]}
                          selected={isSel('node', n.id)}
                          onActivate={onActivate}
                        >
                          {n.disks.map((d) => (
                            <DiagramDisk
                              key={structure.disks[d].id}
                              disk={structure.disks[d]}
                              box={layout.disks[d]}
                              state={diskState(state, d)}
                              usedBytes={state.diskUsedBytes[d]}
                              dim={state.hostState[i] === 1}
                              selected={isSel('disk', structure.disks[d].id)}
                              onActivate={onActivate}
                            />
                          ))}
                        </DiagramNode>
                      )
                    })}
                  </DiagramBlock>
                )
              })}
            </DiagramRack>
          ))}
        </svg>
      )}
      {anchor && selected && (
        <EntityActionMenu
          entity={selected}
          faults={data.faults}
          onClose={props.onCloseMenu}
          returnFocus={props.returnFocus as HTMLElement | SVGElement | null}
          style={{
            left: Math.max(0, Math.min(anchor.x * zoom, width - MENU_WIDTH)),
            top: (anchor.y + anchor.h) * zoom + 4,
            width: MENU_WIDTH,
          }}
        />
      )}
    </div>
  )
}
