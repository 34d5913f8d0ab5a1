import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import type { Page } from '@playwright/test'
import { test, expect, expectNoSeriousA11yViolations } from './fixtures'
import { seedReference } from './support/seed-reference'
import { saveScreen } from './support/screens'

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Import customers and vehicles' })

const FLEETS = [
  ['Müller Logistik', 'fleet@mueller.example', '+49 30 555 0101'],
  ['José Álvarez', 'jose@alvarez.example', '(617) 555-0134'],
  ['Harbor Plumbing Co.', 'office@harborplumbing.example', '(617) 555-0188'],
  ['Dana Reyes', '', '(617) 555-0142'],
] as const
const MODELS = [
  ['Ford', 'Transit', '2019'],
  ['Ram', 'ProMaster', '2021'],
  ['Toyota', 'Tacoma', '2018'],
  ['Honda', 'Odyssey', '2020'],
] as const

/** A realistic fleet list: twelve vans and pickups of four owners, dates as a US office writes them, one bad VIN. */
function fleetCsv(): string {
  const rows: string[][] = [['Customer', 'Email', 'Phone', 'VIN', 'Make', 'Model', 'Year', 'Plate', 'Onboarded', 'Mileage', 'Last oil change']]
  for (let i = 0; i < 12; i++) {
    const [name, email, phone] = FLEETS[i % 4]!
    const [make, model, year] = MODELS[i % 4]!
    rows.push([
      name,
      email,
      phone,
      `1FTBW2CM5HKA${String(10100 + i)}`,
      make,
      model,
      year,
      `${7 + i}KX ${400 + i}`,
      `0${1 + (i % 9)}/15/2025`,
      String(21000 + i * 3150),
      i % 3 === 0 ? '' : `0${1 + (i % 2)}/0${2 + (i % 7)}/2026`,
    ])
  }
  rows[6]![3] = '1FTBW2CM5HKA1O106' // a letter O where a zero belongs: not a VIN
  return Papa.unparse(rows)
}

test.describe('fleet import and CSV export', () => {
  test('import a CSV with a bad row: see the problem, dry run without it, import, see the vehicles and their plans', async ({ page, shop }) => {
    await seedReference(shop)
    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'Import…' }).click()
    const wizard = dialog(page)
    await wizard.locator('input[type="file"]').setInputFiles({ name: 'fleet.csv', mimeType: 'text/csv', buffer: Buffer.from(fleetCsv()) })
    await expect(wizard.getByRole('status')).toContainText('fleet.csv: 12 rows and 11 columns.')
    await wizard.getByRole('button', { name: 'Next: columns' }).click()

    // Guessed from the headers, the last-service column included.
    await expect(wizard.getByRole('combobox', { name: 'Customer name' })).toHaveValue('Customer')
    await expect(wizard.getByRole('combobox', { name: 'Last odometer (miles)' })).toHaveValue('Mileage')
    await expect(wizard.getByRole('combobox', { name: 'Last Oil change (date)' })).toHaveValue('Last oil change')
    await expect(wizard.getByRole('combobox', { name: 'Customer email' })).toHaveValue('Email')
    await saveScreen(page, 'import-columns')
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await wizard.getByRole('button', { name: 'Next: check rows' }).click()

    await expect(wizard.getByRole('table', { name: 'First rows of the file' })).toContainText('Müller Logistik')
    const problems = wizard.getByRole('table', { name: 'Problems found' })
    await expect(problems.getByRole('row')).toHaveCount(2)
    await expect(problems.getByRole('row').nth(1)).toContainText('7VINA VIN uses digits and letters other than I, O and Q')
    await expect(wizard.getByRole('button', { name: 'Dry run', exact: true })).toBeDisabled()
    await saveScreen(page, 'import-problems')
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })

    // No fixing the file: the bad row is left out, the dry run shows what would happen.
    await wizard.getByRole('checkbox', { name: /Leave out the 1 row with problems/ }).check()
    await wizard.getByRole('button', { name: 'Dry run', exact: true }).click()
    await expect(wizard.getByText('Dry run: nothing was saved')).toBeVisible()
    await expect(wizard.getByRole('status').filter({ hasText: 'Importing would add' })).toContainText(
      '4 new customers, 11 vehicles, 11 odometer readings, 7 last services',
    )
    expect(await shop.call('vehicles.list', {})).toEqual([])
    await saveScreen(page, 'import-dry-run')

    await wizard.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(wizard.getByText('Imported', { exact: true })).toBeVisible()
    await expect(wizard.getByRole('progressbar', { name: 'Import progress' })).toBeVisible()
    await expect(wizard.getByText(/Done \(1 of 1\)/)).toBeVisible()
    await saveScreen(page, 'import-done')
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await wizard.getByRole('button', { name: 'Done' }).click()

    await expect(page.getByText('11 vehicles')).toBeVisible()
    await saveScreen(page, 'import-vehicles-list')
    await page.getByRole('textbox', { name: 'Search vehicles' }).fill('muller')
    await expect(page.getByText('3 vehicles')).toBeVisible()
    const row = page.getByRole('row', { name: /2019 Ford Transit/ }).first()
    await expect(row).toContainText('Müller Logistik')
    await row.getByRole('link', { name: '2019 Ford Transit' }).click()
    await expect(page.getByRole('heading', { name: '2019 Ford Transit' })).toBeVisible()
    // Its plan was made by the import's one re-plan: the planned work is on the vehicle's page.
    await expect(page.getByText('Tire rotation').first()).toBeVisible()
    await expect(page.getByText('Oil change').first()).toBeVisible()
    await saveScreen(page, 'import-vehicle-plan')

    const imported = await shop.call('vehicles.list', {})
    expect(imported).toHaveLength(11)
    const schedule = await shop.call('activities.forVehicle', { vehicleId: imported[0]!.id })
    expect(JSON.stringify(schedule)).toContain('scheduled')
  })

  test('export vehicles and customers as CSV and read them back', async ({ page, shop }) => {
    await seedReference(shop)
    const file = { format: 'csv' as const, name: 'fleet.csv', text: fleetCsv() }
    const { mapping } = await shop.call('import.preview', { file })
    await shop.call('import.run', { file, mapping, dryRun: false, leaveOutProblemRows: true })

    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Vehicles' }).click()])
    expect(download.suggestedFilename()).toBe('vehicles-2026-03-10.csv')
    const vehicles = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8'), { header: true, skipEmptyLines: true })
    expect(vehicles.errors).toEqual([])
    expect(vehicles.data).toHaveLength(11)
    expect(vehicles.data.find((r) => r.VIN === '1FTBW2CM5HKA10100')).toMatchObject({
      'Customer name': 'Müller Logistik',
      Make: 'Ford',
      Model: 'Transit',
      Year: '2019',
      'Onboarding date': '2025-01-15',
      'Last odometer (miles)': '21000',
    })
    await expect(page.getByText('11 rows saved')).toBeVisible()

    await page.goto('/#/customers')
    await expect(page.getByText('4 customers')).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.getByRole('button', { name: 'Export CSV' }).click()
    await saveScreen(page, 'export-menu-customers')
    const [customersFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Customers' }).click()])
    const customers = Papa.parse<Record<string, string>>(readFileSync((await customersFile.path())!, 'utf8'), { header: true, skipEmptyLines: true })
    expect(customers.data.map((r) => r['Customer name'])).toEqual(['Dana Reyes', 'Harbor Plumbing Co.', 'José Álvarez', 'Müller Logistik'])
  })
})
