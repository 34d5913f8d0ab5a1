import { describe, expect, it } from 'vitest'
import { formatClockText, formatDayText, formatSpanText, formatStampText, formatTimeText } from '../../../shared/format-dates'

// The screens' formats (the calendar, the booking dialog's DateInput "MMM D, YYYY", the history's stamps).
describe('dates in words, as the screens show them', () => {
  it('names days, times, stamps and spans in the shop zone, with plain spaces', () => {
    expect(formatDayText('2026-03-12')).toBe('Mar 12, 2026')
    expect(formatTimeText('2026-03-12T13:00:00Z', 'America/New_York')).toBe('9:00 AM')
    expect(formatStampText('2026-03-12T13:00:00Z', 'America/New_York')).toBe('Mar 12, 2026, 9:00 AM')
    expect(formatSpanText('2026-03-12T13:00:00Z', '2026-03-12T15:30:00Z', 'America/New_York')).toBe('9:00 AM – 11:30 AM')
    expect(formatClockText('17:00')).toBe('5:00 PM')
    expect(formatClockText('08:00')).toBe('8:00 AM')
  })

  it('reads the shop day, not UTC, across midnight and DST', () => {
    // 03:30Z on Mar 10 is still Mar 9 in New York.
    expect(formatStampText('2026-03-10T03:30:00Z', 'America/New_York')).toBe('Mar 9, 2026, 11:30 PM')
    // The Sunday the clocks go forward: 9:00 EDT is 13:00Z.
    expect(formatTimeText('2026-03-08T13:00:00Z', 'America/New_York')).toBe('9:00 AM')
  })
})
