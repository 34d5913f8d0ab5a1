import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { notFound } from '../errors'

/**
 * A bay by id, active or not; not_found when there is none.
 *
 * @example
 * const bay = await findBay(db, 2) // bay.name === 'Bay 2'
 */
export async function findBay(db: Kysely<Database>, id: number) {
  const row = await db.selectFrom('bays').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Bay', id)
  return row
}

/** A technician by id, active or not; not_found when there is none. */
export async function findTechnician(db: Kysely<Database>, id: number) {
  const row = await db.selectFrom('technicians').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Technician', id)
  return row
}

/** The weekly hours, Sunday first. */
export async function listShopHours(db: Kysely<Database>) {
  return db.selectFrom('shop_hours').select(['weekday', 'opens', 'closes']).orderBy('weekday').execute()
}

/**
 * Closures overlapping `[from, to]` (either end optional), with the bay's or technician's
 * name for display.
 *
 * @example
 * await listClosures(db, { from: '2025-12-01', to: '2025-12-31' })
 */
export async function listClosures(db: Kysely<Database>, range: { from?: string; to?: string } = {}) {
  let q = db
    .selectFrom('closures as cl')
    .leftJoin('bays as b', 'b.id', 'cl.bay_id')
    .leftJoin('technicians as t', 't.id', 'cl.technician_id')
    .selectAll('cl')
    .select((eb) => eb.fn.coalesce('b.name', 't.name').as('resource_name'))
    .orderBy('cl.starts_on')
    .orderBy('cl.id')
  if (range.to) q = q.where('cl.starts_on', '<=', range.to)
  if (range.from) q = q.where('cl.ends_on', '>=', range.from)
  return q.execute()
}
