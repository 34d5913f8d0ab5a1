// Frozen once shipped: never edit, add a new migration instead.
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One random id per database makes every invite UID globally unique without a domain
  // the shop would have to own; it must never change, or calendars would see new events.
  await db.schema
    .createTable('invite_calendar')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('install_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.insertInto('invite_calendar').values({ id: 1, install_id: randomUUID(), created_at: new Date().toISOString() }).execute()

  // The current revision of what the customer would see of an activity: its SEQUENCE and
  // a fingerprint of the visible fields. SEQUENCE only rises, when the fingerprint changes.
  await db.schema
    .createTable('invite_sequences')
    .addColumn('activity_id', 'integer', (c) => c.primaryKey().references('activities.id').onDelete('cascade'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute()

  // Every invite handed to a customer: which SEQUENCE, which METHOD, when and by whom.
  // No foreign key: like the activity log, the trace outlives a removed occurrence.
  await db.schema
    .createTable('invite_issues')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('activity_id', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('invite_issues_activity').on('invite_issues').columns(['activity_id', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invite_issues').execute()
  await db.schema.dropTable('invite_sequences').execute()
  await db.schema.dropTable('invite_calendar').execute()
}
