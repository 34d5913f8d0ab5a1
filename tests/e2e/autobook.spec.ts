import { test, expect, expectNoSeriousA11yViolations, seedVehicle } from './fixtures'
import { showView } from './support/calendar-view'

// "Now" is the fixtures' default: Tuesday 2026-03-10, 11:00 in New York.

test.describe('Fill the week', () => {
  test('proposes the week, accepts part of it, the bookings survive a reload, and one undo takes exactly them back', async ({ page, shop }) => {
    await shop.call('bays.create', { name: 'Bay 1' })
    await shop.call('bays.create', { name: 'Bay 2' })
    await shop.call('technicians.create', { name: 'Sam Ortiz', email: null })
    await shop.call('technicians.create', { name: 'Rita Gomez', email: null })
    const plates = ['7KXM 412', 'FLEET 7', 'TRK 42', 'VAN 88']
    for (const [i, licensePlate] of plates.entries()) {
      await seedVehicle(shop, { make: 'Ford', model: 'Transit', licensePlate, onboardingDate: `2026-03-1${i}` })
    }
    // Four initial inspections due this week, none booked.
    const due = await shop.call('activities.unbooked', {})
    expect(due).toHaveLength(4)

    await page.goto('/#/calendar')
    await showView(page, 'Week')
    await page.getByRole('button', { name: 'Fill the week' }).click()
    const panel = page.getByRole('region', { name: 'Proposed bookings' })
    const list = panel.getByRole('list', { name: 'Proposed bookings' })
    await expect(list.getByRole('listitem')).toHaveCount(4)
    // Drawn on the calendar, marked as proposals, distinct from real bookings.
    await expect(page.locator('.rbc-event.shop-proposed')).toHaveCount(4)
    await expect(page.locator('.rbc-event.shop-proposed').first()).toContainText('Proposed')
    await expect(panel.getByRole('list', { name: 'Proposed per day' })).toContainText('Tue, Mar 10')
    await expectNoSeriousA11yViolations(page)
    // Nothing is booked yet.
    expect(await shop.call('activities.unbooked', {})).toHaveLength(4)

    // Leave two out: accept only the others.
    const boxes = list.getByRole('checkbox')
    await boxes.nth(1).uncheck()
    await boxes.nth(3).uncheck()
    await expect(page.locator('.rbc-event.shop-proposed')).toHaveCount(2)
    await panel.getByRole('button', { name: 'Accept 2' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Booked 2 of 2' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Proposed bookings' })).toHaveCount(0)
    await expect.poll(async () => (await shop.call('activities.unbooked', {})).length).toBe(2)

    await page.reload()
    await showView(page, 'Week')
    await expect(page.locator('.rbc-time-content .rbc-event:not(.shop-proposed)')).toHaveCount(2)
    await expect(page.locator('.rbc-event.shop-proposed')).toHaveCount(0)
    const undo = page.getByRole('button', { name: 'Undo auto-booking (2)' })
    await expect(undo).toBeVisible()
    await undo.click()
    await expect(page.getByRole('alert').filter({ hasText: 'Unbooked 2' })).toBeVisible()
    await expect(page.locator('.rbc-time-content .rbc-event')).toHaveCount(0)
    await expect(undo).toHaveCount(0)
    expect(await shop.call('activities.unbooked', {})).toHaveLength(4)
  })

  test('says what could not be placed and why', async ({ page, shop }) => {
    await shop.call('bays.create', { name: 'Bay 1' })
    await seedVehicle(shop, { make: 'Honda', model: 'Civic', licensePlate: 'ABC 123', onboardingDate: '2026-03-14' })
    // Closed for the rest of the week: the inspection due Saturday has nowhere to go.
    await shop.call('closures.create', { startsOn: '2026-03-10', endsOn: '2026-03-14', scope: 'shop', reason: 'Renovation' })
    await page.goto('/#/calendar')
    await showView(page, 'Week')
    await page.getByRole('button', { name: 'Fill the week' }).click()
    const panel = page.getByRole('region', { name: 'Proposed bookings' })
    await expect(panel.getByRole('region', { name: 'Not placed (1)' })).toContainText('The shop is not open on any day')
    await expect(panel.getByRole('button', { name: 'Accept 0' })).toBeDisabled()
    await panel.getByRole('button', { name: 'Discard' }).click()
    await expect(page.getByRole('region', { name: 'Unbooked' })).toBeVisible()
  })

  test('Settings → Scheduling → Auto-booking: the buffer, the visit window and the work each technician does, and a proposal that keeps to them', async ({
    page,
    shop,
  }) => {
    await shop.call('bays.create', { name: 'Bay 1' })
    const sam = await shop.call('technicians.create', { name: 'Sam Ortiz', email: null })
    await shop.call('technicians.create', { name: 'Rita Gomez', email: null })
    await seedVehicle(shop, { make: 'Ford', model: 'Transit', licensePlate: 'FLEET 7', onboardingDate: '2026-03-11' })

    await page.goto('/#/settings?tab=scheduling')
    const buffer = page.getByRole('textbox', { name: 'Buffer between jobs (minutes)' })
    await buffer.fill('30')
    await page.getByRole('button', { name: 'Save auto-booking' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Auto-booking settings saved' })).toBeVisible()
    // Sam does no inspections: untick it (saved at once, drawn once stored), and "every kind" goes with it.
    await page.getByRole('checkbox', { name: 'Sam Ortiz: Inspection' }).click()
    await expect(page.getByRole('checkbox', { name: 'Sam Ortiz: every kind of work' })).not.toBeChecked()
    await expect(page.getByRole('checkbox', { name: 'Sam Ortiz: Inspection' })).not.toBeChecked()
    await expectNoSeriousA11yViolations(page)
    await expect
      .poll(async () => (await shop.call('autobook.getSettings', {})).technicians.find((t) => t.id === sam.id)?.categories)
      .toEqual(['maintenance', 'other', 'repair'])
    expect((await shop.call('autobook.getSettings', {})).bufferMinutes).toBe(30)

    await page.goto('/#/calendar')
    await showView(page, 'Week')
    await page.getByRole('button', { name: 'Fill the week' }).click()
    const panel = page.getByRole('region', { name: 'Proposed bookings' })
    // The initial inspection goes to Rita, the one who does inspections.
    await expect(panel.getByRole('list', { name: 'Proposed bookings' })).toContainText('Rita Gomez')
    await expect(panel).toContainText('30 min between jobs')
  })
})

test.describe('Capacity', () => {
  test('a week of booked, open and free hours per bay and technician, idle days marked, due work beside', async ({ page, shop }) => {
    const bay1 = await shop.call('bays.create', { name: 'Bay 1' })
    await shop.call('bays.create', { name: 'Bay 2' })
    const sam = await shop.call('technicians.create', { name: 'Sam Ortiz', email: null })
    const civic = await seedVehicle(shop, { make: 'Honda', model: 'Civic', licensePlate: '7KXM 412', onboardingDate: '2026-03-12' })
    const type = (await shop.call('activityTypes.list', {})).find((t) => t.name === 'Minor inspection')!
    await shop.call('activities.createManual', {
      vehicleId: civic.id,
      activityTypeId: type.id,
      start: '2026-03-11T09:00:00-04:00',
      bayId: bay1.id,
      technicianId: sam.id,
    })

    await page.goto('/#/capacity')
    await expect(page.getByTestId('capacity-range')).toHaveText('Sun, Mar 8 – Sat, Mar 14')
    const table = page.getByRole('table', { name: 'Booked of open hours per bay and technician' })
    const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    // Cells after the row's heading, Sunday first: Wednesday the 11th is the fourth.
    await expect(row('Bay 1').getByRole('cell').nth(3)).toContainText('1 h / 9 h')
    await expect(row('Bay 2').getByRole('cell').nth(3)).toHaveAttribute('data-state', 'idle')
    await expect(row('Sam Ortiz').getByRole('cell').nth(3)).toContainText('8 h free')
    // The initial inspection due Thursday, not booked, beside the free hours.
    await expect(row('Due, not booked').getByRole('cell').nth(4)).toHaveText('2 h')
    await expect(page.getByTestId('capacity-summary')).toContainText('it fits')
    await expectNoSeriousA11yViolations(page)
    await page.getByRole('button', { name: 'Next week' }).click()
    await expect(page.getByTestId('capacity-range')).toHaveText('Sun, Mar 15 – Sat, Mar 21')
  })
})
