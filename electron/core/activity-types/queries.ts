import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { fieldError, notFound } from '../errors'

/**
 * An activity type by id, active or not; not_found when there is none.
 *
 * @example
 * const type = await findActivityType(db, 3) // type.duration_minutes === 60
 */
export async function findActivityType(db: Kysely<Database>, id: number) {
  const row = await db.selectFrom('activity_types').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Activity type', id)
  return row
}

/** Names are unique regardless of case: "Oil change" and "oil change" would confuse everyone. */
export async function checkTypeName(db: Kysely<Database>, name: string, selfId?: number): Promise<void> {
  const holder = await db
    .selectFrom('activity_types')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst()
  if (holder && holder.id !== selfId) {
    throw fieldError('name', `There is already an activity type named "${name}"`, 'duplicate')
  }
}

/** How many activities and templates use a type: a type in use cannot be deleted. */
export async function typeUsage(db: Kysely<Database>, id: number): Promise<{ activities: number; templates: number }> {
  const a = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity_type_id', '=', id)
    .executeTakeFirstOrThrow()
  const t = await db
    .selectFrom('maintenance_templates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity_type_id', '=', id)
    .executeTakeFirstOrThrow()
  return { activities: Number(a.n), templates: Number(t.n) }
}
