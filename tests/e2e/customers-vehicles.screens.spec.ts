import { test, expect, seedFrontDesk } from './fixtures'
import { saveScreen } from './support/screens'

// Screenshots of the customers and vehicles pages with a realistic book, for a person to look
// at (.tmp/screens). Each also checks the page shows what was seeded, so it cannot pass blank.
test.describe('screens: customers and vehicles', () => {
  test.beforeEach(async ({ shop }) => {
    await seedFrontDesk(shop)
  })

  test('customers', async ({ page }) => {
    await page.goto('/#/customers')
    await expect(page.getByRole('row', { name: /Northside Plumbing LLC/ })).toBeVisible()
    await saveScreen(page, 'customers')
    await page.getByRole('switch', { name: 'Show inactive' }).check()
    await expect(page.getByRole('row', { name: /Olivia Brooks/ })).toBeVisible()
    await saveScreen(page, 'customers-inactive')
    await page.getByRole('button', { name: 'Edit Marcus Chen' }).click()
    await expect(page.getByRole('dialog', { name: 'Edit Marcus Chen' })).toBeVisible()
    await saveScreen(page, 'customer-edit')
  })

  test('vehicles', async ({ page }) => {
    await page.goto('/#/vehicles')
    await expect(page.getByRole('row', { name: /Transit 250/ }).first()).toBeVisible()
    await saveScreen(page, 'vehicles')
    await page.getByRole('radiogroup', { name: 'Show vehicles by status' }).getByText('All').click()
    await page.getByRole('textbox', { name: 'Search vehicles' }).fill('silverado')
    await expect(page.getByRole('table', { name: 'Vehicles' }).locator('tbody tr')).toHaveCount(2)
    await expect(page.getByRole('row', { name: /Silverado 1500/ })).toContainText('Inactive')
    await saveScreen(page, 'vehicles-all-search')
    await page.getByRole('button', { name: 'New vehicle' }).click()
    const dialog = page.getByRole('dialog', { name: 'New vehicle' })
    await dialog.getByRole('textbox', { name: 'VIN' }).fill('1HGCM82633A00IO')
    await dialog.getByRole('button', { name: 'Create vehicle' }).click()
    await saveScreen(page, 'vehicle-new-errors')
  })

  test('one vehicle', async ({ page }) => {
    await page.goto('/#/vehicles')
    await page.getByRole('link', { name: '2019 Honda Civic' }).click()
    await expect(page.getByRole('heading', { name: '2019 Honda Civic' })).toBeVisible()
    await saveScreen(page, 'vehicle')
  })
})

test('screens: an empty shop', async ({ page }) => {
  await page.goto('/#/customers')
  await expect(page.getByText('No customers yet')).toBeVisible()
  await saveScreen(page, 'customers-empty')
  await page.goto('/#/vehicles')
  await expect(page.getByText('No vehicles yet')).toBeVisible()
  await saveScreen(page, 'vehicles-empty')
})
