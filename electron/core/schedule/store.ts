import type SqliteDatabase from 'better-sqlite3'
import type { Kysely, Selectable } from 'kysely'
import type { ActivityRow, ActivityTypesTable, Database, MaintenanceTemplatesTable, OdometerReadingsTable, SettingsRow, VehicleRow } from '../db/database'
import type { Dialect } from '../db/connection'
import type { ReconcileDiff } from './diff'
import { postgresSchedulingStore } from './store-postgres'
import { sqliteSchedulingStore } from './store-sqlite'

/** `[id, vehicle_id, occurrence_key, due_date, untouched 0|1, restorable 0|1]`: rows as arrays, the fastest to read. */
export type ExistingRow = [ActivityRow['id'], ActivityRow['vehicle_id'], NonNullable<ActivityRow['occurrence_key']>, ActivityRow['due_date'], number, number]

export type ReadingRow = Pick<Selectable<OdometerReadingsTable>, 'vehicle_id' | 'reading_date' | 'miles' | 'source' | 'is_correction'>

/** The query keeps template occurrences only, so their template and index are never null. */
export type CompletionRow = Pick<ActivityRow, 'vehicle_id' | 'completed_at' | 'due_date' | 'completion_odometer'> & {
  template_id: NonNullable<ActivityRow['template_id']>
  occurrence_index: NonNullable<ActivityRow['occurrence_index']>
}

export type SchedulingSettings = Pick<SettingsRow, 'time_zone' | 'inspection_interval_months' | 'horizon_months' | 'auto_schedule'>
type ActivityTypeRow = Selectable<ActivityTypesTable>
/** An active template with its activity type's name. */
export type TemplateRow = Pick<
  Selectable<MaintenanceTemplatesTable>,
  'id' | 'activity_type_id' | 'interval_months' | 'interval_days' | 'interval_miles' | 'anchor'
> &
  Pick<ActivityTypeRow, 'name'>

/** What a run reads once: settings, built-in types, active templates, open weekdays, whole-shop closures. */
export interface ReferenceRows {
  settings: SchedulingSettings | undefined
  builtins: Array<Pick<ActivityTypeRow, 'id' | 'builtin'>>
  templates: TemplateRow[]
  openWeekdays: number[]
  closures: Array<{ startsOn: string; endsOn: string }>
}

/** What one batch of vehicles is planned from, each read with one query for the whole batch. */
export interface BatchInputs {
  readings: ReadingRow[]
  completions: CompletionRow[]
  existing: ExistingRow[]
}

export type VehicleDiffs = ReadonlyArray<{ vehicleId: number; diff: ReconcileDiff }>

/**
 * The scheduler's reads and bulk writes, one implementation per database: SQLite through
 * prepared statements on the raw handle (synchronous, no per-query overhead), PostgreSQL
 * through set-based statements over arrays (one round trip per batch, never one per row).
 * Every call runs inside the caller's transaction.
 */
export interface SchedulingStore {
  reference(): Promise<ReferenceRows>
  activeVehicleIds(): Promise<number[]>
  /** The vehicles among `ids` that are still active. */
  activeVehicles(ids: readonly number[]): Promise<Array<Pick<VehicleRow, 'id' | 'onboarding_date'>>>
  vehicle(id: number): Promise<Pick<VehicleRow, 'id' | 'onboarding_date' | 'status'> | undefined>
  hasOccurrences(vehicleId: number): Promise<boolean>
  /** Readings (only when some template counts miles), completions and existing occurrences of a batch. */
  batchInputs(vehicleIds: readonly number[], withReadings: boolean): Promise<BatchInputs>
  /** Inserts, moves, restores and removes a batch's diffs, each logged. */
  writeDiffs(diffs: VehicleDiffs, at: { now: string; actor: string }): Promise<void>
  /** Rule 6: cancels (and logs) the vehicle's untouched planned work due on `today` or later; answers how many. */
  cancelUntouched(vehicleId: number, today: string, at: { now: string; actor: string }): Promise<number>
}

/** What choosing a store needs of a handler's context. */
export interface StoreSource {
  dialect: Dialect
  db: Kysely<Database>
  sqlite: SqliteDatabase.Database | null
}

/**
 * The store of this call's database. Inside `ctx.batch`, pass the batch's transaction as `db`.
 *
 * @example
 * const store = schedulingStore(ctx)
 */
export function schedulingStore({ dialect, db, sqlite }: StoreSource): SchedulingStore {
  if (dialect === 'postgres') return postgresSchedulingStore(db)
  if (!sqlite) throw new Error('The SQLite database has no raw handle.')
  return sqliteSchedulingStore(sqlite)
}
