import type { Kysely } from 'kysely'
import type { Database } from '../db/database'

/**
 * Activities with everything a screen shows beside them (vehicle, customer, type, bay,
 * technician), in ONE query: the read models never run a query per row.
 *
 * @example
 * const rows = await selectActivities(db).where('a.vehicle_id', '=', 7).execute()
 */
export const selectActivities = (db: Kysely<Database>) =>
  db
    .selectFrom('activities as a')
    .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .innerJoin('activity_types as t', 't.id', 'a.activity_type_id')
    .leftJoin('bays as b', 'b.id', 'a.bay_id')
    .leftJoin('technicians as tech', 'tech.id', 'a.technician_id')
    .leftJoin('maintenance_templates as m', 'm.id', 'a.template_id')
    .select([
      'a.id',
      'a.vehicle_id',
      'a.activity_type_id',
      'a.origin',
      'a.template_id',
      'a.occurrence_index',
      'a.due_date',
      'a.start_at',
      'a.end_at',
      'a.bay_id',
      'a.technician_id',
      'a.status',
      'a.pinned',
      'a.started_at',
      'a.completed_at',
      'a.completed_by',
      'a.completion_odometer',
      'a.completion_notes',
      'a.cancel_reason',
      'a.notes',
      'a.contacted_at',
      'a.version',
      'a.created_at',
      'a.updated_at',
      'v.year',
      'v.make',
      'v.model',
      'v.license_plate',
      'v.customer_id',
      'c.name as customer_name',
      't.name as type_name',
      't.category',
      'b.name as bay_name',
      'tech.name as technician_name',
      'm.interval_miles as template_miles',
    ])

export type ActivityJoinedRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>
