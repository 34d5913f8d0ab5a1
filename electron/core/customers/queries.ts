import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database'
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
        sql<boolean>`c.email like ${p} escape '\\'`,
        sql<boolean>`c.phone like ${p} escape '\\'`,
      ]),
    )
  }
  return q.execute()
}
