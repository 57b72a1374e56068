/** Test helper: a fixture folder of fixtures/xray/ as file name → text (Node only). */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'xray')

export function fixture(name: string): Record<string, string> {
  const dir = join(FIXTURES, name)
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]))
}

export const GOOD_FIXTURES = ['node-outage', 'rolling-reboot', 'peak-corners', 'planned-moves'] as const
