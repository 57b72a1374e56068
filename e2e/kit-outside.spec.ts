/**
 * The drill kit works outside this repo: pack it (`npm pack`), make a throwaway Playwright
 * project in a temp folder that depends on the tarball, install it offline (the repo's own
 * @playwright/test is linked in: no network), and run one drill there against the preview
 * server this suite already serves.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from './fixtures'

const run = promisify(execFile)
const REPO = resolve('.')

const DRILL = `import { expect, openScenario, test, type Report } from '@prism-sim/drill-kit'

test('a host fails and HA restarts its VMs', async ({ page, prism }) => {
  const sim = await openScenario(page, 'starter-3', 3, '#/vms/table')
  const r0: Report = await sim.report()
  const victim = r0.vms.find((v) => v.host === 'node-2' && v.power === 'on')!.id
  await sim.inject({ kind: 'node', target: 'node-2' })
  await sim.waitForHaRestarts()
  const r = await sim.report()
  const vm = r.vms.find((v) => v.id === victim)!
  expect(vm.power).toBe('on')
  await expect(page.getByTestId('vm-row-' + victim)).toContainText(vm.host!)
  await prism.frame.goto('#/home')
  await expect(page.getByTestId('resiliency-status')).not.toHaveText('OK')
})
`

test('the packed kit runs a drill in a project of its own', async ({ baseURL }) => {
  test.setTimeout(150_000)
  const dir = mkdtempSync(join(tmpdir(), 'prism-kit-'))
  try {
    await run('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: join(REPO, 'packages/drill-kit') })
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!
    expect(tarball).toMatch(/^prism-sim-drill-kit-.*\.tgz$/)
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'my-drills',
        private: true,
        type: 'module',
        devDependencies: { '@prism-sim/drill-kit': `file:./${tarball}` },
      }),
    )
    writeFileSync(
      join(dir, 'playwright.config.ts'),
      `import { defineConfig } from '@playwright/test'
export default defineConfig({
  testDir: './drills',
  reporter: 'list',
  workers: 1,
  use: {
    baseURL: process.env.PRISM_URL,
    launchOptions: { executablePath: process.env.PRISM_CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] },
  },
})
`,
    )
    rmSync(join(dir, 'drills'), { recursive: true, force: true })
    await run('mkdir', ['-p', join(dir, 'drills')])
    writeFileSync(join(dir, 'drills/ha.spec.ts'), DRILL)
    // the kit's only dependency is its peer @playwright/test: link the repo's copy in (as a team's own project has it)
    await run('npm', ['install', '--offline', '--legacy-peer-deps', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir })
    await run('mkdir', ['-p', join(dir, 'node_modules/@playwright')])
    symlinkSync(join(REPO, 'node_modules/@playwright/test'), join(dir, 'node_modules/@playwright/test'), 'dir')
    await run('mkdir', ['-p', join(dir, 'node_modules/@types')])
    symlinkSync(join(REPO, 'node_modules/@types/node'), join(dir, 'node_modules/@types/node'), 'dir')
    // the kit's types check in a strict project of its own (the drill uses Report, the fixtures, the waits)
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ESNext', 'DOM'], types: ['node'] }, include: ['drills'] }))
    await run('node', [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', dir]).catch((e: { stdout?: string }) => {
      throw new Error(`the drill does not type-check against the packed kit:\n${e.stdout ?? ''}`)
    })
    const chromium = process.env.PRISM_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
    const env = { ...process.env, PRISM_URL: baseURL!, PRISM_CHROMIUM: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', CI: '' }
    const out = await run('node', [join(dir, 'node_modules/@playwright/test/cli.js'), 'test'], { cwd: dir, env }).catch((e: { stdout?: string; stderr?: string }) => {
      throw new Error(`the drill failed outside the repo:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`)
    })
    expect(out.stdout).toContain('1 passed')
    // the installed kit is the packed one (compiled JS + types), not this repo's source
    expect(readdirSync(join(dir, 'node_modules/@prism-sim/drill-kit/dist'))).toContain('index.d.ts')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
