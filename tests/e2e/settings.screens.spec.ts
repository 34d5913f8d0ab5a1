import { test, expect, seedFrontDesk } from './fixtures'
import { saveScreen } from './support/screens'
import { seedReference } from './support/seed-reference'

// Screenshots of every settings tab and a vehicle's schedule with a realistic shop, for a person
// to look at (.tmp/screens). Each waits for seeded data on screen, so none can pass blank.
test.describe('screens: settings and vehicle schedule', () => {
  test('settings tabs', async ({ page, shop }) => {
    await seedReference(shop)
    await seedFrontDesk(shop)
    const tabs: Array<[string, string]> = [
      ['shop', 'Time zone'],
      ['scheduling', 'Planning'],
      ['hours', 'Saturday'],
      ['closures', 'Memorial Day'],
      ['bays', 'Bay 3 (alignment)'],
      ['technicians', 'Jamie Lee'],
      ['types', 'Transmission service'],
      ['templates', 'Every 6 months or 5,000 miles'],
    ]
    for (const [tab, shows] of tabs) {
      await page.goto(`/#/settings?tab=${tab}`)
      await expect(page.getByRole('tabpanel').getByText(shows).first()).toBeVisible()
      if (tab === 'shop') await expect(page.getByRole('textbox', { name: 'Shop name' })).toHaveValue('Riverside Auto Care')
      await saveScreen(page, `settings-${tab}`)
    }

    await page.goto('/#/settings?tab=scheduling')
    await page.getByRole('textbox', { name: 'Inspection interval (months)' }).fill('6')
    await page.getByRole('button', { name: 'Save scheduling' }).click()
    await expect(page.getByTestId('count-move')).toBeVisible()
    await saveScreen(page, 'settings-reconcile-offer')
    await page.getByRole('button', { name: 'Apply to all vehicles' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Schedules updated' })).toBeVisible()
    await saveScreen(page, 'settings-reconcile-done')
    await page.getByRole('button', { name: 'Done' }).click()

    await page.goto('/#/settings?tab=closures')
    await page.getByRole('button', { name: 'Add closure' }).click()
    await page.getByRole('radio', { name: 'One technician (time off)' }).check()
    await saveScreen(page, 'settings-closure-add')
    await page.getByRole('button', { name: 'Cancel' }).click()

    await page.goto('/#/settings?tab=templates')
    await page.getByRole('button', { name: 'Edit the Oil change template' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await saveScreen(page, 'settings-template-edit')
  })

  test('a vehicle page', async ({ page, shop }) => {
    await seedReference(shop)
    const { vehicles } = await seedFrontDesk(shop)
    const civic = vehicles.find((v) => v.licensePlate === '7KXM 412')!
    await shop.call('odometer.add', { vehicleId: civic.id, date: '2026-01-20', miles: 50_115 })
    await shop.call('odometer.add', { vehicleId: civic.id, date: '2026-03-02', miles: 52_940 })
    // Some history: the initial inspection done, an oil change cancelled.
    const schedule = await shop.call('activities.forVehicle', { vehicleId: civic.id })
    const open = [...schedule.overdue, ...schedule.upcoming]
    const initial = open.find((a) => a.origin === 'initial')
    if (initial) {
      const started = await shop.call('activities.start', { id: initial.id, version: initial.version })
      await shop.call('activities.complete', {
        id: started.id,
        version: started.version,
        completedBy: 'Alex Moreno',
        odometer: 48_210,
        completedAt: '2025-11-04T15:30:00Z',
      })
    }
    await shop.call('schedule.reconcileVehicle', { vehicleId: civic.id })
    // One booked, so the timeline shows a booking line (Tue Mar 17, 10:00 in New York).
    const bays = await shop.call('bays.list', {})
    const techs = await shop.call('technicians.list', {})
    const next = (await shop.call('activities.forVehicle', { vehicleId: civic.id })).upcoming[0]!
    await shop.call('activities.book', { id: next.id, version: next.version, start: '2026-03-17T14:00:00Z', bayId: bays[0]!.id, technicianId: techs[0]!.id })

    await page.goto(`/#/vehicles/${civic.id}`)
    await expect(page.getByRole('region', { name: 'Upcoming' }).getByRole('listitem').first()).toBeVisible()
    await saveScreen(page, 'vehicle-schedule')
    await saveScreen(page, 'vehicle-schedule-full', { fullPage: true })
    await page.getByRole('button', { name: 'Reconcile now' }).click()
    await expect(page.getByTestId('count-add')).toBeVisible()
    await saveScreen(page, 'vehicle-reconcile')
    await page.keyboard.press('Escape')

    await shop.call('settings.update', { inspectionIntervalMonths: 3 })
    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'Schedule all vehicles' }).click()
    await expect(page.getByTestId('count-move')).toBeVisible()
    await saveScreen(page, 'vehicles-schedule-all')
  })
})
