/**
 * Turns invite events into iCalendar text with the `ics` package (its public API only).
 * The package validates every event (yup), which is the slow part of a large export, so
 * `calendarWriter` lets the caller feed events in small chunks and yield in between.
 */
import { createEvents, type Alarm, type DateArray, type EventAttributes, type HeaderAttributes } from 'ics'
import { AppError } from '../errors'
import type { InviteEvent } from './event-model'

export const PRODUCT_ID = '-//Shop Scheduler//Customer invites//EN'

/** `ics` accepts DTSTAMP as `timestamp`; its type declarations just do not list it. */
type IcsEvent = EventAttributes & { timestamp: number }

export interface CalendarHeader {
  /** iTIP method; omitted for a plain calendar to import (schedule and range exports). */
  method?: 'REQUEST' | 'CANCEL'
  /** X-WR-CALNAME, the name a calendar app gives an imported file. */
  calName?: string
}

const FOOTER = 'END:VCALENDAR\r\n'

/**
 * An accumulating calendar: `add` validates and formats a chunk of events, `finish`
 * returns the one file. Each chunk is formatted by `createEvents` as a calendar of its own,
 * whose VEVENT blocks are kept; the header is written once.
 *
 * @example
 * const cal = calendarWriter({ method: 'REQUEST' })
 * cal.add([event])
 * const text = cal.finish()
 */
export function calendarWriter(header: CalendarHeader) {
  const attrs = headerAttributes(header)
  const parts: string[] = [headerText(attrs)]
  return {
    add(events: readonly InviteEvent[]): void {
      if (events.length === 0) return
      const { error, value } = createEvents(events.map(toIcsEvent), attrs)
      if (error || value === null) throw writeError(error)
      // Values never hold a bare CRLF (text is escaped, long lines are folded with a
      // leading tab), so the first VEVENT line and the last footer line are the real ones.
      parts.push(value.slice(value.indexOf('\r\nBEGIN:VEVENT\r\n') + 2, value.lastIndexOf(FOOTER)))
    },
    finish(): string {
      return parts.join('') + FOOTER
    },
  }
}

/**
 * A whole calendar in one go, for a handful of events.
 *
 * @example
 * const text = writeCalendar([event], { method: 'CANCEL' })
 */
export function writeCalendar(events: readonly InviteEvent[], header: CalendarHeader): string {
  const cal = calendarWriter(header)
  cal.add(events)
  return cal.finish()
}

function headerAttributes(header: CalendarHeader): HeaderAttributes {
  // `method: undefined` is how `ics` is told to leave METHOD out (its default is PUBLISH).
  return { productId: PRODUCT_ID, method: header.method, ...(header.calName ? { calName: header.calName } : {}) }
}

function headerText(attrs: HeaderAttributes): string {
  const { error, value } = createEvents([], attrs)
  if (error || value === null) throw writeError(error)
  return value.slice(0, value.lastIndexOf(FOOTER))
}

/** The `ics` attributes of one event. Exported for the tests of the writer. */
export function toIcsEvent(e: InviteEvent): IcsEvent {
  const when =
    e.time.kind === 'timed'
      ? {
          start: Date.parse(e.time.start),
          end: Date.parse(e.time.end),
          startInputType: 'utc' as const,
          startOutputType: 'utc' as const,
          endInputType: 'utc' as const,
          endOutputType: 'utc' as const,
        }
      : { start: dateArray(e.time.date), end: dateArray(e.time.endDate) }
  const alarms: Alarm[] =
    e.alarmHoursBefore === null
      ? []
      : [{ action: 'display', description: `Reminder: ${e.summary}`, trigger: { hours: e.alarmHoursBefore, before: true } }]
  return {
    ...when,
    uid: e.uid,
    sequence: e.sequence,
    timestamp: e.stamp,
    title: e.summary,
    description: e.description,
    ...(e.location ? { location: e.location } : {}),
    status: e.cancelled ? 'CANCELLED' : 'CONFIRMED',
    // An all-day reminder of a due date should not make the customer look busy all day.
    transp: e.time.kind === 'timed' ? 'OPAQUE' : 'TRANSPARENT',
    busyStatus: e.time.kind === 'timed' ? 'BUSY' : 'FREE',
    ...(e.organizer ? { organizer: { name: paramText(e.organizer.name), email: e.organizer.email } } : {}),
    ...(e.attendee
      ? {
          attendees: [
            {
              name: paramText(e.attendee.name),
              email: e.attendee.email,
              rsvp: true,
              role: 'REQ-PARTICIPANT',
              partstat: 'NEEDS-ACTION',
              cutype: 'INDIVIDUAL',
            },
          ],
        }
      : {}),
    ...(alarms.length > 0 ? { alarms } : {}),
  }
}

const dateArray = (date: string): DateArray => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return [y, m, d]
}

// `ics` wraps CN in double quotes and cannot escape one inside (RFC 5545 has no escape for
// it), and a line break would end the property: both are replaced.
const paramText = (text: string): string =>
  text
    .replace(/"/g, "'")
    .replace(/[\r\n\t]+/g, ' ')
    .trim()

function writeError(error: unknown): AppError {
  const detail =
    error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors)
      ? error.errors.join('; ')
      : error instanceof Error
        ? error.message
        : String(error)
  return new AppError('refused', `The calendar file could not be written: ${detail}`)
}
