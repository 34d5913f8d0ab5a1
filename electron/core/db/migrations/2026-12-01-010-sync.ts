// Frozen once shipped: never edit, add a new migration instead.
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { isPostgres } from './dialect'
import { createPostgresOutboxTrigger, dropPostgresOutboxTrigger, type OutboxTrigger } from './postgres-outbox'

/**
 * Two-way calendar sync (docs/design.md "Sync rules", docs/sync-notes.md §4).
 *
 * The outbox is written by TRIGGERS on the tables whose columns a calendar event shows, so
 * every write that alters a synced event, including the scheduler's raw bulk statements,
 * queues its push in the same transaction as the change. A queued row names the activity
 * only; the push computes the event from the activity's current state, which coalesces
 * any number of changes into one request (create+update = create; unsent create+delete = nothing).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    // Tags our events (private extended property) and seeds their ids; never changes.
    .addColumn('install_id', 'text', (c) => c.notNull())
    .addColumn('google_client_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.insertInto('sync_settings').values({ id: 1, install_id: randomUUID(), google_client_id: null, updated_at: new Date().toISOString() }).execute()

  // Tokens are NOT here: they live in the SecretStore under `google:<id>`.
  await db.schema
    .createTable('sync_accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('provider', 'text', (c) => c.notNull().check(sql`provider in ('google')`))
    .addColumn('email', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('connecting', 'connected', 'needs_reconnect', 'disconnected')`))
    // Set when a round found too many of our events deleted: JSON { count, total, eventIds }.
    .addColumn('paused_deletes', 'text')
    .addColumn('last_sync_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sync_calendars')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('sync_accounts.id').onDelete('cascade'))
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text')
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('shop', 'technician')`))
    .addColumn('technician_id', 'integer', (c) => c.references('technicians.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sync_token', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('sync_calendars_role', sql`(role = 'shop') = (technician_id is null)`)
    .execute()
  await db.schema.createIndex('sync_calendars_remote').unique().on('sync_calendars').columns(['account_id', 'remote_id']).execute()

  // One row per activity x calendar. Kept after a delete (state 'deleted') so a re-booking
  // gets a new id generation instead of colliding with the tombstone, and kept through a
  // disconnect so a reconnect does not duplicate events. No foreign key to activities: a
  // removed occurrence must still be deleted remotely.
  await db.schema
    .createTable('sync_links')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('activity_id', 'integer', (c) => c.notNull())
    .addColumn('calendar_id', 'integer', (c) => c.notNull().references('sync_calendars.id').onDelete('cascade'))
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('creating', 'live', 'deleted')`))
    .addColumn('etag', 'text')
    // Hash of the event content last agreed with the calendar: an unchanged event is not re-sent.
    .addColumn('content_hash', 'text')
    .addColumn('remote_start', 'text')
    .addColumn('remote_end', 'text')
    .addColumn('remote_updated', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sync_links_activity').unique().on('sync_links').columns(['activity_id', 'calendar_id']).execute()
  await db.schema.createIndex('sync_links_remote').unique().on('sync_links').columns(['calendar_id', 'remote_id']).execute()

  // The outbox: "this activity's events may differ from what the calendars show". `version`
  // rises with every new change, so a push that raced a newer change leaves the row queued.
  await db.schema
    .createTable('sync_outbox')
    .addColumn('activity_id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    // Set when a non-retryable answer parked it on the dead-letter list (shown to the user).
    .addColumn('dead_at', 'text')
    .execute()

  await db.schema
    .createTable('sync_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer')
    .addColumn('activity_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sync_log_at').on('sync_log').column('id').execute()

  await db.schema
    .createTable('sync_conflicts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('activity_id', 'integer', (c) => c.notNull())
    .addColumn('calendar_id', 'integer', (c) => c.notNull().references('sync_calendars.id').onDelete('cascade'))
    .addColumn('remote_start', 'text', (c) => c.notNull())
    .addColumn('remote_end', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text', (c) => c.check(sql`resolution in ('keep_ours', 'take_theirs')`))
    .execute()

  // Events on connected calendars that are not ours: busy time for the calendar's
  // technician. Their titles are private and never stored.
  await db.schema
    .createTable('sync_busy_blocks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('calendar_id', 'integer', (c) => c.notNull().references('sync_calendars.id').onDelete('cascade'))
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('technician_id', 'integer', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sync_busy_remote').unique().on('sync_busy_blocks').columns(['calendar_id', 'remote_id']).execute()
  await db.schema.createIndex('sync_busy_tech').on('sync_busy_blocks').columns(['technician_id', 'start_at']).execute()

  if (isPostgres(db)) return postgresTriggers(db)

  const enqueue = (activityIds: string) =>
    sql.raw(`
    insert into sync_outbox (activity_id, queued_at)
      select id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') from (${activityIds})
      where true
    on conflict (activity_id) do update set version = version + 1, attempts = 0, next_attempt_at = null, dead_at = null, last_error = null`)
  const anyCalendar = `exists (select 1 from sync_calendars where active = 1)`
  const linked = (id: string) => `exists (select 1 from sync_links where activity_id = ${id} and state != 'deleted')`

  await sql`create trigger sync_activity_insert after insert on activities
    when new.start_at is not null and ${sql.raw(anyCalendar)}
    begin ${enqueue('select new.id as id')}; end`.execute(db)
  await sql`create trigger sync_activity_update after update of start_at, end_at, bay_id, technician_id, status, activity_type_id, vehicle_id on activities
    when (new.start_at is not null or ${sql.raw(linked('old.id'))}) and ${sql.raw(anyCalendar)}
      and (new.start_at is not old.start_at or new.end_at is not old.end_at or new.bay_id is not old.bay_id
        or new.technician_id is not old.technician_id or new.status is not old.status
        or new.activity_type_id is not old.activity_type_id or new.vehicle_id is not old.vehicle_id)
    begin ${enqueue('select new.id as id')}; end`.execute(db)
  await sql`create trigger sync_activity_delete after delete on activities
    when ${sql.raw(linked('old.id'))}
    begin ${enqueue('select old.id as id')}; end`.execute(db)
  await sql`create trigger sync_vehicle_update after update of make, model, year, license_plate on vehicles
    when ${sql.raw(anyCalendar)}
    begin ${enqueue('select id from activities where vehicle_id = new.id and start_at is not null')}; end`.execute(db)
  await sql`create trigger sync_type_update after update of name on activity_types
    when ${sql.raw(anyCalendar)}
    begin ${enqueue('select id from activities where activity_type_id = new.id and start_at is not null')}; end`.execute(db)
  await sql`create trigger sync_bay_update after update of name on bays
    when ${sql.raw(anyCalendar)}
    begin ${enqueue('select id from activities where bay_id = new.id and start_at is not null')}; end`.execute(db)
  await sql`create trigger sync_technician_update after update of name on technicians
    when ${sql.raw(anyCalendar)}
    begin ${enqueue('select id from activities where technician_id = new.id and start_at is not null')}; end`.execute(db)
  await sql`create trigger sync_settings_update after update of shop_name, shop_address, time_zone on settings
    when ${sql.raw(anyCalendar)}
    begin ${enqueue('select id from activities where start_at is not null')}; end`.execute(db)
}

/** The same eight triggers on PostgreSQL (see postgres-outbox.ts). */
async function postgresTriggers(db: Kysely<any>): Promise<void> {
  const anyCalendar = `exists (select 1 from sync_calendars where active = 1)`
  const linked = (id: string) => `exists (select 1 from sync_links where activity_id = ${id} and state != 'deleted')`
  const changed = ['start_at', 'end_at', 'bay_id', 'technician_id', 'status', 'activity_type_id', 'vehicle_id']
    .map((c) => `new.${c} is distinct from old.${c}`)
    .join(' or ')
  const triggers: OutboxTrigger[] = [
    { name: 'sync_activity_insert', event: 'after insert on activities', when: `new.start_at is not null and ${anyCalendar}`, ids: 'select new.id as id' },
    {
      name: 'sync_activity_update',
      event: 'after update of start_at, end_at, bay_id, technician_id, status, activity_type_id, vehicle_id on activities',
      when: `(new.start_at is not null or ${linked('old.id')}) and ${anyCalendar} and (${changed})`,
      ids: 'select new.id as id',
    },
    { name: 'sync_activity_delete', event: 'after delete on activities', when: linked('old.id'), ids: 'select old.id as id' },
    {
      name: 'sync_vehicle_update',
      event: 'after update of make, model, year, license_plate on vehicles',
      when: anyCalendar,
      ids: 'select id from activities where vehicle_id = new.id and start_at is not null',
    },
    {
      name: 'sync_type_update',
      event: 'after update of name on activity_types',
      when: anyCalendar,
      ids: 'select id from activities where activity_type_id = new.id and start_at is not null',
    },
    {
      name: 'sync_bay_update',
      event: 'after update of name on bays',
      when: anyCalendar,
      ids: 'select id from activities where bay_id = new.id and start_at is not null',
    },
    {
      name: 'sync_technician_update',
      event: 'after update of name on technicians',
      when: anyCalendar,
      ids: 'select id from activities where technician_id = new.id and start_at is not null',
    },
    {
      name: 'sync_settings_update',
      event: 'after update of shop_name, shop_address, time_zone on settings',
      when: anyCalendar,
      ids: 'select id from activities where start_at is not null',
    },
  ]
  for (const t of triggers) await createPostgresOutboxTrigger(db, t)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const [t, table] of [
      ['sync_activity_insert', 'activities'],
      ['sync_activity_update', 'activities'],
      ['sync_activity_delete', 'activities'],
      ['sync_vehicle_update', 'vehicles'],
      ['sync_type_update', 'activity_types'],
      ['sync_bay_update', 'bays'],
      ['sync_technician_update', 'technicians'],
      ['sync_settings_update', 'settings'],
    ] as const)
      await dropPostgresOutboxTrigger(db, t, table)
  }
  for (const t of [
    'sync_activity_insert',
    'sync_activity_update',
    'sync_activity_delete',
    'sync_vehicle_update',
    'sync_type_update',
    'sync_bay_update',
    'sync_technician_update',
    'sync_settings_update',
  ]) {
    if (!isPostgres(db)) await sql`drop trigger if exists ${sql.raw(t)}`.execute(db)
  }
  for (const t of ['sync_busy_blocks', 'sync_conflicts', 'sync_log', 'sync_outbox', 'sync_links', 'sync_calendars', 'sync_accounts', 'sync_settings']) {
    await db.schema.dropTable(t).execute()
  }
}
