/**
 * CSV cells the way OWASP's "CSV Injection" page recommends: a cell that starts with =, +, -, @,
 * a tab or a carriage return is prefixed with a single quote so a spreadsheet shows it as text
 * instead of running it as a formula; then every cell is quoted with inner quotes doubled.
 * Numbers are written as they are (a negative number is data, not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  let s = String(v ?? '')
  if (FORMULA_START.test(s)) s = `'${s}`
  return `"${s.replace(/"/g, '""')}"`
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')
}
