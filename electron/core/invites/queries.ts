import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { notFound } from '../errors'
import type { InviteFacts, ShopFacts } from './facts'

function factsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('activities as a')
    .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .innerJoin('activity_types as t', 't.id', 'a.activity_type_id')
    .leftJoin('bays as b', 'b.id', 'a.bay_id')
    .select([
      'a.id as activityId',
      'a.vehicle_id as vehicleId',
      'a.status',
      'a.due_date as dueDate',
      'a.start_at as startAt',
      'a.end_at as endAt',
      'b.name as bayName',
      't.name as typeName',
      'v.make',
      'v.model',
      'v.year',
      'v.license_plate as plate',
      'c.name as customerName',
      'c.email as customerEmail',
    ])
}

/**
 * One activity's invite facts, or `not_found`.
 *
 * @example
 * const facts = await findInviteFacts(ctx.db, 12)
 */
export async function findInviteFacts(db: Kysely<Database>, activityId: number): Promise<InviteFacts> {
  const row = await factsQuery(db).where('a.id', '=', activityId).executeTakeFirst()
  if (!row) throw notFound('Activity', activityId)
  return row satisfies InviteFacts
}

/** Facts of the given activities, in the order of `ids`; ids that vanished are skipped. */
export async function findInviteFactsByIds(db: Kysely<Database>, ids: readonly number[]): Promise<InviteFacts[]> {
  if (ids.length === 0) return []
  const rows = await factsQuery(db).where('a.id', 'in', ids).execute()
  const byId = new Map(rows.map((r) => [r.activityId, r satisfies InviteFacts]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** A vehicle's activities that are still ahead: booked ones not yet over, unbooked ones due from today. */
export async function upcomingVehicleFacts(db: Kysely<Database>, vehicleId: number, at: { nowIso: string; today: string }): Promise<InviteFacts[]> {
  const vehicle = await db.selectFrom('vehicles').select('id').where('id', '=', vehicleId).executeTakeFirst()
  if (!vehicle) throw notFound('Vehicle', vehicleId)
  const rows = await factsQuery(db)
    .where('a.vehicle_id', '=', vehicleId)
    .where('a.status', 'in', ['scheduled', 'in_progress'])
    .where((eb) =>
      eb.or([
        eb.and([eb('a.start_at', 'is not', null), eb('a.end_at', '>', at.nowIso)]),
        eb.and([eb('a.start_at', 'is', null), eb('a.due_date', '>=', at.today)]),
      ]),
    )
    .execute()
  return rows.sort(byWhen)
}

/**
 * Ids of the activities in a range, in calendar order: booked ones by their start instant
 * in `[fromIso, toIso)`, unbooked ones by their due date in `[from, to]`. Two queries, so
 * each uses its own index.
 */
export async function rangeActivityIds(
  db: Kysely<Database>,
  range: { fromIso: string; toIso: string; from: string; to: string; includeCancelled: boolean },
): Promise<number[]> {
  const statuses = range.includeCancelled
    ? (['scheduled', 'in_progress', 'completed', 'missed', 'cancelled'] as const)
    : (['scheduled', 'in_progress', 'completed', 'missed'] as const)
  const booked = await db
    .selectFrom('activities')
    .select(['id', 'start_at as key'])
    .where('start_at', '>=', range.fromIso)
    .where('start_at', '<', range.toIso)
    .where('status', 'in', statuses)
    .execute()
  const unbooked = await db
    .selectFrom('activities')
    .select(['id', 'due_date as key'])
    .where('start_at', 'is', null)
    .where('due_date', '>=', range.from)
    .where('due_date', '<=', range.to)
    .where('status', 'in', statuses)
    .execute()
  return [...booked, ...unbooked]
    .map((r) => ({ id: r.id, key: r.key ?? '' }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id))
    .map((r) => r.id)
}

/** The shop's name, email, address, time zone and reminder settings, and the install id. */
export async function loadShopFacts(db: Kysely<Database>): Promise<ShopFacts> {
  const s = await db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  const cal = await db.selectFrom('invite_calendar').select('install_id').executeTakeFirstOrThrow()
  return {
    name: s.shop_name.trim(),
    email: s.shop_email?.trim() || null,
    address: s.shop_address?.trim() || null,
    timeZone: s.time_zone,
    remindersEnabled: s.reminders_enabled === 1,
    reminderDaysBefore: s.reminder_days_before,
    installId: cal.install_id,
  }
}

// A date sorts before the instants of that day ('2025-03-09' < '2025-03-09T13:00Z'): all-day first.
const byWhen = (a: InviteFacts, b: InviteFacts): number => {
  const ka = a.startAt ?? a.dueDate
  const kb = b.startAt ?? b.dueDate
  return ka < kb ? -1 : ka > kb ? 1 : a.activityId - b.activityId
}
