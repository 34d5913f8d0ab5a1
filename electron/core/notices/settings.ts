import type { Kysely } from 'kysely'
import type { StaffNoticeSettings } from '../../../shared/domain/email'
import type { Database } from '../db/database'

export async function getNoticeSettings(db: Kysely<Database>): Promise<StaffNoticeSettings> {
  const r = await db.selectFrom('staff_notice_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  return { dayBefore: r.day_before === 1, hourBefore: r.hour_before === 1, missed: r.missed === 1 }
}
