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
import type { Component, DomainType, Report } from '../types'

/**
 * The simulated wall clock: simulated time 0 (scenario load) is 2026-01-01T00:00:00Z.
 * Seconds since the Unix epoch.
 */
export const SIM_EPOCH_SECONDS = 1_767_225_600
export const SIM_EPOCH_ISO = '2026-01-01T00:00:00Z'

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

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** Civil date (UTC) of a day count since 1970-01-01 (H. Hinnant's days_from_civil inverse). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** Java Date.toString() in UTC of a Unix time in seconds: "Thu Jan 01 00:00:00 UTC 2026". */
export function formatJavaDateUtc(unixSeconds: number): string {
  const t = Math.floor(unixSeconds)
  const days = Math.floor(t / 86400)
  const secs = t - days * 86400
  const { year, month, day } = civilFromDays(days)
  const weekday = DAYS[(((days + 4) % 7) + 7) % 7] // 1970-01-01 was a Thursday
  const hh = Math.floor(secs / 3600)
  const mm = Math.floor((secs % 3600) / 60)
  const ss = secs % 60
  return `${weekday} ${MONTHS[month - 1]} ${pad2(day)} ${pad2(hh)}:${pad2(mm)}:${pad2(ss)} UTC ${year}`
}

/** The simulated wall-clock time of `simSeconds` since load, as ncli prints it. */
export function formatSimTime(simSeconds: number): string {
  return formatJavaDateUtc(SIM_EPOCH_SECONDS + simSeconds)
}

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
