import type { Locator, Page } from '@playwright/test'
import { test, expect, expectNoSeriousA11yViolations, seedVehicle, type ShopServer } from './fixtures'
import { showView } from './support/calendar-view'
import { settled } from './support/motion'
import { seedBooking, seedBusyShop, seedShopFloor, shopInstant, type ShopFloor } from './support/activities-seed'
import { box, drag } from './support/pointer'

// "Now" is the fixtures' default: Tuesday 2026-03-10, 11:00 in New York (EDT, UTC-4).
const TZ = 'America/New_York'

const eventOf = (page: Page, activityId: number): Locator => page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${activityId}"]`) })

/** The month view's cell for `day`: its date header's column and its week row. */
async function monthCell(page: Page, day: string) {
  const header = page.locator(`.rbc-date-cell:has([data-date="${day}"])`)
  const row = page.locator('.rbc-month-row', { has: page.locator(`[data-date="${day}"]`) })
  const [h, r] = [await box(header), await box(row)]
  return { x: h.x, width: h.width, y: r.y, height: r.height }
}

/** The time grid's y for `label` ("10:00 AM") and the x range of the column headed `resource`. */
async function timeGridSpot(page: Page, label: string, resource?: string) {
  const line = await box(page.locator('.rbc-time-gutter .rbc-label', { hasText: new RegExp(`^${label}$`) }))
  const columns = page.locator('.rbc-time-content .rbc-day-slot')
  let column = await box(columns.first())
  if (resource) {
    const header = await box(page.locator('.rbc-time-header .rbc-header', { hasText: new RegExp(`^${resource}$`) }))
    column = { ...column, x: header.x, width: header.width }
  }
  return { x: column.x + column.width / 2, y: line.y, column }
}

async function openDay(page: Page, day: string, grouping?: 'By bay' | 'By technician') {
  await page.goto('/#/calendar')
  await showView(page, 'Day')
  // Only once the heading names one day ("Tue, Mar 10, 2026"), not the week it showed before.
  await expect(page.getByTestId('calendar-range')).toHaveText(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}$/)
  // The calendar opens on today (Tue Mar 10); step forward to the wanted day.
  const target = new Date(`${day}T12:00:00Z`).getUTCDate()
  for (let i = 0; i < 7; i++) {
    const heading = await page.getByTestId('calendar-range').textContent()
    if (heading?.includes(` ${target},`)) break
    await page.getByRole('button', { name: 'Next' }).click()
    // One step at a time: read the heading again only once it shows the next day.
    await expect(page.getByTestId('calendar-range')).not.toHaveText(heading ?? '')
  }
  if (grouping) {
    await page.getByText(grouping, { exact: true }).click()
    // Drawn by columns only once the first column's header names a bay or a technician.
    await expect(page.locator('.rbc-time-header .rbc-row-resource').first()).toBeVisible()
  }
  await expect(page.locator('.rbc-time-view')).toBeVisible()
}

async function floorAndCivic(shop: ShopServer): Promise<ShopFloor & { civicId: number }> {
  const floor = await seedShopFloor(shop)
  const civic = await seedVehicle(shop, { make: 'Honda', model: 'Civic', licensePlate: '7KXM 412', onboardingDate: '2026-01-15' })
  return { ...floor, civicId: civic.id }
}

test.describe('calendar', () => {
  test('"Day" then "Next" clicked at once steps one day, not a month', async ({ page }) => {
    await page.goto('/#/calendar?view=month')
    await expect(page.getByTestId('calendar-range')).toHaveText('March 2026')
    // Both clicks in one go, as a busy machine delivers them: the second comes before the page
    // has redrawn after the first.
    const day = await page.getByText('Day', { exact: true }).elementHandle()
    const next = await page.getByRole('button', { name: 'Next' }).elementHandle()
    await page.evaluate(
      ([d, n]) => {
        type Clickable = { click(): void }
        ;(d as unknown as Clickable).click()
        ;(n as unknown as Clickable).click()
        ;(n as unknown as Clickable).click()
      },
      [day, next],
    )
    await expect(page.getByTestId('calendar-range')).toHaveText('Thu, Mar 12, 2026')
  })

  test('an event dragged to another day in the month view is there after a reload', async ({ page, shop }) => {
    const floor = await seedShopFloor(shop)
    const vehicle = await seedVehicle(shop, { make: 'Toyota', model: 'Camry', licensePlate: 'MCHEN 1' })
    const booked = await seedBooking(shop, TZ, { vehicle, type: floor.types['Oil change']!, day: '2026-03-11', time: '10:00', bay: floor.bays[0] })

    await page.goto('/#/calendar')
    const event = eventOf(page, booked.id)
    await expect(event).toBeVisible()
    const from = await box(event)
    const target = await monthCell(page, '2026-03-19')
    await drag(page, { x: from.x + 20, y: from.y + from.height / 2 }, { x: target.x + target.width / 2, y: target.y + target.height / 2 })

    // Stored: same time of day (10:00 in New York), new day, same bay, next version.
    await expect.poll(async () => (await shop.call('activities.get', { id: booked.id })).start).toBe(shopInstant('2026-03-19', '10:00', TZ))
    const stored = await shop.call('activities.get', { id: booked.id })
    expect(stored).toMatchObject({ bayId: floor.bays[0]!.id, end: shopInstant('2026-03-19', '10:45', TZ), pinned: true })

    await page.reload()
    const moved = await box(eventOf(page, booked.id))
    const cell = await monthCell(page, '2026-03-19')
    expect(moved.x + moved.width / 2).toBeGreaterThan(cell.x)
    expect(moved.x + moved.width / 2).toBeLessThan(cell.x + cell.width)
    expect(moved.y).toBeGreaterThan(cell.y)
    expect(moved.y).toBeLessThan(cell.y + cell.height)
  })

  test('a drop onto a busy bay is refused, says why, and the event goes back', async ({ page, shop }) => {
    const floor = await seedShopFloor(shop)
    const [bay1, bay2] = floor.bays as [NonNullable<ShopFloor['bays'][0]>, NonNullable<ShopFloor['bays'][0]>]
    const camry = await seedVehicle(shop, { make: 'Toyota', model: 'Camry' })
    const transit = await seedVehicle(shop, { make: 'Ford', model: 'Transit 250' })
    await seedBooking(shop, TZ, { vehicle: camry, type: floor.types['Brake service']!, day: '2026-03-11', time: '10:00', bay: bay1 })
    const mover = await seedBooking(shop, TZ, { vehicle: transit, type: floor.types['Diagnostics']!, day: '2026-03-11', time: '10:00', bay: bay2 })

    await openDay(page, '2026-03-11', 'By bay')
    const event = eventOf(page, mover.id)
    const before = await box(event)
    const bay2Header = await box(page.locator('.rbc-time-header .rbc-header', { hasText: /^Bay 2$/ }))
    expect(before.x).toBeGreaterThanOrEqual(bay2Header.x - 1)

    const spot = await timeGridSpot(page, '10:00 AM', 'Bay 1')
    await drag(page, { x: before.x + before.width / 2, y: before.y + 6 }, { x: spot.x, y: spot.y + 6 })

    await expect(page.getByRole('alert').filter({ hasText: 'That time is not free' })).toBeVisible()
    await expect(page.getByRole('alert').filter({ hasText: /Bay 1/ })).toBeVisible()
    // Back in Bay 2 at 10:00, on screen and in the database.
    await expect.poll(async () => (await box(event)).x).toBeCloseTo(before.x, 0)
    expect((await box(event)).y).toBeCloseTo(before.y, 0)
    expect(await shop.call('activities.get', { id: mover.id })).toMatchObject({
      bayId: bay2.id,
      start: shopInstant('2026-03-11', '10:00', TZ),
      version: mover.version,
    })
  })

  test('a drop on a closed day is refused and the event stays where it was', async ({ page, shop }) => {
    const floor = await seedShopFloor(shop)
    const vehicle = await seedVehicle(shop, { make: 'Toyota', model: 'Camry' })
    const booked = await seedBooking(shop, TZ, { vehicle, type: floor.types['Oil change']!, day: '2026-03-11', time: '10:00', bay: floor.bays[0] })

    await page.goto('/#/calendar')
    const event = eventOf(page, booked.id)
    const from = await box(event)
    // Sunday: the shop is closed (default hours).
    const sunday = await monthCell(page, '2026-03-15')
    await drag(page, { x: from.x + 20, y: from.y + from.height / 2 }, { x: sunday.x + sunday.width / 2, y: sunday.y + sunday.height / 2 })

    await expect(page.getByRole('alert').filter({ hasText: 'That time is not free' })).toBeVisible()
    const cell = await monthCell(page, '2026-03-11')
    await expect.poll(async () => (await box(event)).x).toBeGreaterThanOrEqual(cell.x)
    expect((await box(event)).x).toBeLessThan(cell.x + cell.width)
    expect(await shop.call('activities.get', { id: booked.id })).toMatchObject({ start: shopInstant('2026-03-11', '10:00', TZ), version: booked.version })
  })

  test('resizing a booking in the day view stores its new end', async ({ page, shop }) => {
    const floor = await seedShopFloor(shop)
    const vehicle = await seedVehicle(shop, { make: 'Toyota', model: 'Camry' })
    const booked = await seedBooking(shop, TZ, { vehicle, type: floor.types['Oil change']!, day: '2026-03-11', time: '10:00', bay: floor.bays[0] })

    await openDay(page, '2026-03-11')
    const event = eventOf(page, booked.id)
    await event.hover()
    const handle = event.locator('.rbc-addons-dnd-resize-ns-anchor').last()
    const from = await box(handle)
    const eleven = await timeGridSpot(page, '11:00 AM')
    const noon = await timeGridSpot(page, '12:00 PM')
    const halfPast = eleven.y + (noon.y - eleven.y) / 2
    await drag(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: from.x + from.width / 2, y: halfPast + 2 })

    await expect.poll(async () => (await shop.call('activities.get', { id: booked.id })).end).toBe(shopInstant('2026-03-11', '11:30', TZ))
    expect((await shop.call('activities.get', { id: booked.id })).start).toBe(shopInstant('2026-03-11', '10:00', TZ))
  })

  test('an unbooked activity dragged from the list onto a time slot is booked there', async ({ page, shop }) => {
    await seedShopFloor(shop)
    // Onboarded today: its initial full inspection (2 hours) is due today, with no time yet.
    const vehicle = await seedVehicle(shop, { make: 'Mazda', model: 'CX-5', licensePlate: '2PRY 808', onboardingDate: '2026-03-10' })
    const [initial] = await shop.call('activities.unbooked', {})
    expect(initial).toMatchObject({ vehicleId: vehicle.id, start: null, typeName: 'Initial full inspection' })

    await openDay(page, '2026-03-11')
    const item = page.getByRole('list', { name: 'Unbooked activities' }).locator(`[data-activity-id="${initial!.id}"]`)
    await expect(item).toBeVisible()
    const spot = await timeGridSpot(page, '9:00 AM')
    await item.dragTo(page.locator('.rbc-time-content .rbc-day-slot').first(), {
      targetPosition: { x: spot.column.width / 2, y: spot.y - spot.column.y + 4 },
    })

    await expect.poll(async () => (await shop.call('activities.get', { id: initial!.id })).start).toBe(shopInstant('2026-03-11', '09:00', TZ))
    expect((await shop.call('activities.get', { id: initial!.id })).end).toBe(shopInstant('2026-03-11', '11:00', TZ))
    await expect(eventOf(page, initial!.id)).toBeVisible()
    await expect(item).toHaveCount(0)
  })

  test('an unbooked activity dropped on a day of the month view asks for a time on that day', async ({ page, shop }) => {
    await seedShopFloor(shop)
    await seedVehicle(shop, { make: 'Mazda', model: 'CX-5', onboardingDate: '2026-03-10' })
    const [initial] = await shop.call('activities.unbooked', {})

    await page.goto('/#/calendar')
    const item = page.getByRole('list', { name: 'Unbooked activities' }).locator(`[data-activity-id="${initial!.id}"]`)
    const cell = await monthCell(page, '2026-03-12')
    const row = page.locator('.rbc-month-row', { has: page.locator('[data-date="2026-03-12"]') })
    const rowBox = await box(row)
    await item.dragTo(row, { targetPosition: { x: cell.x - rowBox.x + cell.width / 2, y: cell.height / 2 } })

    const dialog = page.getByRole('dialog', { name: 'Book a time' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel('Date')).toHaveValue('Mar 12, 2026')
    await expect(dialog.getByLabel('Time')).toHaveValue('08:00')
    await dialog.getByRole('button', { name: 'Book', exact: true }).click()
    await expect(dialog).toBeHidden()
    expect((await shop.call('activities.get', { id: initial!.id })).start).toBe(shopInstant('2026-03-12', '08:00', TZ))
  })

  test('a booking made elsewhere appears on the open calendar without a reload', async ({ page, shop }) => {
    const floor = await seedShopFloor(shop)
    const vehicle = await seedVehicle(shop, { make: 'Toyota', model: 'Camry' })
    await page.goto('/#/calendar')
    await expect(page.locator('.rbc-month-view')).toBeVisible()
    const made = await seedBooking(shop, TZ, { vehicle, type: floor.types['Oil change']!, day: '2026-03-13', time: '09:00', bay: floor.bays[0] })
    await expect(eventOf(page, made.id)).toBeVisible()
    const cell = await monthCell(page, '2026-03-13')
    const drawn = await box(eventOf(page, made.id))
    expect(drawn.x).toBeGreaterThanOrEqual(cell.x - 1)
    expect(drawn.x).toBeLessThan(cell.x + cell.width)
  })

  test('a file dragged onto the calendar is ignored', async ({ page, shop }) => {
    await seedShopFloor(shop)
    await openDay(page, '2026-03-11')
    const column = page.locator('.rbc-time-content .rbc-day-slot').first()
    const b = await box(column)
    const at = { clientX: b.x + b.width / 2, clientY: b.y + 80, bubbles: true, cancelable: true }
    // Runs in the page; typed by hand because the tests' tsconfig has no DOM.
    const data = await page.evaluateHandle(() => {
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } }
        File: new (parts: string[], name: string, options: { type: string }) => unknown
      }
      const d = new g.DataTransfer()
      d.items.add(new g.File(['x'], 'invoice.pdf', { type: 'application/pdf' }))
      return d
    })
    await column.dispatchEvent('dragover', { ...at, dataTransfer: data })
    await column.dispatchEvent('drop', { ...at, dataTransfer: data })
    // No page error (the fixture checks), nothing booked.
    await expect(page.locator('.rbc-time-view .rbc-event')).toHaveCount(0)
  })

  test('the booking dialog books from the keyboard, with the next free slot', async ({ page, shop }) => {
    const floor = await seedShopFloor(shop)
    const vehicle = await seedVehicle(shop, { make: 'Mazda', model: 'CX-5', onboardingDate: '2026-03-10' })
    const [initial] = await shop.call('activities.unbooked', {})
    // Bay 1 is taken all of tomorrow morning.
    const other = await seedVehicle(shop, { make: 'Ford', model: 'F-150' })
    await seedBooking(shop, TZ, { vehicle: other, type: floor.types['Diagnostics']!, day: '2026-03-11', time: '08:00', bay: floor.bays[0], minutes: 240 })

    await page.goto('/#/calendar')
    await page.getByRole('button', { name: `Book Initial full inspection for ${initial!.vehicleLabel}` }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Book a time' })
    await expect(dialog).toBeVisible()
    await dialog.getByLabel('Date').fill('Mar 11, 2026')
    await page.keyboard.press('Tab') // on to the time: the date's calendar closes
    await dialog.getByRole('combobox', { name: 'Bay' }).click()
    await page.getByRole('option', { name: 'Bay 1' }).click()
    await dialog.getByRole('button', { name: 'Find next free slot' }).click()
    const first = dialog.getByRole('list', { name: 'Free slots' }).getByRole('listitem').first()
    await expect(first).toContainText('Wed, Mar 11, 2026, 12:00 PM')
    await first.click()
    await expect(dialog.getByLabel('Time')).toHaveValue('12:00')
    await dialog.getByRole('button', { name: 'Book', exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect(dialog).toBeHidden()

    expect(await shop.call('activities.get', { id: initial!.id })).toMatchObject({
      vehicleId: vehicle.id,
      start: shopInstant('2026-03-11', '12:00', TZ),
      end: shopInstant('2026-03-11', '14:00', TZ),
      bayId: floor.bays[0]!.id,
    })
  })

  test('completing from the panel stores the status, who, notes and the odometer', async ({ page, shop }) => {
    const { civicId, ...floor } = await floorAndCivic(shop)
    const vehicle = await shop.call('vehicles.get', { id: civicId })
    const booked = await seedBooking(shop, TZ, {
      vehicle,
      type: floor.types['Oil change']!,
      day: '2026-03-10',
      time: '10:30',
      bay: floor.bays[1],
      technician: floor.technicians[0],
    })

    await openDay(page, '2026-03-10')
    await eventOf(page, booked.id).click()
    const panel = page.getByTestId('activity-panel')
    await expect(panel.getByRole('heading', { name: 'Oil change' })).toBeVisible()
    await panel.getByRole('button', { name: 'Start' }).click()
    await expect(panel.getByText('In progress', { exact: true })).toBeVisible()
    await panel.getByRole('button', { name: 'Complete…' }).click()
    await expect(panel.getByLabel('Done by')).toHaveValue('Sam Ortiz')
    await panel.getByLabel('Odometer (miles)').fill('52340')
    await panel.getByLabel('Work notes').fill('5W-30 synthetic, filter replaced.')
    await settled(page)
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="activity-panel"]' })
    await panel.getByRole('button', { name: 'Mark completed' }).click()

    await expect(panel.getByText('Completed', { exact: true }).first()).toBeVisible()
    await expect(panel.locator('[data-field="Odometer"]')).toHaveText('52,340 mi')
    await expect(panel.getByRole('button', { name: 'Start' })).toHaveCount(0)
    await expect(panel.getByLabel('History').getByText('Status: In progress → Completed')).toBeVisible()

    const stored = await shop.call('activities.get', { id: booked.id })
    expect(stored).toMatchObject({
      status: 'completed',
      completionOdometer: 52_340,
      completedBy: 'Sam Ortiz',
      completionNotes: '5W-30 synthetic, filter replaced.',
    })
    const readings = await shop.call('odometer.list', { vehicleId: civicId })
    expect(readings.map((r) => r.miles)).toContain(52_340)
  })

  test('a stale edit in the panel says so and shows the current state', async ({ page, shop }) => {
    const { civicId, ...floor } = await floorAndCivic(shop)
    const vehicle = await shop.call('vehicles.get', { id: civicId })
    const booked = await seedBooking(shop, TZ, { vehicle, type: floor.types['Oil change']!, day: '2026-03-10', time: '13:00' })

    await openDay(page, '2026-03-10')
    await eventOf(page, booked.id).click()
    const panel = page.getByTestId('activity-panel')
    await expect(panel.getByRole('button', { name: 'Start' })).toBeVisible()
    // Someone else's edit lands between the panel's read and its write: the write names the
    // version the panel saw, which is no longer current.
    await page.route('**/ipc/activities.start', async (route) => {
      await shop.call('activities.update', { id: booked.id, version: booked.version, notes: 'Customer waits in the lounge.' })
      await route.continue()
    })
    await panel.getByRole('button', { name: 'Start' }).click()
    await expect(panel.getByRole('alert')).toContainText('Changed elsewhere meanwhile')
    await expect(panel.getByLabel('Notes')).toHaveValue('Customer waits in the lounge.')
    expect((await shop.call('activities.get', { id: booked.id })).status).toBe('scheduled')
    // The cancel form, while the panel is open (checked here as this panel has the button).
    await panel.getByRole('button', { name: 'Cancel activity…' }).click()
    await expect(panel.getByLabel('Reason')).toBeVisible()
    await settled(page)
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="activity-panel"]' })
  })

  test('filters narrow the calendar by vehicle or customer, category and bay', async ({ page, shop }) => {
    const floor = await seedShopFloor(shop)
    const camry = await seedVehicle(shop, { make: 'Toyota', model: 'Camry', licensePlate: 'MCHEN 1' })
    const transit = await seedVehicle(shop, { make: 'Ford', model: 'Transit 250', licensePlate: 'NSP-104' })
    const oil = await seedBooking(shop, TZ, { vehicle: camry, type: floor.types['Oil change']!, day: '2026-03-11', time: '09:00', bay: floor.bays[0] })
    const brakes = await seedBooking(shop, TZ, { vehicle: transit, type: floor.types['Brake service']!, day: '2026-03-12', time: '09:00', bay: floor.bays[1] })

    await page.goto('/#/calendar')
    await expect(eventOf(page, oil.id)).toBeVisible()
    await expect(eventOf(page, brakes.id)).toBeVisible()

    await page.getByLabel('Vehicle or customer').fill('NSP-104')
    await expect(eventOf(page, oil.id)).toHaveCount(0)
    await expect(eventOf(page, brakes.id)).toBeVisible()
    await page.getByLabel('Vehicle or customer').fill('')
    await expect(eventOf(page, oil.id)).toBeVisible()

    await page
      .getByRole('textbox', { name: 'Category' })
      .or(page.getByRole('combobox', { name: 'Category' }))
      .first()
      .click()
    await page.getByRole('option', { name: 'Repair' }).click()
    await page.keyboard.press('Escape')
    await expect(eventOf(page, oil.id)).toHaveCount(0)
    await expect(eventOf(page, brakes.id)).toBeVisible()

    await page.getByRole('combobox', { name: 'Bay' }).click()
    await page.getByRole('option', { name: 'Bay 1' }).click()
    await expect(eventOf(page, brakes.id)).toHaveCount(0)
  })

  // Full-page audits of a busy shop, two to a test: each audit of the week by bay (every bay of
  // every day) takes a while, and six in one test outran its time on a loaded machine.
  test('the month and the week by bay have no serious accessibility problems', async ({ page, shop }) => {
    test.slow()
    await seedBusyShop(shop, TZ)
    await page.goto('/#/calendar')
    await expect(page.locator('.rbc-event').first()).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await showView(page, 'Week')
    await page.getByText('By bay', { exact: true }).click()
    await expect(page.locator('.rbc-time-view .rbc-event').first()).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })

  test('the day by technician and the agenda have no serious accessibility problems', async ({ page, shop }) => {
    test.slow()
    await seedBusyShop(shop, TZ)
    await page.goto('/#/calendar')
    await expect(page.locator('.rbc-event').first()).toBeVisible()
    await showView(page, 'Day')
    await page.getByText('By technician', { exact: true }).click()
    await expect(page.locator('.rbc-time-view .rbc-event').first()).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await showView(page, 'Agenda')
    await expect(page.locator('.rbc-agenda-view')).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })

  test('the activity panel and the booking dialog have no serious accessibility problems', async ({ page, shop }) => {
    test.slow()
    await seedBusyShop(shop, TZ)
    await page.goto('/#/calendar')
    await expect(page.locator('.rbc-event').first()).toBeVisible()
    await showView(page, 'Day')
    await page.locator('.rbc-time-view .rbc-event').first().click()
    await expect(page.getByTestId('activity-panel')).toBeVisible()
    await settled(page)
    await expectNoSeriousA11yViolations(page)
    await page.keyboard.press('Escape')
    await page
      .getByRole('list', { name: 'Unbooked activities' })
      .getByRole('button', { name: /^Book / })
      .first()
      .click()
    await page.getByRole('dialog', { name: 'Book a time' }).getByRole('button', { name: 'Find next free slot' }).click()
    await expect(page.getByRole('list', { name: 'Free slots' })).toBeVisible()
    await settled(page)
    await expectNoSeriousA11yViolations(page)
  })
})
