import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from './database'

/** True when `db` runs on a shop's PostgreSQL server rather than the embedded SQLite file. */
export const onPostgres = (db: Kysely<Database>): boolean => db.getExecutor().adapter instanceof PostgresAdapter

/**
 * The day (`YYYY-MM-DD`) of an ISO instant column moved by `minutes`: SQLite's
 * `date(x, 'N minutes')`, or the same through timestamps on PostgreSQL.
 *
 * @example
 * sql`case when a.start_at is null then a.due_date else ${shiftedDay(db, sql.ref('a.start_at'), -300)} end`
 */
export function shiftedDay(db: Kysely<Database>, instant: Expression<unknown>, minutes: number): RawBuilder<string> {
  return onPostgres(db)
    ? sql<string>`to_char((${instant})::timestamptz at time zone 'UTC' + make_interval(mins => ${minutes}::int), 'YYYY-MM-DD')`
    : sql<string>`date(${instant}, ${`${minutes} minutes`})`
}
