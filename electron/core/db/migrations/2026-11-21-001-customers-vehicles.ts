// Frozen once shipped: never edit, add a new migration instead.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('customers_name').on('customers').column('name').execute()

  await db.schema
    .createTable('vehicles')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('restrict'))
    .addColumn('vin', 'text', (c) => c.notNull().unique())
    .addColumn('make', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('license_plate', 'text')
    .addColumn('plate_normalized', 'text')
    .addColumn('onboarding_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'inactive')`),
    )
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('vehicles_customer').on('vehicles').column('customer_id').execute()
  await db.schema.createIndex('vehicles_plate').on('vehicles').column('plate_normalized').execute()
  await db.schema.createIndex('vehicles_status').on('vehicles').column('status').execute()

  await db.schema
    .createTable('odometer_readings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('vehicle_id', 'integer', (c) => c.notNull().references('vehicles.id').onDelete('cascade'))
    .addColumn('reading_date', 'text', (c) => c.notNull())
    .addColumn('miles', 'integer', (c) => c.notNull().check(sql`miles >= 0`))
    .addColumn('is_correction', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('activity_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('odometer_vehicle_date').on('odometer_readings').columns(['vehicle_id', 'reading_date']).execute()

  await db.schema
    .createTable('settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('shop_name', 'text', (c) => c.notNull())
    .addColumn('shop_email', 'text')
    .addColumn('shop_phone', 'text')
    .addColumn('shop_address', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('inspection_interval_months', 'integer', (c) => c.notNull().defaultTo(4))
    .addColumn('horizon_months', 'integer', (c) => c.notNull().defaultTo(12))
    .addColumn('auto_schedule', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('reminders_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('reminder_days_before', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('missed_grace_days', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('shop_hours')
    .addColumn('weekday', 'integer', (c) => c.primaryKey().check(sql`weekday between 0 and 6`))
    .addColumn('opens', 'text')
    .addColumn('closes', 'text')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['shop_hours', 'settings', 'odometer_readings', 'vehicles', 'customers']) {
    await db.schema.dropTable(t).execute()
  }
}
