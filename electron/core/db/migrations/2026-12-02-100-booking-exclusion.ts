// Frozen once shipped: never edit, add a new migration instead.
import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect'

/**
 * Issue 13, several desks: a database-level belt under the app's own capacity checks
 * (activities/capacity.ts, which run in serializable transactions on a shared server): one
 * bay, and one technician, never holds two overlapping bookings. PostgreSQL only; on the
 * local SQLite file one desk writes at a time and the app's checks are the whole rule, so
 * this migration does nothing there.
 *
 * What holds a slot is the app's rule: every booked activity except cancelled work, and
 * completed work only until it was completed (`completed_at`), so the rest of its slot is
 * free again. Missed and in-progress work hold their slot.
 *
 * The instants are text (`2026-03-04T15:00:00.000Z`, what `Date.toISOString()` writes, on
 * both databases). A constraint's expression must be IMMUTABLE, and PostgreSQL marks the
 * text → timestamptz cast only STABLE, because how it reads a string can depend on the
 * session's TimeZone (a string without an offset) and DateStyle (ambiguous day/month
 * orders). `shop_booking_span` pins both for its own body (`set timezone`, `set datestyle`),
 * so its answer depends on its arguments alone, whatever the calling session's settings:
 * declaring it IMMUTABLE is then true, and the index it feeds never disagrees with itself.
 * (The cast's other inputs that are not immutable, 'now' and the like, are never stored.)
 * btree_gist (for `bay_id with =`) is a trusted extension: the database's owner may create it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  await sql`create extension if not exists btree_gist`.execute(db)
  await sql`
    create function shop_booking_span(start_at text, end_at text, status text, completed_at text) returns tstzrange
    language sql immutable parallel safe
    set timezone = 'UTC' set datestyle = 'ISO, YMD'
    as $$ select case
      when start_at is null or end_at is null or status = 'cancelled' then null
      else tstzrange(
        start_at::timestamptz,
        -- An empty range (holds nothing) when work completed before its slot began.
        greatest(
          start_at::timestamptz,
          case when status = 'completed' and completed_at is not null then least(end_at::timestamptz, completed_at::timestamptz) else end_at::timestamptz end
        ),
        '[)'
      )
    end $$`.execute(db)
  for (const column of ['bay_id', 'technician_id']) {
    await sql`
      alter table activities add constraint ${sql.raw(`activities_${column.replace('_id', '')}_no_overlap`)}
      exclude using gist (${sql.ref(column)} with =, shop_booking_span(start_at, end_at, status, completed_at) with &&)
      where (${sql.ref(column)} is not null and start_at is not null and status <> 'cancelled')`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  await sql`alter table activities drop constraint if exists activities_bay_no_overlap`.execute(db)
  await sql`alter table activities drop constraint if exists activities_technician_no_overlap`.execute(db)
  await sql`drop function if exists shop_booking_span(text, text, text, text)`.execute(db)
}
