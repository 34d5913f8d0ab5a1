import type { Kysely } from 'kysely'
import type { ActivityTypesTable, Database } from '../db/database'
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

/** Activity types by category and name; inactive ones only when asked for. */
export async function listActivityTypes(db: Kysely<Database>, includeInactive: boolean | undefined) {
  let q = db.selectFrom('activity_types').selectAll().orderBy('category').orderBy('name')
  if (!includeInactive) q = q.where('active', '=', 1)
  return q.execute()
}

interface ActivityTypeFields {
  name: string
  category: ActivityTypesTable['category']
  durationMinutes: number
}

/** A new activity type of the shop's own (never a built-in); the row. */
export async function insertActivityType(db: Kysely<Database>, fields: ActivityTypeFields, now: string) {
  return db
    .insertInto('activity_types')
    .values({
      name: fields.name,
      category: fields.category,
      duration_minutes: fields.durationMinutes,
      builtin: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Rewrites an activity type; the row after. */
export async function updateActivityType(db: Kysely<Database>, id: number, fields: ActivityTypeFields & { active: boolean }, now: string) {
  return db
    .updateTable('activity_types')
    .set({
      name: fields.name,
      category: fields.category,
      duration_minutes: fields.durationMinutes,
      active: fields.active ? 1 : 0,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Deletes an activity type; the caller checked that nothing uses it. */
export async function deleteActivityType(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('activity_types').where('id', '=', id).execute()
}
