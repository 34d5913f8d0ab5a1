import type { Kysely, Updateable } from 'kysely'
import type { AutobookSettingsTable, Database, TechnicianCategoriesTable } from '../db/database'
import type { AutobookSettings } from '../../../shared/domain/autobook'
import type { Category } from '../../../shared/domain/activity-types'

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

/** Writes the given columns of the one auto-booking settings row. */
export async function updateAutobookSettingsRow(db: Kysely<Database>, set: Updateable<AutobookSettingsTable>): Promise<void> {
  await db.updateTable('autobook_settings').set(set).execute()
}

/**
 * Replaces a technician's categories; null leaves none, which means every category.
 *
 * @example
 * await replaceTechnicianCategories(db, 2, ['inspection', 'repair'])
 */
export async function replaceTechnicianCategories(
  db: Kysely<Database>,
  technicianId: number,
  categories: readonly TechnicianCategoriesTable['category'][] | null | undefined,
): Promise<void> {
  await db.deleteFrom('technician_categories').where('technician_id', '=', technicianId).execute()
  if (categories) {
    await db
      .insertInto('technician_categories')
      .values([...new Set(categories)].map((category) => ({ technician_id: technicianId, category })))
      .execute()
  }
}
