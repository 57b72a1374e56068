import { chromium } from '@playwright/test'
const [,, url, out, w, h] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] })
const page = await browser.newPage({ viewport: { width: Number(w ?? 1440), height: Number(h ?? 900) } })
page.on('console', (m) => console.log('console', m.type(), m.text()))
page.on('pageerror', (e) => console.log('pageerror', e.message))
await page.goto(url)
await page.waitForFunction(() => window.prismSim, null, { timeout: 20000 }).catch(e => console.log('no prismSim', e.message))
await page.waitForTimeout(800)
await page.screenshot({ path: out, fullPage: false })
await browser.close()
