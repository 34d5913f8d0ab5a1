import { createHash } from 'node:crypto'
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import type { Kysely } from 'kysely'
import type { ActivityStatus, Database } from '../db/database'
import { OUR_ACTIVITY, OUR_TAG } from './ids'
import { vehicleLabel } from '../../../shared/domain/vehicles'

/** What a calendar event shows of a booking: never the customer's phone, email, VIN or notes. */
export interface EventFacts {
  activityId: number
  status: ActivityStatus
  /** Booked: its time. Unbooked with a due date, when the shop opted in: an all-day marker on that day. */
  when: { kind: 'booked'; startAt: string; endAt: string } | { kind: 'due'; dueDate: string }
  technicianId: number | null
  typeName: string
  vehicle: string
  bayName: string | null
  technicianName: string | null
}

export interface ShopSide {
  name: string
  address: string | null
  timeZone: string
  installId: string
}

/** The Calendar v3 fields we own on our events. */
export interface GoogleEventBody {
  id?: string
  summary: string
  description: string
  location?: string
  colorId: string
  start: { dateTime: string; timeZone: string } | { date: string }
  end: { dateTime: string; timeZone: string } | { date: string }
  status: 'confirmed'
  /** A due-date marker is not busy time. */
  transparency: 'opaque' | 'transparent'
  reminders: { useDefault: false; overrides: [] }
  extendedProperties: { private: Record<string, string> }
}

// Google's event colour ids (colors.get): blueberry, banana, basil, tomato.
const COLOR_BY_STATUS: Record<ActivityStatus, string> = {
  scheduled: '9',
  in_progress: '5',
  completed: '10',
  missed: '11',
  cancelled: '8',
}
// Graphite: a reminder of work to book, not a booking.
const DUE_COLOR = '8'
/** The day after a calendar day ("2025-03-31" → "2025-04-01"): an all-day event's exclusive end. */
const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

const STATUS_WORDS: Record<ActivityStatus, string> = {
  scheduled: 'Booked',
  in_progress: 'In progress',
  completed: 'Completed',
  missed: 'Missed',
  cancelled: 'Cancelled',
}

/**
 * The wall time in the shop's zone with that date's own offset ("2025-03-10T09:00:00-04:00"),
 * plus the zone: a 09:00 booking stays 09:00 on both sides of a DST change (sync-notes §4 rule 8).
 */
export const zonedDateTime = (instant: string, timeZone: string) => ({
  dateTime: format(new TZDate(Date.parse(instant), timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX"),
  timeZone,
})

/**
 * The event a booking shows on a calendar. Everything a shop calendar needs at a glance,
 * nothing private of the customer's.
 *
 * @example
 * googleEventBody(facts, shop) // { summary: 'Oil change · 2019 Honda Civic (ABC123)', ... }
 */
export function googleEventBody(f: EventFacts, shop: ShopSide): GoogleEventBody {
  const due = f.when.kind === 'due' ? f.when.dueDate : null
  const lines = [
    `${f.typeName} for ${f.vehicle}`,
    due ? `Due ${format(new TZDate(`${due}T12:00:00Z`, 'UTC'), 'EEE, MMM d')}, not booked yet` : `Status: ${STATUS_WORDS[f.status]}`,
    f.bayName ? `Bay: ${f.bayName}` : null,
    f.technicianName ? `Technician: ${f.technicianName}` : null,
    `${shop.name}${shop.address ? `, ${shop.address}` : ''}`,
    'Booked in Shop Scheduler: change it there, or move it here and the shop will see it.',
  ].filter((l): l is string => l !== null)
  const when =
    f.when.kind === 'booked'
      ? { start: zonedDateTime(f.when.startAt, shop.timeZone), end: zonedDateTime(f.when.endAt, shop.timeZone), transparency: 'opaque' as const }
      : { start: { date: f.when.dueDate }, end: { date: nextDay(f.when.dueDate) }, transparency: 'transparent' as const }
  return {
    summary: due ? `Due: ${f.typeName} · ${f.vehicle}` : `${f.status === 'completed' ? '✓ ' : f.status === 'missed' ? '⚠ ' : ''}${f.typeName} · ${f.vehicle}`,
    description: lines.join('\n'),
    ...(shop.address ? { location: shop.address } : {}),
    colorId: due ? DUE_COLOR : COLOR_BY_STATUS[f.status],
    start: when.start,
    end: when.end,
    status: 'confirmed',
    transparency: when.transparency,
    reminders: { useDefault: false, overrides: [] },
    extendedProperties: { private: { [OUR_TAG]: shop.installId, [OUR_ACTIVITY]: String(f.activityId) } },
  }
}

export const contentHash = (body: GoogleEventBody): string => {
  const { id: _id, ...rest } = body
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url')
}

/**
 * What each activity shows on a calendar: booked work its time; open unbooked work with a due
 * date an all-day marker, when the shop opted in; anything else (and a missing id) null: nothing.
 */
export async function loadEventFacts(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, EventFacts | null>> {
  const out = new Map<number, EventFacts | null>(ids.map((id) => [id, null]))
  if (ids.length === 0) return out
  const { due_dates_all_day: dueDates } = await db.selectFrom('sync_settings').select('due_dates_all_day').executeTakeFirstOrThrow()
  const rows = await db
    .selectFrom('activities as a')
    .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .innerJoin('activity_types as t', 't.id', 'a.activity_type_id')
    .leftJoin('bays as b', 'b.id', 'a.bay_id')
    .leftJoin('technicians as tech', 'tech.id', 'a.technician_id')
    .select([
      'a.id',
      'a.status',
      'a.start_at',
      'a.end_at',
      'a.due_date',
      'a.technician_id',
      't.name as type_name',
      'v.year',
      'v.make',
      'v.model',
      'v.license_plate',
      'b.name as bay_name',
      'tech.name as technician_name',
    ])
    .where('a.id', 'in', ids)
    .execute()
  for (const r of rows) {
    const booked = r.start_at && r.end_at ? { kind: 'booked' as const, startAt: r.start_at, endAt: r.end_at } : null
    const due =
      !booked && dueDates === 1 && r.due_date && (r.status === 'scheduled' || r.status === 'missed') ? { kind: 'due' as const, dueDate: r.due_date } : null
    const when = booked ?? due
    if (!when) continue
    out.set(r.id, {
      activityId: r.id,
      status: r.status,
      when,
      technicianId: r.technician_id,
      typeName: r.type_name,
      vehicle: vehicleLabel({ year: r.year, make: r.make, model: r.model, plate: r.license_plate }),
      bayName: r.bay_name,
      technicianName: r.technician_name,
    })
  }
  return out
}

export async function loadShopSide(db: Kysely<Database>): Promise<ShopSide> {
  const s = await db.selectFrom('settings').select(['shop_name', 'shop_address', 'time_zone']).executeTakeFirstOrThrow()
  const sync = await db.selectFrom('sync_settings').select('install_id').executeTakeFirstOrThrow()
  return { name: s.shop_name, address: s.shop_address, timeZone: s.time_zone, installId: sync.install_id }
}
