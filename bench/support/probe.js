/* global window, document, performance, requestAnimationFrame, MessageChannel, MutationObserver, PerformanceObserver, CSS */
/*
 * Runs in the page before the app (Playwright's addInitScript), as plain browser JavaScript so that no
 * build step can change it. It times, inside the page, from an input event to the moment the DOM shows
 * what the user asked for (a MutationObserver checks after every change), and to the end of the frame
 * that paints it (requestAnimationFrame, then a task after that frame). window.__bench is its API.
 */
;(() => {
  const TIMEOUT_MS = 15_000
  const last = { input: 0, keydown: 0 }
  /** How long each event waited before the page handled it (its timeStamp is when it was created). */
  const queued = { input: 0, keydown: 0 }
  for (const type of ['input', 'keydown']) {
    window.addEventListener(
      type,
      (event) => {
        last[type] = event.timeStamp
        queued[type] = performance.now() - event.timeStamp
      },
      true,
    )
  }

  const longTasks = []
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No Long Tasks API: the scroll figure then reports none, and says so in its detail.
  }

  const text = (element) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim()
  const fold = (value) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

  /** The live count line of a list ("412 circles", "3 of 412 circles match “pat”"). */
  function statusOf(noun) {
    const pattern = new RegExp(`\\b${noun}s?\\b`)
    return [...document.querySelectorAll('[role="status"]')].find((element) => pattern.test(text(element))) ?? null
  }

  function firstRowReady(listLabel) {
    const list = document.querySelector(`ul[aria-label="${listLabel}"]`)
    const first = list?.querySelector(':scope > li')
    return Boolean(first && !first.hasAttribute('aria-busy'))
  }

  /** What "the result is on screen" means for each kind of measurement. */
  const checks = {
    /** A searched list: its count line names the query (or is the plain total once cleared) and its first row has arrived. */
    list({ noun, list, query }) {
      const status = text(statusOf(noun))
      const q = query.trim()
      if (q === '') return new RegExp(`^[\\d,]+ ${noun}s?$`).test(status) && firstRowReady(list)
      if (!status.includes(`“${q}”`)) return false
      return status.startsWith('0 of') || firstRowReady(list)
    },
    /** The quick switcher: results for exactly this query, or its "nothing found" line. */
    switcher({ query }) {
      const q = query.trim()
      if (q === '') return document.querySelector('[role="option"]') === null
      const results = document.querySelector(`[data-searched="${CSS.escape(q)}"]`)
      if (results && results.querySelector('[role="option"]')) {
        return [...results.querySelectorAll('[role="option"] .title')].every((title) => fold(text(title)).includes(fold(q)))
      }
      return [...document.querySelectorAll('[role="status"]')].some((element) => text(element) === `Nothing found for “${q}”.`)
    },
    /** A view: its heading, and the first row of its list. */
    view({ heading, list }) {
      // Views stay mounted behind the one shown: the shown one's heading.
      const h1 = document.querySelector('main .view:not([hidden]) h1') ?? document.querySelector('main h1')
      return text(h1) === heading && firstRowReady(list)
    },
  }

  let pending = null

  /** Starts watching for `check(params)`; the next `result()` says how long after the `from` event it came true. */
  function arm(check, params, from = 'input') {
    const armedAt = performance.now()
    let settle
    const done = new Promise((resolve) => (settle = resolve))
    const observer = new MutationObserver(test)
    const timer = window.setTimeout(() => finish({ error: `timed out after ${TIMEOUT_MS} ms waiting for ${check} ${JSON.stringify(params)}` }), TIMEOUT_MS)
    function finish(outcome) {
      observer.disconnect()
      window.clearTimeout(timer)
      settle(outcome)
    }
    function test() {
      const started = last[from]
      if (started < armedAt || !checks[check](params)) return
      const dom = performance.now() - started
      observer.disconnect()
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => finish({ dom, frame: performance.now() - started, queued: queued[from] })
        channel.port2.postMessage(null)
      })
    }
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    // The answer may already be on screen when the event comes (the view asked for is the one shown):
    // then nothing changes in the DOM, so look once more after the event has been handled.
    window.addEventListener(from, () => window.setTimeout(test, 0), { once: true })
    pending = done
  }

  function result() {
    const outcome = pending
    pending = null
    return outcome ?? Promise.resolve({ error: 'nothing armed' })
  }

  /**
   * Scrolls `selector`'s element down at `pxPerSecond` for `seconds`, one step per frame, and reports
   * the time between frames, the long tasks meanwhile, and how many frames showed a row still loading.
   */
  function scroll(selector, seconds, pxPerSecond) {
    const scroller = document.querySelector(selector)
    if (!scroller) return Promise.resolve({ error: `no element ${selector}` })
    const since = performance.now()
    const intervals = []
    let blankFrames = 0
    let maxNodes = 0
    return new Promise((resolve) => {
      let previous = null
      function step(now) {
        if (previous !== null) {
          intervals.push(now - previous)
          scroller.scrollTop += (pxPerSecond * (now - previous)) / 1000
        }
        previous = now
        if (scroller.querySelector('li[aria-busy="true"]')) blankFrames++
        maxNodes = Math.max(maxNodes, scroller.getElementsByTagName('*').length)
        if (now - since < seconds * 1000) requestAnimationFrame(step)
        else
          resolve({
            intervals,
            longTasks: longTasks.filter((task) => task.start >= since),
            blankFrames,
            maxNodes,
            scrolledPx: scroller.scrollTop,
          })
      }
      requestAnimationFrame(step)
    })
  }

  window.__bench = { arm, result, scroll, domNodes: () => document.getElementsByTagName('*').length }
})()
