// Frozen once shipped: never edit, add a new migration instead.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The shop's own mail server. The password is not here: it lives in the SecretStore.
  await db.schema
    .createTable('email_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('host', 'text')
    .addColumn('port', 'integer', (c) => c.notNull().defaultTo(587))
    .addColumn('security', 'text', (c) =>
      c
        .notNull()
        .defaultTo('starttls')
        .check(sql`security in ('starttls', 'tls', 'none')`),
    )
    .addColumn('username', 'text')
    // Whether the SecretStore holds a password, so the screen can say so without reading it.
    .addColumn('password_set', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('from_address', 'text')
    .addColumn('from_name', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.insertInto('email_settings').values({ id: 1, updated_at: new Date().toISOString() }).execute()

  // Every email to send, written in the same transaction as the change that needs it. The
  // content and Message-ID are fixed (`prepared_at`) before the first attempt, so a retry
  // after a crash sends the very same message.
  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('invite', 'reminder')`))
    // No foreign key: like the activity log, the trace outlives a removed occurrence.
    .addColumn('activity_id', 'integer', (c) => c.notNull())
    // Reminders: the booking state it reminds of (its start), so each state gets one.
    .addColumn('state_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'sent', 'failed', 'superseded', 'skipped')`))
    .addColumn('to_address', 'text')
    .addColumn('message_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('ics', 'text')
    .addColumn('ics_filename', 'text')
    .addColumn('method', 'text')
    .addColumn('sequence', 'integer')
    .addColumn('fingerprint', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('prepared_at', 'text')
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('email_outbox_due').on('email_outbox').columns(['next_attempt_at', 'id']).where(sql.ref('status'), '=', 'queued').execute()
  await db.schema.createIndex('email_outbox_activity').on('email_outbox').columns(['activity_id', 'id']).execute()
  // One reminder per booking state, whatever races.
  await db.schema
    .createIndex('email_outbox_reminder_once')
    .unique()
    .on('email_outbox')
    .columns(['activity_id', 'state_key'])
    .where(sql.ref('kind'), '=', 'reminder')
    .execute()

  // How an invite reached the customer: a saved file, or an email the server accepted.
  await db.schema
    .alterTable('invite_issues')
    .addColumn('via', 'text', (c) => c.notNull().defaultTo('file'))
    .execute()

  // Staff notifications: which ones fired, so none fires twice, even after a restart.
  await db.schema
    .createTable('staff_notices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('activity_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('staff_notices_once').unique().on('staff_notices').columns(['activity_id', 'kind', 'state_key']).execute()
  await db.schema
    .createTable('staff_notice_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('day_before', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('hour_before', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('missed', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.insertInto('staff_notice_settings').values({ id: 1, updated_at: new Date().toISOString() }).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_notice_settings').execute()
  await db.schema.dropTable('staff_notices').execute()
  await db.schema.alterTable('invite_issues').dropColumn('via').execute()
  await db.schema.dropTable('email_outbox').execute()
  await db.schema.dropTable('email_settings').execute()
}
