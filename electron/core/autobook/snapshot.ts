/**
 * What a proposal is computed from, read in one short transaction: the open days of the
 * range, the bays and technicians with their closures and categories, everything that
 * already takes their time, and the due, unbooked work. The placement itself then runs
 * outside the lock, on this copy.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import type { Category } from '../../../shared/domain/activity-types'
import { getAutobookSettings } from './settings'
import { addDays, weekday } from '../../../shared/dates'
import { shopDay, shopInstant, startOfShopDay } from '../../../shared/shop-day'
import { vehicleLabel } from '../../../shared/domain/vehicles'

export interface Interval {
  start: number
  end: number
  /** The vehicle whose work this is: its own work needs no buffer before or after it. Null for busy time. */
  vehicleId: number | null
}

export interface OpenDay {
  day: string
  open: number
  close: number
}

export interface SnapshotResource {
  id: number
  name: string
  /** Days it is closed or away (its own closures). */
  closed: Set<string>
}

export interface SnapshotTechnician extends SnapshotResource {
  /** Null: every category. */
  categories: Set<Category> | null
}

export interface WorkItem {
  activityId: number
  version: number
  vehicleId: number
  vehicle: string
  plate: string | null
  customer: string
  typeName: string
  category: Category
  dueDate: string
  minutes: number
}

export interface Snapshot {
  from: string
  to: string
  timeZone: string
  now: number
  today: string
  /** The range's days on which the shop is open (hours, no whole-shop closure), not before today. */
  days: OpenDay[]
  bays: SnapshotResource[]
  technicians: SnapshotTechnician[]
  /** Taken time per resource, `b<id>` or `t<id>`, sorted by start. */
  busy: Map<string, Interval[]>
  /** Due by the end of the range, unbooked, scheduled, of an active vehicle. */
  work: WorkItem[]
  bufferMinutes: number
  groupDays: number
}

/**
 * @example
 * const snap = await readSnapshot(db, { from: '2026-03-09', to: '2026-03-14', now, timeZone })
 */
export async function readSnapshot(db: Kysely<Database>, q: { from: string; to: string; now: Date; timeZone: string }): Promise<Snapshot> {
  const { from, to, timeZone } = q
  const today = shopDay(q.now, timeZone)
  const settings = await getAutobookSettings(db)
  // A day either side: the buffer reaches across midnight only in theory, but it costs nothing.
  const windowStart = startOfShopDay(addDays(from, -1), timeZone).toISOString()
  const windowEnd = startOfShopDay(addDays(to, 2), timeZone).toISOString()

  const hours = new Map((await db.selectFrom('shop_hours').selectAll().execute()).map((h) => [h.weekday, h]))
  const closures = await db.selectFrom('closures').selectAll().where('starts_on', '<=', to).where('ends_on', '>=', from).execute()
  const days: OpenDay[] = []
  for (let day = from > today ? from : today; day <= to; day = addDays(day, 1)) {
    const h = hours.get(weekday(day))
    if (!h?.opens || !h.closes) continue
    if (closures.some((c) => c.scope === 'shop' && c.starts_on <= day && c.ends_on >= day)) continue
    days.push({ day, open: shopInstant(day, h.opens, timeZone).getTime(), close: shopInstant(day, h.closes, timeZone).getTime() })
  }
  const closedDays = (match: (c: (typeof closures)[number]) => boolean): Set<string> => {
    const set = new Set<string>()
    for (const c of closures.filter(match)) for (const d of days) if (c.starts_on <= d.day && c.ends_on >= d.day) set.add(d.day)
    return set
  }

  const bays = (await db.selectFrom('bays').select(['id', 'name']).where('active', '=', 1).orderBy('sort_order').orderBy('name').execute()).map((b) => ({
    ...b,
    closed: closedDays((c) => c.scope === 'bay' && c.bay_id === b.id),
  }))
  const categoryRows = await db.selectFrom('technician_categories').selectAll().execute()
  const technicians = (await db.selectFrom('technicians').select(['id', 'name']).where('active', '=', 1).orderBy('name').execute()).map((t) => {
    const mine = categoryRows.filter((r) => r.technician_id === t.id).map((r) => r.category)
    return {
      ...t,
      closed: closedDays((c) => c.scope === 'technician' && c.technician_id === t.id),
      categories: mine.length > 0 ? new Set<Category>(mine) : null,
    }
  })

  const busy = new Map<string, Interval[]>()
  const add = (key: string, iv: Interval) => {
    const list = busy.get(key)
    if (list) list.push(iv)
    else busy.set(key, [iv])
  }
  const booked = await db
    .selectFrom('activities')
    .select(['vehicle_id', 'start_at', 'end_at', 'bay_id', 'technician_id', 'status', 'completed_at'])
    .where('status', '!=', 'cancelled')
    .where('start_at', '<', windowEnd)
    .where('end_at', '>', windowStart)
    .execute()
  for (const b of booked) {
    // Completed work holds its slot only until it was completed (capacity.ts).
    const end = b.status === 'completed' && b.completed_at ? Math.min(Date.parse(b.end_at!), Date.parse(b.completed_at)) : Date.parse(b.end_at!)
    const iv = { start: Date.parse(b.start_at!), end, vehicleId: b.vehicle_id }
    if (b.bay_id !== null) add(`b${b.bay_id}`, iv)
    if (b.technician_id !== null) add(`t${b.technician_id}`, iv)
  }
  const blocks = await db
    .selectFrom('sync_busy_blocks')
    .select(['start_at', 'end_at', 'technician_id'])
    .where('start_at', '<', windowEnd)
    .where('end_at', '>', windowStart)
    .execute()
  for (const b of blocks) add(`t${b.technician_id}`, { start: Date.parse(b.start_at), end: Date.parse(b.end_at), vehicleId: null })
  for (const list of busy.values()) list.sort((a, b) => a.start - b.start)

  const work = await db
    .selectFrom('activities as a')
    .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .innerJoin('activity_types as t', 't.id', 'a.activity_type_id')
    .select([
      'a.id',
      'a.version',
      'a.vehicle_id',
      'a.due_date',
      'v.year',
      'v.make',
      'v.model',
      'v.license_plate',
      'c.name as customer',
      't.name as type_name',
      't.category',
      't.duration_minutes',
    ])
    .where('a.status', '=', 'scheduled')
    .where('a.start_at', 'is', null)
    .where('v.status', '=', 'active')
    .where('a.due_date', '<=', to)
    .orderBy('a.due_date')
    .orderBy('a.vehicle_id')
    .orderBy('a.id')
    .execute()

  return {
    from,
    to,
    timeZone,
    now: q.now.getTime(),
    today,
    days,
    bays,
    technicians,
    busy,
    work: work.map((w) => ({
      activityId: w.id,
      version: w.version,
      vehicleId: w.vehicle_id,
      vehicle: vehicleLabel({ year: w.year, make: w.make, model: w.model }),
      plate: w.license_plate,
      customer: w.customer,
      typeName: w.type_name,
      category: w.category,
      dueDate: w.due_date,
      minutes: w.duration_minutes,
    })),
    bufferMinutes: settings.bufferMinutes,
    groupDays: settings.groupDays,
  }
}
