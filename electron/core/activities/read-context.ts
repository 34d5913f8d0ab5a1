import type { Kysely } from 'kysely'
import type SqliteDatabase from 'better-sqlite3'
import type { Database, SettingsRow } from '../db/database'
import type { Clock } from '../clock'
import type { Category } from '../../../shared/domain/activity-types'
import { getSettingsRow } from '../settings/queries'
import { shopDay, startOfShopDay } from '../../../shared/shop-day'

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
  lookups: Lookups
}

/** The small reference tables, whole: rows are named from these rather than by joins. */
export interface Lookups {
  types: Map<number, { name: string; category: Category }>
  bays: Map<number, string>
  technicians: Map<number, string>
  /** Templates with a miles interval: their work is due soon by miles too. */
  mileageTemplates: Set<number>
}

/**
 * Loads the lookups: four queries over tables of a few dozen rows.
 *
 * @example
 * const { types } = await loadLookups(db) // types.get(1)?.name === 'Initial full inspection'
 */
export async function loadLookups(db: Kysely<Database>): Promise<Lookups> {
  const [types, bays, technicians, templates] = await Promise.all([
    db.selectFrom('activity_types').select(['id', 'name', 'category']).execute(),
    db.selectFrom('bays').select(['id', 'name']).execute(),
    db.selectFrom('technicians').select(['id', 'name']).execute(),
    db.selectFrom('maintenance_templates').select('id').where('interval_miles', 'is not', null).execute(),
  ])
  return {
    types: new Map(types.map((t) => [t.id, { name: t.name, category: t.category }])),
    bays: new Map(bays.map((b) => [b.id, b.name])),
    technicians: new Map(technicians.map((t) => [t.id, t.name])),
    mileageTemplates: new Set(templates.map((t) => t.id)),
  }
}

/**
 * @example
 * const rc = await readContext(ctx)
 */
export async function readContext({ db, sqlite, clock }: { db: Kysely<Database>; sqlite: SqliteDatabase.Database; clock: Clock }): Promise<ReadContext> {
  const settings = await getSettingsRow(db)
  const now = clock.now()
  const today = shopDay(now, settings.time_zone)
  return {
    db,
    sqlite,
    settings,
    timeZone: settings.time_zone,
    now,
    today,
    todayStart: startOfShopDay(today, settings.time_zone).toISOString(),
    lookups: await loadLookups(db),
  }
}
