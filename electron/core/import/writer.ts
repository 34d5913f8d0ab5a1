import type SqliteDatabase from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database'
import type { Dialect } from '../db/connection'

export interface CustomerInsert {
  name: string
  email: string | null
  phone: string | null
  folded: string
}

export interface VehicleInsert {
  customerId: number
  vin: string
  make: string
  model: string
  year: number
  licensePlate: string | null
  plate: string | null
  onboardingDate: string
  notes: string | null
  folded: string
}

export interface ReadingInsert {
  vehicleId: number
  date: string
  miles: number
  source: 'onboarding' | 'manual'
}

/** A last service: a completed activity of its template (occurrence 0, pinned), logged as imported. */
export interface ServiceInsert {
  vehicleId: number
  typeId: number
  templateId: number
  date: string
  completedAt: string
}

/**
 * An import's writes, a chunk of rows per call, answering the new ids in the rows' order.
 * SQLite runs prepared statements row by row (a native call each, no round trip);
 * PostgreSQL writes each chunk as one statement over unnested arrays.
 */
export interface ImportWriter {
  customers(rows: readonly CustomerInsert[]): Promise<number[]>
  vehicles(rows: readonly VehicleInsert[]): Promise<number[]>
  readings(rows: readonly ReadingInsert[]): Promise<void>
  services(rows: readonly ServiceInsert[]): Promise<void>
}

interface WriterContext {
  dialect: Dialect
  db: Kysely<Database>
  sqlite: SqliteDatabase.Database | null
}

/**
 * The writer of this call's database, inside its transaction.
 *
 * @example
 * const [id] = await importWriter(ctx, { now, actor, note }).customers([{ name: 'Ann', email: null, phone: null, folded: 'ann' }])
 */
export function importWriter(ctx: WriterContext, at: { now: string; actor: string; note: string }): ImportWriter {
  if (ctx.dialect === 'postgres') return postgresWriter(ctx.db, at)
  if (!ctx.sqlite) throw new Error('The SQLite database has no raw handle.')
  return sqliteWriter(ctx.sqlite, at)
}

function sqliteWriter(sqlite: SqliteDatabase.Database, { now, actor, note }: { now: string; actor: string; note: string }): ImportWriter {
  const insertCustomer = sqlite.prepare<[string, string | null, string | null, string, string, string]>(
    `insert into customers (name, email, phone, name_folded, created_at, updated_at) values (?, ?, ?, ?, ?, ?)`,
  )
  const insertVehicle = sqlite.prepare(
    `insert into vehicles (customer_id, vin, make, model, year, license_plate, plate_normalized, onboarding_date, notes,
       make_model_folded, created_at, updated_at)
     values (@customerId, @vin, @make, @model, @year, @licensePlate, @plate, @onboardingDate, @notes, @folded, @now, @now)`,
  )
  const insertReading = sqlite.prepare<[number, string, number, string, string]>(
    `insert into odometer_readings (vehicle_id, reading_date, miles, source, created_at) values (?, ?, ?, ?, ?)`,
  )
  const insertService = sqlite.prepare(
    `insert into activities (vehicle_id, activity_type_id, origin, template_id, occurrence_index, due_date, status, pinned,
       completed_at, completed_by, completion_notes, created_at, updated_at)
     values (@vehicleId, @typeId, 'template', @templateId, 0, @date, 'completed', 1, @completedAt, @actor, @notes, @now, @now)`,
  )
  const logService = sqlite.prepare<[number, number, string, string, string]>(
    `insert into activity_log (activity_id, vehicle_id, at, actor, action, changes, message) values (?, ?, ?, ?, 'imported', null, ?)`,
  )
  return {
    customers: async (rows) => rows.map((c) => Number(insertCustomer.run(c.name, c.email, c.phone, c.folded, now, now).lastInsertRowid)),
    vehicles: async (rows) => rows.map((v) => Number(insertVehicle.run({ ...v, now }).lastInsertRowid)),
    async readings(rows) {
      for (const r of rows) insertReading.run(r.vehicleId, r.date, r.miles, r.source, now)
    },
    async services(rows) {
      for (const s of rows) {
        const activityId = Number(insertService.run({ ...s, actor, notes: note, now }).lastInsertRowid)
        logService.run(activityId, s.vehicleId, now, actor, note)
      }
    },
  }
}

const column = <R, K extends keyof R>(rows: readonly R[], key: K): Array<R[K]> => rows.map((r) => r[key])

function postgresWriter(db: Kysely<Database>, { now, actor, note }: { now: string; actor: string; note: string }): ImportWriter {
  const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id)
  return {
    async customers(rows) {
      if (rows.length === 0) return []
      const { rows: inserted } = await sql<{ id: number }>`
        insert into customers (name, email, phone, name_folded, created_at, updated_at)
        select r.name, r.email, r.phone, r.folded, ${now}, ${now}
        from unnest(${column(rows, 'name')}::text[], ${column(rows, 'email')}::text[], ${column(rows, 'phone')}::text[], ${column(rows, 'folded')}::text[])
          with ordinality as r(name, email, phone, folded, n)
        order by r.n
        returning id`.execute(db)
      return ids(inserted)
    },
    async vehicles(rows) {
      if (rows.length === 0) return []
      const { rows: inserted } = await sql<{ id: number }>`
        insert into vehicles (customer_id, vin, make, model, year, license_plate, plate_normalized, onboarding_date, notes,
          make_model_folded, created_at, updated_at)
        select r.customer_id, r.vin, r.make, r.model, r.year, r.plate, r.plate_normalized, r.onboarding_date, r.notes, r.folded, ${now}, ${now}
        from unnest(${column(rows, 'customerId')}::int[], ${column(rows, 'vin')}::text[], ${column(rows, 'make')}::text[],
          ${column(rows, 'model')}::text[], ${column(rows, 'year')}::int[], ${column(rows, 'licensePlate')}::text[], ${column(rows, 'plate')}::text[],
          ${column(rows, 'onboardingDate')}::text[], ${column(rows, 'notes')}::text[], ${column(rows, 'folded')}::text[])
          with ordinality as r(customer_id, vin, make, model, year, plate, plate_normalized, onboarding_date, notes, folded, n)
        order by r.n
        returning id`.execute(db)
      return ids(inserted)
    },
    async readings(rows) {
      if (rows.length === 0) return
      await sql`
        insert into odometer_readings (vehicle_id, reading_date, miles, source, created_at)
        select r.vehicle_id, r.reading_date, r.miles, r.source, ${now}
        from unnest(${column(rows, 'vehicleId')}::int[], ${column(rows, 'date')}::text[], ${column(rows, 'miles')}::int[], ${column(rows, 'source')}::text[])
          with ordinality as r(vehicle_id, reading_date, miles, source, n)
        order by r.n`.execute(db)
    },
    async services(rows) {
      if (rows.length === 0) return
      await sql`
        with inserted as (
          insert into activities (vehicle_id, activity_type_id, origin, template_id, occurrence_index, due_date, status, pinned,
            completed_at, completed_by, completion_notes, created_at, updated_at)
          select r.vehicle_id, r.type_id, 'template', r.template_id, 0, r.due_date, 'completed', 1, r.completed_at, ${actor}, ${note}, ${now}, ${now}
          from unnest(${column(rows, 'vehicleId')}::int[], ${column(rows, 'typeId')}::int[], ${column(rows, 'templateId')}::int[],
            ${column(rows, 'date')}::text[], ${column(rows, 'completedAt')}::text[])
            with ordinality as r(vehicle_id, type_id, template_id, due_date, completed_at, n)
          order by r.n
          returning id, vehicle_id
        )
        insert into activity_log (activity_id, vehicle_id, at, actor, action, changes, message)
        select id, vehicle_id, ${now}, ${actor}, 'imported', null, ${note} from inserted order by id`.execute(db)
    },
  }
}
