import { TZDate } from '@date-fns/tz'
import { findIana } from 'windows-iana'
import type { calendar_v3 } from '@googleapis/calendar'
import type { GoogleEventBody } from '../event-content'
import { OUR_TAG } from '../ids'

/** The single-value extended property that tags our events (its value: the transaction key). */
export const OUTLOOK_TAG_PROPERTY = 'String {4f3c1a52-9d0e-4b7a-8c61-5e2f7d9a3b18} Name ShopSchedulerKey'

/**
 * The key of one event copy, chosen before the network: Graph's `transactionId` (a retried
 * POST answers the event the first one made) and the value of our tag property (found with
 * `$filter` after a crash). It starts with the install id, so an event in a delta page, which
 * carries its `transactionId` but never extended properties, is recognised as ours.
 */
export const transactionKey = (installId: string, activityId: number, calendarId: number, generation: number): string =>
  `${installId}.${activityId}.${calendarId}.${generation}`

export const installOfKey = (key: string | null | undefined): string | null => (key ? (key.split('.')[0] ?? null) : null)

export interface GraphDateTime {
  dateTime: string
  timeZone: string
}

export interface GraphEvent {
  id: string
  '@odata.etag'?: string
  '@removed'?: { reason?: string }
  changeKey?: string
  lastModifiedDateTime?: string
  start?: GraphDateTime
  end?: GraphDateTime
  originalStartTimeZone?: string
  isAllDay?: boolean
  isCancelled?: boolean
  showAs?: string
  transactionId?: string | null
}

// Answers by zone name: checking a name builds an Intl.DateTimeFormat (and a Windows name
// throws first), about a millisecond each on a busy machine, twice per event of a delta page.
const zoneCache = new Map<string, string | null>()
const ZONE_CACHE_MAX = 512

/** A Windows zone name ("Pacific Standard Time") or an IANA one, as IANA; null when unknown. */
export function ianaZone(zone: string | null | undefined): string | null {
  if (!zone) return null
  if (zone === 'UTC' || zone === 'tzone://Microsoft/Utc') return 'UTC'
  const known = zoneCache.get(zone)
  if (known !== undefined) return known
  let iana: string | null
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    iana = zone
  } catch {
    iana = findIana(zone)[0] ?? null
  }
  if (zoneCache.size >= ZONE_CACHE_MAX) zoneCache.clear()
  zoneCache.set(zone, iana)
  return iana
}

/** Graph's wall time ("2025-03-10T14:00:00.0000000") in its zone, as a UTC instant. */
export function graphInstant(t: GraphDateTime | undefined): string | null {
  if (!t?.dateTime) return null
  const zone = ianaZone(t.timeZone) ?? 'UTC'
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(t.dateTime)
  if (!m) return null
  const [, y, mo, d, h, mi, s] = m
  return new Date(new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), zone).getTime()).toISOString()
}

/** The calendar day of an all-day event: midnight in its own zone, read as a date, never shifted. */
function allDayDate(t: GraphDateTime | undefined, ownZone: string | null | undefined): string | null {
  const at = graphInstant(t)
  if (!at) return null
  const zone = ianaZone(ownZone) ?? ianaZone(t?.timeZone) ?? 'UTC'
  const local = new TZDate(Date.parse(at), zone)
  // Midnight there; a few minutes' slack for zones Graph rounds.
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate() + (local.getHours() >= 12 ? 1 : 0))).toISOString().slice(0, 10)
}

/**
 * A Graph event in the engine's event shape (the fields push and pull read, named as in
 * Calendar v3): `@odata.etag` as the etag, `lastModifiedDateTime` as `updated`, all-day
 * events as dates, ours marked by the install id in its transactionId.
 */
export function toEngineEvent(ev: GraphEvent, installId: string, deleted = false): calendar_v3.Schema$Event {
  const cancelled = deleted || ev.isCancelled === true
  const ours = installOfKey(ev.transactionId) === installId
  const base: calendar_v3.Schema$Event = {
    id: ev.id,
    status: cancelled ? 'cancelled' : 'confirmed',
    etag: ev['@odata.etag'] ?? (ev.changeKey ? `W/"${ev.changeKey}"` : null),
    updated: ev.lastModifiedDateTime ?? null,
    transparency: ev.showAs === 'free' ? 'transparent' : 'opaque',
    ...(ours ? { extendedProperties: { private: { [OUR_TAG]: installId } } } : {}),
  }
  if (cancelled || !ev.start || !ev.end) return base
  if (ev.isAllDay) {
    return { ...base, start: { date: allDayDate(ev.start, ev.originalStartTimeZone) }, end: { date: allDayDate(ev.end, ev.originalStartTimeZone) } }
  }
  return { ...base, start: { dateTime: graphInstant(ev.start) }, end: { dateTime: graphInstant(ev.end) } }
}

const wall = (dateTime: string) => dateTime.slice(0, 19)

/** The Graph body of our event, from the same content Google gets (the content hash is shared). */
export function graphEventBody(body: GoogleEventBody): Record<string, unknown> {
  const time = (t: GoogleEventBody['start']) =>
    'date' in t ? { dateTime: `${t.date}T00:00:00`, timeZone: 'UTC' } : { dateTime: wall(t.dateTime), timeZone: t.timeZone }
  return {
    subject: body.summary,
    body: { contentType: 'text', content: body.description },
    start: time(body.start),
    end: time(body.end),
    isAllDay: 'date' in body.start,
    showAs: body.transparency === 'transparent' ? 'free' : 'busy',
    isReminderOn: false,
    ...(body.location ? { location: { displayName: body.location } } : {}),
  }
}
