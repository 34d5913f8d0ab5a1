import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { notFound } from '../errors'

/** A technician by id, active or not; not_found when there is none. */
export async function findTechnician(db: Kysely<Database>, id: number) {
  const row = await db.selectFrom('technicians').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Technician', id)
  return row
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
