import { test, expect } from './fixtures'
import { seedBusyWeek } from './support/busy-week-seed'
import { saveScreen } from './support/screens'

// Screenshots of the calendar at a four-bay shop in a busy week (.tmp/screens), each after
// checking the page shows what was seeded.
test.describe('screens: a calendar read at a glance', () => {
  test('month, week and day, whole shop and by bay', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    await page.goto('/#/calendar')
    await expect(page.locator('.rbc-month-view .rbc-event').first()).toBeVisible()
    await saveScreen(page, 'glance-month')

    await page.getByText('Week', { exact: true }).click()
    await expect(page.locator('.rbc-time-view .rbc-event').first()).toBeVisible()
    await saveScreen(page, 'glance-week')
    await page.getByText('By bay', { exact: true }).click()
    await expect(page.locator('.rbc-time-view .rbc-event').first()).toBeVisible()
    await saveScreen(page, 'glance-week-by-bay')

    await page.getByText('Day', { exact: true }).click()
    await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.locator('.rbc-time-view .rbc-event').first()).toBeVisible()
    await saveScreen(page, 'glance-day-by-bay')
    await page.getByText('Whole shop', { exact: true }).click()
    await saveScreen(page, 'glance-day')

    // Wednesday the 18th: unbooked work in the all-day row above the bays.
    await page.getByText('By bay', { exact: true }).click()
    for (let i = 0; i < 7; i++) await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.locator('.rbc-allday-cell .rbc-event').first()).toBeVisible()
    await saveScreen(page, 'glance-day-by-bay-all-day')
  })
})
