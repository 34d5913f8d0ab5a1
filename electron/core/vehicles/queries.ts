import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database'
import { notFound } from '../errors'
import { containsPattern } from '../shared/like'
import { foldForSearch } from '../../../shared/domain/search'
import { normalizePlate, type VehicleStatus } from '../../../shared/domain/vehicles'

const withCustomer = (db: Kysely<Database>) =>
  db
    .selectFrom('vehicles as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .selectAll('v')
    .select('c.name as customer_name')

export async function findVehicle(db: Kysely<Database>, id: number) {
  const row = await withCustomer(db).where('v.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Vehicle', id)
  return row
}

export async function findVehicleByVin(db: Kysely<Database>, vin: string) {
  return withCustomer(db).where('v.vin', '=', vin).executeTakeFirst()
}

/**
 * Vehicles by customer, then make and model. `search` matches the customer's name, the
 * plate (compared normalised, so "ab-12 3" finds "AB123"), the VIN, or make and model.
 */
export async function listVehicles(
  db: Kysely<Database>,
  opts: { search?: string; customerId?: number; status?: VehicleStatus | 'all' },
) {
  let q = withCustomer(db).orderBy('c.name_folded').orderBy('c.name').orderBy('v.make').orderBy('v.model')
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
export const describeVehicle = (v: {
  year: number
  make: string
  model: string
  license_plate: string | null
  customer_name: string
}): string => `${v.year} ${v.make} ${v.model}${v.license_plate ? ` (${v.license_plate})` : ''}, ${v.customer_name}`
