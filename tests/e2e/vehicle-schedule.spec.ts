import { test, expect, expectNoSeriousA11yViolations, seedVehicle } from './fixtures'

test.describe('a vehicle schedule', () => {
  test('shows overdue, upcoming and history, and a row opens the activity panel', async ({ page, shop }) => {
    // Onboarded Jan 15: the initial inspection is past due on Mar 10; minor ones follow every 4 months.
    const vehicle = await seedVehicle(shop, { make: 'Toyota', model: 'Camry', licensePlate: 'MCHEN 1', onboardingDate: '2026-01-15' })
    const schedule = await shop.call('activities.forVehicle', { vehicleId: vehicle.id })
    expect(schedule.upcoming.length).toBeGreaterThan(0)

    await page.goto(`/#/vehicles/${vehicle.id}`)
    const upcoming = page.getByRole('region', { name: 'Upcoming' })
    await expect(upcoming.getByRole('listitem')).toHaveCount(schedule.upcoming.length)
    await expect(page.getByRole('region', { name: 'Overdue' }).getByRole('listitem')).toHaveCount(schedule.overdue.length)
    await expect(page.getByRole('region', { name: 'History' })).toContainText('No completed, cancelled or missed work yet.')

    const first = schedule.upcoming[0]!
    // By keyboard: a row is a button.
    await upcoming
      .getByRole('button', { name: new RegExp(`^${first.typeName}, due`) })
      .first()
      .focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog', { name: /Activity/ })).toContainText(first.typeName)
  })

  test('adds an odometer reading; a lower one is refused at the field unless marked as a correction', async ({ page, shop }) => {
    const vehicle = await seedVehicle(shop, { onboardingDate: '2026-01-15', odometerMiles: 48_210 })
    await page.goto(`/#/vehicles/${vehicle.id}`)
    const form = page.getByRole('form', { name: 'Add an odometer reading' })
    const readings = page.getByRole('table', { name: 'Odometer readings' })
    await expect(readings).toContainText('48,210')

    await form.getByRole('textbox', { name: 'Miles' }).fill('51200')
    await form.getByRole('button', { name: 'Add reading' }).click()
    await expect(readings.getByRole('row', { name: /51,200/ })).toContainText('Entered')

    // Lower than the reading just stored: refused, the typed value kept, the reason beside the field.
    const miles = form.getByRole('textbox', { name: 'Miles' })
    await miles.fill('39000')
    await form.getByRole('button', { name: 'Add reading' }).click()
    await expect(form.getByText(/39,000 mi is lower than the reading of 51,200 mi/)).toBeVisible()
    await expect(miles).toHaveAttribute('aria-invalid', 'true')
    await expect(miles).toHaveValue('39,000')
    expect(await shop.call('odometer.list', { vehicleId: vehicle.id })).toHaveLength(2)

    await form.getByRole('checkbox', { name: /Correction/ }).check()
    await form.getByRole('button', { name: 'Add reading' }).click()
    await expect(readings.getByRole('row', { name: /39,000/ })).toContainText('correction')
    const stored = await shop.call('odometer.list', { vehicleId: vehicle.id })
    expect(stored.find((r) => r.miles === 39_000)).toMatchObject({ isCorrection: true, date: '2026-03-10' })
  })

  test('reconcile now previews the counts and the planner notes, then applies them', async ({ page, shop }) => {
    const vehicle = await seedVehicle(shop, { onboardingDate: '2026-01-15', odometerMiles: 20_000 })
    // Added after the vehicle, so its plan lacks them: one months template, one miles-only.
    const tires = await shop.call('activityTypes.create', { name: 'Tire rotation', category: 'maintenance', durationMinutes: 30 })
    const oil = await shop.call('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 45 })
    await shop.call('templates.create', { activityTypeId: tires.id, intervalMonths: 6 })
    await shop.call('templates.create', { activityTypeId: oil.id, intervalMiles: 5000 })
    const expected = await shop.call('schedule.previewVehicle', { vehicleId: vehicle.id })
    expect(expected.add).toBeGreaterThan(0)
    expect(expected.notes.length).toBeGreaterThan(0)

    await page.goto(`/#/vehicles/${vehicle.id}`)
    await expect(page.getByRole('region', { name: 'Upcoming' })).not.toContainText('Tire rotation')
    // The page itself says the plan is stale and why the oil change is not planned.
    await expect(page.getByText(/The plan is out of date \(\d+ to add/)).toBeVisible()
    await expect(page.getByText(/Oil change \(every 5000 miles\) plans nothing/)).toBeVisible()
    await page.getByRole('button', { name: 'Reconcile now' }).click()
    const dialog = page.getByRole('dialog', { name: "Reconcile this vehicle's schedule" })
    await expect(dialog.getByTestId('count-add')).toContainText(String(expected.add))
    await expect(dialog).toContainText('Oil change (every 5000 miles) plans nothing')
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await dialog.getByRole('button', { name: 'Reconcile' }).click()
    await expect(dialog.getByRole('status')).toContainText(`${expected.add} added`)
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect(page.getByRole('region', { name: 'Upcoming' })).toContainText('Tire rotation')
    await expect(page.getByText(/The plan is out of date/)).toHaveCount(0)
  })

  test('schedule all vehicles shows the counts, then a progress bar, then the result', async ({ page, shop }) => {
    for (const plate of ['NSP-104', 'NSP-105', 'NSP-106']) await seedVehicle(shop, { make: 'Ford', model: 'Transit 250', licensePlate: plate })
    await shop.call('settings.update', { horizonMonths: 24 })
    const expected = await shop.call('schedule.previewAll', {})
    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'Schedule all vehicles' }).click()
    const dialog = page.getByRole('dialog', { name: 'Schedule all vehicles' })
    await expect(dialog).toContainText('3 active vehicles checked')
    await expect(dialog.getByTestId('count-add')).toContainText(String(expected.add))
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await dialog.getByRole('button', { name: 'Apply to all vehicles' }).click()
    await expect(dialog.getByRole('status')).toContainText(`3 vehicles reconciled`)
    // The bar is fed by the core's progress events: full, with the job's own count.
    await expect(dialog.getByRole('progressbar', { name: 'Scheduling progress' })).toHaveAttribute('aria-valuenow', '100')
    await expect(dialog).toContainText('Scheduling all vehicles (3 of 3)')
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
  })

  test('a vehicle page has no serious accessibility violation', async ({ page, shop }) => {
    const vehicle = await seedVehicle(shop, { onboardingDate: '2025-11-04', odometerMiles: 48_210 })
    await page.goto(`/#/vehicles/${vehicle.id}`)
    await expect(page.getByRole('region', { name: 'Upcoming' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
})
