/**
 * Dates and times in words, as every screen shows them (en-US): "Mar 12, 2026",
 * "9:00 AM", "Mar 12, 2026, 9:00 AM". The core's messages (a refused booking, a clash) use
 * these too, so what a refusal names reads like the calendar and the booking dialog.
 * Plain spaces only: ICU puts a narrow no-break space before "AM", which a message quoted
 * into a log, an email or a test should not carry.
 */

const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ')

/**
 * A stored calendar day (already the shop's day, so no zone applies).
 *
 * @example
 * formatDayText('2026-03-12') // 'Mar 12, 2026'
 */
export function formatDayText(isoDate: string): string {
  return plain(new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`)))
}

/**
 * The time of an instant on the shop's clock.
 *
 * @example
 * formatTimeText('2026-03-12T13:00:00Z', 'America/New_York') // '9:00 AM'
 */
export function formatTimeText(instant: Date | string, timeZone: string): string {
  return plain(new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(instant)))
}

/**
 * A wall-clock time of the shop's hours, "HH:MM".
 *
 * @example
 * formatClockText('17:00') // '5:00 PM'
 */
export function formatClockText(hhmm: string): string {
  return formatTimeText(`2000-01-01T${hhmm}:00Z`, 'UTC')
}

/**
 * An instant as day and time on the shop's clock.
 *
 * @example
 * formatStampText('2026-03-12T13:00:00Z', 'America/New_York') // 'Mar 12, 2026, 9:00 AM'
 */
export function formatStampText(instant: Date | string, timeZone: string): string {
  return plain(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant)))
}

/**
 * From one time to another on the same day.
 *
 * @example
 * formatSpanText('2026-03-12T13:00:00Z', '2026-03-12T15:00:00Z', 'America/New_York') // '9:00 AM – 11:00 AM'
 */
export function formatSpanText(start: Date | string, end: Date | string, timeZone: string): string {
  return `${formatTimeText(start, timeZone)} – ${formatTimeText(end, timeZone)}`
}
