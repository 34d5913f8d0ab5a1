import type { Kysely } from 'kysely'
import type { StaffNoticeSettings } from '../../../shared/domain/email'
import type { Database } from '../db/database'

export async function getNoticeSettings(db: Kysely<Database>): Promise<StaffNoticeSettings> {
  const r = await db.selectFrom('staff_notice_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  return { dayBefore: r.day_before === 1, hourBefore: r.hour_before === 1, missed: r.missed === 1 }
}

/** Writes which staff notices fire. */
export async function updateNoticeSettings(db: Kysely<Database>, settings: StaffNoticeSettings, now: string): Promise<void> {
  await db
    .updateTable('staff_notice_settings')
    .set({
      day_before: settings.dayBefore ? 1 : 0,
      hour_before: settings.hourBefore ? 1 : 0,
      missed: settings.missed ? 1 : 0,
      updated_at: now,
    })
    .where('id', '=', 1)
    .execute()
}
