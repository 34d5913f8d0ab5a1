import type { Page } from '@playwright/test'
import { test, expect, seedCustomer } from './fixtures'

// What a form needs that does not exist yet is made from that form, without losing what was typed.

const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title })

test.describe('made on the spot', () => {
  test('the vehicle form creates its owner: named as typed in the search, chosen when saved, the vehicle filled in meanwhile kept', async ({ page, shop }) => {
    await seedCustomer(shop, { name: 'Dana Reyes' })
    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'New vehicle' }).click()
    const vehicle = dialog(page, 'New vehicle')
    await vehicle.getByRole('textbox', { name: 'VIN' }).fill('1HGCV1F39KA000101')
    await vehicle.getByRole('textbox', { name: 'Make' }).fill('Honda')
    await vehicle.getByRole('combobox', { name: 'Customer' }).fill('Priya Shah')
    await expect(page.getByText('No active customer by that name')).toBeVisible()

    await vehicle.getByRole('button', { name: 'New customer…' }).click()
    const customer = dialog(page, 'New customer')
    await expect(customer.getByRole('textbox', { name: 'Name' })).toHaveValue('Priya Shah')
    await customer.getByRole('textbox', { name: 'Email' }).fill('priya@example.com')
    await customer.getByRole('button', { name: 'Create customer' }).click()
    await expect(customer).toBeHidden()

    // Back in the vehicle form: the new owner chosen, what was typed still there.
    await expect(vehicle.getByRole('combobox', { name: 'Customer' })).toHaveValue('Priya Shah')
    await expect(vehicle.getByRole('textbox', { name: 'VIN' })).toHaveValue('1HGCV1F39KA000101')
    await expect(vehicle.getByRole('textbox', { name: 'Make' })).toHaveValue('Honda')
    await vehicle.getByRole('textbox', { name: 'Model', exact: true }).fill('Civic')
    await vehicle.getByRole('textbox', { name: 'Model year' }).fill('2019')
    await vehicle.getByRole('button', { name: 'Create vehicle' }).click()
    await expect(vehicle).toBeHidden()

    const customers = await shop.call('customers.list', {})
    const priya = customers.find((c) => c.name === 'Priya Shah')
    expect(priya).toMatchObject({ email: 'priya@example.com' })
    const [stored] = await shop.call('vehicles.list', {})
    expect(stored).toMatchObject({ vin: '1HGCV1F39KA000101', customerId: priya!.id, customerName: 'Priya Shah' })
  })

  test('cancelling the new customer leaves the vehicle form as it was, with no customer made', async ({ page, shop }) => {
    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'New vehicle' }).click()
    const vehicle = dialog(page, 'New vehicle')
    await vehicle.getByRole('textbox', { name: 'Make' }).fill('Ford')
    await vehicle.getByRole('button', { name: 'New customer…' }).click()
    const customer = dialog(page, 'New customer')
    await customer.getByRole('button', { name: 'Cancel' }).click()
    await expect(customer).toBeHidden()
    await expect(vehicle).toBeVisible()
    await expect(vehicle.getByRole('textbox', { name: 'Make' })).toHaveValue('Ford')
    expect(await shop.call('customers.list', {})).toEqual([])
  })

  test('a template creates its activity type: named as typed, chosen once added, and the template saved with it', async ({ page, shop }) => {
    await page.goto('/#/settings?tab=templates')
    await page.getByRole('button', { name: 'Add template' }).click()
    const template = dialog(page, 'Add a maintenance template')
    await template.getByRole('combobox', { name: 'Work' }).fill('Cabin air filter')
    await expect(page.getByText('No such type yet: New type… adds it')).toBeVisible()
    await template.getByRole('button', { name: 'New type…' }).click()
    const type = dialog(page, 'Add an activity type')
    await expect(type.getByRole('textbox', { name: 'Name' })).toHaveValue('Cabin air filter')
    await type.getByRole('textbox', { name: 'Duration' }).fill('20')
    await type.getByRole('button', { name: 'Add type' }).click()
    await expect(type).toBeHidden()

    await expect(template.getByRole('combobox', { name: 'Work' })).toHaveValue('Cabin air filter')
    await template.getByRole('textbox', { name: 'Months' }).fill('12')
    await template.getByRole('button', { name: 'Add template' }).click()
    await expect(page.getByRole('row', { name: /Cabin air filter/ })).toContainText('Every 12 months')
    const types = await shop.call('activityTypes.list', {})
    expect(types.find((t) => t.name === 'Cabin air filter')).toMatchObject({ durationMinutes: 20, category: 'maintenance' })
  })
})
