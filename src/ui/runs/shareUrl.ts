/**
 * A run as a URL: `?run=<base64url>` of the run's JSON, deflated when the browser can
 * (prefix `z.`), else plain (prefix `j.`). Parsed at start-up (app/startup.ts).
 */
import type { Run } from '../bridge/types'
import { MAX_JSON_CHARS } from '../../model/scenario/limits'

function toBase64Url(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('is not base64url text')
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream)
  return new Uint8Array(await new Response(out).arrayBuffer())
}

/** Inflate, stopping as soon as the output passes `cap` bytes (a small link must not grow to gigabytes). */
export async function inflateCapped(bytes: Uint8Array, cap: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader()
  const parts: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > cap) {
      await reader.cancel()
      throw new CapError(`inflates to more than ${cap} bytes, the most a run may have`)
    }
    parts.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

class CapError extends Error {}

/** The `run` parameter's value for a run. */
export async function encodeRun(run: Run): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(run))
  if (typeof CompressionStream !== 'undefined') return `z.${toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')))}`
  return `j.${toBase64Url(bytes)}`
}

/** The run a `run` parameter holds (not yet validated), or an Error naming what is wrong. */
export async function decodeRun(param: string): Promise<unknown> {
  const kind = param.slice(0, 2)
  if (kind !== 'z.' && kind !== 'j.') throw new Error('must start with "z." (deflated) or "j." (plain) followed by base64url text')
  let bytes: Uint8Array
  try {
    if (param.length > MAX_JSON_CHARS) throw new CapError(`is ${param.length} characters long, more than the ${MAX_JSON_CHARS} a run may have`)
    bytes = fromBase64Url(param.slice(2))
    if (kind === 'z.') bytes = await inflateCapped(bytes, MAX_JSON_CHARS)
  } catch (e) {
    if (e instanceof CapError) throw new Error(`is too big: it ${e.message}`, { cause: e })
    throw new Error(`can't be decoded (${(e as Error).message || 'corrupt data'}); was the link cut short?`, { cause: e })
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown
  } catch (e) {
    const m = (e as Error).message
    throw new Error(`is not a run: ${m.length > 200 ? `${m.slice(0, 200)}…` : m}`, { cause: e })
  }
}

/** A link to this page that opens the run. */
export async function shareUrl(run: Run): Promise<string> {
  const url = new URL(window.location.href)
  url.search = ''
  url.searchParams.set('run', await encodeRun(run))
  url.hash = '#/runs'
  return url.toString()
}
