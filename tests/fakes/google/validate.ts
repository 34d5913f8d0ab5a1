import type { FakeResponse } from '../shared/http'
import { wallToUtc } from '../shared/tz'
import { errors } from './errors'
import type { GoogleEvent, GoogleEventDateTime } from './types'

/** Google custom event ids: base32hex (a–v, 0–9), 5 to 1024 characters. */
export function validEventId(id: string): boolean {
  return /^[a-v0-9]{5,1024}$/.test(id)
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Instant of a start/end for ordering, window filters and range checks: a wall time without
 * offset is read in its own timeZone (else the calendar's), an all-day date from its midnight.
 */
export function instantOf(dt: GoogleEventDateTime | undefined, calendarTimeZone = 'UTC'): number | undefined {
  if (!dt) return undefined
  if (dt.date) return wallToUtc(`${dt.date}T00:00:00`, dt.timeZone ?? calendarTimeZone)
  if (dt.dateTime) {
    if (/(Z|[+-]\d{2}:\d{2})$/i.test(dt.dateTime)) return Date.parse(dt.dateTime)
    return wallToUtc(dt.dateTime, dt.timeZone ?? calendarTimeZone)
  }
  return undefined
}

function checkTime(dt: unknown, which: 'start' | 'end'): FakeResponse | undefined {
  const label = which === 'start' ? 'start' : 'end'
  if (dt === undefined || dt === null) return errors.required(`Missing ${label} time.`)
  if (typeof dt !== 'object') return errors.invalid(`Invalid ${label} time.`, which)
  const t = dt as GoogleEventDateTime
  if (t.date && t.dateTime) return errors.invalid(`Invalid ${label} time.`, which)
  if (t.date !== undefined) {
    if (!DATE.test(t.date) || Number.isNaN(Date.parse(t.date))) return errors.invalid(`Invalid ${label} time.`, which)
    return undefined
  }
  if (t.dateTime === undefined) return errors.required(`Missing ${label} time.`)
  if (!RFC3339.test(t.dateTime) || Number.isNaN(Date.parse(t.dateTime.replace(/(Z|[+-]\d{2}:\d{2})$/i, '') + 'Z')))
    return errors.invalid(`Invalid ${label} time.`, which)
  const hasOffset = /(Z|[+-]\d{2}:\d{2})$/i.test(t.dateTime)
  if (!hasOffset && !t.timeZone) return errors.badRequest(`Missing time zone definition for ${label} time.`)
  if (t.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: t.timeZone })
    } catch {
      return errors.badRequest(`Invalid time zone definition for ${label} time.`)
    }
  }
  return undefined
}

/** What Calendar checks on an event's final state (insert, or after a PUT/PATCH applies). */
export function validateEvent(ev: Partial<GoogleEvent>): FakeResponse | undefined {
  if (ev.status === 'cancelled') return undefined
  const bad = checkTime(ev.start, 'start') ?? checkTime(ev.end, 'end')
  if (bad) return bad
  if (Boolean(ev.start?.date) !== Boolean(ev.end?.date)) return errors.badRequest('Start and end times must either both be date or both be dateTime.')
  const s = instantOf(ev.start)
  const e = instantOf(ev.end)
  if (s !== undefined && e !== undefined && e < s) return errors.timeRangeEmpty('end')
  if (ev.status !== undefined && !['confirmed', 'tentative', 'cancelled'].includes(ev.status)) {
    return errors.invalid('Invalid value for: status', 'status')
  }
  if (ev.colorId !== undefined && !/^(?:[1-9]|1[01])$/.test(String(ev.colorId))) return errors.invalid('Invalid color id.', 'colorId')
  const overrides = ev.reminders?.overrides
  if (overrides !== undefined) {
    if (!Array.isArray(overrides) || overrides.length > 5) return errors.invalid('Too many reminder overrides.', 'reminders.overrides')
    for (const o of overrides) {
      if (!['popup', 'email'].includes(o.method)) return errors.invalid('Invalid reminder method value.', 'reminders.overrides.method')
      if (!Number.isInteger(o.minutes) || o.minutes < 0 || o.minutes > 40320) {
        return errors.invalid('Invalid reminder minutes value.', 'reminders.overrides.minutes')
      }
    }
    if (ev.reminders?.useDefault === true && overrides.length > 0) {
      return errors.badRequest('Cannot specify both default reminders and overrides at the same time.')
    }
  }
  return undefined
}

export function parseJsonBody(body: Buffer): { ok: true; value: Record<string, unknown> } | { ok: false; response: FakeResponse } {
  const text = body.toString('utf8').trim()
  if (!text) return { ok: true, value: {} }
  try {
    const v = JSON.parse(text) as unknown
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object')
    return { ok: true, value: v as Record<string, unknown> }
  } catch {
    return {
      ok: false,
      response: {
        status: 400,
        body: { error: { errors: [{ domain: 'global', reason: 'parseError', message: 'Parse Error' }], code: 400, message: 'Parse Error' } },
      },
    }
  }
}
