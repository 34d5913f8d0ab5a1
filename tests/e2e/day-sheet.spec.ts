import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, expectNoSeriousA11yViolations, seedVehicle } from './fixtures'

/** A PDF's text as poppler's pdftotext reads it (an independent reader, installed by .ci/run), page by page. */
function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'shop-day-sheet-'))
  try {
    writeFileSync(join(dir, 'sheet.pdf'), pdf)
    return execFileSync('pdftotext', ['-layout', join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test.describe('day sheet', () => {
  test('one printed page per bay with each job, its notes and a sign-off column, opened from the calendar', async ({ page, shop }) => {
    await shop.call('settings.update', { shopName: 'Reyes Auto Care' })
    const bay1 = await shop.call('bays.create', { name: 'Bay 1' })
    const bay2 = await shop.call('bays.create', { name: 'Bay 2' })
    await shop.call('bays.create', { name: 'Bay 3' })
    const sam = await shop.call('technicians.create', { name: 'Sam Ortiz', email: null })
    const types = await shop.call('activityTypes.list', {})
    const minor = types.find((t) => t.name === 'Minor inspection')!
    const civic = await seedVehicle(shop, { make: 'Honda', model: 'Civic', year: 2019, licensePlate: '7KXM 412' })
    const truck = await seedVehicle(shop, { make: 'Ford', model: 'F-150', year: 2021, licensePlate: 'FLT 2201' })
    await shop.call('activities.createManual', {
      vehicleId: civic.id,
      activityTypeId: minor.id,
      start: '2026-03-11T09:00:00-04:00',
      bayId: bay1.id,
      technicianId: sam.id,
      notes: 'Customer waits; check the rear wiper',
    })
    await shop.call('activities.createManual', { vehicleId: truck.id, activityTypeId: minor.id, start: '2026-03-11T13:30:00-04:00', bayId: bay2.id })
    // Another day's booking stays off Wednesday's sheet.
    await shop.call('activities.createManual', { vehicleId: truck.id, activityTypeId: minor.id, start: '2026-03-12T09:00:00-04:00', bayId: bay1.id })

    await page.goto('/#/day-sheet?day=2026-03-11&by=bay')
    const sheets = page.getByRole('region')
    await expect(sheets).toHaveCount(2)
    const bay1Sheet = page.getByRole('region', { name: 'Bay 1 — Wednesday, March 11, 2026' })
    await expect(bay1Sheet).toContainText('Reyes Auto Care · 1 job')
    const row = bay1Sheet.getByRole('row').nth(1)
    for (const text of ['9:00 AM – 10:00 AM', '2019 Honda Civic', '7KXM 412', 'Minor inspection', 'Sam Ortiz', 'Customer waits; check the rear wiper']) {
      await expect(row).toContainText(text)
    }
    await expect(page.getByRole('region', { name: 'Bay 2 — Wednesday, March 11, 2026' })).toContainText('FLT 2201')
    // Bay 3 has nothing that day: no empty sheet.
    await expect(page.getByRole('region', { name: /Bay 3/ })).toHaveCount(0)
    await expectNoSeriousA11yViolations(page)

    // On paper: one page per bay, the controls left off.
    await page.emulateMedia({ media: 'print' })
    const pages = pdfPages(await page.pdf({ format: 'Letter', landscape: true, printBackground: true, preferCSSPageSize: true }))
    expect(pages).toHaveLength(2)
    expect(pages[0]).toContain('Bay 1 — Wednesday, March 11, 2026')
    expect(pages[0]).toMatch(/9:00 AM – 10:00 AM\s+2019 Honda Civic\s+7KXM 412/)
    expect(pages[0]).toMatch(/Customer waits; check\s+the rear\s+wiper/)
    expect(pages[0]).toContain('Done (sign)')
    expect(pages[0]).not.toContain('FLT 2201')
    expect(pages[1]).toContain('Bay 2 — Wednesday, March 11, 2026')
    expect(pages[1]).toContain('FLT 2201')
    expect(pages.join('\n')).not.toContain('Print…')
    await page.emulateMedia({ media: 'screen' })

    // Per technician: the core gave Sam the truck too (inspections need a technician), so his sheet has both.
    await page.getByText('Per technician', { exact: true }).click()
    await expect(page).toHaveURL(/by=technician/)
    const samSheet = page.getByRole('region', { name: 'Sam Ortiz — Wednesday, March 11, 2026' })
    await expect(samSheet).toContainText('2 jobs')
    await expect(samSheet.getByRole('row').nth(1)).toContainText('Bay 1')
    await expect(samSheet.getByRole('row').nth(2)).toContainText('Bay 2')
    await expect(page.getByRole('region')).toHaveCount(1)
  })

  test('the calendar opens the sheet of the day it shows', async ({ page, shop }) => {
    await shop.call('bays.create', { name: 'Bay 1' })
    await page.goto('/#/calendar')
    await page.getByRole('link', { name: 'Day sheet' }).click()
    await expect(page).toHaveURL(/#\/day-sheet\?day=2026-03-10&by=bay$/)
    await expect(page.getByText('Nothing is booked on Tuesday, March 10, 2026.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Print…' })).toBeDisabled()
    await page.getByRole('link', { name: 'Back to the calendar' }).click()
    await expect(page.getByTestId('calendar')).toBeVisible()
  })
})
