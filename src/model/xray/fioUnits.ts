/**
 * fio's value syntax for the options the demand model reads: sizes (`4k`, `1m`, `32G`;
 * fio's default base is 1024), whole counts, durations (`600`, `10m`, `1h`) and
 * `bssplit` lists. Each parser returns a number or a message saying what is wrong.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const SIZE_MULT: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }

/** A size in bytes: `4096`, `4k`, `4K`, `4KiB`, `1m`, `32g` (fio's kb_base=1024). */
export function parseSize(text: string): Parsed<number> {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?$/i.exec(text.trim())
  if (!m) return { ok: false, message: `"${text}" is not a size (e.g. 4k, 64k, 1m, 32g)` }
  const v = Number(m[1]) * SIZE_MULT[m[2].toLowerCase()]
  if (!(v > 0)) return { ok: false, message: `"${text}" must be greater than 0` }
  return { ok: true, value: Math.round(v) }
}

/** A whole number ≥ min. */
export function parseCount(text: string, min: number): Parsed<number> {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return { ok: false, message: `"${text}" is not a whole number` }
  const v = Number(t)
  if (v < min) return { ok: false, message: `"${text}" must be at least ${min}` }
  return { ok: true, value: v }
}

const TIME_MULT: Record<string, number> = { '': 1, s: 1, ms: 0.001, us: 0.000001, m: 60, h: 3600, d: 86400 }

/** A duration in seconds: `600`, `30s`, `10m`, `1h` (fio's default unit is seconds). */
export function parseDuration(text: string): Parsed<number> {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|us|s|m|h|d)?$/i.exec(text.trim())
  if (!m) return { ok: false, message: `"${text}" is not a duration (e.g. 600, 10m, 1h)` }
  return { ok: true, value: Number(m[1]) * TIME_MULT[(m[2] ?? '').toLowerCase()] }
}

/**
 * One direction of `bssplit` (`4k/60:8k/30:64k`): the mean block size in bytes, weighted by
 * the percentages. As in fio, entries without a percentage share what the others leave.
 */
export function parseBssplitMean(text: string): Parsed<number> {
  const parts = text.split(':').map((p) => p.trim()).filter((p) => p !== '')
  if (parts.length === 0) return { ok: false, message: 'is empty' }
  let pctSum = 0, weighted = 0
  const open: number[] = []
  for (const p of parts) {
    const [sizeText, pctText] = p.split('/')
    const size = parseSize(sizeText)
    if (!size.ok) return size
    if (pctText === undefined || pctText.trim() === '') { open.push(size.value); continue }
    const pct = Number(pctText.trim())
    if (!Number.isFinite(pct) || pct < 0) return { ok: false, message: `"${p}": the percentage must be a number ≥ 0` }
    pctSum += pct
    weighted += size.value * pct
  }
  if (pctSum > 100 + 1e-9) return { ok: false, message: `percentages add up to ${pctSum}, more than 100` }
  if (open.length > 0) {
    const share = (100 - pctSum) / open.length
    for (const s of open) weighted += s * share
    pctSum = 100
  }
  if (pctSum <= 0) return { ok: false, message: 'percentages add up to 0' }
  return { ok: true, value: weighted / pctSum }
}

/** `sdb` → 1, `sdz` → 25, `sdaa` → 26: Linux names SCSI disks in bijective base 26. */
export function deviceIndex(device: string): number | null {
  const m = /^\/dev\/sd([a-z]{1,2})$/.exec(device)
  if (!m) return null
  let n = 0
  for (const ch of m[1]) n = n * 26 + (ch.charCodeAt(0) - 96)
  return n - 1
}

/** 1 → `/dev/sdb` (the inverse of deviceIndex). */
export function deviceName(index: number): string {
  let n = index + 1, s = ''
  while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(97 + r) + s; n = Math.floor((n - 1) / 26) }
  return `/dev/sd${s}`
}
