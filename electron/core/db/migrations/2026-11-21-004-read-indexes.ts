// Frozen once shipped: never edit, add a new migration instead.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Overdue work and missed marking look for open bookings before a given instant:
  // (status, start_at) makes that a range scan instead of a walk over every past booking.
  await db.schema.createIndex('activities_status_start').on('activities').columns(['status', 'start_at']).where(sql.ref('start_at'), 'is not', null).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activities_status_start').execute()
}
