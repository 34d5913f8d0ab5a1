/**
 * Turns invite events into iCalendar text with the `ics` package (its public API only).
 * The package validates every event (yup), which is the slow part of a large export, so
 * `calendarWriter` lets the caller feed events in small chunks and yield in between.
 */
import { createEvents, type Alarm, type DateArray, type EventAttributes, type HeaderAttributes } from 'ics'
import { AppError } from '../errors'
import { escapeText, multiLine, singleLine } from './clean-text'
import type { InviteEvent } from './event-model'
import { refold } from './fold'

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
  const parts: string[] = [refold(headerText(attrs))]
  return {
    add(events: readonly InviteEvent[]): void {
      if (events.length === 0) return
      const { error, value } = createEvents(
        events.map((e) => toIcsEvent(e, header.method)),
        attrs,
      )
      if (error || value === null) throw writeError(error)
      // Values never hold a bare CRLF (text is cleaned and escaped, long lines are folded
      // with a leading tab), so the first VEVENT line and the last footer line are the real ones.
      parts.push(refold(value.slice(value.indexOf('\r\nBEGIN:VEVENT\r\n') + 2, value.lastIndexOf(FOOTER))))
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
  // `ics` writes X-WR-CALNAME as given, unescaped.
  const calName = header.calName ? escapeText(singleLine(header.calName)) : ''
  return { productId: PRODUCT_ID, method: header.method, ...(calName ? { calName } : {}) }
}

function headerText(attrs: HeaderAttributes): string {
  const { error, value } = createEvents([], attrs)
  if (error || value === null) throw writeError(error)
  return value.slice(0, value.lastIndexOf(FOOTER))
}

/**
 * The `ics` attributes of one event in a file of `method` (none: a PUBLISH calendar to
 * import). Exported for the tests of the writer.
 */
export function toIcsEvent(e: InviteEvent, method?: 'REQUEST' | 'CANCEL'): IcsEvent {
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
  const summary = singleLine(e.summary)
  const alarms: Alarm[] = e.alarmDaysBefore === null ? [] : [{ action: 'display', description: escapeText(`Reminder: ${summary}`), trigger: alarmTrigger(e) }]
  const location = e.location ? singleLine(e.location) : ''
  // A calendar to import (a vehicle's schedule, a range for review) is not a meeting: with
  // ORGANIZER and ATTENDEE, Outlook would offer to send updates for every event in it.
  const scheduling = method !== undefined
  return {
    ...when,
    uid: e.uid,
    sequence: e.sequence,
    timestamp: e.stamp,
    title: summary,
    description: multiLine(e.description),
    ...(location ? { location } : {}),
    status: e.cancelled ? 'CANCELLED' : 'CONFIRMED',
    // An all-day reminder of a due date should not make the customer look busy all day.
    transp: e.time.kind === 'timed' ? 'OPAQUE' : 'TRANSPARENT',
    busyStatus: e.time.kind === 'timed' ? 'BUSY' : 'FREE',
    ...(scheduling && e.organizer ? { organizer: { name: paramText(e.organizer.name), email: e.organizer.email } } : {}),
    ...(scheduling && e.attendee
      ? {
          attendees: [
            method === 'CANCEL'
              ? // A cancellation has nothing to answer (RFC 5546 section 3.2.5).
                { name: paramText(e.attendee.name), email: e.attendee.email, rsvp: false, role: 'REQ-PARTICIPANT', cutype: 'INDIVIDUAL' }
              : {
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

/**
 * A timed event's alarm fires the setting's days before its start ("0 days" still deserves
 * a nudge: an hour before). An all-day event starts at midnight, so the same offset would
 * ring in the night: it fires at 09:00 on the day as many days before (or on the day
 * itself). Days there are nominal (`P2D`), so a DST change in between keeps 09:00.
 */
function alarmTrigger(e: InviteEvent): Alarm['trigger'] {
  const days = e.alarmDaysBefore ?? 0
  if (e.time.kind === 'timed') return { hours: days > 0 ? days * 24 : 1, before: true }
  if (days === 0) return { hours: 9, before: false }
  // 09:00 `days` days before = midnight minus (days - 1) days and 15 hours. (`ics` writes a
  // bare day count as "P2DT", which is invalid, so the hours are always given.)
  return days > 1 ? { days: days - 1, hours: 15, before: true } : { hours: 15, before: true }
}

const dateArray = (date: string): DateArray => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return [y, m, d]
}

// `ics` wraps CN in double quotes and cannot escape one inside (RFC 5545 has no escape for
// it), and a line break would end the property: both are replaced.
const paramText = (text: string): string => singleLine(text.replace(/"/g, "'"))

function writeError(error: unknown): AppError {
  const detail =
    error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors)
      ? error.errors.join('; ')
      : error instanceof Error
        ? error.message
        : String(error)
  return new AppError('refused', `The calendar file could not be written: ${detail}`)
}
