/**
 * The renderer's clock is the core's: `clock.now` answers the shop's now and zone, kept as an
 * offset from the computer's clock (renderer/src/shared/time/shop-clock.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { coreNow, coreToday, rememberCoreClock, shopTimeZone, zonedFields } from '../../renderer/src/shared/time/shop-clock'

afterEach(() => {
  vi.useRealTimers()
})

describe('the core clock offset', () => {
  it("takes the core's now, half way through the round trip, and keeps ticking with the computer", () => {
    vi.useFakeTimers()
    // The computer says 10:00:00 UTC; the core (the shop) says 2026-03-10 14:00 UTC.
    vi.setSystemTime(new Date('2026-01-01T10:00:01Z'))
    rememberCoreClock(
      { now: '2026-03-10T14:00:00.000Z', timeZone: 'America/New_York', today: '2026-03-10' },
      Date.parse('2026-01-01T10:00:00Z'),
      Date.parse('2026-01-01T10:00:02Z'),
    )
    // Heard back at 10:00:02, asked at 10:00:00: the answer stands for 10:00:01, which is now.
    expect(coreNow().toISOString()).toBe('2026-03-10T14:00:00.000Z')
    vi.advanceTimersByTime(90_000)
    expect(coreNow().toISOString()).toBe('2026-03-10T14:01:30.000Z')
    expect(shopTimeZone()).toBe('America/New_York')
  })

  it("says today in the shop's zone, not the computer's, and rolls over at the shop's midnight", () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'))
    // 03:30 UTC on March 10 is still the evening of March 9 in New York.
    rememberCoreClock({ now: '2026-03-10T03:30:00.000Z', timeZone: 'America/New_York', today: '2026-03-09' }, Date.now(), Date.now())
    expect(coreToday()).toBe('2026-03-09')
    expect(coreToday('UTC')).toBe('2026-03-10')
    expect(coreToday('Asia/Tokyo')).toBe('2026-03-10')
    vi.advanceTimersByTime(30 * 60_000) // 04:00 UTC = midnight in New York (EDT since March 8)
    expect(coreToday()).toBe('2026-03-10')
  })

  it('reads wall-clock fields in a zone, across a DST change', () => {
    expect(zonedFields(Date.parse('2026-03-08T06:59:00Z'), 'America/New_York')).toEqual({ year: 2026, month: 3, day: 8, hour: 1, minute: 59, second: 0 })
    expect(zonedFields(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toEqual({ year: 2026, month: 3, day: 8, hour: 3, minute: 0, second: 0 })
  })
})
