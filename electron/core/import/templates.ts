import type SqliteDatabase from 'better-sqlite3'
import type { ImportTemplate } from './check-rows'

/** Active maintenance templates a last-service column can feed, named by their activity type. */
export const importTemplates = (sqlite: SqliteDatabase.Database): ImportTemplate[] =>
  sqlite
    .prepare<[], ImportTemplate>(
      `select t.id as templateId, t.activity_type_id as activityTypeId, at.name as name
       from maintenance_templates t join activity_types at on at.id = t.activity_type_id
       where t.active = 1 and at.active = 1 order by at.name, t.id`,
    )
    .all()
