import { test, expect } from './fixtures'
import { seedBusyWeek } from './support/busy-week-seed'
import { saveScreen } from './support/screens'

// The day sheet of a busy day at a four-bay shop (.tmp/screens), on screen and as printed.
test.describe('screens: day sheet', () => {
  test('a busy Wednesday, per bay and per technician', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    await page.goto('/#/day-sheet?day=2026-03-11&by=bay')
    await expect(page.getByRole('region').first()).toBeVisible()
    await saveScreen(page, 'day-sheet-by-bay')
    await page.getByText('Per technician', { exact: true }).click()
    await expect(page).toHaveURL(/by=technician/)
    await expect(page.getByRole('region').first()).toBeVisible()
    await saveScreen(page, 'day-sheet-by-technician')
    await page.emulateMedia({ media: 'print' })
    await saveScreen(page, 'day-sheet-print-media')
  })
})
