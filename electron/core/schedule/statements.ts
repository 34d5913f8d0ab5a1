import type SqliteDatabase from 'better-sqlite3'
import type { VehicleRow } from '../db/database'
import type { CompletionRow, ExistingRow, ReadingRow, ReferenceRows, SchedulingSettings, TemplateRow } from './store'

type Sqlite = SqliteDatabase.Database

/**
 * What the scheduler uses of a prepared statement. Declared here because the package's own
 * statement type lives in a namespace that declaration files cannot name.
 */
export interface Stmt<P extends unknown[], R> {
  run(...params: P): SqliteDatabase.RunResult
  get(...params: P): R | undefined
  all(...params: P): R[]
}

/**
 * The scheduler's prepared statements on the raw connection. Preparing is not free, and
 * bulk work runs them tens of thousands of times, so each connection prepares them once.
 * Every statement runs synchronously inside the caller's transaction, under the core's lock.
 */
function prepare(sqlite: Sqlite) {
  const stmt = <P extends unknown[], R = unknown>(source: string): Stmt<P, R> => sqlite.prepare<P, R>(source)
  /** Rows as arrays: no object per row, the fastest way to read many. */
  const rawStmt = <P extends unknown[], R>(source: string): Stmt<P, R> => sqlite.prepare<P, R>(source).raw()
  /** The first column only, as plain values. */
  const pluckStmt = <P extends unknown[], R>(source: string): Stmt<P, R> => sqlite.prepare<P, R>(source).pluck()
  return {
    settings: stmt<[], SchedulingSettings>(`select time_zone, inspection_interval_months, horizon_months, auto_schedule from settings where id = 1`),
    builtins: stmt<[], ReferenceRows['builtins'][number]>(`select id, builtin from activity_types where builtin is not null`),
    templates: stmt<[], TemplateRow>(
      `select t.id, t.activity_type_id, at.name, t.interval_months, t.interval_days, t.interval_miles, t.anchor
       from maintenance_templates t join activity_types at on at.id = t.activity_type_id
       where t.active = 1 and at.active = 1
       order by t.id`,
    ),
    openWeekdays: pluckStmt<[], number>(`select weekday from shop_hours where opens is not null and closes is not null`),
    closures: stmt<[], ReferenceRows['closures'][number]>(`select starts_on as startsOn, ends_on as endsOn from closures where scope = 'shop'`),
    activeVehicleIds: pluckStmt<[], VehicleRow['id']>(`select id from vehicles where status = 'active' order by id`),
    activeVehicles: stmt<[string], Pick<VehicleRow, 'id' | 'onboarding_date'>>(
      `select id, onboarding_date from vehicles where id in (select value from json_each(?)) and status = 'active'`,
    ),
    vehicle: stmt<[number], Pick<VehicleRow, 'id' | 'onboarding_date' | 'status'>>(`select id, onboarding_date, status from vehicles where id = ?`),
    readings: stmt<[string], ReadingRow>(
      `select vehicle_id, reading_date, miles, source, is_correction from odometer_readings
       where vehicle_id in (select value from json_each(?))`,
    ),
    // Only what anchor `last_completed` needs: per vehicle and template, the completed
    // occurrence with the highest index (SQLite takes the bare columns from the max row).
    completions: stmt<[string], CompletionRow>(
      `select a.vehicle_id, a.template_id, max(a.occurrence_index) as occurrence_index, a.completed_at, a.due_date,
         a.completion_odometer
       from activities a join maintenance_templates t on t.id = a.template_id and t.anchor = 'last_completed'
       where a.vehicle_id in (select value from json_each(?)) and a.status = 'completed' and a.origin = 'template'
         and a.occurrence_index is not null
       group by a.vehicle_id, a.template_id`,
    ),
    // "Untouched" is decided here once (rule 5): scheduled, not pinned, not booked.
    existing: rawStmt<[string, string], ExistingRow>(
      `select id, vehicle_id, occurrence_key, due_date,
         status = 'scheduled' and pinned = 0 and start_at is null,
         status = 'cancelled' and pinned = 0 and start_at is null and cancel_reason is ?
       from activities
       where vehicle_id in (select value from json_each(?)) and occurrence_key is not null`,
    ),
    hasOccurrences: stmt<[number], { one: number }>(`select 1 as one from activities where vehicle_id = ? and occurrence_key is not null limit 1`),
    maxActivityId: stmt<[], { m: number }>(`select coalesce(max(id), 0) as m from activities`),
    // A whole batch in one statement: a JSON array of
    // [vehicle_id, activity_type_id, origin, template_id, occurrence_index, occurrence_key, due_date].
    // About twice as fast as a statement call per row, which crosses into native code each time.
    insertMany: stmt<[{ rows: string; now: string }]>(
      `insert into activities
         (vehicle_id, activity_type_id, origin, template_id, occurrence_index, occurrence_key, due_date, created_at, updated_at)
       select r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5, r.value ->> 6, @now, @now
       from json_each(@rows) r`,
    ),
    // One set-based statement logs every row this run inserted: ids only grow, and nothing
    // else writes between the inserts and this (the lock), so "id > before" is exactly them.
    logInsertedSince: stmt<[string, string, number]>(
      `insert into activity_log (activity_id, vehicle_id, at, actor, action, changes, message)
       select id, vehicle_id, ?, ?, 'planned', json_object('dueDate', json_array(null, due_date)), null
       from activities where id > ?`,
    ),
    moveDue: stmt<[string, string, number]>(`update activities set due_date = ?, version = version + 1, updated_at = ? where id = ?`),
    restore: stmt<[string, string, number]>(
      `update activities set status = 'scheduled', cancel_reason = null, due_date = ?, version = version + 1, updated_at = ?
       where id = ?`,
    ),
    remove: stmt<[number]>(`delete from activities where id = ?`),
    log: stmt<[number, number, string, string, string, string | null, string | null]>(
      `insert into activity_log (activity_id, vehicle_id, at, actor, action, changes, message) values (?, ?, ?, ?, ?, ?, ?)`,
    ),
    // Deactivation (rule 6): planned work nobody touched, due today or later, is cancelled.
    // Manual work is never "untouched": a person put it there.
    logCancelUntouched: stmt<[string, string, string, number, string]>(
      `insert into activity_log (activity_id, vehicle_id, at, actor, action, changes, message)
       select id, vehicle_id, ?, ?, 'cancelled', json_object('status', json_array('scheduled', 'cancelled')), ?
       from activities
       where vehicle_id = ? and occurrence_key is not null and status = 'scheduled' and pinned = 0
         and start_at is null and due_date >= ?`,
    ),
    cancelUntouched: stmt<[string, string, number, string]>(
      `update activities set status = 'cancelled', cancel_reason = ?, version = version + 1, updated_at = ?
       where vehicle_id = ? and occurrence_key is not null and status = 'scheduled' and pinned = 0
         and start_at is null and due_date >= ?`,
    ),
  }
}

export type Statements = ReturnType<typeof prepare>

const cache = new WeakMap<Sqlite, Statements>()

/**
 * The prepared statements of this connection, prepared on first use.
 *
 * @example
 * statementsFor(sqlite).hasOccurrences.get(vehicleId)
 */
export function statementsFor(sqlite: Sqlite): Statements {
  let statements = cache.get(sqlite)
  if (!statements) {
    statements = prepare(sqlite)
    cache.set(sqlite, statements)
  }
  return statements
}
