// Frozen with the migrations that call it (2026-12-01-010, 2026-12-02-010): a change here
// changes schemas already shipped. Add a new migration instead.
import { sql, type Kysely } from 'kysely'
import { PG_NOW_ISO } from './dialect'

/**
 * The calendar outbox triggers of SQLite, for PostgreSQL: the same rules, written as
 * PL/pgSQL functions (PostgreSQL allows no subquery in a trigger's WHEN, so each test
 * moves into the function body). `is distinct from` is SQLite's `is not`.
 */
export interface OutboxTrigger {
  name: string
  /** `after insert on activities`, `after update of name on bays`, ... */
  event: string
  /** The condition under which it queues (may use subqueries). */
  when: string
  /** The activity ids to queue, a select with one column `id`. */
  ids: string
}

const enqueue = (ids: string) => `
    insert into sync_outbox (activity_id, queued_at)
      select q.id, ${PG_NOW_ISO} from (${ids}) as q
    on conflict (activity_id) do update set version = sync_outbox.version + 1, attempts = 0, next_attempt_at = null, dead_at = null, last_error = null;`

export async function createPostgresOutboxTrigger(db: Kysely<any>, t: OutboxTrigger): Promise<void> {
  await sql
    .raw(
      `create or replace function ${t.name}() returns trigger language plpgsql as $fn$
  begin
    if ${t.when} then ${enqueue(t.ids)}
    end if;
    return null;
  end $fn$`,
    )
    .execute(db)
  await sql.raw(`drop trigger if exists ${t.name} on ${t.event.replace(/^.* on /, '')}`).execute(db)
  await sql.raw(`create trigger ${t.name} ${t.event} for each row execute function ${t.name}()`).execute(db)
}

export async function dropPostgresOutboxTrigger(db: Kysely<any>, name: string, table: string): Promise<void> {
  await sql.raw(`drop trigger if exists ${name} on ${table}`).execute(db)
  await sql.raw(`drop function if exists ${name}()`).execute(db)
}
