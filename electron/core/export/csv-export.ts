import type SqliteDatabase from 'better-sqlite3'
import Papa from 'papaparse'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database'
import type { Dialect } from '../db/connection'
import type { CsvExport, ExportKind } from '../../../shared/domain/import'

/**
 * A cell a spreadsheet would run as a formula (=, @, a leading tab or CR, or + and - with a
 * formula's operators) gets a leading apostrophe. Phone numbers such as "+1 (555) 010" stay
 * as they are, so an export imports back unchanged.
 */
const FORMULA = /^[=@\t\r]|^[+-].*[=|!]/

/** Every selected column has its own name: PostgreSQL's rows are objects keyed by it. */
type Query = { columns: string[]; sql: string; where?: (includeInactive: boolean) => string }

const QUERIES: Record<ExportKind, Query> = {
  customers: {
    columns: ['Customer ID', 'Customer name', 'Customer email', 'Customer phone', 'Notes', 'Active', 'Active vehicles', 'Created (UTC)'],
    sql: `select c.id, c.name, c.email, c.phone, c.notes, case c.active when 1 then 'yes' else 'no' end as active,
            (select count(*) from vehicles v where v.customer_id = c.id and v.status = 'active') as active_vehicles, c.created_at
          from customers c {where} order by c.name_folded, c.name, c.id`,
    where: (all) => (all ? '' : 'where c.active = 1'),
  },
  vehicles: {
    columns: [
      'Vehicle ID',
      'Customer name',
      'Customer email',
      'Customer phone',
      'VIN',
      'Make',
      'Model',
      'Year',
      'License plate',
      'Onboarding date',
      'Status',
      'Last odometer (miles)',
      'Odometer read on',
      'Notes',
    ],
    sql: `select v.id, c.name as customer_name, c.email, c.phone, v.vin, v.make, v.model, v.year, v.license_plate, v.onboarding_date, v.status,
            o.miles, o.reading_date, v.notes
          from vehicles v join customers c on c.id = v.customer_id
          left join odometer_readings o on o.id = (
            select id from odometer_readings r where r.vehicle_id = v.id order by r.reading_date desc, r.id desc limit 1)
          {where} order by c.name_folded, c.name, v.make, v.model, v.id`,
    where: (all) => (all ? '' : `where v.status = 'active'`),
  },
  activities: {
    columns: [
      'Activity ID',
      'Due date',
      'Activity',
      'Category',
      'Origin',
      'Status',
      'Start (UTC)',
      'End (UTC)',
      'Bay',
      'Technician',
      'VIN',
      'Make',
      'Model',
      'License plate',
      'Customer name',
      'Completed (UTC)',
      'Completed by',
      'Odometer at completion',
      'Cancel reason',
      'Notes',
    ],
    sql: `select a.id, a.due_date, t.name as type_name, t.category, a.origin, a.status, a.start_at, a.end_at, b.name as bay,
            te.name as technician, v.vin, v.make, v.model, v.license_plate, c.name as customer_name, a.completed_at, a.completed_by,
            a.completion_odometer, a.cancel_reason, coalesce(a.completion_notes, a.notes) as notes
          from activities a
          join activity_types t on t.id = a.activity_type_id
          join vehicles v on v.id = a.vehicle_id
          join customers c on c.id = v.customer_id
          left join bays b on b.id = a.bay_id
          left join technicians te on te.id = a.technician_id
          order by a.due_date, a.id`,
  },
}

/**
 * One list as CSV (papaparse), with a header row, in the order the app lists it. The
 * vehicles export uses the import's own column names, so it imports back as it is.
 *
 * @example
 * const file = await exportCsv(ctx, 'vehicles', { includeInactive: true, today: '2025-01-01' })
 */
export async function exportCsv(
  { dialect, db, sqlite }: { dialect: Dialect; db: Kysely<Database>; sqlite: SqliteDatabase.Database | null },
  kind: ExportKind,
  { includeInactive, today }: { includeInactive: boolean; today: string },
): Promise<CsvExport> {
  const query = QUERIES[kind]
  const text = query.sql.replace('{where}', query.where?.(includeInactive) ?? '')
  const rows =
    dialect === 'sqlite' && sqlite
      ? (sqlite.prepare(text).raw().all() as unknown[][])
      : (await sql.raw<Record<string, unknown>>(text).execute(db)).rows.map((row) => Object.values(row))
  const content = Papa.unparse({ fields: query.columns, data: rows }, { escapeFormulae: FORMULA, newline: '\r\n' })
  return { fileName: `${kind}-${today}.csv`, mimeType: 'text/csv', content, rows: rows.length }
}
