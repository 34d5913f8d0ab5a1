import type { Kysely } from 'kysely'
import type { Database } from '../db/database'

/** The weekly hours, Sunday first. */
export async function listShopHours(db: Kysely<Database>) {
  return db.selectFrom('shop_hours').select(['weekday', 'opens', 'closes']).orderBy('weekday').execute()
}

/** Sets one weekday's opening hours (both null: closed that day). */
export async function setShopHours(db: Kysely<Database>, day: { weekday: number; opens: string | null; closes: string | null }): Promise<void> {
  await db.updateTable('shop_hours').set({ opens: day.opens, closes: day.closes }).where('weekday', '=', day.weekday).execute()
}
