import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { notFound } from '../errors'
import type { MaintenanceTemplate } from '../../../shared/domain/reference'

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
