import type { Kysely } from 'kysely'
import type { Database } from './database'

export const DEFAULT_SHOP_HOURS: ReadonlyArray<{ weekday: number; opens: string | null; closes: string | null }> = [
  { weekday: 0, opens: null, closes: null },
  { weekday: 1, opens: '08:00', closes: '17:00' },
  { weekday: 2, opens: '08:00', closes: '17:00' },
  { weekday: 3, opens: '08:00', closes: '17:00' },
  { weekday: 4, opens: '08:00', closes: '17:00' },
  { weekday: 5, opens: '08:00', closes: '17:00' },
  { weekday: 6, opens: '08:00', closes: '12:00' },
]

export const BUILTIN_TYPES = [
  { builtin: 'initial', name: 'Initial full inspection', category: 'inspection', duration_minutes: 120 },
  { builtin: 'minor', name: 'Minor inspection', category: 'inspection', duration_minutes: 60 },
] as const

/**
 * Fills what a first start needs and nothing more: the settings row, the weekly hours
 * and the two built-in inspections. Existing rows are left as the user set them.
 */
export async function seedDefaults(db: Kysely<Database>, opts: { timeZone: string; now: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ id: 1, shop_name: '', time_zone: opts.timeZone, updated_at: opts.now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    await trx
      .insertInto('shop_hours')
      .values([...DEFAULT_SHOP_HOURS])
      .onConflict((oc) => oc.column('weekday').doNothing())
      .execute()
    for (const t of BUILTIN_TYPES) {
      const existing = await trx.selectFrom('activity_types').select('id').where('builtin', '=', t.builtin).executeTakeFirst()
      if (existing) continue
      await trx
        .insertInto('activity_types')
        .values({ ...t, created_at: opts.now, updated_at: opts.now })
        .execute()
    }
  })
}
