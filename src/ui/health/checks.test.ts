import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKS } from './HealthChecks'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return sources(p)
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })
}

describe('Health checks', () => {
  it('list exactly the alert types the model raises', () => {
    const raised = new Set<string>()
    for (const f of sources(join(__dirname, '../../model'))) {
      const text = readFileSync(f, 'utf8')
      for (const m of text.matchAll(/\.raise\(\s*[^,]+,\s*'(?:critical|warning|info)',\s*'([A-Za-z]+)'/g)) raised.add(m[1])
    }
    expect(raised.size).toBeGreaterThan(10)
    expect([...CHECKS].sort()).toEqual([...raised].sort())
  })
})
