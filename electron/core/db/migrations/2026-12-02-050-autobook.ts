// Frozen once shipped: never edit, add a new migration instead.
import { sql, type Kysely } from 'kysely'

/**
 * Auto-booking ("Fill the week", issue 15): the shop's buffer between jobs and how many days
 * apart one vehicle's work may be due and still be one visit; which categories of work each
 * technician does (none listed: every category, so existing shops keep working); and every
 * accepted proposal, so that one undo removes exactly what it booked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('autobook_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('buffer_minutes', 'integer', (c) => c.notNull().defaultTo(15))
    .addColumn('group_days', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.insertInto('autobook_settings').values({ id: 1, updated_at: new Date().toISOString() }).execute()

  await db.schema
    .createTable('technician_categories')
    .addColumn('technician_id', 'integer', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('inspection', 'maintenance', 'repair', 'other')`))
    .addPrimaryKeyConstraint('technician_categories_pk', ['technician_id', 'category'])
    .execute()

  await db.schema
    .createTable('autobook_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    /** JSON: `[{ activityId, version, start, end, bayId, technicianId, pinnedBefore }]`, as booked. */
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('autobook_runs').execute()
  await db.schema.dropTable('technician_categories').execute()
  await db.schema.dropTable('autobook_settings').execute()
}
