import Papa from 'papaparse'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProgressEvent } from '../../../shared/contract'
import type { ImportMapping, ImportPreview } from '../../../shared/domain/import'
import { testCore, type TestCore } from '../../helpers/core'
import { addTemplate } from '../schedule/db-fixtures'
import { xlsxBase64 } from './xlsx'
import { testDialect } from '../../helpers/postgres'

const TODAY = '2025-06-16' // a Monday
let core: TestCore
let oil: number

beforeEach(async () => {
  core = await testCore({ now: `${TODAY}T12:00:00Z` })
  oil = await addTemplate(core, 'Oil change', { months: 3, anchor: 'last_completed' })
})
afterEach(() => core.dispose())

const csv = (rows: string[][]) => Papa.unparse(rows)
const file = (rows: string[][], name = 'fleet.csv') => ({ format: 'csv' as const, name, text: csv(rows) })

const HEADER = ['Owner', 'E-mail', 'Phone', 'VIN', 'Make', 'Model', 'Year', 'Plate', 'Onboarded', 'Mileage', 'Last oil change']
const GOOD = [
  HEADER,
  ['Müller Logistik', 'fleet@mueller.test', '+49 30 1234', '1FTBW2CM5HKA12345', 'Ford', 'Transit', '2017', 'B-ML 101', '2024-01-15', '84,200', '2025-05-02'],
  ['Müller Logistik', 'fleet@mueller.test', '', '1FTBW2CM5HKA12346', 'Ford', 'Transit', '2018', 'B-ML 102', '01/15/2024', '', ''],
  ['José Álvarez', '', '', 'JTDKB20U093456789', 'Toyota', 'Prius', '2009', '', '15 Jan 2024', '152000', '04/20/2025'],
]

const activitiesOf = async (vin: string) => {
  const vehicle = (await core.ok('vehicles.list', { search: vin }))[0]!
  return core.db
    .selectFrom('activities')
    .select(['origin', 'template_id', 'due_date', 'status', 'occurrence_key'])
    .where('vehicle_id', '=', vehicle.id)
    .orderBy('due_date')
    .execute()
}

describe('import preview', () => {
  it('guesses the mapping from common header names and shows the first rows', async () => {
    const preview = await core.ok('import.preview', { file: file(GOOD), sampleRows: 2 })
    expect(preview.headers).toEqual(HEADER)
    expect(preview.mapping.fields).toEqual({
      customerName: 0,
      customerEmail: 1,
      customerPhone: 2,
      vin: 3,
      make: 4,
      model: 5,
      year: 6,
      licensePlate: 7,
      onboardingDate: 8,
      odometerMiles: 9,
    })
    expect(preview.mapping.services).toEqual([{ templateId: oil, column: 10 }])
    expect(preview.sample).toEqual(GOOD.slice(1, 3))
    expect(preview.problems).toEqual([])
    expect(preview.counts).toMatchObject({ rows: 3, customers: 2, vehicles: 3, readings: 2, services: 2, alreadyThere: 0 })
  })

  it("lists every row's problem: bad VIN, duplicate VIN in the file and in the database, unknown date, missing customer", async () => {
    const owner = await core.ok('customers.create', { name: 'Other Owner' })
    await core.ok('vehicles.create', {
      customerId: owner.id,
      vin: '2HGFC2F59JH512345',
      make: 'Honda',
      model: 'Civic',
      year: 2018,
      onboardingDate: '2024-01-01',
    })
    const rows = [
      HEADER,
      ['A Fleet', '', '', '1FTBW2CM5HKA1234', 'Ford', 'Transit', '2017', '', '2024-01-15', '', ''],
      ['A Fleet', '', '', '1FTBW2CM5HKA22222', 'Ford', 'Transit', '2017', '', 'next tuesday', '', ''],
      ['A Fleet', '', '', '1FTBW2CM5HKA22222', 'Ford', 'Transit', '2017', '', '', '', ''],
      ['', '', '', '1FTBW2CM5HKA33333', 'Ford', 'Transit', '2017', '', '', '', ''],
      ['B Fleet', '', '', '2HGFC2F59JH512345', 'Honda', 'Civic', '2018', '', '', '', '31/31/2024'],
      ['C Fleet', '', '', '1FTBW2CM5HKA44444', 'Ford', 'Transit', '2017', '', '', '', ''],
    ]
    const preview: ImportPreview = await core.ok('import.preview', { file: file(rows) })
    const byRow = preview.problems.map((p) => [p.row, p.field, p.message])
    expect(byRow).toEqual([
      [2, 'vin', 'A VIN has exactly 17 letters and digits'],
      [3, 'onboardingDate', expect.stringMatching(/^Unknown date “next tuesday”/)],
      [4, 'vin', 'The same VIN is on row 3.'],
      [5, 'customerName', 'No customer: every vehicle needs its owner.'],
      [6, `service:${oil}`, expect.stringMatching(/^Unknown date “31\/31\/2024” for the last Oil change/)],
      [6, 'vin', 'This VIN is already registered to 2018 Honda Civic, Other Owner.'],
    ])
    // Only the one good row would be imported, with its customer.
    expect(preview.counts).toMatchObject({ rows: 6, customers: 1, vehicles: 1, leftOut: 5 })
  })

  it('reads dates in several common forms, day first when the file says so', async () => {
    const rows = [
      ['Customer', 'VIN', 'Make', 'Model', 'Year', 'Onboarding date'],
      ['A', '1FTBW2CM5HKA00001', 'Ford', 'Transit', '2017', '25/03/2024'],
      ['A', '1FTBW2CM5HKA00002', 'Ford', 'Transit', '2017', '04/03/2024'],
      ['A', '1FTBW2CM5HKA00003', 'Ford', 'Transit', '2017', '4.3.2024'],
      ['A', '1FTBW2CM5HKA00004', 'Ford', 'Transit', '2017', 'Mar 4, 2024'],
      ['A', '1FTBW2CM5HKA00005', 'Ford', 'Transit', '2017', '4-Mar-24'],
      ['A', '1FTBW2CM5HKA00006', 'Ford', 'Transit', '2017', '2024/03/04'],
    ]
    const preview = await core.ok('import.preview', { file: file(rows) })
    expect(preview.dateOrder).toBe('dmy')
    expect(preview.problems).toEqual([])
    const mapping = preview.mapping
    await core.ok('import.run', { file: file(rows), mapping, dryRun: false })
    const dates = (await core.ok('vehicles.list', {})).map((v) => [v.vin.slice(-1), v.onboardingDate]).sort()
    expect(dates).toEqual([
      ['1', '2024-03-25'],
      ['2', '2024-03-04'],
      ['3', '2024-03-04'],
      ['4', '2024-03-04'],
      ['5', '2024-03-04'],
      ['6', '2024-03-04'],
    ])
    // Month first when asked, whatever the file suggests.
    const us = await core.ok('import.preview', { file: file(rows.slice(0, 1).concat([rows[2]!])), options: { dateOrder: 'mdy' } })
    expect(us.dateOrder).toBe('mdy')
  })

  it('reads a large CSV whole, quoted line breaks and quotes included, across its parse chunks', async () => {
    const rows = [['Customer', 'VIN', 'Make', 'Model', 'Year', 'Notes']]
    for (let i = 0; i < 2000; i++) {
      rows.push([`Fleet ${i % 40}`, `1FTBW2CM5H${String(i).padStart(7, '0')}`, 'Ford', 'Transit', '2019', `Key in "box" ${i}\nSecond line, with a comma`])
    }
    const preview = await core.ok('import.preview', { file: file(rows), sampleRows: 50 })
    expect(preview.problems).toEqual([])
    expect(preview.counts).toMatchObject({ rows: 2000, vehicles: 2000, customers: 40 })
    expect(preview.sample[49]).toEqual(rows[50])
  })

  it('refuses a file it cannot read, clearly', async () => {
    const error = await core.refused('import.preview', { file: { format: 'xlsx', name: 'fleet.xlsx', base64: 'bm90IGEgemlw' } })
    expect(error.message).toMatch(/not an Excel workbook/)
  })
})

describe('import run', () => {
  const mappingFor = async (rows: string[][]): Promise<ImportMapping> => (await core.ok('import.preview', { file: file(rows) })).mapping

  it('imports customers and vehicles with their readings and last services, and plans them once', async () => {
    const result = await core.ok('import.run', { file: file(GOOD), mapping: await mappingFor(GOOD), dryRun: false })
    expect(result).toMatchObject({ dryRun: false, customers: 2, vehicles: 3, readings: 2, services: 2, alreadyThere: 0 })
    expect(result.planned).toBeGreaterThan(0)
    // A checked backup of the shop as it was, taken before the import wrote anything (the
    // desk's own file; a PostgreSQL server keeps its own backups, and the desk lists none).
    const [backup] = (await core.ok('backups.list', {})).backups
    if (testDialect() === 'sqlite') {
      expect(backup).toMatchObject({ reason: 'before-import' })
      expect(await core.ok('backups.inspect', { name: backup!.name })).toMatchObject({ ok: true, counts: { customers: 0, vehicles: 0 } })
    } else {
      expect(backup).toBeUndefined()
    }

    const customers = await core.ok('customers.list', {})
    expect(customers.map((c) => [c.name, c.email, c.vehicleCount])).toEqual([
      ['José Álvarez', null, 1],
      ['Müller Logistik', 'fleet@mueller.test', 2],
    ])
    expect(await core.ok('customers.list', { search: 'muller' })).toHaveLength(1)
    const prius = (await core.ok('vehicles.list', { search: 'JTDKB20U093456789' }))[0]!
    expect(prius).toMatchObject({ make: 'Toyota', onboardingDate: '2024-01-15', customerName: 'José Álvarez' })
    expect((await core.ok('odometer.list', { vehicleId: prius.id })).map((r) => [r.date, r.miles])).toEqual([[TODAY, 152000]])

    // The last oil change anchors the plan: next one 3 months after 2025-04-20, not from onboarding.
    const work = await activitiesOf('JTDKB20U093456789')
    expect(work.filter((a) => a.template_id === oil).map((a) => [a.status, a.due_date])).toEqual([
      ['completed', '2025-04-20'],
      ['scheduled', '2025-07-21'], // 07-20 is a Sunday: the next open day
      ['scheduled', '2025-10-20'],
      ['scheduled', '2026-01-20'],
      ['scheduled', '2026-04-20'],
    ])
    // An old onboarding date brings its initial inspection, and no flood of missed work.
    expect(work.filter((a) => a.origin === 'inspection').every((a) => a.due_date >= TODAY)).toBe(true)
    expect(work.some((a) => a.origin === 'initial')).toBe(true)
  })

  it('imports nothing while rows have problems, unless asked to leave them out', async () => {
    const rows = [...GOOD, ['', '', '', '1FTBW2CM5HKA99999', 'Ford', 'Transit', '2017', '', '', '', '']]
    const mapping = await mappingFor(rows)
    const refused = await core.refused('import.run', { file: file(rows), mapping, dryRun: false })
    expect(refused.message).toBe('One row has problems; fix them in the file or leave them out. Nothing was imported.')
    expect(refused.details).toEqual({ problems: [{ row: 5, field: 'customerName', message: 'No customer: every vehicle needs its owner.' }] })
    expect(await core.ok('customers.list', {})).toEqual([])

    const done = await core.ok('import.run', { file: file(rows), mapping, dryRun: false, leaveOutProblemRows: true })
    expect(done).toMatchObject({ vehicles: 3, leftOut: 1 })
  })

  it('dry run: counts exactly what the import would do and leaves nothing behind', async () => {
    const mapping = await mappingFor(GOOD)
    const dry = await core.ok('import.run', { file: file(GOOD), mapping, dryRun: true })
    expect(dry).toMatchObject({ dryRun: true, customers: 2, vehicles: 3, services: 2 })
    expect(await core.ok('vehicles.list', { status: 'all' })).toEqual([])
    expect(await core.ok('customers.list', { includeInactive: true })).toEqual([])
    expect(await core.db.selectFrom('activities').select('id').execute()).toEqual([])
    expect((await core.ok('backups.list', {})).backups).toEqual([]) // a dry run backs nothing up

    const real = await core.ok('import.run', { file: file(GOOD), mapping, dryRun: false })
    expect(real.planned).toBe(dry.planned)
  })

  it('re-importing the same file adds nothing', async () => {
    const mapping = await mappingFor(GOOD)
    await core.ok('import.run', { file: file(GOOD), mapping, dryRun: false })
    const counts = async () => ({
      customers: (await core.db.selectFrom('customers').select('id').execute()).length,
      vehicles: (await core.db.selectFrom('vehicles').select('id').execute()).length,
      readings: (await core.db.selectFrom('odometer_readings').select('id').execute()).length,
      activities: (await core.db.selectFrom('activities').select('id').execute()).length,
    })
    const before = await counts()
    const again = await core.ok('import.run', { file: file(GOOD), mapping, dryRun: false })
    expect(again).toMatchObject({ customers: 0, vehicles: 0, readings: 0, services: 0, alreadyThere: 3, planned: 0 })
    expect(await counts()).toEqual(before)
    const preview = await core.ok('import.preview', { file: file(GOOD) })
    expect(preview.problems).toEqual([])
  })

  it('is all or nothing: a failure on the last vehicle leaves no customer or vehicle behind', async () => {
    if (testDialect() === 'postgres') {
      await sql`create function fail_last() returns trigger language plpgsql as $$
        begin if new.vin = 'JTDKB20U093456789' then raise exception 'disk trouble'; end if; return new; end $$`.execute(core.db)
      await sql`create trigger fail_last before insert on vehicles for each row execute function fail_last()`.execute(core.db)
    } else {
      await sql`create trigger fail_last before insert on vehicles when new.vin = 'JTDKB20U093456789'
        begin select raise(abort, 'disk trouble'); end`.execute(core.db)
    }
    const error = await core.refused('import.run', { file: file(GOOD), mapping: await mappingFor(GOOD), dryRun: false })
    expect(error.message).toMatch(/disk trouble/)
    expect(await core.db.selectFrom('customers').select('id').execute()).toEqual([])
    expect(await core.db.selectFrom('vehicles').select('id').execute()).toEqual([])
  })

  it('reports progress on its own job, from the first event to the finished one', async () => {
    const events: ProgressEvent[] = []
    const off = core.events.on('progress', (e) => events.push(e))
    await core.ok('import.run', { file: file(GOOD), mapping: await mappingFor(GOOD), dryRun: false, job: 'import-7' })
    off()
    expect(events.every((e) => e.job === 'import-7')).toBe(true)
    expect(events[0]).toMatchObject({ done: 0, finished: false })
    expect(events.at(-1)).toMatchObject({ finished: true })
    expect(events.some((e) => e.label === 'Planning the imported vehicles')).toBe(true)
  })

  it('imports a customer list on its own (no vehicle columns)', async () => {
    const rows = [
      ['Name', 'Email', 'Phone'],
      ['Ada Fleet', 'ada@fleet.test', '555-0100'],
      ['Bo Cars', '', ''],
    ]
    const first = await core.ok('import.run', { file: file(rows), mapping: await mappingFor(rows), dryRun: false })
    expect(first).toMatchObject({ customers: 2, vehicles: 0 })
    const again = await core.ok('import.run', { file: file(rows), mapping: await mappingFor(rows), dryRun: false })
    expect(again).toMatchObject({ customers: 0, alreadyThere: 2 })
    expect((await core.ok('customers.list', {})).map((c) => c.name)).toEqual(['Ada Fleet', 'Bo Cars'])
  })

  it('imports from an Excel workbook the same way', async () => {
    const base64 = xlsxBase64([
      ['Customer Name', 'VIN', 'Make', 'Model', 'Model Year', 'Odometer'],
      ['Ada Fleet', '1FTBW2CM5HKA77777', 'Ford', 'Transit', 2020, 41000],
    ])
    const xlsx = { format: 'xlsx' as const, name: 'fleet.xlsx', base64 }
    const preview = await core.ok('import.preview', { file: xlsx })
    expect(preview.mapping.fields).toEqual({ customerName: 0, vin: 1, make: 2, model: 3, year: 4, odometerMiles: 5 })
    const result = await core.ok('import.run', { file: xlsx, mapping: preview.mapping, dryRun: false })
    expect(result).toMatchObject({ customers: 1, vehicles: 1, readings: 1 })
    expect((await core.ok('vehicles.list', {}))[0]).toMatchObject({ vin: '1FTBW2CM5HKA77777', year: 2020, onboardingDate: TODAY })
  })

  it('refuses a vehicle for an inactive customer', async () => {
    const c = await core.ok('customers.create', { name: 'José Álvarez' })
    await core.ok('customers.setActive', { id: c.id, active: false })
    const preview = await core.ok('import.preview', { file: file(GOOD) })
    expect(preview.problems).toEqual([{ row: 4, field: 'customerName', message: 'José Álvarez is inactive; reactivate the customer first.' }])
  })
})
