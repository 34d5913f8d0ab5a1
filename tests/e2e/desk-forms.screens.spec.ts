import { test, expect, seedVehicle } from './fixtures'
import { seedBooking, seedBusyShop } from './support/activities-seed'
import { saveScreen } from './support/screens'

// Screenshots of what issue 10 §4's remainders changed, with a busy shop, for a person to look
// at (.tmp/screens). Each checks the page shows what was seeded first, so it cannot pass blank.
test.describe('screens: desk and forms', () => {
  test('vehicles list with next due work, sorted by it', async ({ page, shop }) => {
    await seedBusyShop(shop, shop.timeZone)
    await page.goto('/#/vehicles?sort=next_due')
    const table = page.getByRole('table', { name: 'Vehicles' })
    await expect(table.getByRole('columnheader', { name: 'Next due' })).toHaveAttribute('aria-sort', 'ascending')
    await expect(table.getByText('Overdue', { exact: true }).first()).toBeVisible()
    await saveScreen(page, 'desk-vehicles-next-due')
  })

  test('today with a long overdue list, capped and then whole', async ({ page, shop }) => {
    await seedBusyShop(shop, shop.timeZone)
    const fleet = await shop.call('customers.create', { name: 'Green Leaf Landscaping' })
    for (let day = 1; day <= 9; day++) {
      await seedVehicle(shop, {
        customerId: fleet.id,
        make: 'Toyota',
        model: 'Tacoma',
        licensePlate: `GL ${100 + day}`,
        onboardingDate: `2026-02-${String(day + 10).padStart(2, '0')}`,
      })
    }
    await page.goto('/#/today')
    const card = page.getByRole('region', { name: 'Overdue' })
    const showAll = card.getByRole('button', { name: /^Show all \(\d+\)$/ })
    await expect(showAll).toBeVisible()
    await saveScreen(page, 'desk-today-overdue-capped')
    await showAll.click()
    await expect(card.getByRole('button', { name: 'Show fewer' })).toBeVisible()
    await saveScreen(page, 'desk-today-overdue-all', { fullPage: true })
  })

  test('completion form: who did it, and a lower reading as a correction', async ({ page, shop }) => {
    const busy = await seedBusyShop(shop, shop.timeZone)
    const job = busy.today.find((a) => a.status === 'in_progress')!
    await shop.call('odometer.add', { vehicleId: job.vehicleId, date: '2026-03-01', miles: 61_200 })
    await page.goto('/#/today')
    await page.locator(`.today-row[data-activity-id="${job.id}"]`).first().click()
    const panel = page.getByTestId('activity-panel')
    await panel.getByRole('button', { name: 'Complete…' }).click()
    await panel.getByLabel('Odometer (miles)').fill('16200')
    await expect(panel.getByRole('checkbox', { name: 'This corrects a wrong earlier reading' })).toBeVisible()
    await panel.getByRole('combobox', { name: 'Done by' }).click()
    await expect(page.getByRole('option').first()).toBeVisible()
    await saveScreen(page, 'desk-complete-form')
  })

  test('who is working: the header menu', async ({ page, shop }) => {
    const busy = await seedBusyShop(shop, shop.timeZone)
    await shop.call('desk.setWorker', { name: 'Lee Park' })
    await page.goto('/#/today')
    await expect(page.getByTestId('desk-worker')).toHaveText('Working: Lee Park')
    await page.getByTestId('desk-worker').click()
    await expect(page.getByRole('dialog', { name: 'Who is working at this desk?' })).toBeVisible()
    await saveScreen(page, 'desk-worker-menu')
    await page.keyboard.press('Escape')
    // A change made now is recorded under that name.
    const job = busy.today.find((a) => a.status === 'scheduled')!
    await page.locator(`.today-row[data-activity-id="${job.id}"]`).first().click()
    await page.getByTestId('activity-panel').getByRole('button', { name: 'Start' }).click()
    await expect(page.getByTestId('activity-panel').getByLabel('History')).toContainText('· Lee Park')
    await saveScreen(page, 'desk-history-worker')
  })

  test('a clash named in the screens\u2019 format', async ({ page, shop }) => {
    const busy = await seedBusyShop(shop, shop.timeZone)
    const later = busy.today.find((a) => a.status === 'scheduled' && a.start! > shop.now)!
    // Another job asked into the same bay at the same time, through the booking dialog.
    const other = await seedBooking(shop, shop.timeZone, {
      vehicle: busy.vehicles[6]!,
      type: busy.types['Diagnostics']!,
      day: '2026-03-16',
      time: '10:00',
      bay: busy.bays[0],
    })
    await page.goto('/#/today')
    await page.locator(`.today-row[data-activity-id="${other.id}"]`).first().click()
    const panel = page.getByTestId('activity-panel')
    await panel.getByRole('button', { name: 'Change booking…' }).click()
    const dialog = page.getByRole('dialog', { name: /booking/i })
    await dialog.getByLabel('Date').fill('Mar 10, 2026')
    await dialog
      .getByLabel('Time')
      .fill(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: shop.timeZone }).format(new Date(later.start!)))
    await dialog.getByRole('combobox', { name: 'Bay' }).click()
    await page.getByRole('option', { name: busy.bays.find((b) => b.id === later.bayId)!.name }).click()
    await dialog.getByRole('button', { name: /^(Book|Save|Move)/ }).click()
    await expect(dialog.getByText(/is booked \d{1,2}:\d{2} [AP]M – \d{1,2}:\d{2} [AP]M/)).toBeVisible()
    await saveScreen(page, 'desk-clash-message')
  })
})
