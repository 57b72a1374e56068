/**
 * The selected entity's panel: its details on the left, recent events on the right,
 * and an Actions button that opens the same menu the diagram opens.
 */
import { useState } from 'react'
import { Widget } from '../common/Widget'
import { BlockDetails } from './BlockDetails'
import { DiskDetails } from './DiskDetails'
import { kindName, type EntityRef } from './entities'
import { EntityActionMenu } from './EntityActionMenu'
import { EntityEvents } from './EntityEvents'
import { NodeDetails } from './NodeDetails'
import { RackDetails } from './RackDetails'
import type { HardwareData } from './useHardwareData'

export function EntityDetails(props: {
  data: HardwareData
  entity: EntityRef | null
  menuOpen: boolean
  onOpenMenu: (el: HTMLElement) => void
  onCloseMenu: () => void
  onClear: () => void
  /** details above events (a narrow side column) instead of side by side */
  stacked?: boolean
}) {
  const { data, entity } = props
  const [button, setButton] = useState<HTMLButtonElement | null>(null)
  const index = entity ? data.index[entity.kind].get(entity.id) : undefined
  if (!entity || index === undefined) {
    return (
      <Widget title="Details" testId="hardware-details">
        <p className="text-[13px] text-slate-500">
          Select a host, disk, block or rack to see its details and the actions that apply to it.
        </p>
      </Widget>
    )
  }
  const title = `${kindName(entity.kind)} Details`
  return (
    <div className={`grid gap-3 ${props.stacked ? '' : 'lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]'}`}>
      <Widget
        title={title}
        testId="hardware-details"
        actions={
          <div className="relative flex items-center gap-2">
            <button
              ref={setButton}
              type="button"
              className="btn-secondary"
              aria-haspopup="menu"
              aria-expanded={props.menuOpen}
              aria-label={`Actions for ${entity.id}`}
              onClick={(e) => props.onOpenMenu(e.currentTarget)}
            >
              Actions ▾
            </button>
            <button type="button" className="btn-secondary" aria-label="Clear selection" onClick={props.onClear}>
              ×
            </button>
            {props.menuOpen && (
              <EntityActionMenu
                entity={entity}
                faults={data.faults}
                onClose={props.onCloseMenu}
                returnFocus={button}
                style={{ right: 0, top: '100%', marginTop: 4, width: 190 }}
              />
            )}
          </div>
        }
      >
        {entity.kind === 'node' && <NodeDetails data={data} index={index} />}
        {entity.kind === 'disk' && <DiskDetails data={data} index={index} />}
        {entity.kind === 'block' && <BlockDetails data={data} index={index} />}
        {entity.kind === 'rack' && <RackDetails data={data} index={index} />}
      </Widget>
      <Widget title={`${entity.id} Events`}>
        <EntityEvents data={data} entity={entity} />
      </Widget>
    </div>
  )
}
