import { test, expect, seedVehicle } from './fixtures'
import { showView } from './support/calendar-view'

// The core's clock: Tuesday 2026-03-10, 11:00 in New York (the fixtures' default). The
// manager's laptop is in Tokyo, and its clock is four days ahead: there it is already
// Sunday 2026-03-15, 00:00. Every screen must still show the shop's Tuesday.
test.use({ timezoneId: 'Asia/Tokyo' })
const LAPTOP_NOW = '2026-03-14T15:00:00.000Z'

test.describe("the shop's clock and time zone", () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(new Date(LAPTOP_NOW))
  })

  test('the header shows the shop\u2019s date, labelled as shop time', async ({ page }) => {
    await page.goto('/#/today')
    const date = page.getByTestId('shop-date')
    await expect(date).toContainText('Tuesday, March 10, 2026')
    await expect(date).toContainText('Shop time (America/New_York)')
  })

  test('the calendar\u2019s today, Today button and now-line follow the core\u2019s clock in the shop\u2019s zone', async ({ page }) => {
    await page.goto('/#/calendar')
    await expect(page.getByTestId('calendar-range')).toHaveText('March 2026')
    await expect(page.locator('.rbc-date-cell.rbc-now [data-date]')).toHaveAttribute('data-date', '2026-03-10')
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByRole('button', { name: 'Today' }).click()
    await showView(page, 'Day')
    await expect(page.getByTestId('calendar-range')).toContainText('Mar 10, 2026')
    // The now-line sits at 11:00 shop time: between the 10:00 and 12:00 lines.
    const line = await page.locator('.rbc-current-time-indicator').boundingBox()
    const ten = await page.locator('.rbc-time-gutter .rbc-label', { hasText: /^10:00 AM$/ }).boundingBox()
    const noon = await page.locator('.rbc-time-gutter .rbc-label', { hasText: /^12:00 PM$/ }).boundingBox()
    expect(line && ten && noon).toBeTruthy()
    expect(line!.y).toBeGreaterThan(ten!.y)
    expect(line!.y).toBeLessThan(noon!.y)
  })

  test('forms default to the shop\u2019s today: onboarding and odometer readings', async ({ page, shop }) => {
    const vehicle = await seedVehicle(shop, { make: 'Honda', model: 'Civic', onboardingDate: '2026-01-15' })
    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'New vehicle' }).click()
    await expect(page.getByRole('dialog', { name: 'New vehicle' }).getByLabel('Onboarding date')).toHaveValue('Mar 10, 2026')
    await page.keyboard.press('Escape')
    await page.goto(`/#/vehicles/${vehicle.id}`)
    await expect(page.getByRole('form', { name: 'Add an odometer reading' }).getByLabel('Date')).toHaveValue('Mar 10, 2026')
  })
})
