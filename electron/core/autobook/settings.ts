import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import type { AutobookSettings } from '../../../shared/domain/autobook'
import type { Category } from '../../../shared/domain/reference'

/** The buffer between jobs and the days within which one vehicle's work is one visit. */
export async function getAutobookSettings(db: Kysely<Database>): Promise<{ bufferMinutes: number; groupDays: number }> {
  const row = await db.selectFrom('autobook_settings').selectAll().executeTakeFirstOrThrow()
  return { bufferMinutes: row.buffer_minutes, groupDays: row.group_days }
}

/** The categories each technician does; a technician absent from the map does every category. */
export async function technicianCategories(db: Kysely<Database>): Promise<Map<number, Set<Category>>> {
  const map = new Map<number, Set<Category>>()
  for (const r of await db.selectFrom('technician_categories').selectAll().execute()) {
    const set = map.get(r.technician_id) ?? new Set<Category>()
    set.add(r.category)
    map.set(r.technician_id, set)
  }
  return map
}

/**
 * @example
 * const { bufferMinutes, technicians } = await readAutobookSettings(db)
 */
export async function readAutobookSettings(db: Kysely<Database>): Promise<AutobookSettings> {
  const s = await getAutobookSettings(db)
  const categories = await technicianCategories(db)
  const techs = await db.selectFrom('technicians').select(['id', 'name']).where('active', '=', 1).orderBy('name').execute()
  return {
    ...s,
    technicians: techs.map((t) => {
      const set = categories.get(t.id)
      return { id: t.id, name: t.name, categories: set ? [...set].sort() : null }
    }),
  }
}
