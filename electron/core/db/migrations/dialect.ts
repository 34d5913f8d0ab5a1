// Frozen with the migrations that call it: a change here changes schemas already shipped.
import { PostgresAdapter, type Kysely } from 'kysely'

/** True when a migration runs on a shop's PostgreSQL server rather than the embedded SQLite file. */
export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter

/** Now as the app writes instants (`2026-12-02T09:30:00.000Z`), in PostgreSQL. */
export const PG_NOW_ISO = `to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
