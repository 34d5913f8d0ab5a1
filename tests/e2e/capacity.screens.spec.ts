import { test, expect } from './fixtures'
import { seedBooking, seedBusyShop } from './support/activities-seed'
import { clearBay } from './support/bayless'
import { saveScreen } from './support/screens'
import { settled } from './support/motion'

// Screenshots for a person to look at (.tmp/screens): a 4-bay shop in a busy week.
const TZ = 'America/New_York'

test.describe('capacity screens', () => {
  test('booking form, "No bay" events, the panel asking for a bay, the drop notice', async ({ page, shop }) => {
    const busy = await seedBusyShop(shop, TZ)
    await shop.call('bays.create', { name: 'Bay 4' })
    const old = await seedBooking(shop, TZ, { vehicle: busy.vehicles[2]!, type: busy.types['Tire rotation']!, day: '2026-03-11', time: '15:00' })
    clearBay(shop.dbPath, old.id)

    await page.goto('/#/calendar')
    const [first] = await shop.call('activities.unbooked', {})
    await page.getByRole('button', { name: `Book ${first!.typeName} for ${first!.vehicleLabel}` }).click()
    const dialog = page.getByRole('dialog', { name: 'Book a time' })
    await expect(dialog.getByRole('combobox', { name: 'Bay' })).toHaveValue('First free bay')
    await settled(page)
    await saveScreen(page, 'capacity-booking-form')
    await dialog.getByLabel('Date').fill('Mar 11, 2026')
    await dialog.getByLabel('Time').fill('13:00')
    await dialog.getByRole('button', { name: 'Book', exact: true }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Booked' })).toBeVisible()

    await page.getByText('Week', { exact: true }).click()
    await expect(page.locator('[data-needs-bay]').first()).toBeVisible()
    await saveScreen(page, 'capacity-week-no-bay-and-notice')

    await page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${old.id}"]`) }).click()
    await expect(page.getByText('Needs a bay')).toBeVisible()
    await settled(page)
    await saveScreen(page, 'capacity-panel-needs-bay')
  })
})

test.describe('shop time screens', () => {
  test.use({ timezoneId: 'Asia/Tokyo' })
  test('a manager in Tokyo sees the shop\u2019s day, labelled', async ({ page, shop }) => {
    await seedBusyShop(shop, TZ)
    await page.clock.setFixedTime(new Date('2026-03-14T15:00:00.000Z'))
    await page.goto('/#/calendar')
    await page.getByText('Week', { exact: true }).click()
    await expect(page.getByTestId('shop-date')).toContainText('Shop time (America/New_York)')
    await saveScreen(page, 'shop-time-week-from-tokyo')
  })
})
