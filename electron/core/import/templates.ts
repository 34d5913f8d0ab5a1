import type SqliteDatabase from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import type { Dialect } from '../db/connection'
import type { ImportTemplate } from './check-rows'

/** Active maintenance templates a last-service column can feed, named by their activity type. */
export async function importTemplates({
  dialect,
  db,
  sqlite,
}: {
  dialect: Dialect
  db: Kysely<Database>
  sqlite: SqliteDatabase.Database | null
}): Promise<ImportTemplate[]> {
  if (dialect === 'sqlite' && sqlite) {
    return sqlite
      .prepare<[], ImportTemplate>(
        `select t.id as templateId, t.activity_type_id as activityTypeId, at.name as name
         from maintenance_templates t join activity_types at on at.id = t.activity_type_id
         where t.active = 1 and at.active = 1 order by at.name, t.id`,
      )
      .all()
  }
  return db
    .selectFrom('maintenance_templates as t')
    .innerJoin('activity_types as at', 'at.id', 't.activity_type_id')
    .select(['t.id as templateId', 't.activity_type_id as activityTypeId', 'at.name as name'])
    .where('t.active', '=', 1)
    .where('at.active', '=', 1)
    .orderBy('at.name')
    .orderBy('t.id')
    .execute()
}
