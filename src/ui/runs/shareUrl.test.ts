import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { MAX_JSON_CHARS } from '../../model/scenario/limits'
import { decodeRun, inflateCapped } from './shareUrl'

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

describe('share links inflate with a cap (issue 21)', () => {
  it('a small link that inflates past the cap is refused early with a clear message', async () => {
    const bomb = deflateRawSync(Buffer.alloc(200_000_000, 0x20)) // 200 MB of spaces in ~200 kB
    expect(bomb.length).toBeLessThan(300_000)
    const t0 = performance.now()
    await expect(decodeRun(`z.${b64url(bomb)}`)).rejects.toThrow(`is too big: it inflates to more than ${MAX_JSON_CHARS} bytes, the most a run may have`)
    expect(performance.now() - t0).toBeLessThan(5000)
  })
  it('under the cap it inflates whole', async () => {
    const text = JSON.stringify({ a: 'x'.repeat(100_000) })
    const out = await inflateCapped(deflateRawSync(Buffer.from(text)), MAX_JSON_CHARS)
    expect(new TextDecoder().decode(out)).toBe(text)
    expect(await decodeRun(`z.${b64url(deflateRawSync(Buffer.from(text)))}`)).toEqual(JSON.parse(text))
  })
  it('a link longer than the cap is refused before decoding', async () => {
    await expect(decodeRun(`j.${'A'.repeat(MAX_JSON_CHARS + 1)}`)).rejects.toThrow(/is too big: it is 8000003 characters long/)
  })
})
