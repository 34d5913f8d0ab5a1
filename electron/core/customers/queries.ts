import { sql, type Insertable, type Kysely } from 'kysely'
import type { CustomersTable, Database } from '../db/database'
import { notFound } from '../errors'
import { containsPattern } from '../shared/like'
import { foldForSearch } from '../../../shared/domain/search'

export async function findCustomer(db: Kysely<Database>, id: number) {
  const row = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Customer', id)
  return row
}

/** Customers with their vehicle count, by name; `search` matches name, email or phone. */
export async function listCustomers(db: Kysely<Database>, opts: { search?: string; includeInactive?: boolean }) {
  let q = db
    .selectFrom('customers as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('vehicles as v')
        .whereRef('v.customer_id', '=', 'c.id')
        .where('v.status', '=', 'active')
        .select(eb.fn.countAll<number>().as('n'))
        .as('vehicle_count'),
    )
    .orderBy('c.name_folded')
    .orderBy('c.name')
  if (!opts.includeInactive) q = q.where('c.active', '=', 1)
  if (opts.search) {
    const p = containsPattern(opts.search)
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`c.name_folded like ${containsPattern(foldForSearch(opts.search!))} escape '\\'`,
        sql<boolean>`lower(c.email) like lower(${p}) escape '\\'`,
        sql<boolean>`c.phone like ${p} escape '\\'`,
      ]),
    )
  }
  return q.execute()
}

/** What a person types about a customer; `name_folded` is derived from `name`. */
type CustomerFields = Pick<Insertable<CustomersTable>, 'name' | 'email' | 'phone' | 'notes'>

/**
 * A new customer, its folded name kept for search.
 *
 * @example
 * const row = await insertCustomer(db, { name: 'Ada Fleet', email: null, phone: null, notes: null }, now)
 */
export async function insertCustomer(db: Kysely<Database>, fields: CustomerFields, now: string) {
  return db
    .insertInto('customers')
    .values({ ...fields, name_folded: foldForSearch(fields.name), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Rewrites a customer's fields and folded name; the row after. */
export async function updateCustomer(db: Kysely<Database>, id: number, fields: CustomerFields, now: string) {
  return db
    .updateTable('customers')
    .set({ ...fields, name_folded: foldForSearch(fields.name), updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Activates or deactivates a customer; the row after. */
export async function setCustomerActive(db: Kysely<Database>, id: number, active: boolean, now: string) {
  return db
    .updateTable('customers')
    .set({ active: active ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A customer's active vehicles, as much of them as names them: they block deactivating the customer. */
export async function activeVehiclesOf(db: Kysely<Database>, customerId: number) {
  return db.selectFrom('vehicles').select(['make', 'model', 'license_plate']).where('customer_id', '=', customerId).where('status', '=', 'active').execute()
}
