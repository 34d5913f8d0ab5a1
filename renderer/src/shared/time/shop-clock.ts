/**
 * The core's clock, kept in the renderer. The computer's clock may be off and its zone may not
 * be the shop's (a manager at home in another state): "now" and "today" on every screen come
 * from the core (`clock.now`) and the shop's time zone. The core's answer is kept as an offset
 * from the computer's clock, so "now" keeps ticking between answers.
 */
import type { ShopClock } from '../../../../shared/contract/clock'
import { shopDay } from '../../../../shared/shop-day'

let offsetMs = 0
let shopZone: string | null = null

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * The wall-clock fields of an instant in `timeZone`. Through Intl rather than TZDate: a
 * Date subclass misreads zones under a replaced global Date (Playwright's clock), and this is
 * what the tests of "another zone" check.
 */
export function zonedFields(ms: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** The core's "now" (as of its last answer, moved on by the computer's clock since). */
// The computer's clock only measures time elapsed since the core's answer (offsetMs), never "now" itself.
export const coreNow = (): Date => new Date(Date.now() + offsetMs)

/** Today in the shop, `YYYY-MM-DD`, in `timeZone` (default: the zone the core last gave). */
export function coreToday(timeZone: string | null = shopZone): string {
  return shopDay(coreNow(), timeZone ?? browserZone())
}

/** The shop's zone as the core last gave it (null before its first answer). */
export const shopTimeZone = (): string | null => shopZone

/** The browser's own zone, to say when the shop's differs. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

/**
 * Keeps the core's answer to `clock.now` as an offset from the computer's clock. The answer
 * was true somewhere between asking and hearing back: half the round trip is taken.
 *
 * @example
 * const asked = Date.now(); const clock = await call('clock.now', {}); rememberCoreClock(clock, asked, Date.now())
 */
export function rememberCoreClock(clock: ShopClock, askedMs: number, answeredMs: number): void {
  offsetMs = Date.parse(clock.now) - (askedMs + answeredMs) / 2
  shopZone = clock.timeZone
}
