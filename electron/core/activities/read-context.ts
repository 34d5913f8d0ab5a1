import type { Kysely } from 'kysely'
import type SqliteDatabase from 'better-sqlite3'
import type { Database, SettingsRow } from '../db/database'
import type { Clock } from '../clock'
import { getSettingsRow } from '../settings/queries'
import { localDay, startOfDay } from './shop-time'

/** What every read model needs: the settings, and "today" as the shop's clocks show it. */
export interface ReadContext {
  db: Kysely<Database>
  /** The same connection, raw: large lists are read through it (see `runRows`). */
  sqlite: SqliteDatabase.Database
  settings: SettingsRow
  timeZone: string
  now: Date
  /** Today in the shop's time zone, `YYYY-MM-DD`. */
  today: string
  /** Midnight at the start of today in the shop, as a UTC ISO instant. */
  todayStart: string
}

/**
 * @example
 * const rc = await readContext(ctx)
 */
export async function readContext({
  db,
  sqlite,
  clock,
}: {
  db: Kysely<Database>
  sqlite: SqliteDatabase.Database
  clock: Clock
}): Promise<ReadContext> {
  const settings = await getSettingsRow(db)
  const now = clock.now()
  const today = localDay(now, settings.time_zone)
  return {
    db,
    sqlite,
    settings,
    timeZone: settings.time_zone,
    now,
    today,
    todayStart: startOfDay(today, settings.time_zone).toISOString(),
  }
}
