import type { Insertable, Kysely } from 'kysely'
import type { ClosuresTable, Database } from '../db/database'
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

/** Technicians by name; inactive ones only when asked for. */
export async function listTechnicians(db: Kysely<Database>, includeInactive: boolean | undefined) {
  let q = db.selectFrom('technicians').selectAll().orderBy('name')
  if (!includeInactive) q = q.where('active', '=', 1)
  return q.execute()
}

/** A new technician; the row. */
export async function insertTechnician(db: Kysely<Database>, fields: { name: string; email: string | null }, now: string) {
  return db.insertInto('technicians').values({ name: fields.name, email: fields.email, created_at: now }).returningAll().executeTakeFirstOrThrow()
}

/** Rewrites a technician; the row after. */
export async function updateTechnician(db: Kysely<Database>, id: number, fields: { name: string; email: string | null; active: boolean }) {
  return db
    .updateTable('technicians')
    .set({ name: fields.name, email: fields.email, active: fields.active ? 1 : 0 })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Sets one weekday's opening hours (both null: closed that day). */
export async function setShopHours(db: Kysely<Database>, day: { weekday: number; opens: string | null; closes: string | null }): Promise<void> {
  await db.updateTable('shop_hours').set({ opens: day.opens, closes: day.closes }).where('weekday', '=', day.weekday).execute()
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
