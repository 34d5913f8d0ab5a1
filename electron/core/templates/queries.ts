import type { Insertable, Kysely } from 'kysely'
import type { Database, MaintenanceTemplatesTable } from '../db/database'
import { notFound } from '../errors'
import type { MaintenanceTemplate } from '../../../shared/domain/templates'

const withType = (db: Kysely<Database>) =>
  db
    .selectFrom('maintenance_templates as m')
    .innerJoin('activity_types as t', 't.id', 'm.activity_type_id')
    .selectAll('m')
    .select(['t.name as type_name', 't.category'])

/**
 * Templates with their type's name and category, by type name.
 *
 * @example
 * const active = await listTemplates(db)
 */
export async function listTemplates(db: Kysely<Database>, opts: { includeInactive?: boolean } = {}) {
  let q = withType(db).orderBy('t.name').orderBy('m.id')
  if (!opts.includeInactive) q = q.where('m.active', '=', 1)
  return (await q.execute()).map(toTemplate)
}

/** One template as the settings page shows it; not_found when there is none. */
export async function findTemplate(db: Kysely<Database>, id: number): Promise<MaintenanceTemplate> {
  const row = await withType(db).where('m.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Template', id)
  return toTemplate(row)
}

type TemplateJoinedRow = Awaited<ReturnType<ReturnType<typeof withType>['executeTakeFirstOrThrow']>>

const toTemplate = (row: TemplateJoinedRow): MaintenanceTemplate => ({
  id: row.id,
  activityTypeId: row.activity_type_id,
  typeName: row.type_name,
  category: row.category,
  intervalMonths: row.interval_months,
  intervalDays: row.interval_days,
  intervalMiles: row.interval_miles,
  anchor: row.anchor,
  active: row.active === 1,
})

/** The columns a person sets on a template. */
type TemplateFields = Pick<Insertable<MaintenanceTemplatesTable>, 'activity_type_id' | 'interval_months' | 'interval_days' | 'interval_miles' | 'anchor'>

/**
 * A new template; its id.
 *
 * @example
 * const id = await insertTemplate(db, { activity_type_id: 4, interval_months: 6, interval_days: null, interval_miles: null, anchor: 'onboarding' }, now)
 */
export async function insertTemplate(db: Kysely<Database>, fields: TemplateFields, now: string): Promise<number> {
  const { id } = await db
    .insertInto('maintenance_templates')
    .values({ ...fields, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Rewrites a template's fields and whether it is active. */
export async function updateTemplate(db: Kysely<Database>, id: number, fields: TemplateFields & { active: boolean }, now: string): Promise<void> {
  const { active, ...rest } = fields
  await db
    .updateTable('maintenance_templates')
    .set({ ...rest, active: active ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute()
}

/** How many activities a template planned: one that planned any cannot be deleted. */
export async function templateUsage(db: Kysely<Database>, id: number): Promise<number> {
  const used = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('template_id', '=', id)
    .executeTakeFirstOrThrow()
  return Number(used.n)
}

/** Deletes a template; the caller checked that it planned nothing. */
export async function deleteTemplate(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('maintenance_templates').where('id', '=', id).execute()
}
