#!/usr/bin/env node
// `npm run bench`: run every bench/*.bench.ts (model benchmarks, Node) one after another.
// Each prints JSON lines {"name", "ms", "target_ms", "ok", …}. Pass a name filter to run some: npm run bench -- capacity
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const filter = process.argv[2] ?? ''
const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort()
let status = 0
for (const f of files) {
  const r = spawnSync('npx', ['tsx', `bench/${f}`], { stdio: 'inherit' })
  if (r.status !== 0) status = r.status ?? 1
}
process.exit(status)
