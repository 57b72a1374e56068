/** The action menu of one hardware entity: the actions that apply to it now. */
import { useMemo, type CSSProperties } from 'react'
import { ActionMenu } from './ActionMenu'
import { kindName, type EntityRef } from './entities'
import { actionsFor, runAction } from './entityActions'
import { networkActionsFor } from './networkActions'
import { useSim } from '../store/simStore'

export function EntityActionMenu(props: {
  entity: EntityRef
  faults: Map<string, string[]>
  onClose: () => void
  returnFocus?: HTMLElement | SVGElement | null
  style?: CSSProperties
}) {
  const { entity, faults } = props
  const diskPhase = useSim((s) => {
    if (entity.kind !== 'disk' || !s.structure || !s.state) return 0
    const i = s.structure.disks.findIndex((d) => d.id === entity.id)
    return i >= 0 ? (s.state.diskPhase?.[i] ?? 0) : 0
  })
  const maintenance = useSim((s) => {
    const n = s.structure?.nodes.findIndex((x) => x.id === entity.id) ?? -1
    return n >= 0 ? (s.summary?.planned.maintenance[n] ?? 0) : 0
  })
  const structure = useSim((s) => s.structure)
  const state = useSim((s) => s.state)
  const removal = useSim((s) => {
    if (entity.kind !== 'node') return 0
    const n = s.structure?.nodes.findIndex((x) => x.id === entity.id) ?? -1
    return n >= 0 ? (s.state?.removal?.[n] ?? 0) : 0
  })
  const items = useMemo(
    () =>
      [
        ...actionsFor(entity.kind, entity.id, faults.get(entity.id), diskPhase, maintenance, removal),
        ...(structure && state ? networkActionsFor(entity.kind, entity.id, structure, state) : []),
      ].map((a) => ({
        key: a.key,
        label: a.label,
        danger: a.danger,
        onSelect: () => void runAction(a),
      })),
    [entity.kind, entity.id, faults, diskPhase, maintenance, removal, structure, state],
  )
  return (
    <ActionMenu
      label={`${kindName(entity.kind)} ${entity.id} actions`}
      items={items}
      onClose={props.onClose}
      returnFocus={props.returnFocus}
      style={props.style}
      testId="hardware-action-menu"
    />
  )
}
