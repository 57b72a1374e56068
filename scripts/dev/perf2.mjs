import { chromium } from '@playwright/test'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] })
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
await page.goto(process.argv[2])
await page.waitForFunction(() => window.prismSim, null, { timeout: 60000 })
console.log(await page.evaluate(async () => { const t = performance.now(); const r = await window.prismSim.report(); const t2 = performance.now(); const s = JSON.stringify(r); return [t2 - t, performance.now() - t2, s.length] }))
const t = Date.now(); await page.evaluate(async () => JSON.stringify(await window.prismSim.report())); console.log('as string', Date.now() - t)
await browser.close()
