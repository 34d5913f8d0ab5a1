import type { Page } from '@playwright/test'
import { test, expect, expectNoSeriousA11yViolations, seedVehicle } from './fixtures'
import { box } from './support/pointer'
import { seedReference } from './support/seed-reference'

/** Whether the calendar's month view shows activity `id` inside the cell of `day` (YYYY-MM-DD). */
async function expectInMonthCell(page: Page, id: number, day: string) {
  const event = page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${id}"]`) })
  await expect(event).toBeVisible()
  const e = await box(event)
  const header = await box(page.locator(`.rbc-date-cell:has([data-date="${day}"])`))
  const row = await box(page.locator('.rbc-month-row', { has: page.locator(`[data-date="${day}"]`) }))
  const [cx, cy] = [e.x + e.width / 2, e.y + e.height / 2]
  expect(cx > header.x && cx < header.x + header.width && cy > row.y && cy < row.y + row.height, `activity ${id} in the ${day} cell`).toBe(true)
}

test.describe('settings', () => {
  test('changing the inspection interval previews the counts, applies them and moves the planned inspections', async ({ page, shop }) => {
    // Onboarded Jan 15 with the default 4-month interval: a minor inspection on May 15, none in April.
    const vehicle = await seedVehicle(shop, { make: 'Mazda', model: 'CX-5', licensePlate: '2PRY 808', onboardingDate: '2026-01-15' })
    const before = await shop.call('activities.forVehicle', { vehicleId: vehicle.id })
    const firstMinor = before.upcoming.find((a) => a.origin === 'inspection' && a.dueDate === '2026-05-15')
    expect(firstMinor, 'the first minor inspection is planned for May 15').toBeDefined()

    await page.goto('/#/settings?tab=scheduling')
    const interval = page.getByRole('textbox', { name: 'Inspection interval (months)' })
    await expect(interval).toHaveValue('4')
    await interval.fill('3')
    await page.getByRole('button', { name: 'Save scheduling' }).click()

    const dialog = page.getByRole('dialog', { name: 'Update vehicle schedules?' })
    await expect(dialog).toContainText('The inspection interval changed')
    // The counts on screen are the core's own preview of this database, not a guess.
    const expected = await shop.call('schedule.previewAll', {})
    expect(expected.add + expected.move + expected.remove).toBeGreaterThan(0)
    await expect(dialog.getByTestId('count-add')).toContainText(String(expected.add))
    await expect(dialog.getByTestId('count-move')).toContainText(String(expected.move))
    await expect(dialog.getByTestId('count-remove')).toContainText(String(expected.remove))
    await expect(dialog).toContainText('1 active vehicle checked')

    await dialog.getByRole('button', { name: 'Apply to all vehicles' }).click()
    await expect(dialog.getByRole('status')).toContainText('Schedules updated')
    await expect(dialog.getByRole('status')).toContainText(`${expected.add} added, ${expected.move} moved, ${expected.remove} removed`)
    await dialog.getByRole('button', { name: 'Done' }).click()

    // Stored, and nothing left to reconcile.
    expect((await shop.call('settings.get', {})).inspectionIntervalMonths).toBe(3)
    expect(await shop.call('schedule.previewAll', {})).toMatchObject({ add: 0, move: 0, remove: 0 })

    // The vehicle's schedule now has the inspection every 3 months: Apr 15, not May 15.
    await page.goto(`/#/vehicles/${vehicle.id}`)
    const upcoming = page.getByRole('region', { name: 'Upcoming' })
    await expect(upcoming.getByRole('button', { name: /Minor inspection, due Apr 15, 2026/ })).toBeVisible()
    await expect(upcoming.getByRole('button', { name: /Minor inspection, due May 15, 2026/ })).toHaveCount(0)

    // And on the calendar: the same inspection moved from May 15 to April 15.
    expect((await shop.call('activities.get', { id: firstMinor!.id })).dueDate).toBe('2026-04-15')
    await page.goto('/#/calendar')
    await expect(page.getByTestId('calendar-range')).toContainText('March 2026')
    await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.getByTestId('calendar-range')).toContainText('April 2026')
    await expectInMonthCell(page, firstMinor!.id, '2026-04-15')
  })

  test('a change made elsewhere shows in an untouched form; one being edited keeps what was typed', async ({ page, shop }) => {
    await page.goto('/#/settings?tab=scheduling')
    const horizon = page.getByRole('textbox', { name: 'Planning horizon (months)' })
    await expect(horizon).toHaveValue('12')
    await shop.call('settings.update', { horizonMonths: 18 })
    await expect(horizon).toHaveValue('18')

    await page.getByRole('textbox', { name: 'Remind days before' }).fill('5')
    await shop.call('settings.update', { horizonMonths: 24 })
    // Give the change event time to arrive and refetch, then check nothing typed was replaced.
    await expect.poll(async () => (await shop.call('settings.get', {})).horizonMonths).toBe(24)
    await page.waitForLoadState('networkidle')
    await expect(page.getByRole('textbox', { name: 'Remind days before' })).toHaveValue('5')
    await expect(horizon).toHaveValue('18')
  })

  test('a refused save keeps what was typed and shows why next to the field', async ({ page }) => {
    await page.goto('/#/settings?tab=scheduling')
    await page.getByRole('textbox', { name: 'Inspection interval (months)' }).fill('30')
    await page.getByRole('textbox', { name: 'Due soon within days' }).fill('21')
    await page.getByRole('button', { name: 'Save scheduling' }).click()
    await expect(page.getByText('At most 24 months')).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Due soon within days' })).toHaveValue('21')
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })

  test('adds a closure for one bay, offers to reconcile, and deletes it after asking', async ({ page, shop }) => {
    await shop.call('bays.create', { name: 'Bay 1' })
    await shop.call('bays.create', { name: 'Bay 2' })
    await page.goto('/#/settings?tab=closures')
    await expect(page.getByText('No closures from today on.')).toBeVisible()

    await page.getByRole('button', { name: 'Add closure' }).click()
    const form = page.getByRole('dialog', { name: 'Add a closure' })
    await form.getByRole('radio', { name: 'One bay' }).check()
    // No bay chosen yet: refused at the field, the rest of the form kept.
    await form.getByRole('textbox', { name: 'Reason' }).fill('Lift service')
    await form.getByRole('button', { name: 'Add closure' }).click()
    await expect(form.getByText('Choose the bay')).toBeVisible()
    await expect(form.getByRole('textbox', { name: 'Reason' })).toHaveValue('Lift service')
    // Escape asks before throwing the typing away.
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Discard what you typed?' }).getByRole('button', { name: 'Keep editing' }).click()
    await expect(form.getByRole('textbox', { name: 'Reason' })).toHaveValue('Lift service')

    await form.getByRole('combobox', { name: 'Bay' }).click()
    await page.getByRole('option', { name: 'Bay 2' }).click()
    await form.getByRole('button', { name: 'Add closure' }).click()
    await expect(form).toBeHidden()

    const offer = page.getByRole('dialog', { name: 'Update vehicle schedules?' })
    await expect(offer).toContainText('A closure was added')
    await expect(offer.getByTestId('count-add')).toBeVisible()
    await offer.getByRole('button', { name: 'Not now' }).click()

    const row = page.getByRole('row', { name: /Mar 10, 2026/ })
    await expect(row).toContainText('Bay: Bay 2')
    await expect(row).toContainText('Lift service')
    const stored = await shop.call('closures.list', {})
    expect(stored).toMatchObject([{ scope: 'bay', startsOn: '2026-03-10', endsOn: '2026-03-10', reason: 'Lift service' }])

    await row.getByRole('button', { name: /Delete closure/ }).click()
    const confirm = page.getByRole('dialog', { name: 'Delete this closure?' })
    await confirm.getByRole('button', { name: 'Keep it' }).click()
    expect(await shop.call('closures.list', {})).toHaveLength(1)
    await row.getByRole('button', { name: /Delete closure/ }).click()
    await page.getByRole('dialog', { name: 'Delete this closure?' }).getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('dialog', { name: 'Update vehicle schedules?' }).getByRole('button', { name: 'Not now' }).click()
    await expect(page.getByText('No closures from today on.')).toBeVisible()
    expect(await shop.call('closures.list', {})).toHaveLength(0)
  })

  test('shop hours: a day closing before it opens is refused at that field; a valid week is stored', async ({ page, shop }) => {
    await page.goto('/#/settings?tab=hours')
    await page.getByRole('textbox', { name: 'Saturday closes' }).fill('07:30')
    await page.getByRole('button', { name: 'Save hours' }).click()
    await expect(page.getByRole('row', { name: /Saturday/ })).toContainText('Closes after it opens')
    expect((await shop.call('hours.get', {})).find((d) => d.weekday === 6)).toMatchObject({ opens: '08:00', closes: '12:00' })

    await page.getByRole('textbox', { name: 'Saturday closes' }).fill('13:00')
    // By keyboard, as the desk would tab through the week.
    await page.getByRole('switch', { name: 'Open on Monday' }).focus()
    await page.keyboard.press('Space')
    await expect(page.getByRole('row', { name: /Monday/ })).toContainText('Closed all day')
    await page.getByRole('button', { name: 'Save hours' }).click()
    await expect(page.getByRole('dialog', { name: 'Update vehicle schedules?' })).toContainText('The shop hours changed')
    const stored = await shop.call('hours.get', {})
    expect(stored.find((d) => d.weekday === 6)).toMatchObject({ opens: '08:00', closes: '13:00' })
    expect(stored.find((d) => d.weekday === 1)).toMatchObject({ opens: null, closes: null })
  })

  test('a template needs at least one interval, said next to the months field', async ({ page, shop }) => {
    await shop.call('activityTypes.create', { name: 'Tire rotation', category: 'maintenance', durationMinutes: 30 })
    await page.goto('/#/settings?tab=templates')
    await page.getByRole('button', { name: 'Add template' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a maintenance template' })
    await dialog.getByRole('combobox', { name: 'Work' }).click()
    await page.getByRole('option', { name: 'Tire rotation' }).click()
    await dialog.getByRole('button', { name: 'Add template' }).click()
    await expect(dialog.getByText('Give at least one interval (months, days or miles)')).toBeVisible()
    await dialog.getByRole('textbox', { name: 'Months' }).fill('6')
    await dialog.getByRole('button', { name: 'Add template' }).click()
    await expect(page.getByRole('row', { name: /Tire rotation/ })).toContainText('Every 6 months')
    await expect(page.getByRole('dialog', { name: 'Update vehicle schedules?' })).toBeVisible()
  })

  test('a bay name already taken is refused next to the name, and a bay can be retired', async ({ page, shop }) => {
    await shop.call('bays.create', { name: 'Bay 1' })
    await page.goto('/#/settings?tab=bays')
    await page.getByRole('button', { name: 'Add bay' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a bay' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Bay 1')
    await dialog.getByRole('button', { name: 'Add bay' }).click()
    await expect(dialog.getByText('There is already a bay named "Bay 1"')).toBeVisible()
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Bay 1')
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Bay 2 (alignment)')
    await dialog.getByRole('button', { name: 'Add bay' }).click()
    await expect(page.getByRole('row', { name: /Bay 2 \(alignment\)/ })).toContainText('Active')

    await page.getByRole('button', { name: 'Edit Bay 1' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit Bay 1' })
    await edit.getByRole('switch', { name: 'In use' }).focus()
    await page.keyboard.press('Space')
    await edit.getByRole('button', { name: 'Save bay' }).click()
    await expect(page.getByRole('row', { name: /Bay 1/ })).toContainText('Out of use')
    expect((await shop.call('bays.list', { includeInactive: true })).find((b) => b.name === 'Bay 1')).toMatchObject({ active: false })

    // The calendar's column order.
    await page.getByRole('button', { name: 'Move Bay 2 (alignment) up' }).click()
    await expect(page.getByRole('row').nth(1)).toContainText('Bay 2 (alignment)')
    expect((await shop.call('bays.list', { includeInactive: true })).map((b) => b.name)).toEqual(['Bay 2 (alignment)', 'Bay 1'])
  })

  test('built-in activity types cannot be deleted; others can, after asking', async ({ page, shop }) => {
    await shop.call('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 45 })
    await page.goto('/#/settings?tab=types')
    const initial = page.getByRole('row', { name: /Initial full inspection/ })
    await expect(initial).toContainText('Built in')
    await expect(initial.getByRole('button', { name: /Delete/ })).toHaveCount(0)
    await page.getByRole('button', { name: 'Delete Oil change' }).click()
    await page.getByRole('dialog', { name: 'Delete Oil change?' }).getByRole('button', { name: 'Delete' }).click()
    await expect(page.getByRole('row', { name: /Oil change/ })).toHaveCount(0)
  })

  // One test per tab: eight pages of axe in one test outran its time on two busy cores.
  for (const tab of ['shop', 'scheduling', 'hours', 'closures', 'bays', 'technicians', 'types', 'templates']) {
    test(`the ${tab} tab has no serious accessibility violation`, async ({ page, shop }) => {
      await seedReference(shop)
      await page.goto(`/#/settings?tab=${tab}`)
      await expect(page.getByRole('tab', { selected: true })).toBeVisible()
      await expect(page.getByText('Loading…')).toHaveCount(0)
      await expectNoSeriousA11yViolations(page)
    })
  }

  test('its dialogs have no serious accessibility violation', async ({ page, shop }) => {
    await seedReference(shop)
    // A closure being added, a template being edited, the schedule-all preview.
    await page.goto('/#/settings?tab=closures')
    await page.getByRole('button', { name: 'Add closure' }).click()
    await page.getByRole('radio', { name: 'One bay' }).check()
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await page.goto('/#/settings?tab=templates')
    await page.getByRole('button', { name: 'Edit the Oil change template' }).click()
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await page.goto('/#/settings?tab=scheduling')
    await page.getByRole('button', { name: 'Schedule all vehicles' }).click()
    await expect(page.getByTestId('count-add')).toBeVisible()
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
  })
})
