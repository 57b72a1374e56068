#!/usr/bin/env node
// `npm test`: type check, lint, unit tests (Vitest), then end-to-end tests (Playwright, system Chromium).
import { spawnSync } from 'node:child_process'

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } })
  return r.status ?? 1
}
// static checks first: the model's purity rules live in ESLint
let status = run('npx', ['tsc', '--noEmit', '-p', '.'])
if (status !== 0) process.exit(status)
status = run('npx', ['eslint', '.'])
if (status !== 0) process.exit(status)
status = run('npx', ['vitest', 'run'])
if (status !== 0) process.exit(status)
status = run('node', ['scripts/ensure-chromium.mjs'])
if (status !== 0) process.exit(status)
status = run('npx', ['playwright', 'test'])
process.exit(status)
