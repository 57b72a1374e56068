/**
 * Screenshots of every page, at 1280×720 and 1920×1080, on the default scenario and during
 * failures, with a few automatic layout checks (text under 11 px, the page scrolling sideways,
 * chart labels outside their chart, cut text). For looking at the UI one picture at a time.
 *
 *   npx vite --host 127.0.0.1 --port 4184 --strictPort &      (or a preview build)
 *   npx tsx scripts/dev/screenshots.ts --base http://127.0.0.1:4184 --out /tmp/shots
 *       [--situation default,node-off,block-down,xray] [--page home,vm-table] [--size 1280,1920]
 *
 * Files: <out>/<situation>--<page>--<width>.png, and <out>/checks.md with what the checks found.
 * Each picture is the page as scrolled to the top, at most three screens tall.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'

interface Shot {
  id: string
  hash: string
  /** after navigating: clicks that bring the page to the state worth seeing */
  prepare?: (page: Page) => Promise<void>
}

const SHOTS: Shot[] = [
  { id: 'home', hash: '#/home' },
  { id: 'health', hash: '#/health' },
  { id: 'vm-overview', hash: '#/vms' },
  {
    id: 'vm-table',
    hash: '#/vms/table',
    prepare: async (page) => {
      await page.getByRole('table', { name: 'VMs' }).locator('tbody tr').first().locator('button').first().click()
    },
  },
  { id: 'storage-overview', hash: '#/storage/overview' },
  { id: 'storage-diagram', hash: '#/storage/diagram' },
  { id: 'storage-table', hash: '#/storage/table' },
  { id: 'hardware-overview', hash: '#/hardware/overview' },
  { id: 'hardware-diagram', hash: '#/hardware/diagram' },
  { id: 'hardware-table', hash: '#/hardware/table' },
  { id: 'analysis', hash: '#/analysis' },
  { id: 'alerts', hash: '#/alerts' },
  { id: 'events', hash: '#/alerts/events' },
  { id: 'tasks', hash: '#/tasks' },
  { id: 'settings', hash: '#/settings' },
  { id: 'io-paths', hash: '#/io-paths' },
  { id: 'ha', hash: '#/ha' },
  { id: 'metadata', hash: '#/metadata' },
  { id: 'runs', hash: '#/runs' },
  { id: 'xray', hash: '#/xray' },
]

type Sim = {
  load(s: string): Promise<void>
  inject(f: unknown): Promise<void>
  advance(s: number): Promise<void>
  loadXray(files: Record<string, string>, o?: unknown): Promise<void>
}
type W = { prismSim?: Sim }

interface Situation {
  id: string
  /** what the pictures show, for checks.md */
  story: string
  setUp: (page: Page) => Promise<void>
  /** page ids worth a picture (default: all but xray) */
  pages?: string[]
}

const api = {
  load: (page: Page, id: string) => page.evaluate((i) => (globalThis as unknown as W).prismSim!.load(i), id),
  inject: (page: Page, fault: unknown) => page.evaluate((f) => (globalThis as unknown as W).prismSim!.inject(f), fault),
  advance: (page: Page, seconds: number) => page.evaluate((s) => (globalThis as unknown as W).prismSim!.advance(s), seconds),
  loadXray: (page: Page, files: Record<string, string>, cluster: string) =>
    page.evaluate(([f, c]) => (globalThis as unknown as W).prismSim!.loadXray(f, { cluster: c }), [files, cluster] as const),
}

const SITUATIONS: Situation[] = [
  {
    id: 'default',
    story: 'twelve-3-blocks, seed 1, 10 minutes after load',
    setUp: async (page) => {
      await api.load(page, 'twelve-3-blocks')
      await api.advance(page, 600)
    },
  },
  {
    id: 'node-off',
    story: 'twelve-3-blocks, node-5 powered off at T+10 min, 3 minutes later (HA restarts done, rebuild running)',
    setUp: async (page) => {
      await api.load(page, 'twelve-3-blocks')
      await api.advance(page, 600)
      await api.inject(page, { kind: 'node', target: 'node-5' })
      await api.advance(page, 180)
    },
  },
  {
    id: 'block-down',
    story: 'twelve-3-blocks, block-2 down at T+10 min, 3 minutes later',
    setUp: async (page) => {
      await api.load(page, 'twelve-3-blocks')
      await api.advance(page, 600)
      await api.inject(page, { kind: 'block', target: 'block-2' })
      await api.advance(page, 180)
    },
  },
  {
    id: 'xray',
    story: 'X-Ray node-outage test on twelve-3-blocks, run to its end',
    pages: ['xray', 'home', 'runs'],
    setUp: async (page) => {
      const dir = join('fixtures', 'xray', 'node-outage')
      const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))
      await api.loadXray(page, files, 'twelve-3-blocks')
      await api.advance(page, 7200)
    },
  },
]

/** Layout checks run in the page: what a reader would trip over. */
async function checks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const vw = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth > vw + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${vw}`)
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0 && !el.closest('.sr-only')
    }
    const small = new Map<string, number>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim()
      const el = n.parentElement
      if (!text || !el || !visible(el)) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      // SVG text is drawn at the chart's scale: measure its rendered height
      let px = size
      if (el instanceof SVGGraphicsElement) {
        const svg = el.ownerSVGElement
        const ctm = el.getScreenCTM()
        if (svg && ctm) px = size * Math.hypot(ctm.a, ctm.b)
      }
      if (px < 10.5) small.set(`${text.slice(0, 30)} (${px.toFixed(1)} px)`, px)
    }
    if (small.size > 0) out.push(`text under 11 px: ${[...small.keys()].slice(0, 12).join(' | ')}${small.size > 12 ? ` … ${small.size} in all` : ''}`)
    // chart labels outside their chart
    const cut: string[] = []
    for (const t of document.querySelectorAll('svg text')) {
      if (!visible(t)) continue
      const svg = (t as SVGTextElement).ownerSVGElement
      if (!svg) continue
      const a = t.getBoundingClientRect()
      const b = svg.getBoundingClientRect()
      if (a.left < b.left - 1 || a.right > b.right + 1 || a.top < b.top - 1 || a.bottom > b.bottom + 1) cut.push((t.textContent ?? '').slice(0, 24))
    }
    if (cut.length > 0) out.push(`chart labels cut by their chart: ${[...new Set(cut)].slice(0, 12).join(' | ')}`)
    // text cut by its box (overflow hidden, no ellipsis meant)
    const clipped: string[] = []
    for (const el of document.querySelectorAll('body *')) {
      if (!(el instanceof HTMLElement) || !visible(el)) continue
      const s = getComputedStyle(el)
      if (s.overflowX !== 'hidden' && s.overflowX !== 'clip') continue
      if (s.textOverflow === 'ellipsis') continue
      if (el.scrollWidth > el.clientWidth + 2 && (el.textContent ?? '').trim()) clipped.push((el.textContent ?? '').trim().slice(0, 30))
    }
    if (clipped.length > 0) out.push(`content cut sideways: ${clipped.slice(0, 8).join(' | ')}`)
    // tables wider than their box (scroll sideways)
    const wide: string[] = []
    for (const el of document.querySelectorAll('.overflow-x-auto')) {
      if (el instanceof HTMLElement && visible(el) && el.scrollWidth > el.clientWidth + 2) wide.push(`${el.querySelector('table')?.getAttribute('aria-label') ?? el.className.slice(0, 30)} (${el.scrollWidth} in ${el.clientWidth})`)
    }
    if (wide.length > 0) out.push(`scrolls sideways inside: ${wide.join(' | ')}`)
    return out
  })
}

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] ?? null) : null
}

async function main() {
  const base = arg('base') ?? 'http://127.0.0.1:4184'
  const out = arg('out') ?? 'test-results/screenshots'
  const onlySituations = arg('situation')?.split(',') ?? null
  const onlyPages = arg('page')?.split(',') ?? null
  const widths = (arg('size') ?? '1280,1920').split(',').map(Number)
  const SIZES: Record<number, number> = { 1280: 720, 1920: 1080 }
  mkdirSync(out, { recursive: true })
  const browser = await chromium.launch({
    executablePath: process.env.PRISM_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const report: string[] = ['# Screenshot checks', '']
  try {
    for (const situation of SITUATIONS) {
      if (onlySituations && !onlySituations.includes(situation.id)) continue
      const pages = SHOTS.filter((s) => (situation.pages ? situation.pages.includes(s.id) : s.id !== 'xray') && (!onlyPages || onlyPages.includes(s.id)))
      if (pages.length === 0) continue
      report.push(`## ${situation.id}: ${situation.story}`, '')
      for (const width of widths) {
        const height = SIZES[width] ?? Math.round((width * 9) / 16)
        const page = await browser.newPage({ viewport: { width, height } })
        page.on('pageerror', (e) => report.push(`- page error: ${e.message}`))
        // tsx names inner functions with esbuild's __name helper; the page has none
        await page.addInitScript('globalThis.__name = (f) => f')
        await page.goto(`${base}/?scenario=twelve-3-blocks&seed=1#/home`)
        await page.waitForFunction(() => (globalThis as unknown as W).prismSim !== undefined, null, { timeout: 60_000 })
        await situation.setUp(page)
        for (const shot of pages) {
          await page.evaluate((h) => (location.hash = h), shot.hash)
          await page.waitForTimeout(400)
          if (shot.prepare) await shot.prepare(page).catch((e: Error) => report.push(`- ${shot.id} ${width}: prepare failed: ${e.message.split('\n')[0]}`))
          await page.waitForTimeout(500)
          await page.evaluate(() => window.scrollTo(0, 0))
          const file = `${situation.id}--${shot.id}--${width}.png`
          const full = await page.evaluate(() => document.documentElement.scrollHeight)
          await page.screenshot({ path: join(out, file), fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(full, height * 3) } })
          const found = await checks(page)
          report.push(`- ${file}${full > height ? ` (page ${full} px tall)` : ''}${found.length ? '' : ': no finding'}`)
          for (const f of found) report.push(`  - ${f}`)
          console.log(file, found.length ? found.join('; ') : 'ok')
        }
        await page.close()
      }
      report.push('')
    }
  } finally {
    await browser.close()
    writeFileSync(join(out, onlySituations || onlyPages ? 'checks-partial.md' : 'checks.md'), report.join('\n') + '\n')
  }
}

void main()
