/**
 * What `ncli cluster get-domain-fault-tolerance-status type=<type>` prints on a CVM
 * (seed 004), rendered from a Report. Pure and deterministic: the host's clock and time
 * zone play no part.
 *
 * Layout of the real tool: a blank line, then one block per component, blocks separated
 * by a blank line; each line is indented by 4 spaces, the label padded to 26 columns,
 * then ": " and the value (the details line keeps its trailing space when empty):
 *
 *     Domain Type               : NODE
 *     Component Type            : STATIC_CONFIGURATION
 *     Current Fault Tolerance   : 1
 *     Fault Tolerance Details   :
 *     Last Update Time          : Thu Jan 01 00:00:00 UTC 2026
 *
 * Components come in the order the real tool lists them (from published outputs; the
 * newer STARGATE_HEALTH last). Last Update Time is Java's Date.toString() format
 * ("EEE MMM dd HH:mm:ss zzz yyyy") in UTC of SIM_EPOCH + the report's
 * resiliency.lastUpdateTime: the simulated time of the last change of cluster state
 * (Simulation.invalidate), when the model recomputes every figure. It is the same for
 * every component (the real tool stamps each record when its monitor last wrote it).
 */
import { formatSimTime } from '../kernel/calendar'
import type { Component, DomainType, Report } from '../types'

export { civilFromDays, formatJavaDateUtc, formatSimTime, SIM_EPOCH_ISO, SIM_EPOCH_SECONDS } from '../kernel/calendar'

export type NcliDomainType = 'disk' | 'node' | 'rackable_unit' | 'rack'

const DOMAIN_TYPE_OF: Record<NcliDomainType, DomainType> = { disk: 'DISK', node: 'NODE', rackable_unit: 'RACKABLE_UNIT', rack: 'RACK' }

/** Order of the component blocks in ncli's output. */
export const NCLI_COMPONENT_ORDER: readonly Component[] = [
  'STATIC_CONFIGURATION',
  'ERASURE_CODE_STRIP_SIZE',
  'METADATA',
  'ZOOKEEPER',
  'EXTENT_GROUPS',
  'OPLOG',
  'FREE_SPACE',
  'STARGATE_HEALTH',
]

const LABEL_WIDTH = 26

function line(label: string, value: string): string {
  return `    ${label.padEnd(LABEL_WIDTH)}: ${value}`
}

/** `ncli cluster get-domain-fault-tolerance-status type=<type>` for the state in `report`. */
export function formatDomainFaultToleranceStatus(report: Pick<Report, 'resiliency' | 'time'>, type: NcliDomainType): string {
  const domainType = DOMAIN_TYPE_OF[type]
  if (!domainType) throw new Error(`unknown domain type "${String(type)}" (expected disk, node, rackable_unit or rack)`)
  const row = report.resiliency.faultTolerance.find((r) => r.domainType === domainType)
  if (!row) return '\n'
  const updated = formatSimTime(report.resiliency.lastUpdateTime ?? report.time)
  const blocks = NCLI_COMPONENT_ORDER.filter((c) => row.components[c] !== undefined).map((c) => {
    const st = row.components[c]
    return [
      line('Domain Type', domainType),
      line('Component Type', c),
      line('Current Fault Tolerance', String(st.failuresTolerable)),
      line('Fault Tolerance Details', st.message ?? ''),
      line('Last Update Time', updated),
    ].join('\n')
  })
  return `\n${blocks.join('\n\n')}\n`
}
