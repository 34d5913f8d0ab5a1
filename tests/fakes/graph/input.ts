import type { FakeResponse } from '../shared/http'
import { gerrors } from './errors'
import type { EventInput } from './store'
import { ianaOf, wallToUtc } from '../shared/tz'

/** Properties of microsoft.graph.event a client may send; the fake models some and accepts the rest. */
const MODELED = new Set([
  'subject',
  'body',
  'start',
  'end',
  'isAllDay',
  'showAs',
  'categories',
  'reminderMinutesBeforeStart',
  'isReminderOn',
  'location',
  'transactionId',
  'singleValueExtendedProperties',
])
const ACCEPTED = new Set([
  'attendees',
  'importance',
  'sensitivity',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'allowNewTimeProposals',
  'responseRequested',
  'hideAttendees',
  'locations',
  'recurrence',
  'isDraft',
  '@odata.type',
])

const PROP_ID = /^String \{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\} Name [^\s]+$/i

function time(v: unknown, which: string): { ms: number; zone: string } | FakeResponse {
  const t = v as { dateTime?: unknown; timeZone?: unknown } | null
  if (!t || typeof t.dateTime !== 'string') return gerrors.badRequest(`${which}: dateTime is required.`, 'ErrorInvalidRequest')
  const zone = typeof t.timeZone === 'string' ? t.timeZone : 'UTC'
  if (!ianaOf(zone))
    return gerrors.badRequest(
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
      'TimeZoneNotSupportedException',
    )
  const ms = wallToUtc(t.dateTime, zone)
  if (ms === undefined) return gerrors.badRequest(`Cannot convert the literal '${t.dateTime}' to the expected type 'Edm.DateTimeOffset'.`, 'BadRequest')
  return { ms, zone }
}

/** Parses a create/PATCH body into store input, with Graph's complaints for what it refuses. */
export function parseEventInput(raw: Buffer, mode: 'create' | 'patch'): { ok: true; input: EventInput } | { ok: false; response: FakeResponse } {
  let body: Record<string, unknown>
  try {
    const v = JSON.parse(raw.toString('utf8') || '{}') as unknown
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object')
    body = v as Record<string, unknown>
  } catch {
    return {
      ok: false,
      response: gerrors.badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'),
    }
  }
  for (const k of Object.keys(body)) {
    if (!MODELED.has(k) && !ACCEPTED.has(k)) {
      return {
        ok: false,
        response: gerrors.badRequest(
          `The property '${k}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
          'RequestBodyRead',
        ),
      }
    }
  }
  const input: EventInput = {}
  if (typeof body['subject'] === 'string') input.subject = body['subject']
  const b = body['body'] as { contentType?: string; content?: string } | undefined
  if (b) input.body = { contentType: b.contentType?.toLowerCase() === 'text' ? 'text' : 'html', content: String(b.content ?? '') }
  if (body['start'] !== undefined || mode === 'create') {
    const s = time(body['start'], 'start')
    if ('status' in s) return { ok: false, response: s }
    input.startMs = s.ms
    input.originalStartTimeZone = s.zone
  }
  if (body['end'] !== undefined || mode === 'create') {
    const e = time(body['end'], 'end')
    if ('status' in e) return { ok: false, response: e }
    input.endMs = e.ms
    input.originalEndTimeZone = e.zone
  }
  if (input.startMs !== undefined && input.endMs !== undefined && input.endMs < input.startMs) {
    return { ok: false, response: gerrors.badRequest('The end date of the event must be after the start date.', 'ErrorInvalidRequest') }
  }
  if (typeof body['isAllDay'] === 'boolean') input.isAllDay = body['isAllDay']
  if (input.isAllDay) {
    const wall = (body['start'] as { dateTime?: string } | undefined)?.dateTime ?? ''
    const wallEnd = (body['end'] as { dateTime?: string } | undefined)?.dateTime ?? ''
    if (!/T00:00(:00(\.0+)?)?$/.test(wall) || !/T00:00(:00(\.0+)?)?$/.test(wallEnd)) {
      return {
        ok: false,
        response: gerrors.badRequest(
          'Your request can\u2019t be completed. If isAllDay is true, start and end must be at midnight.',
          'ErrorPropertyValidationFailure',
        ),
      }
    }
  }
  if (typeof body['showAs'] === 'string') input.showAs = body['showAs']
  if (Array.isArray(body['categories'])) input.categories = body['categories'].map(String)
  if (typeof body['reminderMinutesBeforeStart'] === 'number') input.reminderMinutesBeforeStart = body['reminderMinutesBeforeStart']
  if (typeof body['isReminderOn'] === 'boolean') input.isReminderOn = body['isReminderOn']
  const loc = body['location'] as { displayName?: string } | undefined
  if (loc) input.location = { displayName: String(loc.displayName ?? '') }
  if (typeof body['transactionId'] === 'string') input.transactionId = body['transactionId']
  const props = body['singleValueExtendedProperties']
  if (props !== undefined) {
    if (!Array.isArray(props)) return { ok: false, response: gerrors.badRequest('singleValueExtendedProperties must be an array.') }
    input.extendedProperties = []
    for (const p of props as Array<{ id?: unknown; value?: unknown }>) {
      if (typeof p.id !== 'string' || !PROP_ID.test(p.id) || typeof p.value !== 'string') {
        return { ok: false, response: gerrors.badRequest('The extended property id is not valid.', 'ErrorInvalidExtendedPropertyValue') }
      }
      input.extendedProperties.push({ id: p.id, value: p.value })
    }
  }
  return { ok: true, input }
}
