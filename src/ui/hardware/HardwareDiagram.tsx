/**
 * The Hardware diagram: racks → blocks (chassis) → nodes → disk slots, from the store,
 * coloured by state. d3 computes the geometry; React draws the SVG. Activating an
 * element selects it and opens its action menu next to it.
 * Each element is a memo component with primitive props (state words, what a disk
 * shows of its usage), so a delta re-renders only the elements whose look changed:
 * during a rebuild of a 64-node cluster that is a few disks per frame, not 900 elements.
 */
import { memo, useMemo, useState } from 'react'
import { DiagramBlock } from './DiagramBlock'
import { DiagramDisk, diskUsage } from './DiagramDisk'
import { DiagramNode } from './DiagramNode'
import { DiagramRack } from './DiagramRack'
import { computeLayout, type Box, type DiagramLayout } from './diagramLayout'
import { blockState, clusterCounts, diskState, nodeState, rackState, type EntityKind, type EntityRef } from './entities'
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
  // removed nodes are gone from the diagram (and blocks or racks they leave empty)
  const structure = data.shown
  const [container, setContainer] = useState<HTMLDivElement | null>(null)
  const width = useElementWidth(container)
  const layout = useMemo(() => (width > 0 ? computeLayout(structure, width) : null), [structure, width])

  const zoom = layout ? Math.max(1, Math.min(MAX_ZOOM, width / layout.width)) : 1
  const anchor = layout && selected && props.menuOpen ? anchorBox(layout, data, selected) : null

  return (
    <div ref={setContainer} className="relative w-full" data-testid="hardware-diagram">
      {layout && <DiagramSvg data={data} layout={layout} zoom={zoom} selected={selected} onActivate={onActivate} />}
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

/** The SVG itself: a memo of its own, so opening or closing a menu does not walk the 900 elements. */
const DiagramSvg = memo(function DiagramSvg(props: {
  data: HardwareData
  layout: DiagramLayout
  zoom: number
  selected: EntityRef | null
  onActivate: (kind: EntityKind, id: string, el: SVGGElement) => void
}) {
  const { data, layout, zoom, selected, onActivate } = props
  const { shown: structure, state, hostVms } = data
  const zk = useMemo(() => new Set(state.zookeeper), [state.zookeeper])
  const rackNodes = useMemo(() => structure.racks.map((r) => r.blocks.reduce((n, b) => n + structure.blocks[b].nodes.length, 0)), [structure])
  const isSel = (kind: EntityKind, id: string) => selected !== null && selected.kind === kind && selected.id === id
  const counts = useMemo(() => clusterCounts(data.structure, state), [data.structure, state])
  return (
    <svg
      width={Math.floor(layout.width * zoom)}
      height={Math.ceil(layout.height * zoom)}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-label={`Hardware diagram: ${counts.racks} racks, ${counts.blocks} blocks, ${counts.hosts} hosts, ${counts.disks} disks`}
      className="block select-none"
      fontFamily="inherit"
    >
      {structure.racks.map((r, ri) => layout.racks[ri] && (
        <g key={r.id}>
          <DiagramRack
            rack={r}
            nodeCount={rackNodes[ri]}
            geometry={layout.racks[ri]}
            state={rackState(structure, state, ri)}
            selected={isSel('rack', r.id)}
            onActivate={onActivate}
          />
          {r.blocks.map((bi) => {
            const b = structure.blocks[bi]
            return (
              <g key={b.id}>
                <DiagramBlock block={b} geometry={layout.blocks[bi]} state={blockState(structure, state, bi)} selected={isSel('block', b.id)} onActivate={onActivate} />
                {b.nodes.map((i) => {
                  const n = structure.nodes[i]
                  const dim = state.hostState[i] === 1
                  return (
                    <g key={n.id}>
                      <DiagramNode
                        node={n}
                        geometry={layout.nodes[i]}
                        compact={layout.compact}
                        showIp={layout.showIp}
                        state={nodeState(state, i)}
                        zookeeper={zk.has(i)}
                        leader={state.leader === i}
                        ring={state.ringMember[i] === 1}
                        vmCount={hostVms.count[i]}
                        selected={isSel('node', n.id)}
                        onActivate={onActivate}
                      />
                      {n.disks.map((d) => {
                        const disk = structure.disks[d]
                        const box = layout.disks[d]
                        return (
                          <DiagramDisk
                            key={disk.id}
                            disk={disk}
                            box={box}
                            state={diskState(state, d)}
                            {...diskUsage(disk.capacityBytes, state.diskUsedBytes[d], box)}
                            dim={dim}
                            selected={isSel('disk', disk.id)}
                            onActivate={onActivate}
                          />
                        )
                      })}
                    </g>
                  )
                })}
              </g>
            )
          })}
        </g>
      ))}
    </svg>
  )
})
