import { test, expect, seedCustomer, seedVehicle } from './fixtures'
import { seedBusyWeek } from './support/busy-week-seed'
import { showView } from './support/calendar-view'
import { saveScreen } from './support/screens'

// "Fill the week" at a four-bay shop in a busy week (.tmp/screens): the proposal drawn beside
// the real bookings (the week, whole shop; a day by bay), with its panel.
test.describe('screens: Fill the week', () => {
  test('the proposal of a busy week', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    const fleet = await seedCustomer(shop, { name: 'Harbor Couriers', email: 'fleet@harborcouriers.example', phone: '555-0142' })
    const arrivals = [
      ['Ram', 'ProMaster', 'HBR 101', '2026-03-10'],
      ['Ram', 'ProMaster', 'HBR 102', '2026-03-10'],
      ['Ford', 'E-Transit', 'HBR 103', '2026-03-11'],
      ['Ford', 'E-Transit', 'HBR 104', '2026-03-12'],
      ['Mercedes-Benz', 'Sprinter', 'HBR 105', '2026-03-12'],
      ['Mercedes-Benz', 'Sprinter', 'HBR 106', '2026-03-13'],
      ['Chevrolet', 'Express', 'HBR 107', '2026-03-13'],
      ['Nissan', 'NV200', 'HBR 108', '2026-03-14'],
    ] as const
    for (const [make, model, licensePlate, onboardingDate] of arrivals) {
      await seedVehicle(shop, { customerId: fleet.id, make, model, year: 2023, licensePlate, onboardingDate })
    }

    await page.goto('/#/calendar')
    await showView(page, 'Week')
    await page.getByRole('button', { name: 'Fill the week' }).click()
    const list = page.getByRole('region', { name: 'Proposed bookings' }).getByRole('list', { name: 'Proposed bookings' })
    await expect(list.getByRole('listitem')).not.toHaveCount(0)
    await expect(page.locator('.rbc-event.shop-proposed').first()).toBeVisible()
    await saveScreen(page, 'autobook-week')

    await page.getByText('By bay', { exact: true }).click()
    await showView(page, 'Day')
    await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.locator('.rbc-event.shop-proposed').first()).toBeVisible()
    await saveScreen(page, 'autobook-day-by-bay')
  })

  test('the capacity of a busy week', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    await page.goto('/#/capacity')
    const table = page.getByRole('table', { name: 'Booked of open hours per bay and technician' })
    await expect(table.getByRole('rowheader', { name: 'Bay 4' })).toBeVisible()
    await expect(page.getByTestId('capacity-summary')).toContainText('booked of')
    await saveScreen(page, 'capacity-week')
  })

  test('Settings → Scheduling → Auto-booking', async ({ page, shop }) => {
    const floor = await seedBusyWeek(shop, shop.timeZone)
    const [first, second] = floor.technicians
    await shop.call('autobook.setTechnicianCategories', { technicianId: first!.id, categories: ['inspection', 'maintenance'] })
    await shop.call('autobook.setTechnicianCategories', { technicianId: second!.id, categories: ['repair'] })
    await page.goto('/#/settings?tab=scheduling')
    await expect(page.getByRole('checkbox', { name: `${second!.name}: Repair` })).toBeChecked()
    await expect(page.getByRole('checkbox', { name: `${second!.name}: Inspection` })).not.toBeChecked()
    await saveScreen(page, 'autobook-settings', { fullPage: true })
  })
})
