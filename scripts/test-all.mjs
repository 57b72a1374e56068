#!/usr/bin/env node
// `npm test`: type check, lint, dependency rules (no cycles, layers), unit tests (Vitest), then end-to-end tests (Playwright, system Chromium).
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
// the layers and no import cycles anywhere (type-only imports included): .dependency-cruiser.cjs
status = run('npx', ['depcruise', 'src', 'scripts', 'bench', 'e2e', '--config', '.dependency-cruiser.cjs'])
if (status !== 0) process.exit(status)
status = run('npx', ['vitest', 'run'])
if (status !== 0) process.exit(status)
status = run('node', ['scripts/ensure-chromium.mjs'])
if (status !== 0) process.exit(status)
status = run('npx', ['playwright', 'test'])
process.exit(status)
