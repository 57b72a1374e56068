/**
 * Which domain the Data Resiliency status judges, and why a status is not OK (DOMAIN.md
 * §12, seed 004: block/rack fault tolerance is "opt-in … or best-effort").
 *
 * Our rules:
 * - Best effort (the default): the domain judged is the awareness in force. A cluster that
 *   never had the units for the desired domain fell back (cluster/awareness.ts) and is
 *   judged at the level it fell back to: OK, not flagged for ever.
 * - Opt-in: the desired domain is the one judged, whatever the cluster can hold. Data is
 *   still placed with the awareness the cluster can hold (the fallback: copies cannot be
 *   spread over units that are not there), so a cluster short of units shows Warning (or
 *   Critical when the node figure is short too) and says why.
 * - The reason names the judged domain's figure against the FT level and the components
 *   that fall short, with their messages (the ncli rows' words); for opt-in without enough
 *   units it says how many units the FT level needs.
 */
import { minimumUnits } from '../../cluster/awareness'
import type { AwarenessMode, Component, Domain, DomainType, FaultToleranceRow, ResiliencyStatus } from '../../types'

export const COMPONENT_WORD: Record<Component, string> = {
  EXTENT_GROUPS: 'Extent Groups',
  OPLOG: 'Oplog',
  METADATA: 'Metadata',
  ZOOKEEPER: 'Zookeeper',
  STARGATE_HEALTH: 'Stargate Health',
  FREE_SPACE: 'Free Space',
  ERASURE_CODE_STRIP_SIZE: 'Erasure Code Strip Size',
  STATIC_CONFIGURATION: 'Static Configuration',
}

const TYPE_OF: Record<Domain, DomainType> = { node: 'NODE', block: 'RACKABLE_UNIT', rack: 'RACK' }
const WORD: Record<Domain, { one: string; many: string; title: string }> = {
  node: { one: 'node', many: 'nodes', title: 'Node' },
  block: { one: 'block', many: 'blocks', title: 'Block' },
  rack: { one: 'rack', many: 'racks', title: 'Rack' },
}

/** The domain the status judges: the desired one when opt-in, else the awareness in force. */
export function judgedDomain(mode: AwarenessMode, desired: Domain, inForce: Domain): Domain {
  return mode === 'opt-in' ? desired : inForce
}

export interface ReasonInput {
  rows: readonly FaultToleranceRow[]
  status: ResiliencyStatus
  mode: AwarenessMode
  desired: Domain
  inForce: Domain
  ftLevel: 1 | 2
  erasureCoding: boolean
  unitCounts: Record<Domain, number>
}

const failures = (n: number, d: Domain) => `${n} ${WORD[d].one} failure${n === 1 ? '' : 's'}`

/** Why the status is not OK, in words; null when it is OK or Computing. */
export function statusReason(x: ReasonInput): string | null {
  if (x.status === 'OK' || x.status === 'Computing') return null
  const judged = judgedDomain(x.mode, x.desired, x.inForce)
  const row = x.rows.find((r) => r.domainType === TYPE_OF[judged])
  const node = x.rows.find((r) => r.domainType === 'NODE')
  const parts: string[] = []
  if (x.mode === 'opt-in' && judged !== x.inForce) {
    const min = minimumUnits(x.ftLevel, x.erasureCoding)
    parts.push(
      `${WORD[judged].title} fault tolerance is opt-in, but the cluster has ${x.unitCounts[judged]} ${x.unitCounts[judged] === 1 ? WORD[judged].one : WORD[judged].many}: ` +
        `FT${x.ftLevel}${x.erasureCoding ? ' with erasure coding' : ''} needs at least ${min}, so data is placed with ${x.inForce} awareness and the cluster cannot tolerate a ${WORD[judged].one} failure`,
    )
  } else if (row && row.failuresTolerable < x.ftLevel) {
    parts.push(`the cluster can tolerate ${failures(row.failuresTolerable, judged)} (FT${x.ftLevel}${x.mode === 'opt-in' ? `, ${judged} fault tolerance opt-in` : ''})${shortfalls(row, x.ftLevel)}`)
  }
  if (node && node.failuresTolerable < x.ftLevel && judged !== 'node')
    parts.push(`only ${failures(node.failuresTolerable, 'node')} can be tolerated${shortfalls(node, x.ftLevel)}`)
  if (parts.length === 0) return null
  const text = parts.join('; ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** ": Extent Groups: <message>; Metadata: <message>" for the components of a row below the FT level. */
function shortfalls(row: FaultToleranceRow, ft: number): string {
  const out: string[] = []
  for (const [c, v] of Object.entries(row.components) as Array<[Component, FaultToleranceRow['components'][Component]]>)
    if (v.failuresTolerable < ft && v.message) out.push(`${COMPONENT_WORD[c]}: ${v.message}`)
  return out.length > 0 ? ` — ${out.join('; ')}` : ''
}
