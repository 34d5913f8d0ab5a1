import type { Insertable, Kysely } from 'kysely'
import type { ClosuresTable, Database } from '../db/database'

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

/** A new closure; its id. */
export async function insertClosure(db: Kysely<Database>, closure: Insertable<ClosuresTable>): Promise<number> {
  const { id } = await db.insertInto('closures').values(closure).returning('id').executeTakeFirstOrThrow()
  return id
}

/** Deletes a closure; false when there was none. */
export async function deleteClosure(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('closures').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
