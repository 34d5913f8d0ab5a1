import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testCore, type TestCore } from '../../helpers/core'

let core: TestCore
beforeEach(async () => {
  core = await testCore({ now: '2025-06-16T12:00:00Z' })
})
afterEach(() => core.dispose())

const parse = (content: string) => Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true })

const FLEET = Papa.unparse([
  ['Customer name', 'Customer email', 'Customer phone', 'VIN', 'Make', 'Model', 'Year', 'License plate', 'Onboarding date', 'Odometer'],
  ['Müller, "Logistik"', 'fleet@mueller.test', '+49 30 1234', '1FTBW2CM5HKA12345', 'Ford', 'Transit', '2017', 'B-ML 101', '2024-01-15', '84200'],
  ['=HYPERLINK("http://x")', '', '', '1FTBW2CM5HKA12346', 'Ford', 'Transit', '2018', '', '2024-01-15', ''],
])

async function importFleet() {
  const file = { format: 'csv' as const, name: 'fleet.csv', text: FLEET }
  const { mapping } = await core.ok('import.preview', { file })
  await core.ok('import.run', { file, mapping, dryRun: false })
}

describe('CSV export', () => {
  it('exports customers with a header row, quoting what needs it', async () => {
    await importFleet()
    const file = await core.ok('export.csv', { kind: 'customers' })
    expect(file).toMatchObject({ fileName: 'customers-2025-06-16.csv', mimeType: 'text/csv', rows: 2 })
    const { data, errors } = parse(file.content)
    expect(errors).toEqual([])
    expect(data.map((r) => [r['Customer name'], r['Customer email'], r['Customer phone'], r['Active vehicles']])).toEqual([
      // A cell a spreadsheet would run as a formula is defused.
      ['\'=HYPERLINK("http://x")', '', '', '1'],
      ['Müller, "Logistik"', 'fleet@mueller.test', '+49 30 1234', '1'],
    ])
  })

  it('exports vehicles with their last odometer reading, in a form that imports back unchanged', async () => {
    await importFleet()
    const file = await core.ok('export.csv', { kind: 'vehicles' })
    const { data } = parse(file.content)
    expect(data.find((r) => r.VIN === '1FTBW2CM5HKA12345')).toMatchObject({
      'Customer name': 'Müller, "Logistik"',
      VIN: '1FTBW2CM5HKA12345',
      Make: 'Ford',
      Model: 'Transit',
      Year: '2017',
      'License plate': 'B-ML 101',
      'Onboarding date': '2024-01-15',
      Status: 'active',
      'Last odometer (miles)': '84200',
      'Odometer read on': '2025-06-16',
    })
    const back = { format: 'csv' as const, name: file.fileName, text: file.content }
    const preview = await core.ok('import.preview', { file: back })
    expect(preview.problems).toEqual([])
    // The defused formula's apostrophe is dropped on the way back in, as spreadsheets do.
    expect(preview.counts).toMatchObject({ vehicles: 0, customers: 0, alreadyThere: 2 })
  })

  it('exports every activity with its vehicle, customer and status', async () => {
    await importFleet()
    const file = await core.ok('export.csv', { kind: 'activities' })
    const { data } = parse(file.content)
    const total = (await core.db.selectFrom('activities').select('id').execute()).length
    expect(data).toHaveLength(total)
    expect(file.rows).toBe(total)
    expect(data[0]).toMatchObject({ Activity: 'Initial full inspection', Status: 'scheduled', VIN: expect.stringMatching(/^1FTBW/) })
    expect(data.map((r) => r['Due date'])).toEqual([...data.map((r) => r['Due date'])].sort())
  })

  it('leaves inactive customers out when asked', async () => {
    const c = await core.ok('customers.create', { name: 'Gone Fleet' })
    await core.ok('customers.setActive', { id: c.id, active: false })
    expect(parse((await core.ok('export.csv', { kind: 'customers' })).content).data).toHaveLength(1)
    expect(parse((await core.ok('export.csv', { kind: 'customers', includeInactive: false })).content).data).toHaveLength(0)
  })
})
