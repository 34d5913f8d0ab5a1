import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { fieldError, notFound } from '../errors'

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

/** Bays in the order the shop set, then by name; inactive ones only when asked for. */
export async function listBays(db: Kysely<Database>, includeInactive: boolean | undefined) {
  let q = db.selectFrom('bays').selectAll().orderBy('sort_order').orderBy('name')
  if (!includeInactive) q = q.where('active', '=', 1)
  return q.execute()
}

/** Bay names are unique regardless of case. */
export async function checkBayName(db: Kysely<Database>, name: string, selfId?: number): Promise<void> {
  const holder = await db
    .selectFrom('bays')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst()
  if (holder && holder.id !== selfId) throw fieldError('name', `There is already a bay named "${name}"`, 'duplicate')
}

/**
 * A new bay, placed after the others; the row.
 *
 * @example
 * const bay = await insertBay(db, 'Bay 3', now)
 */
export async function insertBay(db: Kysely<Database>, name: string, now: string) {
  const last = await db
    .selectFrom('bays')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .executeTakeFirst()
  return db
    .insertInto('bays')
    .values({ name, sort_order: Number(last?.max ?? 0) + 1, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Renames, (de)activates and, when given, reorders a bay; the row after. */
export async function updateBay(db: Kysely<Database>, id: number, fields: { name: string; active: boolean; sortOrder?: number }) {
  return db
    .updateTable('bays')
    .set({
      name: fields.name,
      active: fields.active ? 1 : 0,
      ...(fields.sortOrder !== undefined ? { sort_order: fields.sortOrder } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}
