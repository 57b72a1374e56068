/**
 * Code the UI benchmark installs in the page (page.addInitScript) as `window.__prismBench`.
 * Plain JavaScript text on purpose: tsx would wrap a TS function with helpers (`__name`)
 * the page does not have.
 *
 * - sampleFrames(ms): rAF intervals for `ms` of wall time, the simulated second each frame
 *   showed (the clock's data-seconds), and the Long Animation Frames seen meanwhile.
 * - arm(eventType, selector) / result(): interaction latency measured in the page. A
 *   capture-phase listener on document takes the timeStamp of the next `eventType` event
 *   (the user's input, as the browser stamped it); a MutationObserver notes when
 *   `selector` first matches after it; then one more animation frame and a MessageChannel
 *   message (which runs once that frame has been rendered) mark the painted result.
 */
export const INPAGE_SCRIPT = String.raw`
(() => {
  const clockSeconds = () => {
    const el = document.querySelector('[data-testid="sim-clock"]')
    const s = el ? Number(el.getAttribute('data-seconds')) : NaN
    return Number.isFinite(s) ? s : null
  }
  let armed = null
  const bench = {
    async sampleFrames(duration) {
      const frames = []
      const sim = []
      const laf = []
      let obs = null
      try {
        obs = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            const scripts = (e.scripts || [])
              .slice()
              .sort((a, b) => b.duration - a.duration)
              .slice(0, 3)
              .map((s) => ({ ms: Math.round(s.duration), invoker: s.invoker, fn: s.sourceFunctionName, src: (s.sourceURL || '').split('/').pop() + ':' + s.sourceCharPosition }))
            laf.push({ ms: e.duration, blockingMs: e.blockingDuration, renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0, scripts })
          }
        })
        obs.observe({ type: 'long-animation-frame', buffered: false })
      } catch (_e) {
        obs = null
      }
      await new Promise((resolve) => {
        let last = performance.now()
        const end = last + duration
        function tick(t) {
          frames.push(t - last)
          sim.push(clockSeconds())
          last = t
          if (t < end) requestAnimationFrame(tick)
          else resolve()
        }
        requestAnimationFrame(tick)
      })
      // let the observer deliver the last entries
      await new Promise((r) => setTimeout(r, 50))
      if (obs) obs.disconnect()
      return { frames, sim, laf, lafSupported: obs !== null }
    },
    arm(eventType, selector) {
      if (armed && armed.cleanup) armed.cleanup()
      if (document.querySelector(selector)) throw new Error('already shown before the input: ' + selector)
      const a = { eventType, selector, input: null, dom: null, paint: null, done: null, cleanup: null }
      a.done = new Promise((resolve) => {
        let mo = null
        const finish = () => {
          a.dom = performance.now()
          if (mo) mo.disconnect()
          requestAnimationFrame(() => {
            const ch = new MessageChannel()
            ch.port1.onmessage = () => {
              a.paint = performance.now()
              resolve()
            }
            ch.port2.postMessage(0)
          })
        }
        const onInput = (e) => {
          if (a.input !== null) return
          a.input = e.timeStamp
          document.removeEventListener(eventType, onInput, true)
          if (document.querySelector(selector)) {
            finish()
            return
          }
          mo = new MutationObserver(() => {
            if (a.dom === null && document.querySelector(selector)) finish()
          })
          mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true })
        }
        document.addEventListener(eventType, onInput, true)
        a.cleanup = () => {
          document.removeEventListener(eventType, onInput, true)
          if (mo) mo.disconnect()
        }
      })
      armed = a
      return true
    },
    async result(timeoutMs) {
      const a = armed
      if (!a) throw new Error('nothing armed')
      const timeout = new Promise((r) => setTimeout(() => r('timeout'), timeoutMs || 10000))
      const r = await Promise.race([a.done, timeout])
      a.cleanup()
      armed = null
      if (r === 'timeout') return { timeout: true, input: a.input, dom: a.dom }
      return { inputToDom: a.dom - a.input, inputToPaint: a.paint - a.input }
    },
  }
  Object.defineProperty(window, '__prismBench', { value: bench, configurable: true })
})()
`
