/**
 * Benchmark of the calendar's month view at 2,000 events: seeds March 2026 through the core
 * (20 bays, 20 technicians, 2,000 bookings), serves the built renderer through the bridge and
 * opens the Calendar in Chromium. Prints the time to render the month (cold: page load to
 * events drawn; warm: to another month and back), and the time to complete a drop (mouse up
 * to the event drawn in its new cell, and to the core's answer redrawn), plus the longest
 * main-thread task the page saw.
 *
 *   npx electron-vite build && npx tsx tests/bench/calendar-ui.ts
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { TZDate } from '@date-fns/tz'
import { chromium, type Page } from '@playwright/test'
import type { ChannelInput, ChannelName, ChannelResult } from '../../shared/contract'
import { createCore, type Core } from '../../electron/core'
import { silentLogger } from '../../electron/core/logger'
import { startBridge } from '../../electron/bridge/server'
import { chromiumLaunchOptions } from '../support/chromium'

const NOW = '2026-03-10T15:00:00.000Z'
/** The month is booked before it starts: the core refuses bookings in the past. */
const SEEDED_AT = '2026-02-20T15:00:00.000Z'
const TZ = 'America/New_York'
const RESOURCES = 20

export interface CalendarUiBench {
  events: number
  seedSeconds: number
  /** Core answering `activities.range` for the month over HTTP, ms. */
  rangeFetchMs: number
  /** In the page: from the start of its navigation to the first frame with the month's events drawn, ms. */
  coldRenderMs: number
  /** The same as the test driver sees it, from its `goto` to its check answering (its round trips included), ms. */
  coldDriverMs: number
  /** Next month and back: click to the month's events drawn again (median), ms. */
  warmRenderMs: number[]
  /** Mouse up to the event drawn in its new day (before the core answers), ms. */
  dropPlacedMs: number[]
  /** Mouse up to the core's answer refetched and redrawn (pending mark gone), ms. */
  dropSettledMs: number[]
  /** In the page: the mouseup event to the frame that first draws the event in its new day, ms. */
  pagePlacedMs: number[]
  /** In the page: the mouseup event to the frame that draws the core's answer (pending mark gone), ms. */
  pageSettledMs: number[]
  /** A keystroke in the vehicle/customer search to its echo in the field, ms (one per key). */
  keystrokeMs: number[]
  /** Longest main-thread task from a drop's mouse down to its answer redrawn, per drop, ms. */
  dropLongestTaskMs: number[]
  /** Longest main-thread task during the whole run, ms. */
  longestTaskMs: number
}

async function call<C extends ChannelName>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = await core.invoke(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.data as ChannelResult<C>
}

const instant = (day: string, minutes: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, 0, TZ).getTime()).toISOString()
}

/** March 2026's open days (Mon–Sat, default hours) with their opening and closing minute. */
function openDays(): { day: string; opens: number; closes: number }[] {
  const days = []
  for (let d = 1; d <= 31; d++) {
    const day = `2026-03-${String(d).padStart(2, '0')}`
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
    if (weekday === 0) continue
    days.push({ day, opens: 8 * 60, closes: weekday === 6 ? 12 * 60 : 17 * 60 })
  }
  return days
}

/** The first `drops` working days of March: each gets one long booking in the last bay, to be dragged. */
const DROP_DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']
const dropTarget = (from: string) => `2026-03-${String(Number(from.slice(8)) + 21).padStart(2, '0')}`

export async function seed(core: Core, count: number): Promise<{ made: number; toDrag: number[] }> {
  await call(core, 'settings.update', { autoSchedule: false, shopName: 'Bench Auto' })
  const bays = []
  const techs = []
  for (let i = 1; i <= RESOURCES; i++) {
    bays.push((await call(core, 'bays.create', { name: `Bay ${i}` })).id)
    techs.push((await call(core, 'technicians.create', { name: `Tech ${i}`, email: null })).id)
  }
  const type = await call(core, 'activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 45 })
  const vehicles = []
  for (let i = 0; i < 200; i++) {
    const customer = await call(core, 'customers.create', { name: `Customer ${i}` })
    const vin = `1HGCV1F30KB${String(i).padStart(6, '0')}`
    vehicles.push(
      (
        await call(core, 'vehicles.create', {
          customerId: customer.id,
          vin,
          make: 'Honda',
          model: 'Civic',
          year: 2019,
          licensePlate: `B-${i}`,
          onboardingDate: '2026-01-15',
        })
      ).id,
    )
  }
  // The ones to drag: at opening time, before everything else that day (react-big-calendar lists
  // a day's events by start, so they are drawn rather than folded into "+N more"), in a bay that
  // is free on their target days.
  const toDrag: number[] = []
  for (const day of DROP_DAYS) {
    const a = await call(core, 'activities.createManual', {
      vehicleId: vehicles[0]!,
      activityTypeId: type.id,
      start: instant(day, 8 * 60),
      end: instant(day, 9 * 60 + 30),
      bayId: bays[RESOURCES - 1]!,
      technicianId: techs[RESOURCES - 1]!,
    })
    toDrag.push(a.id)
  }
  // Fill each open day's hours bay by bay, an hour apart from a quarter past opening, until
  // `count` bookings exist.
  let made = toDrag.length
  for (const { day, opens, closes } of openDays()) {
    for (let r = 0; r < RESOURCES - 1 && made < count; r++) {
      for (let m = opens + 15; m + 45 <= closes && made < count; m += 60) {
        if (made >= Math.ceil((count * (openDays().findIndex((o) => o.day === day) + 1)) / openDays().length)) break
        await call(core, 'activities.createManual', {
          vehicleId: vehicles[made % vehicles.length]!,
          activityTypeId: type.id,
          start: instant(day, m),
          bayId: bays[r]!,
          technicianId: techs[r]!,
        })
        made++
      }
    }
  }
  return { made, toDrag }
}

/** Resolves when the core has committed a change to this activity (or after 10 s, to report it). */
function storedOnce(core: Core, id: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, 10_000)
    const off = core.events.on('changed', (e) => {
      if (e.ids?.activities?.includes(id) || (e.domains.includes('activities') && !e.ids?.activities)) done()
    })
    function done() {
      clearTimeout(timer)
      off()
      resolve()
    }
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

// Page-side code: this file is type-checked for Node, without the DOM, so the little it reads
// of the page is typed here. (Functions, not strings: the app's CSP forbids eval.)
interface PageElement {
  getBoundingClientRect(): { x: number; y: number }
  closest(selector: string): PageElement | null
  textContent: string | null
}
interface PageGlobals {
  document: { querySelector(s: string): PageElement | null; querySelectorAll(s: string): ArrayLike<PageElement> }
  __longest: number
}

const monthIsDrawn = () => {
  const { document } = globalThis as unknown as PageGlobals
  return document.querySelectorAll('.rbc-month-view .rbc-event').length > 50 && !document.querySelector('[aria-busy="true"]')
}
const notBusy = () => !(globalThis as unknown as PageGlobals).document.querySelector('[aria-busy="true"]')
const settled = () => (globalThis as unknown as PageGlobals).document.querySelector('.shop-pending') === null
const searchReads = (text: string) =>
  (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector('input[placeholder^="Plate"]')
    ?.value === text
const rangeIs = (label: string) => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="calendar-range"]')?.textContent === label
/** The activity drawn inside a cell's rectangle. */
const placedIn = ({ id, left, right, top, bottom }: { id: string; left: number; right: number; top: number; bottom: number }) => {
  const { document } = globalThis as unknown as PageGlobals
  return Array.from(document.querySelectorAll(`[data-activity-id="${id}"]`)).some((el) => {
    const r = el.getBoundingClientRect()
    return r.x >= left && r.x < right && r.y >= top && r.y < bottom
  })
}
interface DropWatch {
  up: number
  placed: number
  settled: number
}
/**
 * Times a drop inside the page, so the figures are the app's and not the test driver's round
 * trips: from the mouseup event to the first animation frame whose page shows the event in
 * its new cell, and to the first that shows it there with the core's answer (no pending mark).
 */
const watchDrop = ({ id, left, right, top, bottom }: { id: string; left: number; right: number; top: number; bottom: number }) => {
  const g = globalThis as unknown as PageGlobals & {
    __drop: DropWatch
    addEventListener(type: string, f: (e: { timeStamp: number }) => void, o: object): void
    requestAnimationFrame(f: () => void): void
    performance: { now(): number }
  }
  const watch: DropWatch = { up: 0, placed: 0, settled: 0 }
  g.__drop = watch
  g.addEventListener('mouseup', (e) => (watch.up = e.timeStamp), { capture: true, once: true })
  // A property, not a named function: tsx would wrap a named one in a helper the page lacks.
  const loop: { frame?: () => void } = {}
  loop.frame = () => {
    // Not the drag's own preview, which the library draws in the cell under the pointer.
    const there = Array.from(g.document.querySelectorAll(`[data-activity-id="${id}"]`)).some((el) => {
      if (el.closest('.rbc-addons-dnd-drag-preview')) return false
      const r = el.getBoundingClientRect()
      return r.x >= left && r.x < right && r.y >= top && r.y < bottom
    })
    if (watch.up && there && !watch.placed) watch.placed = g.performance.now()
    if (watch.placed && there && g.document.querySelector('.shop-pending') === null) return void (watch.settled = g.performance.now())
    g.requestAnimationFrame(loop.frame!)
  }
  g.requestAnimationFrame(loop.frame)
}
const dropSeen = () => (globalThis as unknown as { __drop: DropWatch }).__drop.settled > 0
const readDrop = () => (globalThis as unknown as { __drop: DropWatch }).__drop
const readDrawnAt = () => (globalThis as unknown as { __drawnAt: number }).__drawnAt
const readLongest = () => (globalThis as unknown as PageGlobals).__longest
/** Answers the longest task so far and starts counting afresh. */
const resetLongest = () => {
  const g = globalThis as unknown as PageGlobals
  const longest = g.__longest
  g.__longest = 0
  return longest
}
const WATCH_LONG_TASKS = `
  window.__longest = 0
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration)
  }).observe({ type: 'longtask', buffered: true })
  // The page's own time (from the start of its navigation) to the first frame with the month drawn.
  window.__drawnAt = 0
  const drawn = () => {
    if (document.querySelectorAll('.rbc-month-view .rbc-event').length > 50 && !document.querySelector('[aria-busy="true"]')) window.__drawnAt = performance.now()
    else requestAnimationFrame(drawn)
  }
  requestAnimationFrame(drawn)`

async function monthDrawn(page: Page) {
  await page.waitForFunction(monthIsDrawn)
}

async function cellCenter(page: Page, day: string) {
  const header = await page.locator(`.rbc-date-cell:has([data-date="${day}"])`).boundingBox()
  const row = await page.locator('.rbc-month-row', { has: page.locator(`[data-date="${day}"]`) }).boundingBox()
  if (!header || !row) throw new Error(`no cell for ${day}`)
  return { x: header.x + header.width / 2, y: row.y + row.height - 8, left: header.x, right: header.x + header.width, top: row.y, bottom: row.y + row.height }
}

/**
 * @example
 * const figures = await benchCalendarUi()
 */
export async function benchCalendarUi(count = 2_000): Promise<CalendarUiBench> {
  const rendererDir = resolve('out/renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npx electron-vite build')
  const dir = mkdtempSync(join(tmpdir(), 'shop-bench-calendar-'))
  let now = new Date(SEEDED_AT)
  const core = await createCore({ dbPath: join(dir, 'shop.db'), clock: { now: () => new Date(now) }, timeZone: TZ, actor: 'bench', log: silentLogger })
  const bridge = await startBridge({ core, rendererDir, port: 0 })
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const t0 = performance.now()
    const { made: events, toDrag } = await seed(core, count)
    const seedSeconds = (performance.now() - t0) / 1000
    now = new Date(NOW)

    const f0 = performance.now()
    const res = await fetch(`${bridge.url}/ipc/activities.range`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '2026-03-01', to: '2026-04-04' }),
    })
    const body = (await res.json()) as { ok: boolean; data: unknown[] }
    const rangeFetchMs = performance.now() - f0
    if (!body.ok || body.data.length < count) throw new Error(`range answered ${body.data?.length} activities, expected ${count}`)

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: TZ, locale: 'en-US' })
    const page = await context.newPage()
    // No browser clock shim (Playwright's wraps every Date and Intl call, ~70 ms of a cold load):
    // the renderer reads the shop's now from the core (renderer/src/lib/shop-clock.ts), as in the app.
    await page.addInitScript(WATCH_LONG_TASKS)

    const c0 = performance.now()
    await page.goto(`${bridge.url}/#/calendar`)
    await monthDrawn(page)
    const coldDriverMs = performance.now() - c0
    const coldRenderMs = await page.evaluate(readDrawnAt)

    const warmRenderMs: number[] = []
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Next' }).click()
      await page.waitForFunction(rangeIs, 'April 2026')
      await page.waitForFunction(notBusy)
      const w0 = performance.now()
      await page.getByRole('button', { name: 'Previous' }).click()
      await monthDrawn(page)
      warmRenderMs.push(performance.now() - w0)
    }

    const dropPlacedMs: number[] = []
    const dropSettledMs: number[] = []
    const pagePlacedMs: number[] = []
    const pageSettledMs: number[] = []
    const dropLongestTaskMs: number[] = []
    let runLongest = 0
    for (const [i, from] of DROP_DAYS.entries()) {
      const id = String(toDrag[i])
      const target = await cellCenter(page, dropTarget(from))
      const b = await page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${id}"]`) }).boundingBox()
      if (!b) throw new Error(`activity ${id} is not drawn on ${from}`)
      const grab = { x: b.x + 10, y: b.y + b.height / 2 }
      const before = await call(core, 'activities.get', { id: Number(id) })
      runLongest = Math.max(runLongest, await page.evaluate(resetLongest))
      await page.mouse.move(grab.x, grab.y)
      await page.mouse.down()
      // A hand moves over half a second or so, and the page redraws between its moves; a
      // burst of synthetic moves would outrun the drag's own start.
      await page.mouse.move(grab.x + 4, grab.y + 4, { steps: 3 })
      for (let k = 1; k <= 12; k++) {
        await page.mouse.move(grab.x + ((target.x - grab.x) * k) / 12, grab.y + ((target.y - grab.y) * k) / 12)
        await page.waitForTimeout(40)
      }
      const stored = storedOnce(core, Number(id))
      await page.evaluate(watchDrop, { id, left: target.left, right: target.right, top: target.top, bottom: target.bottom })
      const d0 = performance.now()
      await page.mouse.up()
      // Drawn in the new cell (the provisional placement; "+N more" may hide it, so read state).
      await page.waitForFunction(placedIn, { id, left: target.left, right: target.right, top: target.top, bottom: target.bottom })
      dropPlacedMs.push(performance.now() - d0)
      // Stored (the core says so; polling it would load the process the bridge answers from),
      // then drawn from the core's answer: the provisional mark is gone.
      await stored
      await page.waitForFunction(settled)
      await page.waitForFunction(placedIn, { id, left: target.left, right: target.right, top: target.top, bottom: target.bottom })
      dropSettledMs.push(performance.now() - d0)
      await page.waitForFunction(dropSeen)
      const seen = await page.evaluate(readDrop)
      pagePlacedMs.push(seen.placed - seen.up)
      pageSettledMs.push(seen.settled - seen.up)
      // Long tasks are reported a little after they end: give the observer a frame.
      await page.waitForTimeout(50)
      dropLongestTaskMs.push(await page.evaluate(readLongest))
      const after = await call(core, 'activities.get', { id: Number(id) })
      if (after.version !== before.version + 1 || after.start === before.start) {
        const said = await page.getByRole('alert').allTextContents()
        throw new Error(`drop ${i + 1} was not stored: ${said.join(' / ')} ${JSON.stringify(before)} ${JSON.stringify(after)}`)
      }
    }
    // Typing a search while 2,000 events are drawn: each key must echo at once.
    const keystrokeMs: number[] = []
    await page.getByLabel('Vehicle or customer').click()
    let typed = ''
    for (const key of 'Civic B-1') {
      typed += key
      const k0 = performance.now()
      await page.keyboard.type(key)
      await page.waitForFunction(searchReads, typed)
      keystrokeMs.push(performance.now() - k0)
    }
    await page.waitForFunction(notBusy)

    const longestTaskMs = Math.max(runLongest, ...dropLongestTaskMs, await page.evaluate(readLongest))
    await context.close()
    return {
      events,
      seedSeconds,
      rangeFetchMs,
      coldRenderMs,
      coldDriverMs,
      warmRenderMs,
      dropPlacedMs,
      dropSettledMs,
      pagePlacedMs,
      pageSettledMs,
      dropLongestTaskMs,
      keystrokeMs,
      longestTaskMs,
    }
  } finally {
    await browser.close()
    await bridge.close()
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function printCalendarUi(b: CalendarUiBench): void {
  const ms = (x: number) => `${Math.round(x)} ms`
  const spread = (xs: number[]) => `median ${ms(median(xs))} (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}, n=${xs.length})`
  console.log(`calendar month view, ${b.events} events (seeded through the core in ${b.seedSeconds.toFixed(1)} s)`)
  console.log(`  core activities.range for the month over HTTP: ${ms(b.rangeFetchMs)}`)
  console.log(`  month view, in the page: load to events drawn:  ${ms(b.coldRenderMs)}   (goal <= 400 ms; as the test driver sees it: ${ms(b.coldDriverMs)})`)
  console.log(`  month view, back from the next month:           ${spread(b.warmRenderMs)}`)
  console.log(`  drop, in the page: mouseup to event in its new day: ${spread(b.pagePlacedMs)}`)
  console.log(`  drop, in the page: mouseup to stored and redrawn:   ${spread(b.pageSettledMs)}   (goal <= 150 ms)`)
  console.log(`  drop, as the test driver sees it (its round trips included): placed ${spread(b.dropPlacedMs)}, redrawn ${spread(b.dropSettledMs)}`)
  console.log(`  drop, longest main-thread task (down to redrawn): ${spread(b.dropLongestTaskMs)}   (goal <= 100 ms)`)
  console.log(`  search keystroke to its echo in the field:      ${spread(b.keystrokeMs)}`)
  console.log(`  longest main-thread task seen:                  ${ms(b.longestTaskMs)}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printCalendarUi(await benchCalendarUi())
}
