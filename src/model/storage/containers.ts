/**
 * Containers (seed 004, DOMAIN.md §2): "default-container" with the cluster's RF and EC
 * setting for the VM data, "NutanixManagementShare" for a little replicated data, sized
 * from the scenario's raw use. DataStore (data.ts) places their extent groups and strips.
 */
import { EC_COLD_SHARE, stripShape, type StripShape } from './ec'
import type { ClusterSpec } from '../scenario/normalize'
import { UNIT_BYTES } from '../kernel/units'

export interface ContainerPlan {
  name: string
  rf: number
  erasureCoding: boolean
  /** replicated extent groups at load */
  units: number
  /** EC strips at load */
  strips: number
  /** strip shape (null: EC off or impossible on this layout) */
  shape: StripShape | null
}

export interface Container extends ContainerPlan {
  id: string
  index: number
}

/** (our rule) NutanixManagementShare holds this many GB per node (RF as the cluster, never EC). */
export const MANAGEMENT_SHARE_UNITS_PER_NODE = 2

/**
 * The containers of a cluster built from a scenario: "default-container" with the
 * cluster's RF and EC setting holds the VM data, "NutanixManagementShare" a little
 * replicated data. Sized so their raw use is the scenario's raw use: with EC on and a
 * strip possible on `awarenessUnits` units, EC_COLD_SHARE of the default container's
 * logical data is in strips, the rest in replicas.
 */
export function planContainers(spec: Pick<ClusterSpec, 'replicationFactor' | 'ftLevel' | 'usedRawBytes' | 'erasureCoding' | 'nodes'>, awarenessUnits: number): ContainerPlan[] {
  const rf = spec.replicationFactor
  const rawUnits = spec.usedRawBytes / UNIT_BYTES
  const mgmt = Math.max(0, Math.min(MANAGEMENT_SHARE_UNITS_PER_NODE * spec.nodes.length, Math.floor(rawUnits / (10 * rf))))
  const rest = rawUnits - mgmt * rf
  const shape = spec.erasureCoding ? stripShape(awarenessUnits, spec.ftLevel) : null
  let units: number
  let strips = 0
  if (shape) {
    const width = shape.k + shape.p
    const logical = rest / ((1 - EC_COLD_SHARE) * rf + (EC_COLD_SHARE * width) / shape.k)
    strips = Math.max(0, Math.round((EC_COLD_SHARE * logical) / shape.k))
    units = Math.max(0, Math.round((rest - strips * width) / rf))
  } else units = Math.max(0, Math.round(rest / rf))
  return [
    { name: 'default-container', rf, erasureCoding: spec.erasureCoding, units, strips, shape },
    { name: 'NutanixManagementShare', rf, erasureCoding: false, units: mgmt, strips: 0, shape: null },
  ]
}
