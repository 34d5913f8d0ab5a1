// Frozen once shipped: never edit, add a new migration instead.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Due-soon thresholds came with the urgency levels of the scheduling engine.
  await db.schema
    .alterTable('settings')
    .addColumn('due_soon_days', 'integer', (c) => c.notNull().defaultTo(14))
    .execute()
  await db.schema
    .alterTable('settings')
    .addColumn('due_soon_miles', 'integer', (c) => c.notNull().defaultTo(500))
    .execute()

  await db.schema
    .createTable('activity_types')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('inspection', 'maintenance', 'repair', 'other')`))
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes > 0`))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('builtin', 'text', (c) => c.unique().check(sql`builtin in ('initial', 'minor')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('maintenance_templates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('activity_type_id', 'integer', (c) => c.notNull().references('activity_types.id'))
    .addColumn('interval_months', 'integer', (c) => c.check(sql`interval_months > 0`))
    .addColumn('interval_days', 'integer', (c) => c.check(sql`interval_days > 0`))
    .addColumn('interval_miles', 'integer', (c) => c.check(sql`interval_miles > 0`))
    .addColumn('anchor', 'text', (c) =>
      c
        .notNull()
        .defaultTo('onboarding')
        .check(sql`anchor in ('onboarding', 'last_completed')`),
    )
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('template_has_interval', sql`coalesce(interval_months, interval_days, interval_miles) is not null`)
    .execute()

  await db.schema
    .createTable('bays')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('technicians')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('closures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('shop', 'bay', 'technician')`))
    .addColumn('bay_id', 'integer', (c) => c.references('bays.id').onDelete('cascade'))
    .addColumn('technician_id', 'integer', (c) => c.references('technicians.id').onDelete('cascade'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('closure_range', sql`ends_on >= starts_on`)
    .addCheckConstraint(
      'closure_scope',
      sql`(scope = 'shop' and bay_id is null and technician_id is null)
        or (scope = 'bay' and bay_id is not null and technician_id is null)
        or (scope = 'technician' and technician_id is not null and bay_id is null)`,
    )
    .execute()
  await db.schema.createIndex('closures_range').on('closures').columns(['starts_on', 'ends_on']).execute()

  await db.schema
    .createTable('activities')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('vehicle_id', 'integer', (c) => c.notNull().references('vehicles.id'))
    .addColumn('activity_type_id', 'integer', (c) => c.notNull().references('activity_types.id'))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('initial', 'inspection', 'template', 'manual')`))
    .addColumn('template_id', 'integer', (c) => c.references('maintenance_templates.id'))
    .addColumn('occurrence_index', 'integer')
    .addColumn('occurrence_key', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text')
    .addColumn('end_at', 'text')
    .addColumn('bay_id', 'integer', (c) => c.references('bays.id'))
    .addColumn('technician_id', 'integer', (c) => c.references('technicians.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('scheduled')
        .check(sql`status in ('scheduled', 'in_progress', 'completed', 'cancelled', 'missed')`),
    )
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text')
    .addColumn('completion_odometer', 'integer')
    .addColumn('completion_notes', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('contacted_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('booking_whole', sql`(start_at is null) = (end_at is null)`)
    .addCheckConstraint('booking_order', sql`start_at is null or end_at > start_at`)
    .execute()
  // The occurrence key makes re-planning idempotent: one row per planned occurrence.
  await db.schema.createIndex('activities_occurrence').on('activities').columns(['vehicle_id', 'occurrence_key']).unique().execute()
  await db.schema.createIndex('activities_due').on('activities').columns(['due_date', 'status']).execute()
  await db.schema.createIndex('activities_status_due').on('activities').columns(['status', 'due_date']).execute()
  // Booking indexes are partial: most rows are planned work without a booking, and a row
  // outside an index's WHERE costs nothing to insert into it (schedule-all inserts 100k+).
  // One vehicle's rows are found through activities_occurrence, whose first column is vehicle_id.
  await db.schema.createIndex('activities_start').on('activities').column('start_at').where(sql.ref('start_at'), 'is not', null).execute()
  await db.schema.createIndex('activities_bay').on('activities').columns(['bay_id', 'start_at']).where(sql.ref('bay_id'), 'is not', null).execute()
  await db.schema
    .createIndex('activities_technician')
    .on('activities')
    .columns(['technician_id', 'start_at'])
    .where(sql.ref('technician_id'), 'is not', null)
    .execute()

  await db.schema
    .createTable('activity_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('activity_id', 'integer', (c) => c.notNull())
    .addColumn('vehicle_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text')
    .addColumn('message', 'text')
    .execute()
  await db.schema.createIndex('activity_log_activity').on('activity_log').columns(['activity_id', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['activity_log', 'activities', 'closures', 'technicians', 'bays', 'maintenance_templates', 'activity_types']) {
    await db.schema.dropTable(t).execute()
  }
  await db.schema.alterTable('settings').dropColumn('due_soon_miles').execute()
  await db.schema.alterTable('settings').dropColumn('due_soon_days').execute()
}
