import type { Page } from '@playwright/test'
import { test, expect, expectNoSeriousA11yViolations, seedVehicle } from './fixtures'
import { seedBooking, seedShopFloor, type ShopFloor } from './support/activities-seed'
import type { ShopServer } from './support/shop-server'

// The completion form and the desk's worker (issue 10 §4). "Now" is 2026-03-10, 11:00 in New York.

/** A booked, started oil change on a Civic whose last reading is 52,000 mi (Mar 1). */
async function startedJob(shop: ShopServer, technician: 'Sam Ortiz' | 'Lee Park' | 'Ana Silva' = 'Lee Park') {
  const floor: ShopFloor = await seedShopFloor(shop)
  const vehicle = await seedVehicle(shop, { make: 'Honda', model: 'Civic', licensePlate: '7KXM 412', onboardingDate: '2026-01-15' })
  await shop.call('odometer.add', { vehicleId: vehicle.id, date: '2026-03-01', miles: 52_000 })
  const booked = await seedBooking(shop, shop.timeZone, {
    vehicle,
    type: floor.types['Oil change']!,
    day: '2026-03-10',
    time: '13:00',
    bay: floor.bays[0],
    technician: floor.technicians.find((t) => t.name === technician),
  })
  const started = await shop.call('activities.start', { id: booked.id, version: booked.version })
  return { floor, vehicle, activity: started }
}

async function openCompletion(page: Page, activityId: number) {
  await page.goto('/#/today')
  await page.locator(`.today-row[data-activity-id="${activityId}"]`).first().click()
  const panel = page.getByTestId('activity-panel')
  await panel.getByRole('button', { name: 'Complete…' }).click()
  return panel
}

test.describe('completing work', () => {
  test('"Done by" offers the active technicians, starts on the booked one, and the history names the one chosen', async ({ page, shop }) => {
    const { floor, activity } = await startedJob(shop, 'Lee Park')
    const sam = floor.technicians.find((t) => t.name === 'Sam Ortiz')!
    await shop.call('technicians.update', { id: sam.id, name: sam.name, email: null, active: false })

    const panel = await openCompletion(page, activity.id)
    const doneBy = panel.getByRole('combobox', { name: 'Done by' })
    await expect(doneBy).toHaveValue('Lee Park')
    await doneBy.click()
    // Active technicians only: Sam Ortiz is inactive.
    await expect(page.getByRole('option')).toHaveText(['Ana Silva', 'Lee Park'])
    await doneBy.fill('ana')
    await expect(page.getByRole('option')).toHaveText(['Ana Silva'])
    await page.getByRole('option', { name: 'Ana Silva' }).click()
    await expect(doneBy).toHaveValue('Ana Silva')
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="activity-panel"]' })
    await panel.getByRole('button', { name: 'Mark completed' }).click()

    await expect(panel.getByText('Completed', { exact: true }).first()).toBeVisible()
    const completed = panel.getByLabel('History').locator('.mantine-Timeline-item', { hasText: 'Status: In progress → Completed' })
    await expect(completed).toContainText('· Ana Silva')
    expect(await shop.call('activities.get', { id: activity.id })).toMatchObject({ status: 'completed', completedBy: 'Ana Silva' })
  })

  test('a reading lower than the last one offers the correction the refusal asks for, and stores it as one', async ({ page, shop }) => {
    const { vehicle, activity } = await startedJob(shop)
    const panel = await openCompletion(page, activity.id)
    const correction = panel.getByRole('checkbox', { name: 'This corrects a wrong earlier reading' })
    await panel.getByLabel('Odometer (miles)').fill('52500')
    await expect(correction).toHaveCount(0)
    await panel.getByLabel('Odometer (miles)').fill('41250')
    await expect(panel.getByText('Lower than the last reading, 52,000 mi on Mar 1, 2026.')).toBeVisible()

    // Not ticked: the core refuses it and nothing is saved.
    await panel.getByRole('button', { name: 'Mark completed' }).click()
    await expect(panel.getByRole('alert')).toContainText('mark it as a correction')
    expect((await shop.call('activities.get', { id: activity.id })).status).toBe('in_progress')
    expect(await shop.call('odometer.list', { vehicleId: vehicle.id })).toHaveLength(1)

    await correction.check()
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="activity-panel"]' })
    await panel.getByRole('button', { name: 'Mark completed' }).click()
    await expect(panel.locator('[data-field="Odometer"]')).toHaveText('41,250 mi')
    const readings = await shop.call('odometer.list', { vehicleId: vehicle.id })
    expect(readings.at(-1)).toMatchObject({ miles: 41_250, isCorrection: true, source: 'completion' })
  })
})

test.describe('who is working', () => {
  test('the header names the person at the desk; every change from then on is recorded under that name, kept across a reload', async ({ page, shop }) => {
    const floor = await seedShopFloor(shop)
    const vehicle = await seedVehicle(shop, { make: 'Honda', model: 'Civic', licensePlate: '7KXM 412' })
    const booked = await seedBooking(shop, shop.timeZone, { vehicle, type: floor.types['Oil change']!, day: '2026-03-10', time: '13:00', bay: floor.bays[0] })

    await page.goto('/#/today')
    // Until someone is chosen: the computer's account (the test core's is "e2e").
    const worker = page.getByTestId('desk-worker')
    await expect(worker).toHaveText('Working: e2e')
    await worker.click()
    const menu = page.getByRole('dialog', { name: 'Who is working at this desk?' })
    await expect(menu.getByRole('button', { name: 'Lee Park' })).toBeVisible()
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await menu.getByRole('button', { name: 'Lee Park' }).click()
    await expect(menu).toBeHidden()
    await expect(worker).toHaveText('Working: Lee Park')

    await page.locator(`.today-row[data-activity-id="${booked.id}"]`).first().click()
    const panel = page.getByTestId('activity-panel')
    await panel.getByRole('button', { name: 'Start' }).click()
    const started = panel.getByLabel('History').locator('.mantine-Timeline-item', { hasText: 'Status: Scheduled → In progress' })
    await expect(started).toContainText('· Lee Park')
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()

    // A name typed by hand, and the choice survives a reload (it is the desk's, not the page's).
    await page.reload()
    await expect(worker).toHaveText('Working: Lee Park')
    await worker.click()
    await menu.getByRole('textbox', { name: 'Someone else' }).fill('Maria Lopez')
    await menu.getByRole('button', { name: 'Use', exact: true }).click()
    await expect(worker).toHaveText('Working: Maria Lopez')
    const current = await shop.call('activities.get', { id: booked.id })
    await shop.call('activities.update', { id: booked.id, version: current.version, notes: 'Waiting in the lounge.' })
    const history = (await shop.call('activities.history', { id: booked.id })).sort((a, b) => a.id - b.id)
    expect(history.map((e) => e.actor).slice(-2)).toEqual(['Lee Park', 'Maria Lopez'])

    // Back to the computer's account.
    await worker.click()
    await menu.getByRole('button', { name: /Use this computer's account \(e2e\)/ }).click()
    await expect(worker).toHaveText('Working: e2e')
  })
})

test.describe('vehicles list', () => {
  test("shows each vehicle's next due work and an overdue marker, sorted by a column kept in the address", async ({ page, shop }) => {
    const customer = await shop.call('customers.create', { name: 'Green Leaf Landscaping' })
    // Each vehicle's initial inspection is due on its onboarding day (the planner makes it).
    await seedVehicle(shop, { customerId: customer.id, make: 'Ford', model: 'Transit', licensePlate: 'GL 101', onboardingDate: '2026-03-02' })
    await seedVehicle(shop, { customerId: customer.id, make: 'Toyota', model: 'Tacoma', licensePlate: 'GL 102', onboardingDate: '2026-03-12' })
    await seedVehicle(shop, { customerId: customer.id, make: 'Chevrolet', model: 'Silverado', licensePlate: 'GL 103', onboardingDate: '2026-03-10' })

    await page.goto('/#/vehicles')
    const table = page.getByRole('table', { name: 'Vehicles' })
    const row = (plate: string) => table.getByRole('row').filter({ hasText: plate })
    await expect(row('GL 101')).toContainText('Initial full inspection')
    await expect(row('GL 101')).toContainText('Mar 2, 2026')
    await expect(row('GL 101').getByText('Overdue', { exact: true })).toBeVisible()
    await expect(row('GL 102')).toContainText('Mar 12, 2026')
    await expect(row('GL 102').getByText('Overdue', { exact: true })).toHaveCount(0)
    const plates = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]?.textContent))

    // By customer (all one customer), then make and model.
    await expect.poll(plates).toEqual(['GL 103', 'GL 101', 'GL 102'])
    await table.getByRole('button', { name: 'Next due' }).click()
    await expect(page).toHaveURL(/sort=next_due/)
    await expect(table.getByRole('columnheader', { name: 'Next due' })).toHaveAttribute('aria-sort', 'ascending')
    await expect.poll(plates).toEqual(['GL 101', 'GL 103', 'GL 102'])
    await page.reload()
    await expect.poll(plates).toEqual(['GL 101', 'GL 103', 'GL 102'])
    await expectNoSeriousA11yViolations(page, { include: 'table' })

    await table.getByRole('button', { name: 'Vehicle' }).click()
    await expect(page).toHaveURL(/sort=vehicle/)
    await expect.poll(plates).toEqual(['GL 103', 'GL 101', 'GL 102'])
    await table.getByRole('button', { name: 'Overdue' }).click()
    await expect.poll(plates).toEqual(['GL 101', 'GL 103', 'GL 102'])
  })
})

test.describe('today', () => {
  test('every overdue item is reachable: the list shows the oldest and "Show all (N)"; names are not cut short', async ({ page, shop }) => {
    const customer = await shop.call('customers.create', { name: 'Green Leaf Landscaping' })
    // Eleven vehicles onboarded in February: each one's initial inspection is overdue.
    for (let day = 1; day <= 11; day++) {
      await seedVehicle(shop, {
        customerId: customer.id,
        make: 'Toyota',
        model: 'Tacoma',
        licensePlate: `GL ${100 + day}`,
        onboardingDate: `2026-02-${String(day).padStart(2, '0')}`,
      })
    }
    const { overdue } = await shop.call('activities.today', {})
    expect(overdue).toHaveLength(11)

    await page.goto('/#/today')
    const card = page.getByRole('region', { name: 'Overdue' })
    const rows = card.locator('[data-activity-id]')
    await expect(rows).toHaveCount(8)
    const showAll = card.getByRole('button', { name: 'Show all (11)' })
    await showAll.click()
    await expect(rows).toHaveCount(11)
    await expect(card.getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true')
    await expectNoSeriousA11yViolations(page, { include: '[aria-labelledby="card-overdue"]' })

    // The vehicle's name shows whole: no room is kept for a booked time no row has.
    const cut = await rows.evaluateAll(
      (els) =>
        els.filter((el) => {
          const title = el.querySelector('[data-row-title]')
          return !title || title.scrollWidth > title.clientWidth || title.scrollHeight > title.clientHeight
        }).length,
    )
    expect(cut).toBe(0)
    await expect(rows.last()).toContainText('Initial full inspection · 2019 Toyota Tacoma (GL 111)')

    // The last one opens like any other.
    await rows.last().click()
    await expect(page.getByTestId('activity-panel')).toContainText('GL 111')
  })
})
