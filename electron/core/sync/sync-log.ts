import type { Kysely } from 'kysely'
import type { Database } from '../db/database'

/** The sync's own trace (what was pushed, pulled, adopted, refused), shown in Settings; never tokens. */
export async function syncLog(
  db: Kysely<Database>,
  entry: { at: string; accountId?: number | null; activityId?: number | null; kind: string; message: string },
): Promise<void> {
  await db
    .insertInto('sync_log')
    .values({ at: entry.at, account_id: entry.accountId ?? null, activity_id: entry.activityId ?? null, kind: entry.kind, message: entry.message })
    .execute()
}
