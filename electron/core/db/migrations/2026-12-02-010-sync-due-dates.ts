import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect'
import { createPostgresOutboxTrigger, type OutboxTrigger } from './postgres-outbox'

/**
 * Opt-in all-day events for unbooked due work (issue 8 §3): a setting, and the outbox
 * triggers of 2026-12-01-010 re-made so that unbooked work with a due date is queued too
 * while the setting is on (and a due date that moves re-queues it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sync_settings')
    .addColumn('due_dates_all_day', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await makeTriggers(db, true)
}

const TRIGGERS = ['sync_activity_insert', 'sync_activity_update', 'sync_vehicle_update', 'sync_type_update', 'sync_settings_update']

/** The outbox triggers that decide what a calendar shows: with due work (this migration) or booked work only (2026-12-01-010's). */
async function makeTriggers(db: Kysely<any>, withDueDates: boolean): Promise<void> {
  if (isPostgres(db)) return postgresTriggers(db, withDueDates)
  for (const t of TRIGGERS) await sql`drop trigger if exists ${sql.raw(t)}`.execute(db)
  const enqueue = (activityIds: string) =>
    sql.raw(`
    insert into sync_outbox (activity_id, queued_at)
      select id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') from (${activityIds})
      where true
    on conflict (activity_id) do update set version = version + 1, attempts = 0, next_attempt_at = null, dead_at = null, last_error = null`)
  const anyCalendar = `exists (select 1 from sync_calendars where active = 1)`
  const dueOn = `exists (select 1 from sync_settings where due_dates_all_day = 1)`
  const linked = (id: string) => `exists (select 1 from sync_links where activity_id = ${id} and state != 'deleted')`
  /** Shown on a calendar: booked, or (with the setting on) due. */
  const shown = (row: string) => (withDueDates ? `(${row}start_at is not null or (${row}due_date is not null and ${dueOn}))` : `${row}start_at is not null`)
  const dueChanged = withDueDates ? 'or new.due_date is not old.due_date' : ''
  const dueColumn = withDueDates ? 'due_date, ' : ''

  await sql`create trigger sync_activity_insert after insert on activities
    when ${sql.raw(shown('new.'))} and ${sql.raw(anyCalendar)}
    begin ${enqueue('select new.id as id')}; end`.execute(db)
  await sql`create trigger sync_activity_update after update of start_at, end_at, ${sql.raw(dueColumn)}bay_id, technician_id, status, activity_type_id, vehicle_id on activities
    when (${sql.raw(shown('new.'))} or ${sql.raw(linked('old.id'))}) and ${sql.raw(anyCalendar)}
      and (new.start_at is not old.start_at or new.end_at is not old.end_at ${sql.raw(dueChanged)}
        or new.bay_id is not old.bay_id or new.technician_id is not old.technician_id or new.status is not old.status
        or new.activity_type_id is not old.activity_type_id or new.vehicle_id is not old.vehicle_id)
    begin ${enqueue('select new.id as id')}; end`.execute(db)
  await sql`create trigger sync_vehicle_update after update of make, model, year, license_plate on vehicles
    when ${sql.raw(anyCalendar)}
    begin ${enqueue(`select id from activities where vehicle_id = new.id and ${shown('')}`)}; end`.execute(db)
  await sql`create trigger sync_type_update after update of name on activity_types
    when ${sql.raw(anyCalendar)}
    begin ${enqueue(`select id from activities where activity_type_id = new.id and ${shown('')}`)}; end`.execute(db)
  await sql`create trigger sync_settings_update after update of shop_name, shop_address, time_zone on settings
    when ${sql.raw(anyCalendar)}
    begin ${enqueue(`select id from activities where ${shown('')}`)}; end`.execute(db)
}

/** The same five triggers on PostgreSQL (see postgres-outbox.ts); the bay, technician and delete ones of 2026-12-01-010 stay. */
async function postgresTriggers(db: Kysely<any>, withDueDates: boolean): Promise<void> {
  const anyCalendar = `exists (select 1 from sync_calendars where active = 1)`
  const dueOn = `exists (select 1 from sync_settings where due_dates_all_day = 1)`
  const linked = (id: string) => `exists (select 1 from sync_links where activity_id = ${id} and state != 'deleted')`
  const shown = (row: string) => (withDueDates ? `(${row}start_at is not null or (${row}due_date is not null and ${dueOn}))` : `${row}start_at is not null`)
  const columns = ['start_at', 'end_at', ...(withDueDates ? ['due_date'] : []), 'bay_id', 'technician_id', 'status', 'activity_type_id', 'vehicle_id']
  const changed = columns.map((c) => `new.${c} is distinct from old.${c}`).join(' or ')
  const triggers: OutboxTrigger[] = [
    { name: 'sync_activity_insert', event: 'after insert on activities', when: `${shown('new.')} and ${anyCalendar}`, ids: 'select new.id as id' },
    {
      name: 'sync_activity_update',
      event: `after update of ${columns.join(', ')} on activities`,
      when: `(${shown('new.')} or ${linked('old.id')}) and ${anyCalendar} and (${changed})`,
      ids: 'select new.id as id',
    },
    {
      name: 'sync_vehicle_update',
      event: 'after update of make, model, year, license_plate on vehicles',
      when: anyCalendar,
      ids: `select id from activities where vehicle_id = new.id and ${shown('')}`,
    },
    {
      name: 'sync_type_update',
      event: 'after update of name on activity_types',
      when: anyCalendar,
      ids: `select id from activities where activity_type_id = new.id and ${shown('')}`,
    },
    {
      name: 'sync_settings_update',
      event: 'after update of shop_name, shop_address, time_zone on settings',
      when: anyCalendar,
      ids: `select id from activities where ${shown('')}`,
    },
  ]
  for (const t of triggers) await createPostgresOutboxTrigger(db, t)
}

export async function down(db: Kysely<any>): Promise<void> {
  await makeTriggers(db, false)
  await db.schema.alterTable('sync_settings').dropColumn('due_dates_all_day').execute()
}
