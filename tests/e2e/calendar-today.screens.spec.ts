import { test, expect } from './fixtures'
import { seedBusyShop } from './support/activities-seed'
import { saveScreen } from './support/screens'

// Screenshots of the Calendar, the activity panel and Today with a busy week, for a person to
// look at (.tmp/screens). Each checks the page shows what was seeded, so none can pass blank.
test.describe('screens: calendar and today', () => {
  test('calendar views, panel and booking dialog', async ({ page, shop }) => {
    const seeded = await seedBusyShop(shop, shop.timeZone)
    await page.goto('/#/calendar')
    await expect(page.locator('.rbc-month-view .rbc-event').first()).toBeVisible()
    await saveScreen(page, 'calendar-month')

    await page.getByText('Week', { exact: true }).click()
    await page.getByText('By bay', { exact: true }).click()
    await expect(page.locator('.rbc-time-view .rbc-event').first()).toBeVisible()
    await saveScreen(page, 'calendar-week-by-bay')

    await page.getByText('Day', { exact: true }).click()
    await page.getByText('By technician', { exact: true }).click()
    await expect(page.locator('.rbc-time-view .rbc-event').first()).toBeVisible()
    await saveScreen(page, 'calendar-day-by-technician')

    await page.getByText('Agenda', { exact: true }).click()
    await expect(page.locator('.rbc-agenda-view')).toBeVisible()
    await saveScreen(page, 'calendar-agenda')

    // The panel of the job under way: Complete and Cancel are its moves.
    await page.getByText('Day', { exact: true }).click()
    const inProgress = seeded.today[1]!
    await page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${inProgress.id}"]`) }).click()
    await expect(page.getByTestId('activity-panel').getByRole('button', { name: 'Complete…' })).toBeVisible()
    await page.getByTestId('activity-panel').getByRole('button', { name: 'Complete…' }).click()
    await saveScreen(page, 'activity-panel')
    await page.keyboard.press('Escape')

    const unbooked = page
      .getByRole('list', { name: 'Unbooked activities' })
      .getByRole('button', { name: /^Book / })
      .first()
    await unbooked.click()
    const dialog = page.getByRole('dialog', { name: 'Book a time' })
    await dialog.getByRole('button', { name: 'Find next free slot' }).click()
    await expect(dialog.getByRole('list', { name: 'Free slots' })).toBeVisible()
    await saveScreen(page, 'booking-dialog')
  })

  test('today', async ({ page, shop }) => {
    await seedBusyShop(shop, shop.timeZone)
    await page.goto('/#/today')
    await expect(page.getByRole('region', { name: 'Booked today' }).locator('[data-activity-id]').first()).toBeVisible()
    await expect(page.getByRole('region', { name: /March 2026/ })).toBeVisible()
    await saveScreen(page, 'today')
    await saveScreen(page, 'today-full', { fullPage: true })
  })
})
