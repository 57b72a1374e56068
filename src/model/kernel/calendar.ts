/** The simulated calendar: the wall-clock date of simulated time, as the cluster's tools print it. Pure: the host's clock and time zone play no part. */

/**
 * The simulated wall clock: simulated time 0 (scenario load) is 2026-01-01T00:00:00Z.
 * Seconds since the Unix epoch.
 */
export const SIM_EPOCH_SECONDS = 1_767_225_600
export const SIM_EPOCH_ISO = '2026-01-01T00:00:00Z'

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
