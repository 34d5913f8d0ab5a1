import type { Insertable, Kysely } from 'kysely'
import type { ActivitiesTable, Database } from '../db/database'

/**
 * A new activity row; its id. The caller logs it (the trace) and says what changed.
 *
 * @example
 * const id = await insertActivity(ctx.db, { vehicle_id: 3, activity_type_id: 1, origin: 'manual', due_date, created_at: now, updated_at: now })
 */
export async function insertActivity(db: Kysely<Database>, values: Insertable<ActivitiesTable>): Promise<number> {
  const { id } = await db.insertInto('activities').values(values).returning('id').executeTakeFirstOrThrow()
  return id
}
