import type SqliteDatabase from 'better-sqlite3'
import type { z } from 'zod'
import { customerFields } from '../../../shared/domain/customers'
import type { ImportCounts, ImportField, ImportProblem, importMapping } from '../../../shared/domain/import'
import { IMPORT_FIELD_LABELS } from '../../../shared/domain/import'
import { foldForSearch } from '../../../shared/domain/search'
import { FIRST_MODEL_YEAR, normalizeVin, vehicleFields } from '../../../shared/domain/vehicles'
import { sql, type Kysely } from 'kysely'
import type { CustomerRow, Database, VehicleRow } from '../db/database'
import type { Dialect } from '../db/connection'
import { describeVehicle } from '../vehicles/queries'
import { UNKNOWN_DATE_HINT, dateOrderDetector, parseSheetDate } from './parse-date'
import type { SheetText } from './read-file'
import { timeSlices } from './time-slices'

type Mapping = z.output<typeof importMapping>

export interface ImportTemplate {
  templateId: number
  activityTypeId: number
  name: string
}

export interface PlannedCustomer {
  key: string
  name: string
  email: string | null
  phone: string | null
  /** Set when the customer is already in the database: nothing is written for it. */
  existingId: number | null
  /** An existing customer who is inactive can take no new vehicle. */
  inactive: boolean
}

export interface PlannedVehicle {
  row: number
  customerKey: string
  vin: string
  make: string
  model: string
  year: number
  licensePlate: string | null
  onboardingDate: string
  notes: string | null
  reading: { date: string; miles: number } | null
  services: Array<{ templateId: number; activityTypeId: number; date: string }>
}

export interface ImportPlan {
  customers: PlannedCustomer[]
  vehicles: PlannedVehicle[]
}

export interface CheckedImport {
  plan: ImportPlan
  problems: ImportProblem[]
  counts: ImportCounts
  dateOrder: 'mdy' | 'dmy'
}

interface CheckContext {
  dialect: Dialect
  db: Kysely<Database>
  sqlite: SqliteDatabase.Database | null
  today: string
  templates: readonly ImportTemplate[]
  /** Lets the event loop turn during a long file. */
  pause(): Promise<void>
}

const CUSTOMER_PATHS: Record<string, ImportField> = { name: 'customerName', email: 'customerEmail', phone: 'customerPhone' }
const VEHICLE_PATHS: Record<string, ImportField> = {
  vin: 'vin',
  make: 'make',
  model: 'model',
  year: 'year',
  licensePlate: 'licensePlate',
  onboardingDate: 'onboardingDate',
  notes: 'notes',
}
const vehicleRowSchema = vehicleFields.omit({ customerId: true })
const VEHICLE_FIELDS: ImportField[] = ['vin', 'make', 'model', 'year']
const DATE_FIELDS: ImportField[] = ['onboardingDate', 'odometerDate']

/** A customer is the same one when the folded name matches and, where both have one, the email. */
const customerKey = (name: string, email: string | null) => `${foldForSearch(name)}\u0000${email ?? ''}`

type DbCustomer = Pick<CustomerRow, 'id' | 'name' | 'email' | 'active' | 'name_folded'>

/** A vehicle with its customer's name, as `c.name as customer_name` and `c.name_folded` read it. */
type DbVehicle = Pick<VehicleRow, 'vin' | 'year' | 'make' | 'model' | 'license_plate'> & {
  customer_name: CustomerRow['name']
  name_folded: CustomerRow['name_folded']
}

/** Rows looked up per query, with a turn of the event loop between: a file can name ten thousand. */
const LOOKUP_CHUNK = 1000

/** Customers by folded name and vehicles by VIN, a chunk of keys per query: json_each on SQLite, an array on PostgreSQL. */
function existingLookups(ctx: Pick<CheckContext, 'dialect' | 'db' | 'sqlite'>) {
  if (ctx.dialect === 'postgres') {
    return {
      customers: async (names: string[]) =>
        (
          await sql<DbCustomer>`select id, name, email, active, name_folded from customers where name_folded = any(${names}::text[]) order by id`.execute(
            ctx.db,
          )
        ).rows,
      vehicles: async (vins: string[]) =>
        (
          await sql<DbVehicle>`select v.vin, v.year, v.make, v.model, v.license_plate, c.name as customer_name, c.name_folded
            from vehicles v join customers c on c.id = v.customer_id where v.vin = any(${vins}::text[])`.execute(ctx.db)
        ).rows,
    }
  }
  if (!ctx.sqlite) throw new Error('The SQLite database has no raw handle.')
  const customerStmt = ctx.sqlite.prepare<[string], DbCustomer>(
    `select id, name, email, active, name_folded from customers where name_folded in (select value from json_each(?)) order by id`,
  )
  const vehicleStmt = ctx.sqlite.prepare<[string], DbVehicle>(
    `select v.vin, v.year, v.make, v.model, v.license_plate, c.name as customer_name, c.name_folded
     from vehicles v join customers c on c.id = v.customer_id where v.vin in (select value from json_each(?))`,
  )
  return {
    customers: async (names: string[]) => customerStmt.all(JSON.stringify(names)),
    vehicles: async (vins: string[]) => vehicleStmt.all(JSON.stringify(vins)),
  }
}

async function loadExisting(ctx: CheckContext, names: string[], vins: string[]) {
  const lookups = existingLookups(ctx)
  const pause = ctx.pause
  const customers = new Map<string, DbCustomer[]>()
  for (let i = 0; i < names.length; i += LOOKUP_CHUNK) {
    for (const c of await lookups.customers(names.slice(i, i + LOOKUP_CHUNK))) {
      const folded = c.name_folded ?? foldForSearch(c.name)
      customers.set(folded, [...(customers.get(folded) ?? []), c])
    }
    await pause()
  }
  const vehicles = new Map<string, DbVehicle>()
  for (let i = 0; i < vins.length; i += LOOKUP_CHUNK) {
    for (const v of await lookups.vehicles(vins.slice(i, i + LOOKUP_CHUNK))) vehicles.set(v.vin, v)
    await pause()
  }
  return { customers, vehicles }
}

/** The database customer a file's customer is: same folded name, and the same email if both have one. */
function matchCustomer(candidates: readonly DbCustomer[] | undefined, email: string | null): DbCustomer | undefined {
  if (!candidates) return undefined
  if (email) return candidates.find((c) => c.email === email) ?? candidates.find((c) => c.email === null)
  return candidates[0]
}

/**
 * Checks every row of a sheet against the mapping, the rules of the forms and the database,
 * and plans what an import writes: every problem listed with its row, and what is already
 * in the database (a VIN with the same owner) left as it is, so re-importing adds nothing.
 * Read-only.
 *
 * @example
 * const { plan, problems, counts } = await checkRows(sheet, mapping, 'auto', { dialect, db, sqlite, today, templates, pause })
 */
export async function checkRows(sheet: SheetText, mapping: Mapping, dateOrder: 'auto' | 'mdy' | 'dmy', ctx: CheckContext): Promise<CheckedImport> {
  const problems: ImportProblem[] = [...sheet.problems]
  const fields = mapping.fields
  const cell = (row: string[], field: ImportField): string => (fields[field] === undefined ? '' : (row[fields[field]] ?? ''))
  const vehicleMode = VEHICLE_FIELDS.some((f) => fields[f] !== undefined)

  const mappingProblems: string[] = []
  if (fields.customerName === undefined) mappingProblems.push(`Choose the column that holds the ${IMPORT_FIELD_LABELS.customerName.toLowerCase()}.`)
  if (vehicleMode) {
    for (const f of VEHICLE_FIELDS) {
      if (fields[f] === undefined) mappingProblems.push(`Choose the column that holds the ${IMPORT_FIELD_LABELS[f]}.`)
    }
  }
  const templates = new Map(ctx.templates.map((t) => [t.templateId, t]))
  for (const s of mapping.services) {
    if (!templates.has(s.templateId)) mappingProblems.push(`Maintenance template ${s.templateId} does not exist (any more).`)
  }
  for (const [field, column] of Object.entries(fields)) {
    if (column >= sheet.headers.length) mappingProblems.push(`The file has no column ${column + 1} for ${IMPORT_FIELD_LABELS[field as ImportField]}.`)
  }
  const counts: ImportCounts = { rows: sheet.rows.length, customers: 0, vehicles: 0, readings: 0, services: 0, alreadyThere: 0, leftOut: 0 }
  if (mappingProblems.length > 0) {
    return {
      plan: { customers: [], vehicles: [] },
      problems: mappingProblems.map((message) => ({ row: 1, field: null, message })),
      counts,
      dateOrder: 'mdy',
    }
  }

  // One pass over the file, yielding now and then: how dates read, and who and what to look up.
  const slices = timeSlices(ctx.pause)
  const detector = dateOrderDetector()
  const names = new Set<string>()
  const vins = new Set<string>()
  for (let i = 0; i < sheet.rows.length; i++) {
    if (slices.due()) await slices.next()
    const row = sheet.rows[i]!
    for (const f of DATE_FIELDS) detector.see(cell(row, f))
    for (const s of mapping.services) detector.see(row[s.column] ?? '')
    names.add(foldForSearch(cell(row, 'customerName').trim()))
    if (vehicleMode) vins.add(normalizeVin(cell(row, 'vin')))
  }
  const order = dateOrder !== 'auto' ? dateOrder : detector.order()
  const maxYear = Number(ctx.today.slice(0, 4)) + 1
  const existing = await loadExisting(ctx, [...names], [...vins])

  const customers = new Map<string, PlannedCustomer>()
  /** Per folded name, the keys of the file's customers, so a row without an email joins one with. */
  const byName = new Map<string, string[]>()
  const vinRows = new Map<string, number>()
  const vehicles: PlannedVehicle[] = []
  const rowsWithProblems = new Set<number>()

  for (let i = 0; i < sheet.rows.length; i++) {
    if (slices.due()) await slices.next()
    const row = sheet.rows[i]!
    const rowNumber = sheet.rowNumbers[i]!
    const before = problems.length
    const problem = (field: ImportProblem['field'], message: string) => problems.push({ row: rowNumber, field, message })

    const customer = customerFields.safeParse({
      name: cell(row, 'customerName'),
      email: cell(row, 'customerEmail'),
      phone: cell(row, 'customerPhone'),
    })
    if (!customer.success) {
      for (const issue of customer.error.issues) {
        const field = CUSTOMER_PATHS[String(issue.path[0])] ?? 'customerName'
        problem(field, field === 'customerName' && cell(row, 'customerName') === '' ? 'No customer: every vehicle needs its owner.' : issue.message)
      }
    }

    let vehicle: PlannedVehicle | null = null
    if (vehicleMode) {
      const onboardingRaw = cell(row, 'onboardingDate')
      const onboardingDate = onboardingRaw === '' ? ctx.today : parseSheetDate(onboardingRaw, order)
      if (onboardingDate === null) problem('onboardingDate', `Unknown date “${onboardingRaw}”: ${UNKNOWN_DATE_HINT}.`)
      const yearRaw = cell(row, 'year')
      const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : yearRaw === '' ? undefined : Number.NaN
      const parsed = vehicleRowSchema.safeParse({
        vin: cell(row, 'vin'),
        make: cell(row, 'make'),
        model: cell(row, 'model'),
        year,
        licensePlate: cell(row, 'licensePlate'),
        onboardingDate: onboardingDate ?? ctx.today,
        notes: cell(row, 'notes'),
      })
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = VEHICLE_PATHS[String(issue.path[0])] ?? 'vin'
          problem(field, field === 'year' && yearRaw !== '' ? `“${yearRaw}” is not a model year (${FIRST_MODEL_YEAR} or later).` : issue.message)
        }
      } else if (parsed.data.year > maxYear) {
        problem('year', `Model year is ${maxYear} at the latest.`)
      }

      let reading: PlannedVehicle['reading'] = null
      const milesRaw = cell(row, 'odometerMiles')
      if (milesRaw !== '') {
        const digits = milesRaw.replace(/[\s,_]|mi(les)?$/gi, '')
        const miles = /^\d+$/.test(digits) ? Number(digits) : Number.NaN
        const dateRaw = cell(row, 'odometerDate')
        const date = dateRaw === '' ? ctx.today : parseSheetDate(dateRaw, order)
        if (!Number.isInteger(miles) || miles > 2_000_000) problem('odometerMiles', `“${milesRaw}” is not an odometer reading in whole miles.`)
        if (date === null) problem('odometerDate', `Unknown date “${dateRaw}”: ${UNKNOWN_DATE_HINT}.`)
        else if (date > ctx.today) problem('odometerDate', `The odometer reading is dated ${date}, after today.`)
        if (date !== null && Number.isInteger(miles)) reading = { date, miles }
      }

      const services: PlannedVehicle['services'] = []
      for (const s of mapping.services) {
        const raw = row[s.column] ?? ''
        if (raw === '') continue
        const template = templates.get(s.templateId)!
        const date = parseSheetDate(raw, order)
        if (date === null) problem(`service:${s.templateId}`, `Unknown date “${raw}” for the last ${template.name}: ${UNKNOWN_DATE_HINT}.`)
        else if (date > ctx.today) problem(`service:${s.templateId}`, `The last ${template.name} is dated ${date}, after today.`)
        else services.push({ templateId: s.templateId, activityTypeId: template.activityTypeId, date })
      }

      if (parsed.success) {
        const vin = parsed.data.vin
        const earlier = vinRows.get(vin)
        const holder = existing.vehicles.get(vin)
        const owner = customer.success ? foldForSearch(customer.data.name) : null
        if (earlier !== undefined) {
          problem('vin', `The same VIN is on row ${earlier}.`)
        } else if (holder && (holder.name_folded ?? foldForSearch(holder.customer_name)) !== owner) {
          problem('vin', `This VIN is already registered to ${describeVehicle(holder)}.`)
        }
        vinRows.set(vin, earlier ?? rowNumber)
        if (holder && earlier === undefined && problems.length === before) {
          counts.alreadyThere++
          continue
        }
        vehicle = {
          row: rowNumber,
          customerKey: '',
          vin,
          make: parsed.data.make,
          model: parsed.data.model,
          year: parsed.data.year,
          licensePlate: parsed.data.licensePlate,
          onboardingDate: parsed.data.onboardingDate,
          notes: parsed.data.notes,
          reading,
          services,
        }
      }
    }

    if (!customer.success) continue
    const { name, email, phone } = customer.data
    const folded = foldForSearch(name)
    const namesakes = byName.get(folded) ?? []
    const key = email ? customerKey(name, email) : (namesakes[0] ?? customerKey(name, null))
    let planned = customers.get(key)
    if (!planned) {
      const match = matchCustomer(existing.customers.get(folded), email)
      planned = { key, name: match?.name ?? name, email, phone, existingId: match?.id ?? null, inactive: match?.active === 0 }
      customers.set(key, planned)
      byName.set(folded, [...namesakes, key])
    }
    if (planned.inactive && vehicle) problem('customerName', `${planned.name} is inactive; reactivate the customer first.`)
    if (problems.length > before) {
      rowsWithProblems.add(rowNumber)
      continue
    }
    if (vehicle) vehicles.push({ ...vehicle, customerKey: key })
  }

  for (const p of problems) rowsWithProblems.add(p.row)
  // A customer is only written if a row without problems needs it (or is one, in a customer list).
  const needed = new Set(vehicleMode ? vehicles.map((v) => v.customerKey) : [])
  if (!vehicleMode) {
    sheet.rows.forEach((row, i) => {
      if (rowsWithProblems.has(sheet.rowNumbers[i]!)) return
      const parsed = customerFields.safeParse({ name: cell(row, 'customerName'), email: cell(row, 'customerEmail') })
      if (!parsed.success) return
      const folded = foldForSearch(parsed.data.name)
      const key = parsed.data.email ? customerKey(parsed.data.name, parsed.data.email) : (byName.get(folded)?.[0] ?? customerKey(parsed.data.name, null))
      needed.add(key)
    })
  }
  const plannedCustomers = [...customers.values()].filter((c) => needed.has(c.key))
  counts.customers = plannedCustomers.filter((c) => c.existingId === null).length
  if (!vehicleMode) counts.alreadyThere = plannedCustomers.length - counts.customers
  counts.vehicles = vehicles.length
  counts.readings = vehicles.filter((v) => v.reading).length
  counts.services = vehicles.reduce((n, v) => n + v.services.length, 0)
  counts.leftOut = rowsWithProblems.size - (rowsWithProblems.has(1) ? 1 : 0)
  problems.sort((a, b) => a.row - b.row)
  return { plan: { customers: plannedCustomers, vehicles }, problems, counts, dateOrder: order }
}
