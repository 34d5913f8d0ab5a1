import { createHash } from 'node:crypto'
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import type { Kysely } from 'kysely'
import type { ActivityStatus, Database } from '../db/database'
import { OUR_ACTIVITY, OUR_TAG } from './ids'

/** What a calendar event shows of a booking: never the customer's phone, email, VIN or notes. */
export interface EventFacts {
  activityId: number
  status: ActivityStatus
  startAt: string
  endAt: string
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
  start: { dateTime: string; timeZone: string }
  end: { dateTime: string; timeZone: string }
  status: 'confirmed'
  transparency: 'opaque'
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
  const lines = [
    `${f.typeName} for ${f.vehicle}`,
    `Status: ${STATUS_WORDS[f.status]}`,
    f.bayName ? `Bay: ${f.bayName}` : null,
    f.technicianName ? `Technician: ${f.technicianName}` : null,
    `${shop.name}${shop.address ? `, ${shop.address}` : ''}`,
    'Booked in Shop Scheduler: change it there, or move it here and the shop will see it.',
  ].filter((l): l is string => l !== null)
  return {
    summary: `${f.status === 'completed' ? '✓ ' : f.status === 'missed' ? '⚠ ' : ''}${f.typeName} · ${f.vehicle}`,
    description: lines.join('\n'),
    ...(shop.address ? { location: shop.address } : {}),
    colorId: COLOR_BY_STATUS[f.status],
    start: zonedDateTime(f.startAt, shop.timeZone),
    end: zonedDateTime(f.endAt, shop.timeZone),
    status: 'confirmed',
    transparency: 'opaque',
    reminders: { useDefault: false, overrides: [] },
    extendedProperties: { private: { [OUR_TAG]: shop.installId, [OUR_ACTIVITY]: String(f.activityId) } },
  }
}

export const contentHash = (body: GoogleEventBody): string => {
  const { id: _id, ...rest } = body
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url')
}

/** Facts of the given activities, booked or not (a missing id was deleted). */
export async function loadEventFacts(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, EventFacts | null>> {
  const out = new Map<number, EventFacts | null>(ids.map((id) => [id, null]))
  if (ids.length === 0) return out
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
    if (!r.start_at || !r.end_at) continue
    out.set(r.id, {
      activityId: r.id,
      status: r.status,
      startAt: r.start_at,
      endAt: r.end_at,
      technicianId: r.technician_id,
      typeName: r.type_name,
      vehicle: `${r.year} ${r.make} ${r.model}${r.license_plate ? ` (${r.license_plate})` : ''}`,
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
