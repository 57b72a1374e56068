#!/usr/bin/env node
// Makes sure a Chromium for Playwright exists: $PRISM_CHROMIUM, /usr/bin/chromium, or
// Debian's package installed with apt-get when running as root.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const wanted = process.env.PRISM_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (existsSync(wanted)) process.exit(0)
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const sudo = isRoot ? '' : 'sudo '
console.log(`[ensure-chromium] ${wanted} not found: installing Debian's chromium with apt-get`)
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' })
} catch {
  console.error('[ensure-chromium] could not install chromium. Install it (apt-get install -y chromium) or set PRISM_CHROMIUM to a Chromium binary.')
  process.exit(1)
}
if (!existsSync(wanted)) {
  console.error(`[ensure-chromium] chromium installed but ${wanted} is missing; set PRISM_CHROMIUM`)
  process.exit(1)
}
