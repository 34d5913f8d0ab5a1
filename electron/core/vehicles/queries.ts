import { sql, type Insertable, type Kysely } from 'kysely'
import { shiftedDay } from '../db/dialect-sql'
import type { Database, VehiclesTable } from '../db/database'
import { notFound } from '../errors'
import { containsPattern } from '../shared/like'
import { foldForSearch } from '../../../shared/domain/search'
import { normalizePlate, vehicleLabel, type VehicleSort, type VehicleStatus } from '../../../shared/domain/vehicles'

const withCustomer = (db: Kysely<Database>) =>
  db.selectFrom('vehicles as v').innerJoin('customers as c', 'c.id', 'v.customer_id').selectAll('v').select('c.name as customer_name')

export async function findVehicle(db: Kysely<Database>, id: number) {
  const row = await withCustomer(db).where('v.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Vehicle', id)
  return row
}

export async function findVehicleByVin(db: Kysely<Database>, vin: string) {
  return withCustomer(db).where('v.vin', '=', vin).executeTakeFirst()
}

/** "Today" as the list judges overdue work: the shop's day, its first instant, and its UTC offset now. */
export interface ListDay {
  today: string
  todayStart: string
  /** The shop's offset from UTC in minutes today (New York in winter: -300). */
  offsetMinutes: number
}

/**
 * Vehicles by customer, then make and model (or as `sort` asks), each with its next due
 * work and its count of overdue work, in one query: a window over the open work numbers
 * each vehicle's by day. `search` matches the customer's name, the plate (compared
 * normalised, so "ab-12 3" finds "AB123"), the VIN, or make and model.
 *
 * @example
 * await listVehicles(db, { sort: 'next_due' }, { today: '2025-03-05', todayStart: '2025-03-05T05:00:00.000Z', offsetMinutes: -300 })
 */
export async function listVehicles(
  db: Kysely<Database>,
  opts: { search?: string; customerId?: number; status?: VehicleStatus | 'all'; sort?: VehicleSort },
  day: ListDay,
) {
  // Overdue exactly as the dashboard says (filters.ts `overdue`), missed work included.
  const isOverdue = sql<number>`(a.status = 'missed'
    or (a.start_at is null and a.due_date < ${day.today})
    or (a.start_at is not null and a.start_at < ${day.todayStart}))`
  // The booked day in the shop, by today's offset: only the order of one vehicle's work
  // within a day of a DST change can differ, never what is shown or what counts as overdue.
  const dayKey = sql<string>`case when a.start_at is null then a.due_date else ${shiftedDay(db, sql.ref('a.start_at'), day.offsetMinutes)} end`
  let q = db
    .with('open_work', (w) =>
      w
        .selectFrom('activities as a')
        .select(['a.vehicle_id', 'a.id', 'a.activity_type_id', 'a.due_date', 'a.start_at'])
        .select(sql<number>`row_number() over (partition by a.vehicle_id order by ${dayKey}, coalesce(a.start_at, ''), a.id)`.as('rn'))
        .select(sql<number>`sum(case when ${isOverdue} then 1 else 0 end) over (partition by a.vehicle_id)`.as('overdue_count'))
        // A boolean on PostgreSQL, 0 or 1 on SQLite: the cast makes it 0 or 1 on both.
        .select(sql<number>`cast(${isOverdue} as integer)`.as('is_overdue'))
        .where('a.status', 'in', ['scheduled', 'in_progress', 'missed']),
    )
    .selectFrom('vehicles as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .leftJoin('open_work as n', (j) => j.onRef('n.vehicle_id', '=', 'v.id').on('n.rn', '=', 1))
    .leftJoin('activity_types as t', 't.id', 'n.activity_type_id')
    .selectAll('v')
    .select([
      'c.name as customer_name',
      'n.id as next_id',
      'n.due_date as next_due_date',
      'n.start_at as next_start',
      'n.is_overdue as next_overdue',
      't.name as next_type',
    ])
    .select(sql<number>`coalesce(n.overdue_count, 0)`.as('overdue_count'))
  const byCustomer = <T extends typeof q>(x: T) => x.orderBy('c.name_folded').orderBy('c.name').orderBy('v.make').orderBy('v.model').orderBy('v.id')
  const nextDay = sql`case when n.start_at is null then n.due_date else ${shiftedDay(db, sql.ref('n.start_at'), day.offsetMinutes)} end`
  switch (opts.sort ?? 'customer') {
    case 'vehicle':
      q = q.orderBy('v.make_model_folded').orderBy('v.year').orderBy('c.name_folded').orderBy('v.id')
      break
    case 'next_due':
      // Soonest first; vehicles with nothing open last.
      q = byCustomer(
        q
          .orderBy(sql`n.id is null`)
          .orderBy(nextDay)
          .orderBy(sql`coalesce(n.start_at, '')`),
      )
      break
    case 'overdue':
      q = byCustomer(
        q
          .orderBy(sql`coalesce(n.overdue_count, 0)`, 'desc')
          .orderBy(sql`n.id is null`)
          .orderBy(nextDay),
      )
      break
    default:
      q = byCustomer(q)
  }
  const status = opts.status ?? 'active'
  if (status !== 'all') q = q.where('v.status', '=', status)
  if (opts.customerId) q = q.where('v.customer_id', '=', opts.customerId)
  if (opts.search) {
    const p = containsPattern(foldForSearch(opts.search))
    const plate = normalizePlate(opts.search)
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`c.name_folded like ${p} escape '\\'`,
        sql<boolean>`v.vin like ${containsPattern(opts.search!.toUpperCase())} escape '\\'`,
        sql<boolean>`v.make_model_folded like ${p} escape '\\'`,
        ...(plate ? [sql<boolean>`v.plate_normalized like ${containsPattern(plate)} escape '\\'`] : []),
      ]),
    )
  }
  return q.execute()
}

/** Describes a vehicle the way the front desk names it: "2019 Honda Civic (ABC123), Jane Doe". */
export const describeVehicle = (v: { year: number; make: string; model: string; license_plate: string | null; customer_name: string }): string =>
  `${vehicleLabel({ year: v.year, make: v.make, model: v.model, plate: v.license_plate })}, ${v.customer_name}`

/** What a person types about a vehicle; the search columns are derived from it. */
type VehicleFields = Pick<Insertable<VehiclesTable>, 'customer_id' | 'vin' | 'make' | 'model' | 'year' | 'license_plate' | 'onboarding_date' | 'notes'>

/** The fields with the normalized plate and folded make and model that search compares, kept on every write. */
const withSearchColumns = (fields: VehicleFields) => ({
  ...fields,
  plate_normalized: fields.license_plate ? normalizePlate(fields.license_plate) : null,
  make_model_folded: foldForSearch(`${fields.make} ${fields.model}`),
})

/**
 * A new vehicle; its id.
 *
 * @example
 * const id = await insertVehicle(db, { customer_id: 1, vin, make: 'Honda', model: 'Civic', year: 2019, license_plate: null, onboarding_date: '2025-01-01', notes: null }, now)
 */
export async function insertVehicle(db: Kysely<Database>, fields: VehicleFields, now: string): Promise<number> {
  const { id } = await db
    .insertInto('vehicles')
    .values({ ...withSearchColumns(fields), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** The reading a vehicle arrived with, dated its onboarding day. */
export async function insertOnboardingReading(
  db: Kysely<Database>,
  reading: { vehicleId: number; onboardingDate: string; miles: number },
  now: string,
): Promise<void> {
  await db
    .insertInto('odometer_readings')
    .values({
      vehicle_id: reading.vehicleId,
      reading_date: reading.onboardingDate,
      miles: reading.miles,
      source: 'onboarding',
      created_at: now,
    })
    .execute()
}

/** Rewrites a vehicle's fields and search columns. */
export async function updateVehicle(db: Kysely<Database>, id: number, fields: VehicleFields, now: string): Promise<void> {
  await db
    .updateTable('vehicles')
    .set({ ...withSearchColumns(fields), updated_at: now })
    .where('id', '=', id)
    .execute()
}

/** Activates or deactivates a vehicle. */
export async function setVehicleStatus(db: Kysely<Database>, id: number, status: VehicleStatus, now: string): Promise<void> {
  await db.updateTable('vehicles').set({ status, updated_at: now }).where('id', '=', id).execute()
}
