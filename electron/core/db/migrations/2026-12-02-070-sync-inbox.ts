// Frozen once shipped: never edit, add a new migration instead.
import { sql, type Kysely } from 'kysely'

/**
 * The sync inbox (issue 9 part 2): what came back from a calendar (a booking moved or deleted
 * there, a move that clashed), with the booking's time before and after, until someone marks
 * it seen. A clash names its `sync_conflicts` row, where keep ours / take theirs is recorded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_inbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('calendar_id', 'integer', (c) => c.notNull().references('sync_calendars.id').onDelete('cascade'))
    // No foreign key: the item outlives a removed occurrence, like the sync log.
    .addColumn('activity_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('moved', 'deleted', 'clash')`))
    .addColumn('before_start', 'text')
    .addColumn('before_end', 'text')
    .addColumn('after_start', 'text')
    .addColumn('after_end', 'text')
    .addColumn('conflict_id', 'integer', (c) => c.references('sync_conflicts.id').onDelete('set null'))
    .addColumn('seen_at', 'text')
    .execute()
  await db.schema.createIndex('sync_inbox_unseen').on('sync_inbox').columns(['seen_at', 'id']).execute()
  await db.schema.createIndex('sync_inbox_conflict').on('sync_inbox').column('conflict_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sync_inbox').execute()
}
